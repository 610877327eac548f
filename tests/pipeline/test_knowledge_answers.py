"""The bot answers from the site's help center: a visitor's question through the widget API and
the worker's task, the reply's text and stored outcome, the feedback buttons' endpoint, the
grounded LLM prompt, and the crisis path the help center never replaces."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from rest_framework.test import APIClient

from conversations.models import Conversation, Message
from empathy.replies import ReplyConfig, ReplyService, reply_service_set
from empathy.replies.providers import OpenAICompatibleProvider
from knowledge.models import Passage
from knowledge.services import kb_demo_import
from pipeline import process
from tests.conversations.conftest import ConversationFactory, SiteFactory, token_for
from tests.fakes.openai_server import FakeOpenAIServer

RESET_URL = "https://help.example.com/articles/reset-password"


@pytest.fixture
def offline_chain() -> Iterator[None]:
    reply_service_set(ReplyService())
    yield
    reply_service_set(None)


@pytest.fixture
def helped(db, detector, offline_chain) -> Conversation:  # type: ignore[no-untyped-def]
    site = SiteFactory(site_key="helped")
    report = kb_demo_import(site=site)
    assert report.failed == []
    return ConversationFactory(site=site)


def _client(conversation: Conversation) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(conversation)}")
    return client


def _ask(conversation: Conversation, text: str) -> Message:
    """Send as the widget does, then run the worker's task; returns the bot's answer."""
    response = _client(conversation).post(
        f"/api/v1/widget/conversations/{conversation.id}/messages",
        {"client_message_id": str(uuid.uuid4()), "text": text},
        format="json",
    )
    assert response.status_code == 201, response.content
    visitor_id = response.json()["id"]
    process.message_process(message_id=visitor_id)
    return Message.objects.get(reply_to_id=visitor_id)


def _metric(client: APIClient, outcome: str) -> float:
    body = client.get("/metrics").content.decode()
    prefix = f'kb_answers_total{{outcome="{outcome}"}} '
    return next(
        (float(line[len(prefix) :]) for line in body.splitlines() if line.startswith(prefix)), 0.0
    )


def test_a_question_the_help_center_answers_gets_the_passage_and_the_article(
    helped: Conversation,
) -> None:
    scrape = APIClient()
    before = _metric(scrape, "answered")
    reply = _ask(helped, "how do I reset my password? I'm locked out")
    assert "Here is what our help center says:" in reply.text
    quoted = Passage.objects.get(pk=reply.meta["kb"]["passage_id"]).text.strip()
    assert quoted.splitlines()[0] in reply.text
    assert reply.text.endswith(f"Full article: {RESET_URL}")
    assert reply.meta["kb"]["outcome"] == "answered"
    assert reply.meta["kb"]["url"] == RESET_URL
    events = _client(helped).get(f"/api/v1/widget/conversations/{helped.id}/events").json()
    shown = [e["message"] for e in events["events"] if e["type"] == "message.created"][-1]
    assert shown["knowledge"] == {
        "outcome": "answered",
        "title": "How do I reset my password?",
        "url": RESET_URL,
    }
    assert _metric(scrape, "answered") == before + 1


def test_a_question_it_cannot_answer_is_said_plainly_with_a_person_offered(
    helped: Conversation,
) -> None:
    reply = _ask(helped, "Do you ship live lobsters to Antarctica?")
    assert "I don't have an answer to that in our help center, and I'd rather not guess." in (
        reply.text
    )
    assert "I can connect you with a person from our team who can help with it." in reply.text
    assert reply.meta["kb"] == {"outcome": "no_answer"}
    assert "?" not in reply.text.split("guess.")[-1]


def test_a_crisis_message_gets_help_lines_and_never_a_help_center_answer(
    helped: Conversation,
) -> None:
    response = _client(helped).post(
        f"/api/v1/widget/conversations/{helped.id}/messages",
        {"client_message_id": str(uuid.uuid4()), "text": "I want to kill myself tonight"},
        format="json",
    )
    assert response.status_code == 201
    process.message_process(message_id=response.json()["id"])
    later = Message.objects.filter(conversation=helped).exclude(sender="visitor")
    assert later.exists()
    assert all("kb" not in (m.meta or {}) for m in later)
    assert not any("help center" in m.text for m in later)


def test_feedback_no_offers_a_person_and_yes_is_counted(  # type: ignore[no-untyped-def]
    helped: Conversation, django_capture_on_commit_callbacks
) -> None:
    reply = _ask(helped, "how can I change my delivery address?")
    url = f"/api/v1/widget/conversations/{helped.id}/messages/{reply.pk}/feedback"
    scrape = APIClient()
    helpful_before = _metric(scrape, "helpful")
    with django_capture_on_commit_callbacks(execute=True):
        no = _client(helped).post(url, {"helpful": False}, format="json")
    assert no.status_code == 200
    assert no.json() == {"helpful": False, "offer_human": True}
    with django_capture_on_commit_callbacks(execute=True):
        yes = _client(helped).post(url, {"helpful": True}, format="json")
    assert yes.json() == {"helpful": True, "offer_human": False}
    assert reply.kb_feedback.outcome == "yes"  # a second verdict replaces the first
    assert _metric(scrape, "helpful") == helpful_before + 1


def test_feedback_is_refused_on_other_messages_and_other_visitors(helped: Conversation) -> None:
    reply = _ask(helped, "Do you ship live lobsters to Antarctica?")
    url = f"/api/v1/widget/conversations/{helped.id}/messages/{reply.pk}/feedback"
    refused = _client(helped).post(url, {"helpful": True}, format="json")
    assert refused.status_code == 400
    assert refused.json()["message"] == "This message did not come from the help center."
    other = ConversationFactory(site=helped.site)
    foreign = _client(other).post(url, {"helpful": True}, format="json")
    assert foreign.status_code == 404
    bad = _client(helped).post(url, {"helpful": "maybe"}, format="json")
    assert bad.status_code == 400
    assert bad.json()["error"] == "invalid"


def test_an_llm_gets_the_passages_and_may_link_the_article(helped: Conversation) -> None:
    with FakeOpenAIServer() as llm:
        llm.answer(f"You can reset it from the sign-in page. Details: {RESET_URL}")
        reply_service_set(
            ReplyService(
                remotes=[
                    OpenAICompatibleProvider(
                        name="primary", model="m", api_key="k", base_url=llm.url
                    )
                ],
                config=ReplyConfig(timeout_seconds=2.0, budget_seconds=3.0, cache_ttl=0),
            )
        )
        reply = _ask(helped, "how do I reset my password?")
        system = llm.requests[0].json["messages"][0]["content"]
    assert "Answer the visitor's question only from these passages" in system
    assert f"[1] How do I reset my password? ({RESET_URL})" in system
    assert reply.meta["provider"] == "primary"
    assert reply.text == f"You can reset it from the sign-in page. Details: {RESET_URL}"


def _length_count(client: APIClient, successful: str) -> float:
    body = client.get("/metrics").content.decode()
    total = 0.0
    for line in body.splitlines():
        if line.startswith("conversation_length_by_emotion_count{") and (
            f'successful_resolution="{successful}"' in line
        ):
            total += float(line.rsplit(" ", 1)[1])
    return total


@pytest.mark.parametrize("helpful", [True, False])
def test_a_chat_the_help_center_solved_ends_as_a_successful_resolution(  # type: ignore[no-untyped-def]
    helped: Conversation, helpful: bool, django_capture_on_commit_callbacks
) -> None:
    scrape = APIClient()
    before = _length_count(scrape, "true" if helpful else "false")
    reply = _ask(helped, "how can I change my delivery address?")
    url = f"/api/v1/widget/conversations/{helped.id}/messages/{reply.pk}/feedback"
    with django_capture_on_commit_callbacks(execute=True):
        _client(helped).post(url, {"helpful": helpful}, format="json")
        ended = _client(helped).post(f"/api/v1/widget/conversations/{helped.id}/end")
    assert ended.status_code == 200
    assert _length_count(scrape, "true" if helpful else "false") == before + 1

"""The crisis path: synchronous, in the message's transaction, without Redis, Celery or an LLM."""

from __future__ import annotations

import socket
import time
import uuid

import httpx
import pytest
from django.db import connection

from conversations import selectors as conversation_selectors
from conversations.models import Conversation, ConversationEvent, Message
from escalations import services
from escalations.models import Escalation, EscalationEvent
from pipeline import process
from tests.escalations.conftest import ORIGIN, receive, widget_client

CRISIS_TEXT = "I want to kill myself tonight"


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # closed again when the block ends


def _post(client, conversation: Conversation, text: str):  # type: ignore[no-untyped-def]
    return client.post(
        f"/api/v1/widget/conversations/{conversation.id}/messages",
        {"client_message_id": str(uuid.uuid4()), "text": text},
        format="json",
    )


@pytest.mark.django_db(transaction=True)
def test_crisis_message_escalates_in_the_same_request(
    conversation: Conversation, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    conversation.visitor.locale = "en-US"
    conversation.visitor.save()
    response = _post(widget_client(conversation), conversation, CRISIS_TEXT)

    assert response.status_code == 201
    escalation = Escalation.objects.get(conversation=conversation)
    assert (
        escalation.reason,
        escalation.urgency,
        escalation.required_skill,
        escalation.status,
    ) == (
        "crisis_indicators",
        "critical",
        "crisis",
        "queued",
    )
    assert escalation.crisis["level"] == "crisis"
    assert "explicit_intent" in escalation.crisis["rules"]
    assert escalation.trigger_message.text == CRISIS_TEXT
    conversation.refresh_from_db()
    assert (conversation.status, conversation.handoff_reason) == (
        "waiting_for_agent",
        "crisis_indicators",
    )
    events = list(
        ConversationEvent.objects.filter(conversation=conversation)
        .order_by("seq")
        .values_list("seq", "type")
    )
    assert events == [
        (1, "message.created"),
        (2, "conversation.status_changed"),
        (3, "message.created"),
    ]
    notice = Message.objects.get(conversation=conversation, seq=3)
    assert notice.sender == "system"
    assert "988" in notice.text
    assert "911" in notice.text
    assert notice.meta == {
        "handoff": "crisis_indicators",
        "crisis_resources": True,
        "help_topics": ["self"],
    }
    visitor_message = Message.objects.get(conversation=conversation, seq=1)
    assert visitor_message.meta["crisis"]["level"] == "crisis"
    assert list(
        EscalationEvent.objects.filter(escalation=escalation).values_list("type", flat=True)
    ) == ["opened"]


@pytest.mark.parametrize(
    ("locale", "must_contain", "must_not_contain"),
    [
        pytest.param("en-US", ["988", "911"], ["116 123"], id="us"),
        pytest.param("en-CA", ["9-8-8", "911"], ["116 123"], id="ca"),
        pytest.param("en-GB", ["116 123", "999"], ["988"], id="uk"),
        pytest.param("en_IE", ["1800 247 247", "50808", "112"], ["988"], id="ie"),
        pytest.param("en-AU", ["13 11 14", "000"], ["988"], id="au"),
        pytest.param("fr-FR", ["appelez le 3114", "112"], ["988", "116 123"], id="fr-in-french"),
        pytest.param("pl-PL", ["findahelpline.com", "emergency number"], ["988"], id="unlisted"),
        pytest.param("en", ["findahelpline.com", "emergency number"], ["988"], id="no-country"),
    ],
)
def test_help_resources_follow_the_visitor_locale(
    locale: str, must_contain: list[str], must_not_contain: list[str]
) -> None:
    text = services.crisis_resources_text(locale=locale)
    for expected in must_contain:
        assert expected in text
    for unexpected in must_not_contain:
        assert unexpected not in text


def test_help_resources_come_from_settings(settings) -> None:  # type: ignore[no-untyped-def]
    line = {"name": "Need to Talk?", "phone": "1737", "sms": "", "chat": "", "hours": ""}
    default = {"name": "Directory", "phone": "", "sms": "", "chat": "help.example", "hours": ""}
    settings.CRISIS_RESOURCES = {
        "countries": {"NZ": {"emergency": "111", "crisis": [line], "abuse": [], "child": []}},
        "default": {"crisis": [default]},
    }
    assert "Need to Talk?: call 1737" in services.crisis_resources_text(locale="en-NZ")
    assert "online: help.example" in services.crisis_resources_text(locale="en-DE")


@pytest.mark.django_db
def test_crisis_latches_the_bot_until_an_agent_resolves(
    conversation: Conversation, detector, agent_factory
) -> None:  # type: ignore[no-untyped-def]
    crisis = receive(conversation, CRISIS_TEXT)
    assert process.message_process(message_id=crisis.pk) == "silent"
    follow_up = receive(conversation, "thanks, that helped a lot")
    assert process.message_process(message_id=follow_up.pk) == "silent"
    assert not Message.objects.filter(conversation=conversation, sender="bot").exists()
    # The reading still reaches the escalation's journey.
    escalation = Escalation.objects.get(conversation=conversation)
    assert [item["seq"] for item in escalation.journey] == [crisis.seq, follow_up.seq]

    agent = agent_factory("ann", skills=["crisis"], status="offline")
    services.escalation_claim(escalation_id=escalation.pk, user=agent)
    with pytest.raises(services.EscalationConflict):
        services.escalation_hand_back(conversation_id=conversation.id, user=agent)
    conversation.refresh_from_db()
    assert conversation.status == "with_agent"
    with pytest.raises(services.ClosingNoteRequired):
        services.escalation_resolve(conversation_id=conversation.id, user=agent)
    services.escalation_resolve(
        conversation_id=conversation.id, user=agent, note="Talked it through; gave the lines."
    )
    conversation.refresh_from_db()
    assert conversation.status == "resolved"
    closing = escalation.events.get(type="closing_note")
    assert closing.data == {"note": "Talked it through; gave the lines."}


CONCERN_TEXT = "I feel so hopeless lately"


def _system_metas(conversation: Conversation) -> list[dict]:
    return list(
        Message.objects.filter(conversation=conversation, sender="system")
        .order_by("seq")
        .values_list("meta", flat=True)
    )


@pytest.mark.django_db
def test_a_single_concern_opens_a_review_by_a_crisis_trained_person(
    conversation: Conversation, detector
) -> None:  # type: ignore[no-untyped-def]
    message = receive(conversation, CONCERN_TEXT)
    assert message.meta["crisis"]["level"] == "concern"
    escalation = Escalation.objects.get(conversation=conversation)
    assert (
        escalation.reason,
        escalation.rule,
        escalation.urgency,
        escalation.required_skill,
        escalation.status,
        escalation.crisis_level,
        escalation.trigger_message_id,
    ) == ("crisis_indicators", "crisis_concern", "high", "crisis", "queued", "concern", message.pk)
    assert escalation.crisis["level"] == "concern"
    assert escalation.suggested_approach.startswith("Check in on their safety first.")
    assert escalation.summary.startswith(
        "Possible crisis signs in the visitor's words (crisis_concern); urgency high."
    )

    assert conversation_selectors.conversation_concern_count(conversation_id=conversation.id) == 1
    # A review: the visitor is told nothing and the bot answers (with care) meanwhile.
    conversation.refresh_from_db()
    assert conversation.status == "bot"
    assert _system_metas(conversation) == []
    assert process.message_process(message_id=message.pk) == "replied"
    reply = Message.objects.get(conversation=conversation, sender="bot")
    assert reply.reply_to_id == message.pk
    assert reply.meta["strategy"] == "check_in"
    # Visitors under review get no queue hints (they were not told anyone is coming).
    assert services.queue_hints_send() == 0


@pytest.mark.django_db
def test_routing_a_review_keeps_the_bot_until_the_agent_writes(
    conversation: Conversation, detector, agent_factory
) -> None:  # type: ignore[no-untyped-def]
    agent = agent_factory("cara", skills=["crisis"], status="online")
    receive(conversation, CONCERN_TEXT)
    escalation = Escalation.objects.get(conversation=conversation)
    assert services.escalation_route(escalation_id=escalation.pk) is not None
    escalation.refresh_from_db()
    conversation.refresh_from_db()
    assert (escalation.status, escalation.assigned_to_id, conversation.status) == (
        "assigned",
        agent.pk,
        "bot",
    )
    follow_up = receive(conversation, "anyway, where is my parcel?")
    assert process.message_process(message_id=follow_up.pk) == "replied"

    services.agent_message_post(conversation_id=conversation.id, user=agent, text="Hi, I'm Cara.")
    conversation.refresh_from_db()
    assert conversation.status == "with_agent"
    assert list(escalation.events.values_list("type", flat=True)) == [
        "opened",
        "routed",
        "took_over",
    ]
    later = receive(conversation, "thanks Cara")
    assert process.message_process(message_id=later.pk) == "silent"


@pytest.mark.django_db
def test_a_concern_then_a_crisis_hands_over_at_once_with_help(
    conversation: Conversation, detector, agent_factory
) -> None:  # type: ignore[no-untyped-def]
    receive(conversation, CONCERN_TEXT)
    receive(conversation, CRISIS_TEXT)
    escalation = Escalation.objects.get(conversation=conversation)
    assert (escalation.rule, escalation.urgency, escalation.crisis_level) == (
        "crisis_assessment",
        "critical",
        "crisis",
    )
    assert list(escalation.events.values_list("type", flat=True)) == [
        "opened",
        "upgraded_to_crisis",
    ]
    conversation.refresh_from_db()
    assert conversation.status == "waiting_for_agent"
    assert _system_metas(conversation) == [
        {"handoff": "crisis_indicators", "crisis_resources": True, "help_topics": ["self"]}
    ]
    # From then on it is latched like any crisis.
    agent = agent_factory("cara", skills=["crisis"], status="offline")
    services.escalation_claim(escalation_id=escalation.pk, user=agent)
    with pytest.raises(services.EscalationConflict):
        services.escalation_hand_back(conversation_id=conversation.id, user=agent)


@pytest.mark.django_db
def test_a_review_hands_over_when_another_reason_fires(
    conversation: Conversation, detector
) -> None:  # type: ignore[no-untyped-def]
    receive(conversation, CONCERN_TEXT)
    ask = receive(conversation, "can I talk to a real person please")
    assert process.message_process(message_id=ask.pk) == "silent"
    escalation = Escalation.objects.get(conversation=conversation)
    # Still the crisis-trained review (the person who comes must be crisis-trained).
    assert (escalation.reason, escalation.urgency, escalation.required_skill) == (
        "crisis_indicators",
        "high",
        "crisis",
    )
    assert list(escalation.events.values_list("type", flat=True)) == ["opened", "handed_over"]
    conversation.refresh_from_db()
    assert conversation.status == "waiting_for_agent"
    notice = Message.objects.get(conversation=conversation, sender="system")
    assert (notice.text, notice.meta, notice.reply_to_id) == (
        services.HANDOFF_TEXT,
        {"handoff": "user_request"},
        ask.pk,
    )


@pytest.mark.django_db
def test_a_second_concern_keeps_one_review(conversation: Conversation, detector) -> None:  # type: ignore[no-untyped-def]
    receive(conversation, CONCERN_TEXT)
    receive(conversation, "honestly everything feels pointless")
    escalation = Escalation.objects.get(conversation=conversation)
    assert escalation.urgency == "high"
    assert list(escalation.events.values_list("type", flat=True)) == [
        "opened",
        "concern_repeated",
    ]
    assert _system_metas(conversation) == []


@pytest.mark.django_db
def test_a_concern_raises_an_open_request_for_a_person(
    conversation: Conversation, detector, agent_factory
) -> None:  # type: ignore[no-untyped-def]
    generalist = agent_factory("gil", skills=[], status="offline")
    escalation = services.escalation_request_human(conversation=conversation)
    services.escalation_claim(escalation_id=escalation.pk, user=generalist)
    receive(conversation, CONCERN_TEXT)
    escalation.refresh_from_db()
    assert (
        escalation.reason,
        escalation.rule,
        escalation.urgency,
        escalation.required_skill,
        escalation.status,
        escalation.assigned_to_id,
    ) == ("crisis_indicators", "crisis_concern", "high", "crisis", "queued", None)
    assert list(escalation.events.values_list("type", flat=True)) == [
        "opened",
        "claimed",
        "upgraded_to_concern",
        "requeued",
    ]
    conversation.refresh_from_db()
    assert conversation.status == "waiting_for_agent"
    # No second notice: they were already told a person is coming.
    assert _system_metas(conversation) == [{"handoff": "user_request"}]


@pytest.mark.django_db
def test_an_agent_may_hand_a_concern_back_to_the_bot(
    conversation: Conversation, detector, agent_factory
) -> None:  # type: ignore[no-untyped-def]
    receive(conversation, CONCERN_TEXT)
    escalation = Escalation.objects.get(conversation=conversation)
    agent = agent_factory("cara", skills=["crisis"], status="offline")
    services.escalation_claim(escalation_id=escalation.pk, user=agent)
    conversation.refresh_from_db()
    assert conversation.status == "bot"
    services.escalation_hand_back(conversation_id=conversation.id, user=agent)
    conversation.refresh_from_db()
    escalation.refresh_from_db()
    assert (conversation.status, escalation.status) == ("bot", "handed_back")


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["this bug is killing me", "how do I end my subscription"])
def test_idioms_do_not_escalate(conversation: Conversation, text: str) -> None:
    message = receive(conversation, text)
    assert message.meta["crisis"]["level"] == "none"
    assert not Escalation.objects.exists()


@pytest.mark.django_db
def test_second_crisis_message_keeps_one_escalation_and_sends_help_once(
    conversation: Conversation,
) -> None:
    receive(conversation, CRISIS_TEXT)
    receive(conversation, "I have the pills in front of me and I am done")
    escalation = Escalation.objects.get(conversation=conversation)
    assert Message.objects.filter(conversation=conversation, sender="system").count() == 1
    assert list(escalation.events.values_list("type", flat=True)) == ["opened", "crisis_repeated"]


@pytest.mark.django_db
def test_crisis_upgrades_an_open_non_crisis_escalation(conversation: Conversation) -> None:
    services.escalation_request_human(conversation=conversation)
    receive(conversation, CRISIS_TEXT)
    escalation = Escalation.objects.get(conversation=conversation)
    assert (escalation.reason, escalation.urgency, escalation.required_skill) == (
        "crisis_indicators",
        "critical",
        "crisis",
    )
    notices = list(
        Message.objects.filter(conversation=conversation, sender="system").values_list(
            "meta", flat=True
        )
    )
    assert notices == [
        {"handoff": "user_request"},
        {"handoff": "crisis_indicators", "crisis_resources": True, "help_topics": ["self"]},
    ]


@pytest.mark.django_db(transaction=True)
def test_crisis_request_succeeds_with_redis_and_broker_unreachable(
    conversation: Conversation, settings, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    port = _closed_port()
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [f"redis://127.0.0.1:{port}/0"]},
        }
    }
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
        }
    }
    from channels.layers import channel_layers

    channel_layers.backends.clear()
    from config.celery import app

    saved = (app.conf.task_always_eager, app.conf.broker_url)
    app.conf.task_always_eager = False
    app.conf.broker_url = f"redis://127.0.0.1:{port}/0"
    app._pool = None
    try:
        response = _post(widget_client(conversation), conversation, CRISIS_TEXT)
    finally:
        app.conf.task_always_eager, app.conf.broker_url = saved
        app._pool = None
        channel_layers.backends.clear()

    assert response.status_code == 201
    escalation = Escalation.objects.get(conversation=conversation)
    assert escalation.urgency == "critical"
    assert Message.objects.filter(conversation=conversation, sender="system").count() == 1


# ---------------------------------------------------------------------------
# The real thing: a web server process whose Redis and LLM endpoints are unreachable
# ---------------------------------------------------------------------------
@pytest.mark.postgres
@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_crisis_path_on_a_server_with_redis_stopped_and_llm_unreachable(site) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import run_asgi_server

    assert connection.vendor == "postgresql"
    dead = _closed_port()
    env = {
        "REDIS_URL": f"redis://127.0.0.1:{dead}/0",
        "CELERY_BROKER_URL": f"redis://127.0.0.1:{dead}/0",
        "OPENAI_API_KEY": "sk-test",
        "OPENAI_BASE_URL": f"http://127.0.0.1:{dead}/v1",
        "EMOTION_DETECTOR": "llm",
        "EMOTION_LLM_API_KEY": "sk-test",
        "EMOTION_LLM_BASE_URL": f"http://127.0.0.1:{dead}/v1",
    }
    with run_asgi_server(eager=False, extra_env=env, name="redis-down") as server:
        headers = {"Origin": ORIGIN}
        created = httpx.post(
            f"{server.url}/api/v1/widget/conversations",
            json={"site_key": site.site_key, "locale": "en-GB"},
            headers=headers,
            timeout=30,
        )
        assert created.status_code == 201, created.text
        body = created.json()
        started = time.monotonic()
        sent = httpx.post(
            f"{server.url}/api/v1/widget/conversations/{body['id']}/messages",
            json={"client_message_id": str(uuid.uuid4()), "text": CRISIS_TEXT},
            headers={**headers, "Authorization": f"Bearer {body['token']}"},
            timeout=30,
        )
        elapsed = time.monotonic() - started
        assert sent.status_code == 201, sent.text
        events = httpx.get(
            f"{server.url}/api/v1/widget/conversations/{body['id']}/events?after=0",
            headers={**headers, "Authorization": f"Bearer {body['token']}"},
            timeout=30,
        ).json()["events"]
    escalation = Escalation.objects.get(conversation_id=body["id"])
    assert (escalation.reason, escalation.urgency, escalation.status) == (
        "crisis_indicators",
        "critical",
        "queued",
    )
    assert [e["type"] for e in events] == [
        "message.created",
        "conversation.status_changed",
        "message.created",
    ]
    assert "116 123" in events[2]["message"]["text"]
    assert elapsed < 10

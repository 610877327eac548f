"""CSAT: offered on resolution (never after a crisis), rated once, measured, exported, erased."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.db import IntegrityError, transaction
from django.utils import timezone
from prometheus_client import REGISTRY
from rest_framework.test import APIClient

from conversations import services
from conversations.models import Conversation, ConversationEvent, SatisfactionRating
from core.metrics import metrics_refresh
from escalations import services as escalation_services
from escalations.models import AgentProfile
from pipeline import receive
from tests.conversations.conftest import ConversationFactory, token_for
from tests.conversations.fakes import reading_for
from tests.conversations.privacy_helpers import CANARIES, database_hits, plant_visitor

pytestmark = pytest.mark.django_db

ORIGIN = "https://shop.example"
CRISIS_TEXT = "I want to kill myself tonight"


def _client(conversation: Conversation) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(conversation)}", HTTP_ORIGIN=ORIGIN)
    return client


def _agent(username: str) -> User:
    user = User.objects.create_user(username=username, password="pw-" + username)
    user.groups.add(Group.objects.get_or_create(name="agents")[0])
    AgentProfile.objects.create(user=user, skills=["crisis"], capacity=5, status="offline")
    return user


def _visitor_says(conversation: Conversation, text: str) -> None:
    message, _ = receive.message_receive(
        conversation=conversation, client_message_id=uuid.uuid4(), text=text
    )
    services.message_reading_store(message=message, reading=reading_for(text))
    conversation.refresh_from_db()
    if conversation.status == Conversation.Status.BOT:
        services.message_post(
            conversation_id=conversation.id,
            sender="bot",
            text="I hear you.",
            reply_to=message,
            meta={"strategy": "validate_then_solve"},
        )


def _resolve(conversation: Conversation, agent: User) -> None:
    """Hand the conversation to a person and let them resolve it, through the real services."""
    conversation.refresh_from_db()
    if conversation.status == Conversation.Status.BOT:
        escalation_services.escalation_request_human(conversation=conversation)
    escalation = conversation.escalations.get(status__in=["queued", "assigned"])
    if escalation.status == "queued":
        escalation_services.escalation_claim(escalation_id=escalation.pk, user=agent)
    escalation_services.escalation_resolve(
        conversation_id=conversation.id, user=agent, note="Resolved with the visitor."
    )


def _resolved_event(conversation: Conversation) -> dict[str, Any]:
    events = ConversationEvent.objects.filter(
        conversation=conversation, type="conversation.status_changed"
    ).order_by("seq")
    resolved = [e.payload for e in events if e.payload["status"] == "resolved"]
    assert len(resolved) == 1
    return resolved[0]


@pytest.fixture
def agent(db) -> User:  # type: ignore[no-untyped-def]
    return _agent("ann")


@pytest.fixture
def resolved(site, agent) -> Conversation:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory(site=site)
    _visitor_says(conversation, "I am furious, my order is late")
    _visitor_says(conversation, "still annoyed and furious")
    _resolve(conversation, agent)
    return conversation


# ---------------------------------------------------------------------------
# The resolve event says what to offer
# ---------------------------------------------------------------------------
def test_resolution_asks_for_a_rating(resolved: Conversation) -> None:
    event = _resolved_event(resolved)
    assert event == {
        "type": "conversation.status_changed",
        "seq": event["seq"],
        "status": "resolved",
        "csat": "ask",
    }


def test_other_status_events_carry_no_csat(resolved: Conversation) -> None:
    others = ConversationEvent.objects.filter(
        conversation=resolved, type="conversation.status_changed"
    ).exclude(payload__status="resolved")
    assert [e.payload["status"] for e in others] == ["waiting_for_agent", "with_agent"]
    assert all("csat" not in e.payload for e in others)


def test_crisis_escalation_offers_only_a_check_in(site, agent) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory(site=site)
    receive.message_receive(
        conversation=conversation, client_message_id=uuid.uuid4(), text=CRISIS_TEXT
    )
    assert conversation.escalations.get().reason == "crisis_indicators"
    _resolve(conversation, agent)

    assert _resolved_event(conversation)["csat"] == "check_in"
    response = _client(conversation).post(
        f"/api/v1/widget/conversations/{conversation.id}/csat", {"score": 5}, format="json"
    )
    assert response.status_code == 403
    assert response.json() == {
        "error": "csat_not_offered",
        "message": (
            "We don't ask for a rating after a conversation like this one. "
            "If you need support, you can start a new conversation at any time."
        ),
    }
    assert SatisfactionRating.objects.count() == 0


def test_crisis_message_without_crisis_escalation_offers_only_a_check_in(
    resolved: Conversation,
) -> None:
    # An escalation for another reason, but one message the safety check read as crisis.
    message = resolved.messages.filter(sender="visitor").first()
    message.meta = {**message.meta, "crisis": {"level": "crisis", "rules": ["plan"]}}
    message.crisis_level = "crisis"
    message.save(update_fields=["meta", "crisis_level"])
    services.conversation_crisis_mark(conversation_id=resolved.id)  # as receiving it does
    response = _client(resolved).post(
        f"/api/v1/widget/conversations/{resolved.id}/csat", {"score": 4}, format="json"
    )
    assert response.status_code == 403
    assert response.json()["error"] == "csat_not_offered"


def test_a_concern_reviewed_by_a_person_gets_a_check_in(  # type: ignore[no-untyped-def]
    site, agent
) -> None:
    conversation = ConversationFactory(site=site)
    _visitor_says(conversation, "I feel so hopeless lately")
    assert conversation.messages.first().meta["crisis"]["level"] == "concern"
    assert conversation.escalations.get().rule == "crisis_concern"
    _resolve(conversation, agent)
    assert _resolved_event(conversation)["csat"] == "check_in"


# ---------------------------------------------------------------------------
# The endpoint
# ---------------------------------------------------------------------------
def test_rating_is_stored_with_its_metric_context(resolved: Conversation) -> None:
    response = _client(resolved).post(
        f"/api/v1/widget/conversations/{resolved.id}/csat",
        {"score": 4, "comment": "  Quick and kind.  "},
        format="json",
    )
    assert response.status_code == 201
    rating = SatisfactionRating.objects.get()
    assert response.json() == {
        "conversation_id": str(resolved.id),
        "score": 4,
        "comment": "Quick and kind.",
        "created_at": rating.created_at.isoformat().replace("+00:00", "Z"),
    }
    assert (
        rating.conversation_id,
        rating.score,
        rating.comment,
        rating.primary_emotion,  # anger twice beats annoyance once
        rating.response_strategy,
        rating.resolution_achieved,
    ) == (resolved.id, 4, "Quick and kind.", "anger", "validate_then_solve", True)


def test_comment_is_optional(resolved: Conversation) -> None:
    response = _client(resolved).post(
        f"/api/v1/widget/conversations/{resolved.id}/csat", {"score": 1}, format="json"
    )
    assert response.status_code == 201
    assert response.json()["comment"] == ""
    assert SatisfactionRating.objects.get().comment == ""


def test_rating_twice_is_409_and_keeps_the_first(resolved: Conversation) -> None:
    url = f"/api/v1/widget/conversations/{resolved.id}/csat"
    assert _client(resolved).post(url, {"score": 2}, format="json").status_code == 201
    again = _client(resolved).post(url, {"score": 5, "comment": "changed"}, format="json")
    assert again.status_code == 409
    assert again.json() == {
        "error": "already_rated",
        "message": "This conversation has already been rated.",
    }
    assert list(SatisfactionRating.objects.values_list("score", "comment")) == [(2, "")]


def test_unresolved_conversation_is_409(conversation: Conversation) -> None:
    response = _client(conversation).post(
        f"/api/v1/widget/conversations/{conversation.id}/csat", {"score": 3}, format="json"
    )
    assert response.status_code == 409
    assert response.json() == {
        "error": "conversation_not_resolved",
        "message": "This conversation is not resolved yet; rate it once it is.",
    }
    assert SatisfactionRating.objects.count() == 0


@pytest.mark.parametrize(
    ("body", "message"),
    [
        pytest.param({}, "score must be a whole number from 1 to 5.", id="missing-score"),
        pytest.param({"score": 0}, "score must be a whole number from 1 to 5.", id="zero"),
        pytest.param({"score": 6}, "score must be a whole number from 1 to 5.", id="six"),
        pytest.param({"score": "4"}, "score must be a whole number from 1 to 5.", id="string"),
        pytest.param({"score": 3.5}, "score must be a whole number from 1 to 5.", id="float"),
        pytest.param({"score": True}, "score must be a whole number from 1 to 5.", id="bool"),
        pytest.param({"score": None}, "score must be a whole number from 1 to 5.", id="null"),
        pytest.param(
            {"score": 3, "comment": "x" * 1001},
            "comment must be at most 1000 characters.",
            id="comment-too-long",
        ),
        pytest.param(
            {"score": 3, "comment": ["list"]}, "comment must be a string.", id="comment-list"
        ),
        pytest.param(
            {"score": 3, "comment": "a\x00b"},
            "comment must not contain NUL characters.",
            id="comment-nul",
        ),
        pytest.param([1, 2], "The body must be a JSON object.", id="not-an-object"),
    ],
)
def test_bad_input_is_400_with_a_message(resolved: Conversation, body: Any, message: str) -> None:
    response = _client(resolved).post(
        f"/api/v1/widget/conversations/{resolved.id}/csat", body, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"error": "invalid", "message": message}
    assert SatisfactionRating.objects.count() == 0


def test_comment_of_exactly_1000_characters_is_accepted(resolved: Conversation) -> None:
    response = _client(resolved).post(
        f"/api/v1/widget/conversations/{resolved.id}/csat",
        {"score": 3, "comment": "y" * 1000},
        format="json",
    )
    assert response.status_code == 201
    assert len(SatisfactionRating.objects.get().comment) == 1000


def test_malformed_json_is_400(resolved: Conversation) -> None:
    response = _client(resolved).post(
        f"/api/v1/widget/conversations/{resolved.id}/csat",
        data="{not json",
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["error"] == "malformed_request"


def test_another_conversations_token_is_404(resolved: Conversation, site) -> None:  # type: ignore[no-untyped-def]
    other = ConversationFactory(site=site)
    response = _client(other).post(
        f"/api/v1/widget/conversations/{resolved.id}/csat", {"score": 5}, format="json"
    )
    assert response.status_code == 404
    assert response.json() == {"error": "not_found", "message": "Conversation not found."}
    assert SatisfactionRating.objects.count() == 0


def test_score_outside_1_to_5_is_refused_by_the_database(resolved: Conversation) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        SatisfactionRating.objects.create(
            conversation=resolved,
            score=6,
            primary_emotion="anger",
            response_strategy="inform",
            resolution_achieved=True,
        )


def test_without_readings_or_bot_replies_labels_are_other(site, agent) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory(site=site)
    _resolve(conversation, agent)
    response = _client(conversation).post(
        f"/api/v1/widget/conversations/{conversation.id}/csat", {"score": 5}, format="json"
    )
    assert response.status_code == 201
    rating = SatisfactionRating.objects.get()
    assert (rating.primary_emotion, rating.response_strategy) == ("other", "other")


# ---------------------------------------------------------------------------
# Metric, admin, export, erasure
# ---------------------------------------------------------------------------
def _gauge(emotion: str, strategy: str, resolved: str = "true") -> float | None:
    return REGISTRY.get_sample_value(
        "user_satisfaction_by_emotion",
        {
            "primary_emotion": emotion,
            "response_strategy": strategy,
            "resolution_achieved": resolved,
        },
    )


def test_metric_is_the_windowed_average_per_label_cell(site, agent) -> None:  # type: ignore[no-untyped-def]
    scores = {"furious again": 2, "so furious": 5, "furious!": 4, "thanks a lot": 5}
    for text, score in scores.items():
        conversation = ConversationFactory(site=site)
        _visitor_says(conversation, text)
        _resolve(conversation, agent)
        response = _client(conversation).post(
            f"/api/v1/widget/conversations/{conversation.id}/csat", {"score": score}, format="json"
        )
        assert response.status_code == 201
    # An old rating of a cell that is otherwise empty: outside the 30-day window.
    old = ConversationFactory(site=site)
    _visitor_says(old, "worried about it")
    _resolve(old, agent)
    assert (
        _client(old)
        .post(f"/api/v1/widget/conversations/{old.id}/csat", {"score": 1}, format="json")
        .status_code
        == 201
    )
    SatisfactionRating.objects.filter(conversation=old).update(
        created_at=timezone.now() - timedelta(days=31)
    )

    metrics_refresh()

    assert _gauge("anger", "validate_then_solve") == pytest.approx((2 + 5 + 4) / 3)
    assert _gauge("gratitude", "validate_then_solve") == 5.0
    assert _gauge("nervousness", "validate_then_solve") is None

    # A cell whose ratings all left the window stops being reported.
    SatisfactionRating.objects.filter(primary_emotion="gratitude").update(
        created_at=timezone.now() - timedelta(days=31)
    )
    metrics_refresh()
    assert _gauge("gratitude", "validate_then_solve") is None
    assert _gauge("anger", "validate_then_solve") == pytest.approx(11 / 3)


def test_admin_lists_ratings_read_only_and_escaped(resolved: Conversation, client) -> None:  # type: ignore[no-untyped-def]
    SatisfactionRating.objects.create(
        conversation=resolved,
        score=2,
        comment="<script>alert(1)</script>",
        primary_emotion="anger",
        response_strategy="inform",
        resolution_achieved=True,
    )
    User.objects.create_superuser("boss", "boss@example.com", "pw-boss-123")
    client.login(username="boss", password="pw-boss-123")

    listing = client.get("/admin/conversations/satisfactionrating/")

    assert listing.status_code == 200
    body = listing.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script>alert(1)</script>" not in body
    assert client.get("/admin/conversations/satisfactionrating/add/").status_code == 403
    rating = SatisfactionRating.objects.get()
    detail = client.post(
        f"/admin/conversations/satisfactionrating/{rating.pk}/change/", {"score": 5}
    )
    assert detail.status_code == 403
    assert SatisfactionRating.objects.get().score == 2


def test_export_contains_the_rating(resolved: Conversation) -> None:
    client = _client(resolved)
    client.post(
        f"/api/v1/widget/conversations/{resolved.id}/csat",
        {"score": 5, "comment": "Lovely"},
        format="json",
    )
    rating = SatisfactionRating.objects.get()

    export = client.get("/api/v1/widget/me/export").json()

    assert export["csat_recorded"] is True
    assert export["csat"] == [
        {
            "id": rating.pk,
            "conversation_id": str(resolved.id),
            "score": 5,
            "comment": "Lovely",
            "primary_emotion": "anger",
            "response_strategy": "validate_then_solve",
            "resolution_achieved": True,
            "created_at": rating.created_at.isoformat().replace("+00:00", "Z"),
        }
    ]


def test_erasure_removes_the_rating(site) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory(site=site)
    plant_visitor(conversation)  # includes a rating whose comment is a canary
    assert ("conversations_satisfactionrating", "comment", CANARIES["csat"]) in database_hits(
        [CANARIES["csat"]]
    )

    assert _client(conversation).delete("/api/v1/widget/me").status_code == 204

    assert database_hits(["CANARY"]) == []
    assert SatisfactionRating.objects.filter(conversation=conversation).count() == 0

"""The visitor's own data through the widget API: summary, consent, exact export, limits."""

from __future__ import annotations

import json
import uuid

import pytest
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from rest_framework.test import APIClient

from conversations import services
from conversations.models import (
    Conversation,
    EmotionReadingRecord,
    Message,
    PrivacyAuditEntry,
    Visitor,
)
from conversations.routing import websocket_urlpatterns
from pipeline import receive
from tests.conversations.conftest import ConversationFactory, SiteFactory, token_for
from tests.conversations.fakes import FakeDetector, reading_for
from tests.conversations.privacy_helpers import escalation_make

ORIGIN = "https://shop.example"


def _client(conversation: Conversation) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(conversation)}", HTTP_ORIGIN=ORIGIN)
    return client


def _iso(value: object) -> str:
    return value.isoformat().replace("+00:00", "Z")  # type: ignore[attr-defined]


@pytest.mark.django_db
def test_summary_counts_what_is_stored(site) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory(site=site)
    message, _ = receive.message_receive(
        conversation=conversation, client_message_id=uuid.uuid4(), text="I am annoyed"
    )
    services.message_reading_store(message=message, reading=reading_for("I am annoyed"))
    services.message_post(conversation_id=conversation.id, sender="bot", text="Sorry.")
    visitor = Visitor.objects.get(pk=conversation.visitor_id)

    response = _client(conversation).get("/api/v1/widget/me")

    assert response.status_code == 200
    assert response.json() == {
        "scope": "visitor",
        "emotion_analysis": True,
        "identified": False,
        "has_name": False,
        "conversations": 1,
        "messages": 2,
        "emotion_readings": 1,
        "escalations": 0,
        "follow_ups": 0,
        "first_seen_at": _iso(visitor.created_at),
        "last_seen_at": _iso(visitor.last_seen_at),
    }


@pytest.mark.django_db
def test_me_needs_a_valid_token(site) -> None:  # type: ignore[no-untyped-def]
    client = APIClient()
    for headers in ({}, {"HTTP_AUTHORIZATION": "Bearer nope"}):
        response = client.get("/api/v1/widget/me", **headers)
        assert (response.status_code, response.json()["error"]) == (404, "not_found")


@pytest.mark.django_db
def test_me_refuses_a_foreign_origin(site) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory(site=site)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(conversation)}")
    response = client.get("/api/v1/widget/me", HTTP_ORIGIN="https://evil.example")
    assert (response.status_code, response.json()["error"]) == (403, "origin_not_allowed")


@pytest.mark.django_db
def test_export_contents_are_exact(site) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory(site=site)
    Visitor.objects.filter(pk=conversation.visitor_id).update(display_name="Ada")
    message, _ = receive.message_receive(
        conversation=conversation, client_message_id=uuid.uuid4(), text="I am furious"
    )
    services.message_reading_store(message=message, reading=reading_for("I am furious"))
    reply = services.message_post(
        conversation_id=conversation.id, sender="bot", text="I hear you.", reply_to=message
    )
    escalation = escalation_make(
        conversation, reason="high_emotional_intensity", urgency="high", summary="Upset."
    )
    other = ConversationFactory(site=site)  # another visitor's data never appears
    services.message_post(conversation_id=other.id, sender="bot", text="not yours")
    record = EmotionReadingRecord.objects.get(message=message)
    conversation.refresh_from_db()
    visitor = Visitor.objects.get(pk=conversation.visitor_id)
    message.refresh_from_db()

    response = _client(conversation).get("/api/v1/widget/me/export")

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="my-data.json"'
    data = response.json()
    assert data.pop("generated_at")
    assert data == {
        "visitor": {
            "id": visitor.pk,
            "site": "acme",
            "external_id": "",
            "display_name": "Ada",
            "locale": "en",
            "emotion_analysis": True,
            "emotional_summary": visitor.emotional_summary,
            "created_at": _iso(visitor.created_at),
            "last_seen_at": _iso(visitor.last_seen_at),
        },
        "conversations": [
            {
                "id": str(conversation.id),
                "status": "bot",
                "handoff_reason": "",
                "emotional_state": conversation.emotional_state,
                "created_at": _iso(conversation.created_at),
                "updated_at": _iso(conversation.updated_at),
            }
        ],
        "messages": [
            {
                "conversation_id": str(conversation.id),
                "seq": 1,
                "sender": "visitor",
                "text": "I am furious",
                "safety_check": message.meta["crisis"],
                "created_at": _iso(message.created_at),
            },
            {
                "conversation_id": str(conversation.id),
                "seq": 2,
                "sender": "bot",
                "text": "I hear you.",
                "safety_check": None,
                "created_at": _iso(reply.created_at),
            },
        ],
        "emotion_readings": [
            {
                "conversation_id": str(conversation.id),
                "message_seq": 1,
                "emotion": "anger",
                "labels": ["anger"],
                "scores": {"anger": 0.95},
                "category": "negative",
                "intensity": 0.95,
                "valence": -0.9,
                "arousal": 0.5,
                "confidence": 0.9,
                "model": "fake-keywords",
                "created_at": _iso(record.created_at),
            }
        ],
        "escalations": [
            {
                "id": escalation.pk,
                "conversation_id": str(conversation.id),
                "reason": "high_emotional_intensity",
                "urgency": "high",
                "status": "queued",
                "summary": "Upset.",
                "trigger_words": [],
                "journey": [],
                "trend": "stable",
                "intensity": 0.0,
                "created_at": _iso(escalation.created_at),
                "assigned_at": None,
                "closed_at": None,
            }
        ],
        "follow_ups": [],
        # Ratings are recorded here; this conversation has none yet (see test_csat.py).
        "csat": [],
        "csat_recorded": True,
    }
    assert message.meta["crisis"]["level"] == "none"
    entry = PrivacyAuditEntry.objects.get(action="export")
    assert (entry.actor_kind, entry.visitor_ref) == ("visitor", visitor.pk)


@pytest.mark.django_db
def test_consent_off_deletes_readings_and_stops_new_ones(
    site, detector: FakeDetector, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory(site=site)
    with django_capture_on_commit_callbacks(execute=True):
        receive.message_receive(
            conversation=conversation, client_message_id=uuid.uuid4(), text="I am annoyed"
        )
    assert EmotionReadingRecord.objects.count() == 1
    client = _client(conversation)

    response = client.patch("/api/v1/widget/me", {"emotion_analysis": False}, format="json")

    assert response.status_code == 200
    assert response.json()["emotion_analysis"] is False
    assert response.json()["emotion_readings"] == 0
    assert EmotionReadingRecord.objects.count() == 0
    conversation.refresh_from_db()
    assert conversation.emotional_state == {}
    assert Visitor.objects.get(pk=conversation.visitor_id).emotional_summary == {}
    with django_capture_on_commit_callbacks(execute=True):
        later, _ = receive.message_receive(
            conversation=conversation, client_message_id=uuid.uuid4(), text="still annoyed"
        )
    # The pipeline ran (the message was answered) but read no emotion and stored none.
    later.refresh_from_db()
    assert later.processed_at is not None
    assert detector.batches == [["I am annoyed"]]
    assert EmotionReadingRecord.objects.count() == 0
    conversation.refresh_from_db()
    assert conversation.emotional_state == {}
    # The crisis safety check still ran on the message, and kept only its outcome.
    assert set(later.meta["crisis"]) == {"level", "rules", "score", "language", "topics", "harm"}
    assert PrivacyAuditEntry.objects.get(action="consent").detail == {
        "emotion_analysis": False,
        "readings_deleted": 1,
    }


@pytest.mark.django_db
def test_site_default_off_means_no_readings_from_the_start(
    detector: FakeDetector, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    site = SiteFactory(site_key="quiet", emotion_consent_default=False)
    created = APIClient().post(
        "/api/v1/widget/conversations", {"site_key": "quiet"}, format="json", HTTP_ORIGIN=ORIGIN
    )
    conversation = Conversation.objects.get(pk=created.json()["id"])
    assert conversation.site == site
    with django_capture_on_commit_callbacks(execute=True):
        receive.message_receive(
            conversation=conversation, client_message_id=uuid.uuid4(), text="I am furious"
        )
    assert detector.batches == []
    assert EmotionReadingRecord.objects.count() == 0
    assert _client(conversation).get("/api/v1/widget/me").json()["emotion_analysis"] is False


@pytest.mark.django_db
def test_consent_input_is_validated(site) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory(site=site)
    response = _client(conversation).patch(
        "/api/v1/widget/me", {"emotion_analysis": "maybe"}, format="json"
    )
    assert (response.status_code, response.json()["error"]) == (400, "invalid")


@pytest.mark.django_db
def test_privacy_requests_are_rate_limited(site, settings) -> None:  # type: ignore[no-untyped-def]
    settings.WIDGET_RATE_PRIVACY = "2/hour"
    conversation = ConversationFactory(site=site)
    client = _client(conversation)
    assert client.get("/api/v1/widget/me").status_code == 200
    assert client.get("/api/v1/widget/me/export").status_code == 200
    response = client.get("/api/v1/widget/me")
    assert (response.status_code, response.json()["error"]) == (429, "rate_limited")


@pytest.mark.django_db
def test_oversized_request_body_is_a_clear_400(site, settings) -> None:  # type: ignore[no-untyped-def]
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    conversation = ConversationFactory(site=site)
    response = _client(conversation).post(
        f"/api/v1/widget/conversations/{conversation.id}/messages",
        {"client_message_id": str(uuid.uuid4()), "text": "x" * 5000},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["error"] == "malformed_request"
    assert Message.objects.count() == 0


def test_body_limit_is_set() -> None:
    from django.conf import settings

    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 64 * 1024


def test_privacy_notice_page(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/privacy/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "You are talking to an AI assistant" in body
    assert "Emotion analysis" in body
    assert "safety check" in body
    assert "90 days" in body
    assert "30 days" in body
    assert "180 days" in body


# --- websocket -------------------------------------------------------------------------------


def _communicator(conversation_id: object) -> WebsocketCommunicator:
    return WebsocketCommunicator(
        URLRouter(websocket_urlpatterns),
        f"/ws/widget/conversations/{conversation_id}/",
        headers=[(b"origin", ORIGIN.encode())],
    )


async def _auth(comm: WebsocketCommunicator, token: str) -> None:
    connected, _ = await comm.connect()
    assert connected
    await comm.send_to(text_data=json.dumps({"type": "auth", "token": token, "after": 0}))


@pytest.fixture
def live(transactional_db) -> Conversation:  # type: ignore[no-untyped-def]
    return ConversationFactory(site=SiteFactory(site_key="acme", allowed_origins=[ORIGIN]))


async def test_erasure_closes_the_open_socket_and_refuses_new_ones(live) -> None:  # type: ignore[no-untyped-def]
    token = token_for(live)
    comm = _communicator(live.id)
    await _auth(comm, token)
    await comm.send_to(text_data=json.dumps({"type": "ping"}))
    assert await comm.receive_json_from(timeout=2) == {"type": "pong"}

    erase = database_sync_to_async(lambda: _client(live).delete("/api/v1/widget/me").status_code)
    assert await erase() == 204

    assert await comm.receive_output(timeout=2) == {"type": "websocket.close", "code": 4003}
    again = _communicator(live.id)
    await _auth(again, token)
    assert await again.receive_output(timeout=2) == {"type": "websocket.close", "code": 4003}


async def test_socket_frame_rate_limit(live, settings) -> None:  # type: ignore[no-untyped-def]
    settings.WS_RATE_FRAMES = 3
    comm = _communicator(live.id)
    await _auth(comm, token_for(live))
    for _ in range(2):
        await comm.send_to(text_data=json.dumps({"type": "ping"}))
        assert await comm.receive_json_from(timeout=2) == {"type": "pong"}
    await comm.send_to(text_data=json.dumps({"type": "ping"}))
    assert await comm.receive_output(timeout=2) == {"type": "websocket.close", "code": 4029}


async def test_socket_frame_size_limit(live) -> None:  # type: ignore[no-untyped-def]
    comm = _communicator(live.id)
    await _auth(comm, token_for(live))
    await comm.send_to(text_data=json.dumps({"type": "ping", "pad": "x" * 5000}))
    assert await comm.receive_output(timeout=2) == {"type": "websocket.close", "code": 1009}

"""What a resolved conversation's token may still do: read its own events and rate it, nothing
beyond that conversation unless the visitor's identity was proven."""

from __future__ import annotations

import uuid

import pytest
from rest_framework.test import APIClient

from conversations.models import Conversation
from conversations.privacy import selectors
from pipeline import receive
from tests.conversations.conftest import SiteFactory

ORIGIN = "https://shop.example"


@pytest.fixture
def shop(db):  # type: ignore[no-untyped-def]
    return SiteFactory(site_key="shop", allowed_origins=[ORIGIN])


def _client(token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}", HTTP_ORIGIN=ORIGIN)
    return client


def _start(**extra: object) -> dict:
    response = APIClient().post(
        "/api/v1/widget/conversations",
        {"site_key": "shop", **extra},
        format="json",
        HTTP_ORIGIN=ORIGIN,
    )
    assert response.status_code == 201, response.content
    return response.json()


def _say(conversation_id: str, text: str) -> None:
    receive.message_receive(
        conversation=Conversation.objects.get(pk=conversation_id),
        client_message_id=uuid.uuid4(),
        text=text,
    )


@pytest.fixture
def ended_then_continued(shop, detector) -> tuple[dict, dict]:  # type: ignore[no-untyped-def]
    """An anonymous visitor's resolved conversation, and the one that continues it."""
    first = _start()
    _say(first["id"], "My parcel 1234 never arrived")
    ended = _client(first["token"]).post(f"/api/v1/widget/conversations/{first['id']}/end")
    assert ended.status_code == 200
    second = _start(previous_token=first["token"])
    _say(second["id"], "my new address is 5 Elm Street")
    return first, second


def test_resolved_token_still_reads_its_own_events(ended_then_continued) -> None:  # type: ignore[no-untyped-def]
    first, _ = ended_then_continued
    response = _client(first["token"]).get(f"/api/v1/widget/conversations/{first['id']}/events")
    assert response.status_code == 200
    events = response.json()["events"]
    visitor_texts = [
        e["message"]["text"]
        for e in events
        if e["type"] == "message.created" and e["message"]["sender"] == "visitor"
    ]
    assert visitor_texts == ["My parcel 1234 never arrived"]
    statuses = [
        (e["status"], e.get("csat")) for e in events if e["type"] == "conversation.status_changed"
    ]
    assert statuses[-1] == ("resolved", "ask")


def test_resolved_token_may_rate_it(ended_then_continued) -> None:  # type: ignore[no-untyped-def]
    first, _ = ended_then_continued
    response = _client(first["token"]).post(
        f"/api/v1/widget/conversations/{first['id']}/csat", {"score": 4}, format="json"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body == {
        "conversation_id": first["id"],
        "score": 4,
        "comment": "",
        "created_at": body["created_at"],
    }


def test_resolved_token_cannot_send(ended_then_continued) -> None:  # type: ignore[no-untyped-def]
    first, _ = ended_then_continued
    response = _client(first["token"]).post(
        f"/api/v1/widget/conversations/{first['id']}/messages",
        {"client_message_id": str(uuid.uuid4()), "text": "hello again"},
        format="json",
    )
    assert response.status_code == 409


def test_resolved_token_exports_only_its_own_conversation(ended_then_continued) -> None:  # type: ignore[no-untyped-def]
    first, second = ended_then_continued
    export = _client(first["token"]).get("/api/v1/widget/me/export")
    assert export.status_code == 200
    body = export.json()
    assert [c["id"] for c in body["conversations"]] == [first["id"]]
    assert {m["conversation_id"] for m in body["messages"]} == {first["id"]}
    summary = _client(first["token"]).get("/api/v1/widget/me").json()
    assert (summary["scope"], summary["conversations"]) == ("conversation", 1)
    # The open conversation's token still acts for the visitor: both conversations.
    current = _client(second["token"]).get("/api/v1/widget/me/export").json()
    assert [c["id"] for c in current["conversations"]] == [first["id"], second["id"]]


def test_resolved_token_cannot_change_the_visitors_consent(ended_then_continued) -> None:  # type: ignore[no-untyped-def]
    first, _ = ended_then_continued
    response = _client(first["token"]).patch(
        "/api/v1/widget/me", {"emotion_analysis": False}, format="json"
    )
    assert response.status_code == 403
    assert response.json() == {
        "error": "forbidden",
        "message": "This conversation has ended; change the setting from a new one.",
    }
    conversation = Conversation.objects.select_related("visitor").get(pk=first["id"])
    assert conversation.visitor.emotion_consent is True


def test_proven_identity_keeps_the_visitor_scope_after_resolve(shop) -> None:  # type: ignore[no-untyped-def]
    first = _start()
    conversation = Conversation.objects.select_related("visitor").get(pk=first["id"])
    conversation.status = Conversation.Status.RESOLVED
    conversation.identity_verified = True
    assert selectors.conversation_token_reaches_visitor(conversation=conversation) is True
    conversation.identity_verified = False
    assert selectors.conversation_token_reaches_visitor(conversation=conversation) is False
    conversation.status = Conversation.Status.BOT
    assert selectors.conversation_token_reaches_visitor(conversation=conversation) is True

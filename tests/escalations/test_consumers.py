"""The agent websocket: host/origin and session auth in connect, snapshot, live pushes, limits."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from channels.db import database_sync_to_async
from channels.layers import channel_layers, get_channel_layer
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser, User
from django.test import Client

from config.asgi import application
from conversations import events as conversation_events
from conversations.models import Conversation, Message
from escalations import events, services
from escalations.models import Escalation
from escalations.rules import EscalationDecision
from tests.escalations.conftest import make_agent, receive

pytestmark = pytest.mark.django_db(transaction=True)

HOST = "desk.example"


def _communicator(  # type: ignore[no-untyped-def]
    user, origin: str | None = f"https://{HOST}", host: str = HOST
) -> WebsocketCommunicator:
    headers = [(b"host", host.encode())]
    if origin:
        headers.append((b"origin", origin.encode()))
    if user is not None:
        client = Client()
        client.force_login(user)
        headers.append((b"cookie", f"sessionid={client.cookies['sessionid'].value}".encode()))
    return WebsocketCommunicator(application, "/ws/agent/", headers=headers)


async def _make(  # type: ignore[no-untyped-def]
    user, origin: str | None = f"https://{HOST}", host: str = HOST
) -> WebsocketCommunicator:
    return await database_sync_to_async(_communicator)(user, origin, host)


async def _refused(communicator: WebsocketCommunicator) -> bool:
    connected, _ = await communicator.connect()
    await communicator.disconnect()
    return not connected


async def _connected(user) -> WebsocketCommunicator:  # type: ignore[no-untyped-def]
    communicator = await _make(user)
    connected, _ = await communicator.connect()
    assert connected
    snapshot = await communicator.receive_json_from()
    assert snapshot["type"] == "snapshot"
    return communicator


@pytest.fixture(autouse=True)
def _allowed_host(settings) -> None:  # type: ignore[no-untyped-def]
    settings.ALLOWED_HOSTS = [HOST]


@pytest.fixture(params=["memory", pytest.param("redis", marks=pytest.mark.redis)])
def layer(request, settings) -> str:  # type: ignore[no-untyped-def]
    """The in-memory layer and the real Redis one (its own prefix, so runs do not mix)."""
    if request.param == "redis":
        settings.CHANNEL_LAYERS = {
            "default": {
                "BACKEND": "channels_redis.core.RedisChannelLayer",
                "CONFIG": {
                    "hosts": [settings.REDIS_URL or "redis://127.0.0.1:6379/0"],
                    "prefix": f"test-agent-{uuid.uuid4().hex[:8]}",
                },
            }
        }
    channel_layers.backends.clear()
    yield request.param
    channel_layers.backends.clear()


def _message_frame(message: Message) -> dict[str, Any]:
    return {
        **conversation_events.message_created(message),
        "conversation_id": str(message.conversation_id),
    }


def _open_and_claim(conversation: Conversation, user: User) -> int:
    escalation = services.escalation_open(
        conversation_id=conversation.id, decision=EscalationDecision("user_request", "t")
    ).escalation
    services.escalation_claim(escalation_id=escalation.pk, user=user)
    return escalation.pk


# ---------------------------------------------------------------------------
# Who may connect
# ---------------------------------------------------------------------------
async def test_socket_refuses_anonymous_foreign_origin_and_non_agents(settings) -> None:  # type: ignore[no-untyped-def]
    settings.ALLOWED_HOSTS = ["*"]
    agent = await database_sync_to_async(make_agent)("ann")
    plain = await database_sync_to_async(User.objects.create_user)("plain")
    assert await _refused(await _make(None))
    assert await _refused(await _make(agent, origin="https://evil.example"))
    assert await _refused(await _make(agent, origin=None))
    assert await _refused(await _make(plain))
    assert AnonymousUser().is_authenticated is False


async def test_production_socket_checks_host_and_origin_against_allowed_hosts(settings) -> None:  # type: ignore[no-untyped-def]
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = [HOST]
    agent = await database_sync_to_async(make_agent)("ann")
    # A page on another site (the validator refuses its Origin).
    assert await _refused(await _make(agent, origin="https://evil.example"))
    # DNS rebinding: same-origin, but the Host is not this site's.
    assert await _refused(
        await _make(agent, origin="https://rebound.example", host="rebound.example")
    )
    # The console's own page.
    communicator = await _make(agent)
    connected, _ = await communicator.connect()
    assert connected
    assert await communicator.receive_json_from() == {"type": "snapshot", "escalations": []}
    await communicator.disconnect()


# ---------------------------------------------------------------------------
# Live pushes
# ---------------------------------------------------------------------------
async def test_agent_gets_snapshot_then_live_escalations_and_drops_duplicates(site) -> None:  # type: ignore[no-untyped-def]
    from tests.conversations.conftest import ConversationFactory

    agent = await database_sync_to_async(make_agent)("ann", status="offline")
    conversation = await database_sync_to_async(ConversationFactory)(site=site)
    communicator = await _make(agent)
    connected, _ = await communicator.connect()
    assert connected
    assert await communicator.receive_json_from() == {"type": "snapshot", "escalations": []}

    escalation_id = await database_sync_to_async(_open_and_claim)(conversation, agent)
    opened = await communicator.receive_json_from()
    assert (opened["type"], opened["escalation"]["id"]) == ("escalation.opened", escalation_id)
    assigned = await communicator.receive_json_from()
    assert (assigned["type"], assigned["escalation"]["assigned_to"]) == (
        "escalation.assigned",
        agent.pk,
    )
    layer = get_channel_layer()
    emotion = events.emotion_updated(
        conversation_id=conversation.id, reading={"emotion": "anger"}, trend="deteriorating"
    )
    await layer.group_send(
        events.agent_group(agent.pk),
        {"type": events.LAYER_AGENT_EVENT, "event": {**emotion, "event_id": "e1"}},
    )
    # The same push through a second group of this socket is dropped.
    await layer.group_send(
        events.AGENTS_GROUP,
        {"type": events.LAYER_AGENT_EVENT, "event": {**emotion, "event_id": "e1"}},
    )
    assert (await communicator.receive_json_from())["type"] == "emotion.updated"
    assert await communicator.receive_nothing(timeout=0.3)
    await communicator.disconnect()


async def test_assigned_agent_gets_message_created_and_emotion_updated(  # type: ignore[no-untyped-def]
    site, detector, layer
) -> None:
    from tests.conversations.conftest import ConversationFactory

    agent = await database_sync_to_async(make_agent)("ann", status="offline")
    conversation = await database_sync_to_async(ConversationFactory)(site=site)
    communicator = await _connected(agent)
    escalation_id = await database_sync_to_async(_open_and_claim)(conversation, agent)
    assert (await communicator.receive_json_from())["type"] == "escalation.opened"
    assert (await communicator.receive_json_from())["type"] == "escalation.assigned"

    # The agent's own reply, then the visitor's message (read by the pipeline, eagerly).
    reply = await database_sync_to_async(services.agent_message_post)(
        conversation_id=conversation.id, user=agent, text="Hi, I'm Ann. I'm here."
    )
    assert await communicator.receive_json_from() == _message_frame(reply)
    visitor_message = await database_sync_to_async(receive)(conversation, "I am furious now")
    assert await communicator.receive_json_from(timeout=5) == _message_frame(visitor_message)
    emotion = await communicator.receive_json_from(timeout=5)
    escalation = await database_sync_to_async(Escalation.objects.get)(pk=escalation_id)
    assert emotion.pop("event_id")
    assert emotion == {
        "type": "emotion.updated",
        "conversation_id": str(conversation.id),
        "reading": escalation.journey[-1],
        "trend": escalation.trend,
    }
    assert escalation.journey[-1]["seq"] == visitor_message.seq
    assert await communicator.receive_nothing(timeout=0.3)
    await communicator.disconnect()


async def test_supervisor_follows_every_open_conversation_other_agents_none(site, layer) -> None:  # type: ignore[no-untyped-def]
    from tests.conversations.conftest import ConversationFactory

    ann = await database_sync_to_async(make_agent)("ann", status="offline")
    bob = await database_sync_to_async(make_agent)("bob", status="offline")
    boss = await database_sync_to_async(make_agent)("boss", status="offline", supervisor=True)
    conversation = await database_sync_to_async(ConversationFactory)(site=site)
    await database_sync_to_async(_open_and_claim)(conversation, ann)
    # Connected after the claim: the snapshot alone decides what they follow.
    boss_socket = await _connected(boss)
    bob_socket = await _connected(bob)
    message = await database_sync_to_async(services.agent_message_post)(
        conversation_id=conversation.id, user=ann, text="On it."
    )
    assert await boss_socket.receive_json_from() == _message_frame(message)
    assert await bob_socket.receive_nothing(timeout=0.3)
    await boss_socket.disconnect()
    await bob_socket.disconnect()


async def test_agent_stops_following_when_reassigned_away(site) -> None:  # type: ignore[no-untyped-def]
    from tests.conversations.conftest import ConversationFactory

    ann = await database_sync_to_async(make_agent)("ann", status="offline")
    bob = await database_sync_to_async(make_agent)("bob", status="offline")
    boss = await database_sync_to_async(make_agent)("boss", status="offline", supervisor=True)
    conversation = await database_sync_to_async(ConversationFactory)(site=site)
    escalation_id = await database_sync_to_async(_open_and_claim)(conversation, ann)
    ann_socket = await _connected(ann)
    await database_sync_to_async(services.escalation_reassign)(
        escalation_id=escalation_id, actor=boss, to_user=bob
    )
    moved = await ann_socket.receive_json_from()
    assert (moved["type"], moved["escalation"]["assigned_to"]) == ("escalation.assigned", bob.pk)
    await database_sync_to_async(services.agent_message_post)(
        conversation_id=conversation.id, user=bob, text="Bob here."
    )
    assert await ann_socket.receive_nothing(timeout=0.3)
    await ann_socket.disconnect()


def _leave_address(conversation: Conversation, email: str) -> int:
    from tests.escalations.conftest import widget_client

    response = widget_client(conversation).post(
        f"/api/v1/widget/conversations/{conversation.id}/contact",
        {"email": email},
        format="json",
        HTTP_HOST=HOST,
    )
    assert response.status_code == 201
    return int(conversation.follow_ups.get(email=email).pk)


def _console_handle(user: User, follow_up_id: int) -> int:
    client = Client()
    client.force_login(user)
    return client.post(
        f"/console/api/follow-ups/{follow_up_id}/handled", HTTP_HOST=HOST
    ).status_code


async def test_follow_up_pushes_are_hints_without_the_address_and_respect_crisis(  # type: ignore[no-untyped-def]
    site, layer
) -> None:
    from tests.conversations.conftest import ConversationFactory

    ann = await database_sync_to_async(make_agent)("ann", status="offline")
    carer = await database_sync_to_async(make_agent)("carer", skills=["crisis"], status="offline")
    plain = await database_sync_to_async(ConversationFactory)(site=site)
    crisis = await database_sync_to_async(ConversationFactory)(site=site)
    await database_sync_to_async(services.escalation_open)(
        conversation_id=crisis.id, decision=EscalationDecision("crisis_indicators", "t", "crisis")
    )
    ann_socket = await _connected(ann)
    carer_socket = await _connected(carer)

    follow_up_id = await database_sync_to_async(_leave_address)(plain, "ana@example.org")
    for socket in (ann_socket, carer_socket):
        frame = await socket.receive_json_from(timeout=5)
        assert frame.pop("event_id")
        assert frame == {
            "type": "follow_up.created",
            "conversation_id": str(plain.id),
            "follow_up": {"id": follow_up_id, "status": "pending"},
        }
    # A crisis conversation's request reaches the crisis-trained agent only.
    crisis_follow_up_id = await database_sync_to_async(_leave_address)(crisis, "c@example.org")
    frame = await carer_socket.receive_json_from(timeout=5)
    assert (frame["type"], frame["follow_up"]["id"]) == ("follow_up.created", crisis_follow_up_id)
    assert await ann_socket.receive_nothing(timeout=0.3)

    # Marked handled through the console API: every console hears it.
    assert await database_sync_to_async(_console_handle)(ann, follow_up_id) == 200
    for socket in (ann_socket, carer_socket):
        frame = await socket.receive_json_from(timeout=5)
        frame.pop("event_id")
        assert frame == {
            "type": "follow_up.handled",
            "conversation_id": str(plain.id),
            "follow_up": {"id": follow_up_id, "status": "done"},
        }
    assert await ann_socket.receive_nothing(timeout=0.3)
    await ann_socket.disconnect()
    await carer_socket.disconnect()


# ---------------------------------------------------------------------------
# Frame limits (the widget socket's)
# ---------------------------------------------------------------------------
async def test_oversized_frame_closes_1009(settings) -> None:  # type: ignore[no-untyped-def]
    agent = await database_sync_to_async(make_agent)("ann")
    communicator = await _connected(agent)
    await communicator.send_to(text_data="x" * (settings.WS_MAX_FRAME_CHARS + 1))
    assert await communicator.receive_output(timeout=2) == {
        "type": "websocket.close",
        "code": 1009,
    }


async def test_frames_over_rate_close_4029(settings) -> None:  # type: ignore[no-untyped-def]
    settings.WS_RATE_FRAMES = 30
    settings.WS_RATE_WINDOW_SECONDS = 10.0
    agent = await database_sync_to_async(make_agent)("ann")
    communicator = await _connected(agent)
    for _ in range(30):
        await communicator.send_json_to({"type": "ping"})
        assert await communicator.receive_json_from() == {"type": "pong"}
    await communicator.send_json_to({"type": "ping"})
    assert await communicator.receive_output(timeout=2) == {
        "type": "websocket.close",
        "code": 4029,
    }

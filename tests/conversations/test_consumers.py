"""WidgetConsumer: first-frame auth, replay after a seq, live pushes, gaps and duplicates."""

from __future__ import annotations

import json
import uuid

import pytest
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator

from conversations import events, services
from conversations.models import Conversation
from conversations.routing import websocket_urlpatterns
from tests.conversations.conftest import ConversationFactory, SiteFactory, token_for

ORIGIN = b"https://shop.example"


@pytest.fixture
def live(transactional_db) -> tuple[Conversation, Conversation]:  # type: ignore[no-untyped-def]
    """Two conversations on one site, committed so the consumer's DB thread sees them."""
    site = SiteFactory(site_key="acme", allowed_origins=[ORIGIN.decode()])
    return ConversationFactory(site=site), ConversationFactory(site=site)


def _communicator(conversation_id: object, origin: bytes | None = ORIGIN) -> WebsocketCommunicator:
    headers = [(b"origin", origin)] if origin else []
    return WebsocketCommunicator(
        URLRouter(websocket_urlpatterns),
        f"/ws/widget/conversations/{conversation_id}/",
        headers=headers,
    )


post = database_sync_to_async(services.message_post)
status_set = database_sync_to_async(services.conversation_status_set)


async def _auth(comm: WebsocketCommunicator, token: str, after: object = 0) -> None:
    connected, _ = await comm.connect()
    assert connected
    await comm.send_to(text_data=json.dumps({"type": "auth", "token": token, "after": after}))


async def _assert_closed_4003(comm: WebsocketCommunicator) -> None:
    output = await comm.receive_output(timeout=2)
    assert output == {"type": "websocket.close", "code": 4003}


async def test_replays_events_after_seq_then_pushes_live(live) -> None:  # type: ignore[no-untyped-def]
    conversation, _ = live
    for text in ("one", "two", "three"):
        await post(conversation_id=conversation.id, sender="bot", text=text)
    comm = _communicator(conversation.id)
    await _auth(comm, token_for(conversation), after=1)
    replay = [await comm.receive_json_from(timeout=2) for _ in range(2)]
    assert [(e["type"], e["seq"], e["message"]["text"]) for e in replay] == [
        ("message.created", 2, "two"),
        ("message.created", 3, "three"),
    ]
    await status_set(conversation_id=conversation.id, status="waiting_for_agent")
    live_event = await comm.receive_json_from(timeout=2)
    assert live_event == {
        "type": "conversation.status_changed",
        "seq": 4,
        "status": "waiting_for_agent",
    }
    assert await comm.receive_nothing(timeout=0.2)
    await comm.disconnect()


@pytest.mark.parametrize(
    "frame",
    [
        pytest.param("not json", id="not-json"),
        pytest.param(json.dumps({"type": "hello"}), id="not-auth"),
        pytest.param(json.dumps({"type": "auth", "token": "forged", "after": 0}), id="forged"),
        pytest.param(json.dumps({"type": "auth", "after": 0}), id="no-token"),
        pytest.param(json.dumps(["auth"]), id="array"),
    ],
)
async def test_bad_first_frame_closes_4003(live, frame: str) -> None:  # type: ignore[no-untyped-def]
    conversation, _ = live
    comm = _communicator(conversation.id)
    connected, _ = await comm.connect()
    assert connected
    await comm.send_to(text_data=frame)
    await _assert_closed_4003(comm)


@pytest.mark.parametrize("after", [-1, "5", True, 1.5])
async def test_invalid_after_closes_4003(live, after: object) -> None:  # type: ignore[no-untyped-def]
    conversation, _ = live
    comm = _communicator(conversation.id)
    await _auth(comm, token_for(conversation), after=after)
    await _assert_closed_4003(comm)


async def test_another_conversations_token_closes_4003(live) -> None:  # type: ignore[no-untyped-def]
    conversation, other = live
    await post(conversation_id=other.id, sender="bot", text="private")
    comm = _communicator(other.id)
    await _auth(comm, token_for(conversation))
    await _assert_closed_4003(comm)


async def test_unknown_conversation_closes_4003(live) -> None:  # type: ignore[no-untyped-def]
    conversation, _ = live
    comm = _communicator(uuid.uuid4())
    await _auth(comm, token_for(conversation))
    await _assert_closed_4003(comm)


async def test_foreign_origin_is_refused_before_accept(live) -> None:  # type: ignore[no-untyped-def]
    conversation, _ = live
    connected, _ = await _communicator(conversation.id, origin=b"https://evil.example").connect()
    assert connected is False


async def test_events_before_auth_are_not_sent(live) -> None:  # type: ignore[no-untyped-def]
    conversation, _ = live
    comm = _communicator(conversation.id)
    connected, _ = await comm.connect()
    assert connected
    await post(conversation_id=conversation.id, sender="bot", text="secret")
    assert await comm.receive_nothing(timeout=0.2)
    await comm.disconnect()


async def test_duplicate_push_is_dropped_and_gap_is_filled_from_the_log(live) -> None:  # type: ignore[no-untyped-def]
    conversation, _ = live
    first = await post(conversation_id=conversation.id, sender="bot", text="first")
    comm = _communicator(conversation.id)
    await _auth(comm, token_for(conversation))
    assert (await comm.receive_json_from(timeout=2))["seq"] == 1

    layer = get_channel_layer()
    group = events.conversation_group(conversation.id)
    # A repeated push (seq already sent) is dropped.
    await layer.group_send(
        group, {"type": events.LAYER_EVENT, "event": events.message_created(first)}
    )
    assert await comm.receive_nothing(timeout=0.2)

    # Seqs 2 and 3 are stored but their pushes are "lost"; the push of 4 reveals the gap.
    lost = database_sync_to_async(
        lambda: [
            services.message_post(conversation_id=conversation.id, sender="bot", text=t)
            for t in ("second", "third", "fourth")
        ]
    )
    # Silence the layer while storing, so none of the three pushes arrives.
    original = layer.group_send

    async def drop(*args: object, **kwargs: object) -> None:
        return None

    layer.group_send = drop
    try:
        stored = await lost()
    finally:
        layer.group_send = original
    await layer.group_send(
        group, {"type": events.LAYER_EVENT, "event": events.message_created(stored[-1])}
    )
    received = [await comm.receive_json_from(timeout=2) for _ in range(3)]
    assert [(e["seq"], e["message"]["text"]) for e in received] == [
        (2, "second"),
        (3, "third"),
        (4, "fourth"),
    ]
    assert await comm.receive_nothing(timeout=0.2)
    await comm.disconnect()


async def test_typing_hint_and_ping(live) -> None:  # type: ignore[no-untyped-def]
    conversation, _ = live
    comm = _communicator(conversation.id)
    await _auth(comm, token_for(conversation))
    # Frames are handled in order, so the pong also proves the auth frame was processed.
    await comm.send_json_to({"type": "ping"})
    assert await comm.receive_json_from(timeout=2) == {"type": "pong"}
    await database_sync_to_async(events.broadcast_typing)(conversation.id)
    assert await comm.receive_json_from(timeout=2) == {"type": "typing", "sender": "bot"}
    # Client frames never reach the group or other sockets.
    await comm.send_json_to({"type": "conversation.event", "event": {"seq": 99}})
    assert await comm.receive_nothing(timeout=0.2)
    await comm.disconnect()

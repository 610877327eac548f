"""Streamed replies end to end: the real openai SDK streams from a fake server, the pipeline
pushes checked message.delta hints to the widget socket, then stores one message.created."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator

from conversations.models import Conversation, Message
from conversations.routing import websocket_urlpatterns
from empathy.replies import ReplyConfig, ReplyService, reply_service_set
from empathy.replies.providers import OpenAICompatibleProvider
from pipeline import process, receive, tasks
from tests.conversations.conftest import ConversationFactory, SiteFactory, token_for
from tests.fakes.openai_server import FakeOpenAIServer

ORIGIN = b"https://shop.example"


@pytest.fixture
def llm() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as server:
        yield server


@pytest.fixture
def streaming_chain(llm: FakeOpenAIServer) -> Iterator[ReplyService]:
    service = ReplyService(
        remotes=[
            OpenAICompatibleProvider(
                name="primary", model="primary-model", api_key="pk", base_url=llm.url
            )
        ],
        config=ReplyConfig(timeout_seconds=2.0, budget_seconds=3.0, cache_ttl=0),
    )
    reply_service_set(service)
    yield service
    reply_service_set(None)


@pytest.fixture
def offline_chain() -> Iterator[ReplyService]:
    service = ReplyService()
    reply_service_set(service)
    yield service
    reply_service_set(None)


@pytest.fixture
def live(transactional_db, detector, monkeypatch) -> Conversation:  # type: ignore[no-untyped-def]
    # The test runs the pipeline itself, after the socket is listening.
    monkeypatch.setattr(tasks.message_process, "delay", lambda message_id: None)
    site = SiteFactory(site_key="acme", allowed_origins=[ORIGIN.decode()])
    return ConversationFactory(site=site)


@database_sync_to_async
def _receive(conversation: Conversation, text: str) -> Message:
    message, _ = receive.message_receive(
        conversation=conversation, client_message_id=uuid.uuid4(), text=text
    )
    return message


_process = database_sync_to_async(process.message_process)


@database_sync_to_async
def _bot_reply(visitor: Message) -> Message:
    return Message.objects.get(reply_to=visitor, sender="bot")


async def _socket(conversation: Conversation) -> WebsocketCommunicator:
    comm = WebsocketCommunicator(
        URLRouter(websocket_urlpatterns),
        f"/ws/widget/conversations/{conversation.id}/",
        headers=[(b"origin", ORIGIN)],
    )
    connected, _ = await comm.connect()
    assert connected
    await comm.send_to(text_data=json.dumps({"type": "auth", "token": token_for(conversation)}))
    # Frames are handled in order: the pong proves the socket joined the group.
    await comm.send_json_to({"type": "ping"})
    assert await comm.receive_json_from(timeout=2) == {"type": "pong"}
    return comm


async def _frames_until_reply(comm: WebsocketCommunicator) -> list[dict[str, Any]]:
    """Every frame up to and including the bot's message.created, then nothing more."""
    frames = []
    while True:
        frame = await comm.receive_json_from(timeout=5)
        frames.append(frame)
        if frame.get("type") == "message.created" and frame["message"]["sender"] == "bot":
            break
    assert await comm.receive_nothing(timeout=0.3)
    return frames


async def test_streamed_reply_reaches_the_widget_in_order_then_is_stored_once(
    live: Conversation, llm: FakeOpenAIServer, streaming_chain: ReplyService
) -> None:
    llm.stream(
        "I'm sorry about the wait with your order. Could you share the order number? "
        "I'll look into it with you."
    )
    comm = await _socket(live)
    visitor = await _receive(live, "Where is my order?")
    assert (await comm.receive_json_from(timeout=2))["message"]["id"] == visitor.pk

    assert await _process(message_id=visitor.pk) == "replied"

    frames = await _frames_until_reply(comm)
    reply = await _bot_reply(visitor)
    assert frames == [
        {"type": "typing", "sender": "bot"},
        {
            "type": "message.delta",
            "reply_to": visitor.pk,
            "index": 0,
            "text": "I'm sorry about the wait with your order. ",
        },
        {
            "type": "message.delta",
            "reply_to": visitor.pk,
            "index": 1,
            "text": "Could you share the order number? ",
        },
        {
            "type": "message.delta",
            "reply_to": visitor.pk,
            "index": 2,
            "text": "I'll look into it with you.",
        },
        {
            "type": "message.created",
            "seq": 2,
            "message": {
                "id": reply.pk,
                "seq": 2,
                "sender": "bot",
                "text": (
                    "I'm sorry about the wait with your order. Could you share the order "
                    "number? I'll look into it with you."
                ),
                "created_at": reply.created_at.isoformat().replace("+00:00", "Z"),
                "reply_to": visitor.pk,
            },
        },
    ]
    assert (reply.meta["provider"], reply.meta["flagged"]) == ("primary", False)
    assert llm.requests[0].json["stream"] is True
    await comm.disconnect()


async def test_unsafe_sentence_mid_stream_is_never_pushed(
    live: Conversation, llm: FakeOpenAIServer, streaming_chain: ReplyService
) -> None:
    llm.stream(
        "I understand how long you've waited. I promise you a full refund today. "
        "Thanks for your patience."
    )
    comm = await _socket(live)
    visitor = await _receive(live, "Where is my order?")
    await comm.receive_json_from(timeout=2)

    assert await _process(message_id=visitor.pk) == "replied"

    frames = await _frames_until_reply(comm)
    deltas = [f for f in frames if f["type"] == "message.delta"]
    assert deltas == [
        {
            "type": "message.delta",
            "reply_to": visitor.pk,
            "index": 0,
            "text": "I understand how long you've waited. ",
        }
    ]
    assert not any("refund" in json.dumps(frame) for frame in frames)
    reply = await _bot_reply(visitor)
    # The stream ends where the check stopped it: what was shown is what is stored.
    assert reply.text == "I understand how long you've waited."
    assert (reply.meta["provider"], reply.meta["flagged"]) == ("primary", True)
    assert frames[-1]["message"]["text"] == reply.text
    await comm.disconnect()


async def test_offline_responder_pushes_no_deltas(
    live: Conversation, offline_chain: ReplyService
) -> None:
    comm = await _socket(live)
    visitor = await _receive(live, "Where is my order?")
    await comm.receive_json_from(timeout=2)

    assert await _process(message_id=visitor.pk) == "replied"

    frames = await _frames_until_reply(comm)
    reply = await _bot_reply(visitor)
    assert [f["type"] for f in frames] == ["typing", "message.created"]
    assert frames[-1]["message"]["text"] == reply.text
    assert reply.meta["provider"] == "offline"

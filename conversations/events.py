"""Conversation event builders, group names and after-commit broadcasting (the only place)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any
from uuid import UUID

from django.db import transaction

from core import layers

if TYPE_CHECKING:
    from conversations.models import Message

logger = logging.getLogger(__name__)

MESSAGE_CREATED = "message.created"
STATUS_CHANGED = "conversation.status_changed"
# Ephemeral hint (no seq, not stored): the bot is composing a reply.
TYPING = "typing"
# Ephemeral hint (no seq, not stored): one checked piece of a reply being streamed; the stored
# message.created that follows is the source of truth.
MESSAGE_DELTA = "message.delta"

# Channel-layer message type; Channels maps it to WidgetConsumer.conversation_event.
LAYER_EVENT = "conversation.event"
LAYER_TYPING = "conversation.typing"
# Ephemeral hints for the visitor (e.g. escalations' queue.updated); sent as they are.
LAYER_HINT = "conversation.hint"


def conversation_group(conversation_id: UUID | str) -> str:
    """Group every socket watching one conversation joins (ASCII, under 100 characters)."""
    return f"conversation.{UUID(str(conversation_id)).hex}"


def message_json(message: Message) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": message.pk,
        "seq": message.seq,
        "sender": message.sender,
        "text": message.text,
        "created_at": message.created_at.isoformat().replace("+00:00", "Z"),
        "reply_to": message.reply_to_id,
    }
    knowledge = message_knowledge(message)
    if knowledge is not None:
        data["knowledge"] = knowledge
    return data


def message_knowledge(message: Message) -> dict[str, Any] | None:
    """What a bot message did with the help center, as the widget and the console show it:
    outcome, article title and URL; never scores or passage ids."""
    kb = (message.meta or {}).get("kb") if message.sender == "bot" else None
    if not isinstance(kb, dict) or not kb.get("outcome"):
        return None
    return {"outcome": kb["outcome"], "title": kb.get("title", ""), "url": kb.get("url", "")}


def message_created(message: Message) -> dict[str, Any]:
    return {"type": MESSAGE_CREATED, "seq": message.seq, "message": message_json(message)}


def status_changed(*, seq: int, status: str, csat: str | None = None) -> dict[str, Any]:
    """``csat`` ("ask" or "check_in") only on `resolved`: what the widget offers next."""
    event: dict[str, Any] = {"type": STATUS_CHANGED, "seq": seq, "status": status}
    if csat is not None:
        event["csat"] = csat
    return event


def typing(*, sender: str = "bot") -> dict[str, Any]:
    return {"type": TYPING, "sender": sender}


def message_delta(*, reply_to: int, index: int, text: str) -> dict[str, Any]:
    # index (0, 1, 2...) lets a client notice a lost piece and wait for the stored reply.
    return {"type": MESSAGE_DELTA, "reply_to": reply_to, "index": index, "text": text}


def _group_send(group: str, message: dict[str, Any]) -> None:
    try:
        layers.group_send(group, message)
    except Exception:
        # Delivery is a hint; clients recover missed events from the stored log by seq.
        logger.warning("group_send failed", extra={"group": group}, exc_info=True)


def broadcast_on_commit(conversation_id: UUID | str, event: dict[str, Any]) -> None:
    """Push a stored event to the conversation's sockets once the transaction commits."""
    group = conversation_group(conversation_id)
    # conversation_id lets agent sockets, which follow several conversations, tell them apart.
    message = {"type": LAYER_EVENT, "event": event, "conversation_id": str(conversation_id)}
    transaction.on_commit(lambda: _group_send(group, message))


def broadcast_typing(conversation_id: UUID | str) -> None:
    """Tell the conversation's sockets the bot is composing (not stored, may be lost)."""
    _group_send(conversation_group(conversation_id), {"type": LAYER_TYPING, "event": typing()})


def broadcast_delta(conversation_id: UUID | str, *, reply_to: int, index: int, text: str) -> None:
    """Push a piece of a streamed reply now (not stored, may be lost; sent outside any
    transaction, since the reply is generated before it is stored)."""
    event = message_delta(reply_to=reply_to, index=index, text=text)
    _group_send(conversation_group(conversation_id), {"type": LAYER_HINT, "event": event})

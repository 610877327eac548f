"""Reads of conversations, messages and events (no writes here)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Literal, cast
from uuid import UUID

from django.utils import timezone

from conversations import access
from conversations.models import Conversation, ConversationEvent, Message, Site
from empathy.types import Turn

EVENT_PAGE_SIZE = 500

SenderName = Literal["visitor", "bot", "agent", "system"]


def site_get_by_key(*, site_key: str) -> Site | None:
    if not site_key or len(site_key) > 64:
        return None
    return Site.objects.filter(site_key=site_key).first()


def _parse_uuid(value: str | UUID) -> UUID | None:
    if isinstance(value, UUID):
        return value
    try:
        return UUID(str(value))
    except ValueError:
        return None


def conversation_get_for_token(*, conversation_id: str | UUID, token: str) -> Conversation | None:
    """The conversation if the token was issued for exactly it; None hides whether it exists."""
    parsed = _parse_uuid(conversation_id)
    if parsed is None or not access.conversation_token_grants(token=token, conversation_id=parsed):
        return None
    # An erased conversation's token is dead: it answers exactly like an unknown id.
    return (
        Conversation.objects.select_related("site", "visitor")
        .filter(pk=parsed, erased_at__isnull=True)
        .first()
    )


def conversation_site_origins(*, conversation_id: str | UUID) -> list[str] | None:
    """The allowed origins of the conversation's site; None when there is no such conversation."""
    parsed = _parse_uuid(conversation_id)
    if parsed is None:
        return None
    row = (
        Conversation.objects.filter(pk=parsed, erased_at__isnull=True)
        .values_list("site__allowed_origins")
        .first()
    )
    if row is None:
        return None
    origins = row[0]
    return [o for o in origins if isinstance(o, str)] if isinstance(origins, list) else []


def conversation_event_list(
    *, conversation_id: UUID | str, after: int, limit: int = EVENT_PAGE_SIZE
) -> list[dict[str, Any]]:
    """Stored events with seq greater than `after`, in seq order."""
    rows = (
        ConversationEvent.objects.filter(conversation_id=conversation_id, seq__gt=after)
        .order_by("seq")
        .values_list("payload", flat=True)[:limit]
    )
    return list(rows)


def message_get_visitor(*, message_id: int) -> Message | None:
    return (
        Message.objects.select_related("conversation", "conversation__visitor", "reading")
        .filter(pk=message_id, sender=Message.Sender.VISITOR)
        .first()
    )


def message_analysis_pending_list(
    *, exclude_id: int, limit: int, max_age: timedelta = timedelta(minutes=10)
) -> list[Message]:
    """Other recent visitor messages still waiting for a reading (to share one detector batch)."""
    if limit <= 0:
        return []
    return list(
        Message.objects.filter(
            sender=Message.Sender.VISITOR,
            processed_at__isnull=True,
            reading__isnull=True,
            conversation__visitor__emotion_consent=True,
            created_at__gte=timezone.now() - max_age,
        )
        .exclude(pk=exclude_id)
        .order_by("pk")[:limit]
    )


def message_unprocessed_ids(*, older_than: timedelta, newer_than: timedelta) -> list[int]:
    """Visitor messages the pipeline has not finished, e.g. because a broker was down."""
    now = timezone.now()
    return list(
        Message.objects.filter(
            sender=Message.Sender.VISITOR,
            processed_at__isnull=True,
            created_at__lt=now - older_than,
            created_at__gte=now - newer_than,
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:1000]
    )


def conversation_has_later_visitor_message(*, message: Message) -> bool:
    return Message.objects.filter(
        conversation_id=message.conversation_id,
        sender=Message.Sender.VISITOR,
        seq__gt=message.seq,
    ).exists()


def conversation_history(*, conversation_id: UUID, before_seq: int, limit: int = 10) -> list[Turn]:
    rows = list(
        Message.objects.filter(conversation_id=conversation_id, seq__lt=before_seq)
        .order_by("-seq")
        .values_list("sender", "text")[:limit]
    )
    return [Turn(sender=cast(SenderName, sender), text=text) for sender, text in reversed(rows)]


def conversation_used_sentences(*, conversation_id: UUID) -> frozenset[str]:
    """Every sentence the bot already said here, so a reply never repeats one."""
    used: set[str] = set()
    metas = Message.objects.filter(
        conversation_id=conversation_id, sender=Message.Sender.BOT
    ).values_list("meta", "text")
    for meta, text in metas:
        sentences = meta.get("sentences") if isinstance(meta, dict) else None
        if isinstance(sentences, list) and sentences:
            used.update(s for s in sentences if isinstance(s, str))
        else:
            used.add(text)
    return frozenset(used)

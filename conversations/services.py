"""Writes of the conversation platform: start, receive, post, status, readings."""

from __future__ import annotations

import logging
import unicodedata
from datetime import timedelta
from typing import Any
from uuid import UUID

from django.db import transaction
from django.utils import timezone

from conversations import emotional_state, events
from conversations.models import (
    Conversation,
    ConversationEvent,
    CrisisLevel,
    EmotionReadingRecord,
    Message,
    Site,
    Visitor,
)
from conversations.satisfaction import selectors as satisfaction_selectors
from core import metrics
from core.errors import ServiceError
from empathy.types import EmotionReading

logger = logging.getLogger(__name__)

MAX_TEXT_LENGTH = 4000


class MessageRejected(ServiceError):
    """A message that cannot be accepted; `code` is stable for API clients."""

    code = "invalid"


class MessageInvalid(MessageRejected):
    code = "invalid_text"


class MessageConflict(MessageRejected):
    code = "client_message_id_conflict"
    status = 422


class ConversationClosed(MessageRejected):
    code = "conversation_resolved"
    status = 409


# Unicode categories that draw nothing: format characters (U+200B zero-width space, U+2060,
# bidi controls, U+FEFF), controls, and separators.
_INVISIBLE_CATEGORIES = frozenset({"Cf", "Cc", "Zs", "Zl", "Zp"})


def _is_visible(text: str) -> bool:
    return any(unicodedata.category(char) not in _INVISIBLE_CATEGORIES for char in text)


def message_text_clean(text: object) -> str:
    """The trimmed text, or MessageInvalid with a reason a visitor can act on."""
    if not isinstance(text, str):
        raise MessageInvalid("text must be a string.")
    cleaned = text.strip()
    if not _is_visible(cleaned):
        raise MessageInvalid("text must not be empty.")
    if len(cleaned) > MAX_TEXT_LENGTH:
        raise MessageInvalid(f"text must be at most {MAX_TEXT_LENGTH} characters after trimming.")
    if "\x00" in cleaned:
        raise MessageInvalid("text must not contain NUL characters.")
    return cleaned


@transaction.atomic
def conversation_start(
    *,
    site: Site,
    locale: str | None = None,
    external_id: str = "",
    display_name: str = "",
    identity_verified: bool = False,
    previous: Conversation | None = None,
) -> Conversation:
    """Open a conversation for a new visitor, or for a known one by a proven external id.

    `previous`: a resolved conversation of this site whose token the caller holds; the new one
    continues it, for the same visitor (their consent and identity stay as they are).

    `identity_verified` says the site signed `external_id` (conversations.privacy.identity);
    without it the id is ignored and the visitor is new, so an unproven claim never renames,
    merges into or changes the consent of the visitor it names.
    """
    now = timezone.now()
    defaults = {
        "display_name": display_name,
        "locale": locale or site.locale,
        "emotion_consent": site.emotion_consent_default,
    }
    if not identity_verified:
        external_id = ""
    if previous is not None and (
        previous.site_id != site.pk
        or previous.status != Conversation.Status.RESOLVED
        or previous.erased_at is not None
        # Only the visitor's newest conversation, once: an old or already continued token
        # (a leaked one) cannot branch off a new conversation that reaches the visitor's data.
        or Conversation.objects.filter(
            visitor_id=previous.visitor_id, created_at__gt=previous.created_at
        ).exists()
        or Conversation.objects.filter(previous=previous).exists()
    ):
        previous = None
    if previous is not None and not external_id:
        visitor = previous.visitor
        visitor.last_seen_at = now
        visitor.save(update_fields=["last_seen_at"])
    elif external_id:
        visitor, created = Visitor.objects.get_or_create(
            site=site, external_id=external_id, defaults=defaults
        )
        if not created:
            visitor.last_seen_at = now
            update = ["last_seen_at"]
            if display_name and display_name != visitor.display_name:
                visitor.display_name = display_name
                update.append("display_name")
            visitor.save(update_fields=update)
    else:
        visitor = Visitor.objects.create(site=site, **defaults)
    conversation = Conversation.objects.create(
        site=site,
        visitor=visitor,
        identity_verified=(bool(external_id) and identity_verified)
        or (previous is not None and not external_id and previous.identity_verified),
        previous=previous if previous is not None and previous.visitor_id == visitor.pk else None,
    )
    logger.info(
        "conversation started",
        extra={"conversation_id": str(conversation.id), "site": site.site_key},
    )
    return conversation


def _next_seq(
    conversation_id: UUID, locked: Conversation | None = None
) -> tuple[Conversation, int]:
    """Lock the conversation row (unless the caller holds it: `locked`) and take its next seq.

    The lock is held until the transaction ends, so events commit in seq order and a client
    that has seen seq N can never later miss an event with a smaller seq.
    """
    conversation = locked if locked is not None else conversation_lock(conversation_id)
    conversation.event_seq += 1
    conversation.save(update_fields=["event_seq", "updated_at"])
    return conversation, conversation.event_seq


def _event_store(conversation_id: UUID, event: dict[str, Any]) -> None:
    ConversationEvent.objects.create(
        conversation_id=conversation_id, seq=event["seq"], type=event["type"], payload=event
    )
    events.broadcast_on_commit(conversation_id, event)


# A visitor's last_seen_at is refreshed at most this often (one UPDATE saved per message).
LAST_SEEN_RESOLUTION = timedelta(minutes=1)


def message_visitor_existing(
    *, locked: Conversation, client_message_id: UUID, text: str
) -> Message | None:
    """The message already stored under this client_message_id (a retry), or None.

    `locked`: the conversation row held with `conversation_lock`. Refuses a reused id with
    another text and a new message in a resolved conversation.
    """
    existing = Message.objects.filter(
        conversation_id=locked.pk, client_message_id=client_message_id
    ).first()
    if existing is not None:
        if existing.text != text:
            raise MessageConflict(
                "client_message_id was already used for a different text in this conversation."
            )
        return existing
    if locked.status == Conversation.Status.RESOLVED:
        raise ConversationClosed("This conversation is resolved; start a new one.")
    return None


def message_visitor_store(
    *, locked: Conversation, client_message_id: UUID, text: str, crisis: dict[str, Any]
) -> Message:
    """Write a new visitor message with its crisis assessment; refreshes the visitor's
    last_seen_at (at most once a minute). Runs under `conversation_lock(with_visitor=True)`."""
    level = str(crisis.get("level") or CrisisLevel.NONE)
    message = _message_store(
        conversation_id=locked.pk,
        sender=Message.Sender.VISITOR,
        text=text,
        client_message_id=client_message_id,
        meta={"crisis": crisis},
        crisis_level=level,
        locked=locked,
    )
    if level == CrisisLevel.CRISIS:
        conversation_crisis_mark(conversation_id=locked.pk)
    now = timezone.now()
    visitor = locked.visitor
    if visitor.last_seen_at is None or now - visitor.last_seen_at >= LAST_SEEN_RESOLUTION:
        Visitor.objects.filter(pk=visitor.pk).update(last_seen_at=now)
    return message


def conversation_lock(conversation_id: UUID, *, with_visitor: bool = False) -> Conversation:
    """The conversation row, locked until the transaction ends (select_for_update)."""
    query = Conversation.objects.select_for_update(of=("self",))
    if with_visitor:
        # The receive path: neither JSON summary is needed there.
        query = query.select_related("visitor").defer(
            "emotional_state", "visitor__emotional_summary"
        )
    return query.get(pk=conversation_id)


def _message_store(
    *,
    conversation_id: UUID,
    sender: str,
    text: str,
    client_message_id: UUID | None = None,
    reply_to: Message | None = None,
    meta: dict[str, Any] | None = None,
    processed: bool = False,
    locked: Conversation | None = None,
    crisis_level: str = "none",
) -> Message:
    _, seq = _next_seq(conversation_id, locked)
    message = Message.objects.create(
        conversation_id=conversation_id,
        seq=seq,
        sender=sender,
        text=text,
        crisis_level=crisis_level,
        client_message_id=client_message_id,
        reply_to=reply_to,
        meta=meta or {},
        processed_at=timezone.now() if processed else None,
    )
    _event_store(conversation_id, events.message_created(message))
    return message


# No savepoint: callers already run in a transaction, and an error here aborts it anyway.
@transaction.atomic(savepoint=False)
def message_post(
    *,
    conversation_id: UUID,
    sender: str,
    text: str,
    reply_to: Message | None = None,
    meta: dict[str, Any] | None = None,
    locked: Conversation | None = None,
) -> Message:
    """Store a bot, agent or system message and push it to the conversation's sockets.

    `locked`: the conversation row the caller already holds with select_for_update.
    """
    if sender == Message.Sender.VISITOR:
        raise ValueError("visitor messages go through pipeline.receive.message_receive")
    return _message_store(
        conversation_id=conversation_id,
        sender=sender,
        text=text,
        reply_to=reply_to,
        meta=meta,
        processed=True,
        locked=locked,
    )


def conversation_helped_mark(*, conversation_id: UUID) -> None:
    """The visitor said an answer helped: counts as a successful resolution when it ends."""
    Conversation.objects.filter(pk=conversation_id, helped=False).update(helped=True)


def _length_observe_on_commit(conversation: Conversation) -> None:
    """conversation_length_by_emotion, once per ended conversation: successful when a person
    resolved it or the visitor said an answer helped."""
    conversation_id = conversation.pk
    successful = conversation.resolved_by == "agent" or bool(
        Conversation.objects.filter(pk=conversation_id, helped=True).exists()
    )
    latest = (
        EmotionReadingRecord.objects.filter(message__conversation_id=conversation_id)
        .order_by("-message__seq")
        .values_list("emotion", flat=True)
        .first()
    )
    count = Message.objects.filter(conversation_id=conversation_id).count()
    transaction.on_commit(
        lambda: metrics.conversation_length_observe(
            emotion_type=latest or "neutral", successful_resolution=successful, message_count=count
        )
    )


def conversation_crisis_mark(*, conversation_id: UUID) -> None:
    """Remember for good that this conversation had a crisis (read or escalated)."""
    Conversation.objects.filter(pk=conversation_id, had_crisis=False).update(had_crisis=True)


@transaction.atomic(savepoint=False)
def conversation_status_set(
    *, conversation_id: UUID, status: str, reason: str = "", resolved_by: str = ""
) -> bool:
    """Change the status (with a `conversation.status_changed` event); False if unchanged.

    `resolved_by` records who ended it when the status becomes `resolved`.
    """
    if status not in Conversation.Status.values:
        raise ValueError(f"unknown status {status!r}")
    conversation = conversation_lock(conversation_id)
    if conversation.status == status:
        return False
    conversation, seq = _next_seq(conversation_id, conversation)
    conversation.status = status
    update = ["status", "updated_at"]
    if reason:
        conversation.handoff_reason = reason
        update.append("handoff_reason")
    if status == Conversation.Status.RESOLVED and resolved_by:
        conversation.resolved_by = resolved_by
        update.append("resolved_by")
        transaction.on_commit(lambda: metrics.conversation_resolved_record(resolved_by=resolved_by))
    conversation.save(update_fields=update)
    if status == Conversation.Status.RESOLVED:
        _length_observe_on_commit(conversation)
    csat = None
    if status == Conversation.Status.RESOLVED:
        csat = satisfaction_selectors.csat_offer(conversation_id=conversation_id)
    _event_store(conversation_id, events.status_changed(seq=seq, status=status, csat=csat))
    logger.info(
        "conversation status changed",
        extra={"conversation_id": str(conversation_id), "status": status, "reason": reason},
    )
    return True


def message_mark_processed(*, message_id: int) -> None:
    Message.objects.filter(pk=message_id, processed_at__isnull=True).update(
        processed_at=timezone.now()
    )


@transaction.atomic
def message_reading_store(*, message: Message, reading: EmotionReading) -> EmotionReadingRecord:
    """Store the reading of a visitor message once and fold it into the emotional state."""
    conversation = conversation_lock(message.conversation_id)
    # Every writer of a reading holds the conversation lock: a plain check-then-insert is safe
    # here (and saves get_or_create's savepoint round trips).
    existing = EmotionReadingRecord.objects.filter(message=message).first()
    if existing is not None:
        return existing
    record = EmotionReadingRecord.objects.create(
        message=message,
        emotion=reading.emotion,
        labels=list(reading.labels),
        scores=dict(reading.scores),
        category=reading.category,
        intensity=reading.intensity,
        valence=reading.valence,
        arousal=reading.arousal,
        confidence=reading.confidence,
        model=reading.model,
        truncated=reading.truncated,
        language=reading.language,
        request=reading.request,
    )
    state = emotional_state.state_with_reading(
        conversation.emotional_state, seq=message.seq, reading=reading
    )
    conversation.emotional_state = state
    conversation.save(update_fields=["emotional_state", "updated_at"])
    if Message.conversation.is_cached(message):
        # The caller's loaded conversation now shows the state it just wrote.
        message.conversation.emotional_state = state
    _visitor_summary_add(visitor_id=conversation.visitor_id, reading=reading)
    return record


def _visitor_summary_add(*, visitor_id: int, reading: EmotionReading) -> None:
    visitor = Visitor.objects.select_for_update().only("emotional_summary").get(pk=visitor_id)
    summary = dict(visitor.emotional_summary or {})
    categories = dict(summary.get("categories", {}))
    categories[reading.category] = int(categories.get(reading.category, 0)) + 1
    count = int(summary.get("readings", 0)) + 1
    mean_valence = float(summary.get("mean_valence", 0.0))
    summary.update(
        {
            "readings": count,
            "categories": categories,
            "mean_valence": round(mean_valence + (reading.valence - mean_valence) / count, 4),
            "last_emotion": reading.emotion,
            "last_category": reading.category,
        }
    )
    visitor.emotional_summary = summary
    visitor.save(update_fields=["emotional_summary"])


def reading_from_record(record: EmotionReadingRecord) -> EmotionReading:
    return EmotionReading(
        emotion=record.emotion,
        labels=tuple(record.labels),
        scores=dict(record.scores),
        category=record.category,  # type: ignore[arg-type]
        intensity=record.intensity,
        valence=record.valence,
        arousal=record.arousal,
        confidence=record.confidence,
        model=record.model,
        truncated=record.truncated,
        language=record.language,
        request=record.request,
    )

"""Reads of conversations, messages and events (no writes here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Literal, cast
from uuid import UUID

from django.utils import timezone

from conversations import access
from conversations.models import Conversation, ConversationEvent, CrisisLevel, Message, Site
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
        # Read on demand: most widget requests never look at them (JSON decoding costs CPU).
        .defer("emotional_state", "visitor__emotional_summary")
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
        Message.objects.select_related(
            "conversation", "conversation__visitor", "conversation__site", "reading"
        )
        .defer("conversation__visitor__emotional_summary")
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


def bot_used_sentences(bot_messages: list[tuple[Any, str]]) -> frozenset[str]:
    """Every sentence in these (meta, text) bot messages."""
    used: set[str] = set()
    for meta, text in bot_messages:
        sentences = meta.get("sentences") if isinstance(meta, dict) else None
        if isinstance(sentences, list) and sentences:
            used.update(s for s in sentences if isinstance(s, str))
        else:
            used.add(text)
    return frozenset(used)


def bot_attempts(bot_metas: list[Any]) -> dict[str, Any]:
    """What the bot already tried, from its messages' meta: replies, failures, strategies."""
    strategies: list[str] = []
    failures = 0
    for meta in bot_metas:
        if not isinstance(meta, dict):
            continue
        strategy = meta.get("strategy")
        if isinstance(strategy, str) and strategy not in strategies:
            strategies.append(strategy)
        if meta.get("ai_failed") is True:
            failures += 1
    return {"replies": len(bot_metas), "failures": failures, "strategies": strategies}


def conversation_used_sentences(*, conversation_id: UUID) -> frozenset[str]:
    """Every sentence the bot already said here, so a reply never repeats one."""
    return bot_used_sentences(
        list(
            Message.objects.filter(
                conversation_id=conversation_id, sender=Message.Sender.BOT
            ).values_list("meta", "text")
        )
    )


def conversation_bot_attempts(*, conversation_id: UUID | str) -> dict[str, Any]:
    return bot_attempts(
        list(
            Message.objects.filter(
                conversation_id=conversation_id, sender=Message.Sender.BOT
            ).values_list("meta", flat=True)
        )
    )


# Most conversations are far shorter; a longer one falls back to whole-conversation queries.
TRANSCRIPT_LIMIT = 200


@dataclass(frozen=True, slots=True)
class TranscriptRow:
    seq: int
    sender: str
    text: str
    meta: Any


@dataclass(frozen=True, slots=True)
class Transcript:
    """The newest messages of one conversation, read in one query for everything the pipeline
    asks about them (history, earlier asks, what the bot said and tried, the length)."""

    conversation_id: UUID
    rows: tuple[TranscriptRow, ...]  # seq order
    complete: bool

    @property
    def message_count(self) -> int:
        if self.complete:
            return len(self.rows)
        return Message.objects.filter(conversation_id=self.conversation_id).count()

    def history(self, *, before_seq: int, limit: int = 10) -> list[Turn]:
        earlier = [r for r in self.rows if r.seq < before_seq][-limit:]
        return [Turn(sender=cast(SenderName, r.sender), text=r.text) for r in earlier]

    def visitor_texts(self, *, before_seq: int, limit: int = 10) -> list[str]:
        earlier = [r.text for r in self.rows if r.sender == "visitor" and r.seq < before_seq]
        return earlier[-limit:]

    def used_sentences(self) -> frozenset[str]:
        if not self.complete:
            return conversation_used_sentences(conversation_id=self.conversation_id)
        return bot_used_sentences([(r.meta, r.text) for r in self.rows if r.sender == "bot"])

    def bot_attempts(self) -> dict[str, Any]:
        if not self.complete:
            return conversation_bot_attempts(conversation_id=self.conversation_id)
        return bot_attempts([r.meta for r in self.rows if r.sender == "bot"])


def conversation_transcript(*, conversation_id: UUID, limit: int = TRANSCRIPT_LIMIT) -> Transcript:
    rows = list(
        Message.objects.filter(conversation_id=conversation_id)
        .order_by("-seq")
        .values_list("seq", "sender", "text", "meta")[: limit + 1]
    )
    complete = len(rows) <= limit
    return Transcript(
        conversation_id=conversation_id,
        rows=tuple(TranscriptRow(*row) for row in reversed(rows[:limit])),
        complete=complete,
    )


def message_crisis(message: Message) -> dict[str, Any]:
    """The crisis assessment stored with a visitor message (`CrisisAssessment.as_dict()`),
    or {} for messages that have none (bot, agent and system messages)."""
    crisis = (message.meta or {}).get("crisis") if isinstance(message.meta, dict) else None
    return crisis if isinstance(crisis, dict) else {}


# ---------------------------------------------------------------------------
# Counters and histories the escalation rules read
# ---------------------------------------------------------------------------
def conversation_visitor_history(
    *, conversation_id: UUID | str, limit: int = 10
) -> tuple[list[str], str | None]:
    """The last visitor messages (oldest first) and the language the newest one was read in."""
    rows = list(
        Message.objects.filter(conversation_id=conversation_id, sender=Message.Sender.VISITOR)
        .order_by("-seq")
        .values_list("text", "meta__crisis__language")[:limit]
    )
    language = None
    if rows:
        language = rows[0][1] or None
        if language == "und":
            language = None
    return [text for text, _language in reversed(rows)], language


def conversation_concern_count(*, conversation_id: UUID | str) -> int:
    """Visitor messages the crisis check rated `concern`."""
    return Message.objects.filter(
        conversation_id=conversation_id,
        sender=Message.Sender.VISITOR,
        crisis_level=CrisisLevel.CONCERN,
    ).count()


def conversation_message_count(*, conversation_id: UUID | str) -> int:
    return Message.objects.filter(conversation_id=conversation_id).count()


def conversation_journey(*, conversation_id: UUID | str, limit: int = 20) -> list[dict[str, Any]]:
    """The readings of the visitor's messages, oldest first (the emotional journey)."""
    rows = list(
        Message.objects.filter(
            conversation_id=conversation_id,
            sender=Message.Sender.VISITOR,
            reading__isnull=False,
        )
        .order_by("-seq")
        .values_list(
            "seq",
            "reading__emotion",
            "reading__category",
            "reading__intensity",
            "reading__valence",
            "reading__confidence",
        )[:limit]
    )
    return [
        {
            "seq": seq,
            "emotion": emotion,
            "category": category,
            "intensity": round(intensity, 4),
            "valence": round(valence, 4),
            "confidence": round(confidence, 4),
        }
        for seq, emotion, category, intensity, valence, confidence in reversed(rows)
    ]


def conversation_get(*, conversation_id: UUID | str) -> Conversation | None:
    try:
        parsed = UUID(str(conversation_id))
    except ValueError:
        return None
    return Conversation.objects.select_related("site", "visitor").filter(pk=parsed).first()

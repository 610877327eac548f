"""Reads for CSAT: whether to ask, the context a rating is labelled with, windowed averages."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from typing import Any, Literal
from uuid import UUID

from django.db.models import Avg, Count
from django.utils import timezone

from conversations.models import Conversation, EmotionReadingRecord, Message, SatisfactionRating
from core import metrics

CsatOffer = Literal["ask", "check_in"]

# The rolling window the user_satisfaction_by_emotion gauge averages over.
METRIC_WINDOW = timedelta(days=30)


def conversation_had_crisis(*, conversation_id: UUID | str) -> bool:
    """A crisis escalation or any message the safety check read as `crisis`."""
    return Conversation.objects.filter(pk=conversation_id, had_crisis=True).exists()


def csat_offer(*, conversation_id: UUID | str) -> CsatOffer:
    """What the widget offers once the conversation is resolved: a rating, or only a check-in.

    Asking someone who was just in crisis to score the service would be tone-deaf at best.
    """
    return "check_in" if conversation_had_crisis(conversation_id=conversation_id) else "ask"


def conversation_primary_emotion(*, conversation_id: UUID | str) -> str:
    """The emotion read most often, neutral aside (ties: the later one); closed-set value.

    ``neutral`` only when every reading was neutral; ``other`` when nothing was read (e.g. the
    visitor turned emotion analysis off).
    """
    rows = list(
        EmotionReadingRecord.objects.filter(message__conversation_id=conversation_id)
        .order_by("message__seq")
        .values_list("emotion", flat=True)
    )
    counts = Counter(e for e in rows if e != "neutral")
    if counts:
        best = max(counts.values())
        emotion = next(e for e in reversed(rows) if counts.get(e) == best)
    else:
        emotion = "neutral" if rows else metrics.OTHER
    return metrics.label_or_other(emotion, metrics.closed_labels("emotion_type"))


def conversation_response_strategy(*, conversation_id: UUID | str) -> str:
    """The strategy of the bot's last reply (closed-set value; ``other`` when it never replied)."""
    metas = (
        Message.objects.filter(conversation_id=conversation_id, sender=Message.Sender.BOT)
        .order_by("-seq")
        .values_list("meta", flat=True)[:50]
    )
    for meta in metas:
        strategy = meta.get("strategy") if isinstance(meta, dict) else None
        if strategy:
            return metrics.label_or_other(strategy, metrics.closed_labels("response_strategy"))
    return metrics.OTHER


def conversation_resolution_achieved(*, conversation_id: UUID | str) -> bool:
    """Whether a person resolved it (an agent or supervisor closing its escalation)."""
    return Conversation.objects.filter(
        pk=conversation_id, status=Conversation.Status.RESOLVED, resolved_by="agent"
    ).exists()


def satisfaction_rating_json(rating: SatisfactionRating) -> dict[str, Any]:
    return {
        "conversation_id": str(rating.conversation_id),
        "score": rating.score,
        "comment": rating.comment,
        "created_at": rating.created_at.isoformat().replace("+00:00", "Z"),
    }


def satisfaction_averages(*, since: datetime | None = None) -> list[dict[str, Any]]:
    """Mean score per (primary emotion, strategy, resolution) over the window, one query."""
    since = since or timezone.now() - METRIC_WINDOW
    rows = (
        SatisfactionRating.objects.filter(created_at__gte=since)
        .values("primary_emotion", "response_strategy", "resolution_achieved")
        .annotate(average=Avg("score"), count=Count("pk"))
        .order_by("primary_emotion", "response_strategy", "resolution_achieved")
    )
    return [
        {
            "primary_emotion": row["primary_emotion"],
            "response_strategy": row["response_strategy"],
            "resolution_achieved": row["resolution_achieved"],
            "average": float(row["average"]),
            "count": row["count"],
        }
        for row in rows
    ]

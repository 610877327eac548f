"""Adapter from the pipeline to the reply engine in empathy.replies (one place to change)."""

from __future__ import annotations

from typing import Any

from empathy.types import EmotionReading, ReplyDraft, ReplyRequest


def negative_streak(state: dict[str, Any] | None) -> int:
    """Consecutive negative readings at the end of the conversation's recent window."""
    streak = 0
    for item in reversed((state or {}).get("recent", [])):
        if item.get("category") != "negative":
            break
        streak += 1
    return streak


def strategy_for(*, reading: EmotionReading | None, trend: str, state: dict[str, Any]) -> str:
    from empathy.replies import strategy_select

    return strategy_select(reading=reading, trend=trend, negative_streak=negative_streak(state))


def reply_compose(request: ReplyRequest) -> ReplyDraft:
    """The bot's reply to one visitor message, from the configured generator."""
    from empathy.replies import reply_generate

    return reply_generate(request)

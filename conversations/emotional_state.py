"""Live emotional state of a conversation: recent readings and trend (stored on the row)."""

from __future__ import annotations

import logging
from typing import Any, Literal

from empathy.types import EmotionReading

logger = logging.getLogger(__name__)

Trend = Literal["improving", "stable", "deteriorating"]

RECENT_LIMIT = 10
# Mean valence must move at least this much between halves of the window to count as a trend.
TREND_THRESHOLD = 0.15


def reading_summary(*, seq: int, reading: EmotionReading) -> dict[str, Any]:
    return {
        "seq": seq,
        "emotion": reading.emotion,
        "category": reading.category,
        "intensity": round(reading.intensity, 4),
        "valence": round(reading.valence, 4),
        "arousal": round(reading.arousal, 4),
        # The low-confidence escalation rule reads it from here (no journey query per message).
        "confidence": round(reading.confidence, 4),
    }


def trend_of(recent: list[dict[str, Any]]) -> Trend:
    """Compare mean valence of the newer half of the window with the older half."""
    if len(recent) < 2:
        return "stable"
    valences = [float(item["valence"]) for item in recent]
    half = len(valences) // 2
    older = valences[: len(valences) - half]
    newer = valences[len(valences) - half :]
    delta = sum(newer) / len(newer) - sum(older) / len(older)
    if delta >= TREND_THRESHOLD:
        return "improving"
    if delta <= -TREND_THRESHOLD:
        return "deteriorating"
    return "stable"


def state_with_reading(
    state: dict[str, Any] | None, *, seq: int, reading: EmotionReading
) -> dict[str, Any]:
    """A new state with this reading in seq order (readings of one batch may land unordered)."""
    recent = [item for item in (state or {}).get("recent", []) if item.get("seq") != seq]
    recent.append(reading_summary(seq=seq, reading=reading))
    recent.sort(key=lambda item: item["seq"])
    recent = recent[-RECENT_LIMIT:]
    return {"recent": recent, "trend": trend_of(recent)}


def state_trend(state: dict[str, Any] | None) -> Trend:
    trend = (state or {}).get("trend")
    return trend if trend in ("improving", "stable", "deteriorating") else "stable"

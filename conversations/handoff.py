"""First rules for when the bot should hand a conversation to a human (escalations deepen them)."""

from __future__ import annotations

import re
from typing import Any

from empathy.types import EmotionReading

# An explicit request for a person is always honoured.
_ASK_FOR_HUMAN = re.compile(
    r"\b("
    r"(talk|speak|chat)\s+(to|with)\s+(a\s+|an\s+|some\s*one|somebody|your\s+)?"
    r"(human|person|agent|someone|somebody|representative|manager|operator|real\s+person)"
    r"|(real|actual|live)\s+(human|person|agent)"
    r"|human\s+(agent|being|please)"
    r"|(customer\s+service|support)\s+agent"
    r")\b",
    re.IGNORECASE,
)

# A single message this negative and intense goes to a person.
STRONG_NEGATIVE_INTENSITY = 0.85
# Or a run of negative/anxious messages that keeps getting worse.
SUSTAINED_COUNT = 3
SUSTAINED_INTENSITY = 0.6


def needs_human_reason(
    *, text: str, reading: EmotionReading | None, state: dict[str, Any] | None
) -> str | None:
    """The reason a human is needed now (a short code), or None when the bot may answer."""
    if _ASK_FOR_HUMAN.search(text):
        return "asked_for_human"
    if (
        reading is not None
        and reading.category in ("negative", "anxious")
        and reading.intensity >= STRONG_NEGATIVE_INTENSITY
        and reading.confidence >= 0.5
    ):
        return "strong_distress"
    recent = (state or {}).get("recent", [])[-SUSTAINED_COUNT:]
    if (
        len(recent) == SUSTAINED_COUNT
        and (state or {}).get("trend") == "deteriorating"
        and all(item.get("category") in ("negative", "anxious") for item in recent)
        and sum(float(item.get("intensity", 0.0)) for item in recent) / SUSTAINED_COUNT
        >= SUSTAINED_INTENSITY
    ):
        return "sustained_distress"
    return None

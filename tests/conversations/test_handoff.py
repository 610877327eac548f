"""First handoff rules: one case per rule plus the near misses."""

from __future__ import annotations

import dataclasses

import pytest

from conversations.handoff import needs_human_reason
from tests.conversations.fakes import reading_for

FURIOUS = reading_for("furious")
NEUTRAL = reading_for("hello")


def _recent(*items: tuple[str, float, float]) -> list[dict]:
    return [
        {"seq": i + 1, "category": c, "intensity": inten, "valence": val}
        for i, (c, inten, val) in enumerate(items)
    ]


@pytest.mark.parametrize(
    ("text", "reading", "state", "expected"),
    [
        pytest.param("Can I talk to a human?", NEUTRAL, None, "asked_for_human", id="ask-human"),
        pytest.param("I want to speak with an agent", None, None, "asked_for_human", id="agent"),
        pytest.param("put me through to a REAL PERSON", None, None, "asked_for_human", id="real"),
        pytest.param("Is this a human or a bot?", NEUTRAL, None, None, id="near-miss-question"),
        pytest.param("The agent field is empty", NEUTRAL, None, None, id="near-miss-agent"),
        pytest.param("This is outrageous", FURIOUS, None, "strong_distress", id="strong"),
        pytest.param(
            "This is outrageous",
            dataclasses.replace(FURIOUS, intensity=0.84),
            None,
            None,
            id="near-miss-intensity",
        ),
        pytest.param(
            "This is outrageous",
            dataclasses.replace(FURIOUS, confidence=0.4),
            None,
            None,
            id="near-miss-unsure",
        ),
        pytest.param(
            "still broken",
            NEUTRAL,
            {
                "recent": _recent(
                    ("neutral", 0.1, 0.2),
                    ("negative", 0.6, -0.5),
                    ("anxious", 0.7, -0.6),
                    ("negative", 0.7, -0.7),
                ),
                "trend": "deteriorating",
            },
            "sustained_distress",
            id="sustained",
        ),
        pytest.param(
            "still broken",
            NEUTRAL,
            {
                "recent": _recent(
                    ("negative", 0.6, -0.5), ("positive", 0.7, 0.6), ("negative", 0.7, -0.7)
                ),
                "trend": "deteriorating",
            },
            None,
            id="near-miss-not-all-negative",
        ),
        pytest.param(
            "still broken",
            NEUTRAL,
            {
                "recent": _recent(
                    ("negative", 0.6, -0.5), ("negative", 0.6, -0.6), ("negative", 0.6, -0.7)
                ),
                "trend": "stable",
            },
            None,
            id="near-miss-stable",
        ),
    ],
)
def test_needs_human_reason(text: str, reading, state, expected) -> None:  # type: ignore[no-untyped-def]
    assert needs_human_reason(text=text, reading=reading, state=state) == expected

"""Strategy selection: one case per branch, plus the near misses around each threshold."""

from __future__ import annotations

import pytest

from empathy.replies import strategy_select
from tests.empathy.replies.conftest import reading

CASES = [
    pytest.param(
        "crisis", None, "stable", 0, "safety_first", id="crisis-wins-even-without-reading"
    ),
    pytest.param(
        "crisis",
        reading("joy", "positive"),
        "improving",
        0,
        "safety_first",
        id="crisis-wins-over-joy",
    ),
    pytest.param("none", None, "stable", 0, "inform", id="no-reading-informs"),
    pytest.param(
        "none",
        reading("anger", "negative", 0.9),
        "stable",
        1,
        "validate_then_solve",
        id="negative-high-intensity-validates",
    ),
    pytest.param(
        "concern",
        reading("sadness", "negative", 0.9),
        "stable",
        1,
        "check_in",
        id="concern-checks-in-not-crisis",
    ),
    pytest.param(
        "concern",
        reading("joy", "positive", 0.9),
        "improving",
        0,
        "check_in",
        id="concern-wins-over-joy",
    ),
    pytest.param(
        "none",
        reading("annoyance", "negative", 0.3),
        "deteriorating",
        1,
        "validate_then_solve",
        id="negative-mild-but-worsening-validates",
    ),
    pytest.param(
        "none",
        reading("annoyance", "negative", 0.3),
        "stable",
        2,
        "own_and_expedite",
        id="repeated-negative-owns",
    ),
    pytest.param(
        "none",
        reading("anger", "negative", 0.95),
        "deteriorating",
        4,
        "own_and_expedite",
        id="repeated-beats-intensity",
    ),
    pytest.param(
        "none",
        reading("annoyance", "negative", 0.3),
        "stable",
        1,
        "inform",
        id="mild-first-complaint-informs",
    ),
    pytest.param(
        "none",
        reading("nervousness", "anxious", 0.6),
        "stable",
        0,
        "reassure_and_clarify",
        id="anxious-reassures",
    ),
    pytest.param(
        "none",
        reading("confusion", "neutral", 0.4),
        "stable",
        0,
        "reassure_and_clarify",
        id="confused-reassures",
    ),
    pytest.param(
        "none",
        reading("gratitude", "positive", 0.7),
        "stable",
        0,
        "celebrate",
        id="positive-celebrates",
    ),
    pytest.param(
        "none", reading("neutral", "neutral", 0.1), "stable", 0, "inform", id="neutral-informs"
    ),
    pytest.param(
        "none",
        reading("joy", "positive", 0.7, confidence=0.69),
        "stable",
        0,
        "inform",
        id="an-unsure-positive-reading-is-answered-plainly",
    ),
    pytest.param(
        "none",
        reading("joy", "positive", 0.7, confidence=0.7),
        "stable",
        0,
        "celebrate",
        id="a-sure-positive-reading-celebrates",
    ),
    pytest.param(
        "none",
        reading("nervousness", "anxious", 0.6),
        "deteriorating",
        3,
        "reassure_and_clarify",
        id="streak-counts-only-for-a-negative-message",
    ),
    pytest.param(
        "none",
        reading("relief", "positive", 0.6),
        "deteriorating",
        0,
        "celebrate",
        id="positive-celebrates-whatever-the-trend",
    ),
    pytest.param(
        "none",
        reading("anger", "negative", 0.9),
        "improving",
        1,
        "validate_then_solve",
        id="improving-trend-still-validates-a-strong-complaint",
    ),
]


@pytest.mark.parametrize(("crisis", "emotion_reading", "trend", "streak", "expected"), CASES)
def test_strategy_select(crisis, emotion_reading, trend, streak, expected) -> None:
    assert (
        strategy_select(
            reading=emotion_reading, trend=trend, negative_streak=streak, crisis_level=crisis
        )
        == expected
    )


def test_intensity_threshold_is_inclusive() -> None:
    at = strategy_select(
        reading=reading("anger", "negative", 0.5),
        trend="stable",
        negative_streak=1,
        crisis_level="none",
    )
    below = strategy_select(
        reading=reading("anger", "negative", 0.49),
        trend="stable",
        negative_streak=1,
        crisis_level="none",
    )
    assert (at, below) == ("validate_then_solve", "inform")

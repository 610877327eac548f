"""The conversation's emotional state: ordered window, trend, and the Redis mirror."""

from __future__ import annotations

import dataclasses

import pytest

from conversations import emotional_state
from tests.conversations.fakes import reading_for

BASE = reading_for("hello")


def _with_valence(valence: float):  # type: ignore[no-untyped-def]
    return dataclasses.replace(BASE, valence=valence)


@pytest.mark.parametrize(
    ("valences", "trend"),
    [
        pytest.param([0.0], "stable", id="single"),
        pytest.param([-0.6, -0.5, 0.1, 0.2], "improving", id="improving"),
        pytest.param([0.3, 0.2, -0.4, -0.5], "deteriorating", id="deteriorating"),
        pytest.param([0.0, 0.05, 0.1], "stable", id="small-change"),
    ],
)
def test_trend_from_valence_halves(valences: list[float], trend: str) -> None:
    state: dict = {}
    for seq, valence in enumerate(valences, start=1):
        state = emotional_state.state_with_reading(state, seq=seq, reading=_with_valence(valence))
    assert state["trend"] == trend


def test_window_keeps_the_latest_readings_in_seq_order() -> None:
    state: dict = {}
    # Readings of one batch can land out of order.
    for seq in [3, 1, 2, *range(4, 15)]:
        state = emotional_state.state_with_reading(state, seq=seq, reading=BASE)
    assert [item["seq"] for item in state["recent"]] == list(range(5, 15))
    again = emotional_state.state_with_reading(state, seq=14, reading=BASE)
    assert [item["seq"] for item in again["recent"]] == list(range(5, 15))

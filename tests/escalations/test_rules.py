"""Escalation rules: one case per reason's trigger, its urgency, and the near misses."""

from __future__ import annotations

import pytest

from escalations.models import Escalation
from escalations.rules import (
    URGENCY_TABLE,
    EscalationDecision,
    EscalationSignals,
    asks_for_human,
    crisis_level,
    escalation_decide,
    escalation_urgency,
    near_duplicate_count,
    suggested_approach,
    urgency_raised,
)
from tests.escalations.conftest import reading


def _recent(*items: tuple[str, float, float], confidence: float = 0.9) -> tuple[dict, ...]:
    return tuple(
        {"seq": i + 1, "category": c, "intensity": inten, "valence": val, "confidence": confidence}
        for i, (c, inten, val) in enumerate(items)
    )


EXTREME = ("negative", 0.97, -0.9)
MILD_NEG = ("negative", 0.5, -0.4)
NEUTRAL = ("neutral", 0.1, 0.0)

CASES = [
    pytest.param(
        EscalationSignals(text="whatever", crisis_level="crisis"),
        ("crisis_indicators", "crisis_assessment", "crisis"),
        id="crisis",
    ),
    pytest.param(
        EscalationSignals(text="", button=True),
        ("user_request", "widget_button", ""),
        id="user-request-button",
    ),
    pytest.param(
        EscalationSignals(text="can I talk to a human"),
        ("user_request", "asked_in_text", ""),
        id="user-request-text",
    ),
    pytest.param(
        EscalationSignals(
            text="this is unacceptable",
            reading=reading(intensity=0.97, valence=-0.9, confidence=0.4),
            recent=_recent(EXTREME, EXTREME, EXTREME),
        ),
        ("high_emotional_intensity", "floor_three_extreme", ""),
        id="intensity-floor",
    ),
    pytest.param(
        EscalationSignals(text="no", reading=reading(intensity=0.9, valence=-0.8)),
        ("high_emotional_intensity", "single_strong", ""),
        id="intensity-single",
    ),
    pytest.param(
        EscalationSignals(text="still wrong", reading=reading(intensity=0.65), ai_failures=3),
        ("ai_failures", "failed_answers", ""),
        id="ai-failures",
    ),
    pytest.param(
        EscalationSignals(
            text="where is my parcel, order 1234?",
            earlier_texts=("where is my parcel order 1234", "Where is my parcel, order 1234??"),
        ),
        ("repeated_frustration", "repeated_ask", ""),
        id="frustration-repeated-ask",
    ),
    pytest.param(
        EscalationSignals(text="ugh", recent=_recent(MILD_NEG, MILD_NEG, MILD_NEG, MILD_NEG)),
        ("repeated_frustration", "negative_turns", ""),
        id="frustration-negative-turns",
    ),
    pytest.param(
        EscalationSignals(
            text="ugh", recent=_recent(MILD_NEG, MILD_NEG, MILD_NEG), trend="deteriorating"
        ),
        ("repeated_frustration", "worsening_negative_turns", ""),
        id="frustration-worsening",
    ),
    pytest.param(
        EscalationSignals(text="I was charged twice. Why? Who approved it? When is my refund?"),
        ("complex_inquiry", "complex_text", "billing"),
        id="complex-billing",
    ),
    pytest.param(
        EscalationSignals(text="I will take legal action about the GDPR data access request"),
        ("complex_inquiry", "complex_text", ""),
        id="complex-specialist",
    ),
    pytest.param(
        EscalationSignals(text="hmm ok", recent=_recent(NEUTRAL, NEUTRAL, NEUTRAL, confidence=0.2)),
        ("ai_confidence_low", "low_confidence_run", ""),
        id="ai-confidence-low",
    ),
]


@pytest.mark.parametrize(("signals", "expected"), CASES)
def test_each_reason_fires_on_its_trigger(signals: EscalationSignals, expected: tuple) -> None:
    decision = escalation_decide(signals)
    assert isinstance(decision, EscalationDecision)
    assert (decision.reason, decision.rule, decision.required_skill) == expected


NEGATIVE = [
    pytest.param(EscalationSignals(text="hello, where is my order?"), id="plain-question"),
    # The crisis check opened the concern's review when the message was stored.
    pytest.param(EscalationSignals(text="x", crisis_level="concern"), id="concern-alone"),
    pytest.param(
        EscalationSignals(
            text="no",
            reading=reading(intensity=0.8, valence=-0.9),
            recent=_recent(EXTREME, MILD_NEG, ("negative", 0.8, -0.9)),
        ),
        id="near-miss-intensity",
    ),
    pytest.param(
        EscalationSignals(text="still wrong", reading=reading(intensity=0.6), ai_failures=3),
        id="near-miss-ai-failures-calm",
    ),
    pytest.param(
        EscalationSignals(text="still wrong", reading=reading(intensity=0.9 - 0.2), ai_failures=2),
        id="near-miss-two-failures",
    ),
    pytest.param(
        EscalationSignals(
            text="where is my parcel, order 1234?",
            earlier_texts=("where is my parcel order 1234", "thanks, and my invoice address?"),
        ),
        id="near-miss-one-repeat",
    ),
    pytest.param(
        EscalationSignals(text="ugh", recent=_recent(MILD_NEG, MILD_NEG, MILD_NEG)),
        id="near-miss-three-stable-negative",
    ),
    pytest.param(
        EscalationSignals(text="hmm ok", recent=_recent(NEUTRAL, NEUTRAL, confidence=0.2)),
        id="near-miss-two-low-confidence",
    ),
    pytest.param(EscalationSignals(text="What? Why?"), id="near-miss-two-questions"),
]


@pytest.mark.parametrize("signals", NEGATIVE)
def test_no_escalation_below_the_thresholds(signals: EscalationSignals) -> None:
    assert escalation_decide(signals) is None


@pytest.mark.parametrize(
    "text",
    [
        "can I talk to a human",
        "Can I speak with someone please?",
        "real person please",
        "agent!!",
        "AGENT",
        "Representative.",
        "I want a human",
        "get me a manager",
        "connect me to customer service",
        "let me chat with a live agent",
        "I need to speak to a real person",
        "is there a human I can talk to?",
        "I don't want to talk to a bot",
        "no more bots",
        "huuuuman please",
        "Can I talk to someone?",
        "transfer me to your support team",
        "operator",
    ],
)
def test_any_phrasing_of_asking_for_a_person(text: str) -> None:
    assert asks_for_human(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "Is this a human or a bot?",
        "The agent field is empty",
        "my travel agent booked it",
        "I think it was human error",
        "Human resources sent me",
        "someone stole my package",
        "the person at the door",
        "Are you a bot?",
    ],
)
def test_mentions_that_are_not_asks(text: str) -> None:
    assert asks_for_human(text) is False


# One case per row of URGENCY_TABLE and band: (reason, band) -> urgency, written out by hand
# so a change to the table shows up here as a decision.
_BAND_INTENSITY = {"calm": 0.2, "upset": 0.66, "intense": 0.9}
_EXPECTED_BY_BAND = {
    "crisis_indicators": ("critical", "critical", "critical"),
    "high_emotional_intensity": ("high", "high", "high"),
    "repeated_frustration": ("medium", "medium", "high"),
    "ai_failures": ("medium", "medium", "high"),
    "user_request": ("low", "medium", "medium"),
    "complex_inquiry": ("low", "low", "medium"),
    "ai_confidence_low": ("low", "low", "medium"),
}


def test_every_reason_has_a_row() -> None:
    assert set(URGENCY_TABLE) == set(_EXPECTED_BY_BAND) == {r.value for r in Escalation.Reason}


@pytest.mark.parametrize(
    ("reason", "band", "urgency"),
    [
        pytest.param(reason, band, urgency, id=f"{reason}-{band}")
        for reason, urgencies in _EXPECTED_BY_BAND.items()
        for band, urgency in zip(("calm", "upset", "intense"), urgencies, strict=True)
    ],
)
def test_urgency_table_row(reason: str, band: str, urgency: str) -> None:
    assert (
        escalation_urgency(
            reason=reason, intensity=_BAND_INTENSITY[band], trend="stable", message_count=3
        )
        == urgency
    )


@pytest.mark.parametrize(
    ("reason", "intensity", "negative", "trend", "length", "concern", "urgency"),
    [
        # The furious request for a person (the shipped detector reads it at ~0.66 negative).
        pytest.param("user_request", 0.66, True, "stable", 2, 0, "medium", id="furious-ask"),
        pytest.param("user_request", 0.81, True, "deteriorating", 2, 0, "high", id="ask-worse"),
        pytest.param("user_request", 0.8, True, "stable", 2, 0, "medium", id="ask-at-0.8"),
        pytest.param("user_request", 0.1, True, "stable", 2, 0, "low", id="calm-ask"),
        # High intensity that is not negative (delight) is no reason to hurry.
        pytest.param("user_request", 0.95, False, "stable", 2, 0, "low", id="happy-ask"),
        pytest.param("user_request", 0.49, True, "stable", 2, 0, "low", id="below-upset"),
        # Worsening trend and a long conversation are one step together, not two.
        pytest.param("user_request", 0.1, True, "deteriorating", 2, 0, "medium", id="worse"),
        pytest.param("user_request", 0.1, True, "stable", 15, 0, "medium", id="long"),
        pytest.param("user_request", 0.1, True, "deteriorating", 30, 0, "medium", id="both"),
        pytest.param("user_request", 0.1, True, "improving", 14, 0, "low", id="not-long"),
        pytest.param("user_request", 0.1, True, "stable", 2, 1, "medium", id="earlier-concern"),
        pytest.param("user_request", 0.9, True, "deteriorating", 20, 2, "high", id="ask-cap"),
        pytest.param("repeated_frustration", 0.5, True, "deteriorating", 6, 0, "high", id="rf"),
        pytest.param("ai_failures", 0.65, True, "stable", 8, 0, "medium", id="ai-failures"),
        pytest.param("complex_inquiry", 0.9, True, "deteriorating", 2, 1, "medium", id="cx-cap"),
        pytest.param("ai_confidence_low", 0.1, True, "deteriorating", 4, 0, "medium", id="low"),
        pytest.param("high_emotional_intensity", 0.97, True, "stable", 3, 0, "high", id="hei"),
        pytest.param("crisis_indicators", 0.0, False, "stable", 1, 0, "critical", id="crisis"),
    ],
)
def test_urgency_bumps_and_caps(
    reason: str, intensity: float, negative: bool, trend: str, length: int, concern: int,
    urgency: str,
) -> None:  # fmt: skip
    assert (
        escalation_urgency(
            reason=reason,
            intensity=intensity,
            is_negative=negative,
            trend=trend,
            message_count=length,
            concern_count=concern,
        )
        == urgency
    )


@pytest.mark.parametrize(
    ("intensity", "negative", "trend", "length", "concern"),
    [
        pytest.param(0.0, False, "stable", 1, 0, id="calm-first-message"),
        pytest.param(0.99, True, "deteriorating", 40, 3, id="every-bump"),
    ],
)
def test_a_concern_is_always_high_never_critical(
    intensity: float, negative: bool, trend: str, length: int, concern: int
) -> None:
    assert (
        escalation_urgency(
            reason="crisis_indicators",
            rule="crisis_concern",
            intensity=intensity,
            is_negative=negative,
            trend=trend,
            message_count=length,
            concern_count=concern,
        )
        == "high"
    )


@pytest.mark.parametrize(
    ("reason", "rule", "level"),
    [
        ("crisis_indicators", "crisis_assessment", "crisis"),
        ("crisis_indicators", "crisis_concern", "concern"),
        # An escalation the pipeline opened on a crisis reading, or a supervisor's, is a crisis.
        ("crisis_indicators", "", "crisis"),
        ("user_request", "crisis_concern", "none"),
        ("high_emotional_intensity", "single_strong", "none"),
    ],
)
def test_crisis_level_of_an_escalation(reason: str, rule: str, level: str) -> None:
    assert crisis_level(reason=reason, rule=rule) == level


def test_concern_approach_checks_safety_before_the_question() -> None:
    approach = suggested_approach(
        reason="crisis_indicators", rule="crisis_concern", emotion="confusion", trend="stable"
    )
    assert approach.startswith("Check in on their safety first.")
    assert "numbered steps" not in approach


def test_only_crisis_reaches_critical_by_rule() -> None:
    for reason in set(URGENCY_TABLE) - {"crisis_indicators"}:
        assert (
            escalation_urgency(
                reason=reason, intensity=1.0, trend="deteriorating", message_count=99,
                concern_count=3,
            )
            != "critical"
        )  # fmt: skip


def test_urgency_raised_steps_up_and_stops_at_critical() -> None:
    assert [urgency_raised(u) for u in ("low", "medium", "high", "critical")] == [
        "medium",
        "high",
        "critical",
        "critical",
    ]


def test_near_duplicates_ignore_short_acknowledgements() -> None:
    assert near_duplicate_count("ok", ["ok", "ok"]) == 0
    assert (
        near_duplicate_count("Where is my refund??", ["where is my refund", "WHERE IS MY REFUND"])
        == 2
    )


@pytest.mark.parametrize(
    ("reason", "emotion", "phrase"),
    [
        ("crisis_indicators", "fear", "Safety first"),
        ("high_emotional_intensity", "anger", "De-escalate before solving"),
        ("repeated_frustration", "annoyance", "Own it and expedite"),
        ("complex_inquiry", "confusion", "simple, numbered steps"),
    ],
)
def test_suggested_approach_fits_the_situation(reason: str, emotion: str, phrase: str) -> None:
    assert phrase in suggested_approach(reason=reason, emotion=emotion, trend="stable")

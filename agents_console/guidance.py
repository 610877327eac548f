"""Best-practice notes per escalation reason and the next-level options an agent can take."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from escalations.rules import CRISIS_INDICATORS

BEST_PRACTICES: dict[str, tuple[str, ...]] = {
    CRISIS_INDICATORS: (
        "Safety first: ask directly whether they are safe right now.",
        "Share the help resources for their country; stay with them while they reach out.",
        "Do not promise secrecy and do not try to solve the original request yet.",
        "Hand to a crisis specialist if you are not trained for this.",
    ),
    "high_emotional_intensity": (
        "De-escalate before solving: name the feeling and say you are here to help.",
        "Keep sentences short; avoid policy language and blame.",
        "Give one concrete next step and when it will happen.",
    ),
    "repeated_frustration": (
        "Own it: apologise once for the repeated trouble, without excuses.",
        "Expedite: take the case yourself and say what you will do and by when.",
        "Do not ask for information they already gave; read the transcript first.",
    ),
    "complex_inquiry": (
        "Restate the questions as a short numbered list and answer them in order.",
        "Say which parts you can solve now and which need a specialist.",
    ),
    "user_request": (
        "Introduce yourself by name so they know a person took over.",
        "Summarise what you already know so they do not have to repeat it.",
    ),
    "ai_confidence_low": (
        "The assistant could not read how they feel: ask an open question.",
        "Check understanding before proposing a solution.",
    ),
    "ai_failures": (
        "The assistant failed to answer several times: acknowledge the wait.",
        "Answer the latest question first, then check earlier ones were covered.",
    ),
}

# Skills the next level needs; the escalation service routes by them.
SUPERVISOR_SKILL = "supervisor"


@dataclass(frozen=True, slots=True)
class NextLevelOption:
    """A way to move the conversation up: to a supervisor or to crisis specialists."""

    target: str  # "supervisor" | "crisis"
    label: str
    description: str
    is_recommended: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "label": self.label,
            "description": self.description,
            "is_recommended": self.is_recommended,
        }


def best_practices_for(reason: str) -> list[str]:
    return list(BEST_PRACTICES.get(reason, ()))


def next_level_options(*, reason: str, urgency: str, trend: str) -> list[NextLevelOption]:
    is_crisis = reason == CRISIS_INDICATORS
    return [
        NextLevelOption(
            target="crisis",
            label="Hand to crisis specialists",
            description="Moves the conversation to agents trained for crisis support.",
            is_recommended=is_crisis,
        ),
        NextLevelOption(
            target="supervisor",
            label="Hand to a supervisor",
            description="A supervisor takes over; use it when the visitor asks or it escalates.",
            is_recommended=not is_crisis and (urgency == "critical" or trend == "deteriorating"),
        ),
    ]

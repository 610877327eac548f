"""How the help center serves visitors: `kb_answers_total{outcome}`.

answered / suggested / no_answer count bot replies; helpful / not_helpful count the visitor's
"Did this answer your question?" clicks. The dashboards' bot-resolution rate is helpful over
answered.
"""

from __future__ import annotations

from typing import Final

from prometheus_client import Counter

OUTCOMES: Final = frozenset({"answered", "suggested", "no_answer", "helpful", "not_helpful"})

KB_ANSWERS = Counter(
    "kb_answers",  # exported as kb_answers_total
    "Bot replies by what the help center gave them, and visitors' feedback on them.",
    ["outcome"],
)


def kb_answer_record(*, outcome: str) -> None:
    KB_ANSWERS.labels(outcome=outcome if outcome in OUTCOMES else "other").inc()

"""Reply strategies and generation: remote LLM providers with failover, and the offline responder.

Public API (everything else in this package is internal):

- ``strategy_select(*, reading, trend, negative_streak, crisis_level) -> str``
- ``reply_generate(request) -> ReplyDraft``: never raises for provider trouble; when every remote
  provider failed, the offline responder answers and the draft has ``ai_failed=True``. The
  ``safety_first`` strategy is never generated: it returns the fixed crisis text.
- ``pii_mask(text) -> str`` and ``pii_present(text) -> bool``
"""

from empathy.replies.pii import pii_mask, pii_present
from empathy.replies.service import reply_generate
from empathy.replies.strategy import (
    CELEBRATE,
    INFORM,
    OWN_AND_EXPEDITE,
    REASSURE_AND_CLARIFY,
    SAFETY_FIRST,
    STRATEGIES,
    VALIDATE_THEN_SOLVE,
    strategy_select,
)

__all__ = [
    "CELEBRATE",
    "INFORM",
    "OWN_AND_EXPEDITE",
    "REASSURE_AND_CLARIFY",
    "SAFETY_FIRST",
    "STRATEGIES",
    "VALIDATE_THEN_SOLVE",
    "pii_mask",
    "pii_present",
    "reply_generate",
    "strategy_select",
]

"""Reply strategies and generation: remote LLM providers with failover, and the offline responder.

Public API (everything else in this package is internal):

- ``strategy_select(*, reading, trend, negative_streak, crisis_level) -> str``
- ``reply_generate(request) -> ReplyDraft``: never raises for provider trouble; when every remote
  provider failed, the offline responder answers and the draft has ``ai_failed=True``. The
  ``safety_first`` strategy is never generated: it returns the fixed crisis text.
- ``reply_stream(request) -> ReplyStream``: iterate for text chunks (sentence by sentence, each
  checked before it is shown; a whole reply when the answer is not streamed), then read
  ``.draft``.
- ``reply_streams() -> bool``: whether the configured chain can stream (a remote provider).
- Neither path sends a sentence already in ``request.used_sentences``: repeats are left out of
  a provider's answer, and when nothing new remains the offline responder answers.
- ``pii_mask(text) -> str`` and ``pii_present(text) -> bool``
"""

from empathy.replies.errors import (
    FAILURE_REASONS,
    ProviderError,
    ProviderTerminalError,
    ProviderTransientError,
)
from empathy.replies.pii import pii_mask, pii_present
from empathy.replies.service import (
    ReplyConfig,
    ReplyService,
    ReplyStream,
    reply_generate,
    reply_service_set,
    reply_stream,
    reply_streams,
)
from empathy.replies.strategy import (
    CELEBRATE,
    CHECK_IN,
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
    "CHECK_IN",
    "FAILURE_REASONS",
    "INFORM",
    "OWN_AND_EXPEDITE",
    "REASSURE_AND_CLARIFY",
    "SAFETY_FIRST",
    "STRATEGIES",
    "VALIDATE_THEN_SOLVE",
    "ProviderError",
    "ProviderTerminalError",
    "ProviderTransientError",
    "ReplyConfig",
    "ReplyService",
    "ReplyStream",
    "pii_mask",
    "pii_present",
    "reply_generate",
    "reply_service_set",
    "reply_stream",
    "reply_streams",
    "strategy_select",
]

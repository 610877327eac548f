"""Which language a visitor writes in, per message (py3langid: 97 languages, a few MB, ~0.05 ms).

Short messages ("ok", "danke", "hi") are ambiguous for any identifier, so a message of a few
words, or one the identifier is unsure of, keeps the conversation's earlier language when that
language is still plausible for it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

# Languages the engine reads and answers in with curated text; every other detected language is
# reported as itself and read with low confidence.
SUPPORTED = ("en", "es", "fr", "de", "pt", "it")
UNDETERMINED = "und"
_SURE = 0.9
_UNSURE = 0.5
_PLAUSIBLE = 0.05
_SHORT_WORDS = 3


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    code: str  # ISO 639-1, or "und" for text with no letters
    probability: float

    @property
    def supported(self) -> bool:
        return self.code in SUPPORTED


_lock = threading.Lock()
_identifier: Any = None


def _model() -> Any:
    global _identifier
    if _identifier is None:
        with _lock:
            if _identifier is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return _identifier


def language_detect(text: str, *, prior: str | None = None) -> LanguageGuess:
    """The message's language; `prior` is the conversation's language so far, if known."""
    if not any(ch.isalpha() for ch in text):
        return LanguageGuess(prior or UNDETERMINED, 0.0)
    identifier = _model()
    ranked = identifier.rank(text)
    total = sum(p for _, p in ranked) or 1.0
    probs = {code: p / total for code, p in ranked}
    best, p_best = ranked[0][0], ranked[0][1] / total
    is_short = len(text.split()) <= _SHORT_WORDS
    if prior and prior != best:
        p_prior = probs.get(prior, 0.0)
        if (p_prior >= _PLAUSIBLE and p_best < _SURE) or (is_short and p_best < _UNSURE):
            return LanguageGuess(prior, p_prior)
    if p_best < _SURE:
        # Unsure between languages: prefer one the product supports if it is a close second.
        supported = max(SUPPORTED, key=lambda code: probs.get(code, 0.0))
        if probs.get(supported, 0.0) >= p_best / 2:
            return LanguageGuess(supported, probs[supported])
    return LanguageGuess(best, p_best)

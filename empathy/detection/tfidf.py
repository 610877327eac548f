"""TF-IDF + per-label logistic regression: the lexical half of the shipped emotion model.

Stored as plain arrays (vocabulary JSON + npz), never as a pickle, and rebuilt into a
scikit-learn vectorizer with a fixed vocabulary at load time.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

# The vectorizer's parameters are part of the model: training and inference share them.
VECTORIZER_PARAMS: dict[str, Any] = {
    "lowercase": True,
    "strip_accents": "unicode",
    "ngram_range": (1, 2),
    "sublinear_tf": True,
    "token_pattern": r"(?u)\b\w+\b|[!?]",
    "dtype": np.float32,
}


_UNINFORMATIVE = frozenset(ENGLISH_STOP_WORDS) | {"!", "?", "im", "dont", "s", "t"}


def _whole_words(text: str) -> list[str]:
    """The message's words as the vectorizer folds them (lower case, no accents), contractions
    kept whole."""
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return re.findall(r"\w+(?:['\u2019]\w+)*", folded)


def _is_phrase_of(term: str, words: Sequence[str]) -> bool:
    parts = term.split()
    return any(list(words[i : i + len(parts)]) == parts for i in range(len(words)))


class TfidfLogReg:
    """Scores texts with one logistic regression per label over TF-IDF features."""

    def __init__(
        self, *, terms: Sequence[str], idf: np.ndarray, coef: np.ndarray, intercept: np.ndarray
    ) -> None:
        if coef.shape[0] != len(terms) or idf.shape[0] != len(terms):
            raise ValueError("TF-IDF arrays do not match the vocabulary size")
        self._vectorizer = TfidfVectorizer(
            **VECTORIZER_PARAMS, vocabulary={term: i for i, term in enumerate(terms)}
        )
        self._vectorizer.idf_ = idf.astype(np.float32)
        self._terms = list(terms)
        self._coef = coef.astype(np.float32)
        self._intercept = intercept.astype(np.float32)

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        features = self._vectorizer.transform(texts)
        logits = features @ self._coef + self._intercept
        return 1.0 / (1.0 + np.exp(-np.asarray(logits, dtype=np.float32)))

    def top_terms(self, text: str, label_index: int, k: int = 5) -> list[str]:
        """The words of ``text`` that pushed ``label_index`` up most (for trigger words)."""
        features = self._vectorizer.transform([text])
        weights = features.data * self._coef[features.indices, label_index]
        ranked = sorted(zip(weights, features.indices, strict=True), reverse=True)
        # Function words ("me", "this is") carry weight in the model but tell an agent nothing,
        # and the tokenizer's pieces of a contraction ("don't" -> "don", "t") are not words the
        # visitor wrote: only whole words and phrases of the message are shown.
        words = _whole_words(text)
        informative = [
            self._terms[i]
            for w, i in ranked
            if w > 0
            and not set(self._terms[i].split()) <= _UNINFORMATIVE
            and _is_phrase_of(self._terms[i], words)
        ]
        return informative[:k]

    @classmethod
    def load(cls, vocab_path: Path, arrays_path: Path) -> TfidfLogReg:
        terms = json.loads(vocab_path.read_text(encoding="utf-8"))
        with np.load(arrays_path, allow_pickle=False) as arrays:
            return cls(
                terms=terms, idf=arrays["idf"], coef=arrays["coef"], intercept=arrays["intercept"]
            )

    @staticmethod
    def save(
        *,
        vocab_path: Path,
        arrays_path: Path,
        terms: Sequence[str],
        idf: np.ndarray,
        coef: np.ndarray,
        intercept: np.ndarray,
    ) -> None:
        vocab_path.write_text(json.dumps(list(terms), ensure_ascii=False), encoding="utf-8")
        np.savez_compressed(
            arrays_path,
            idf=idf.astype(np.float32),
            coef=coef.astype(np.float16),
            intercept=intercept.astype(np.float32),
        )

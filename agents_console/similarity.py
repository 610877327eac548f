"""Similar resolved cases: TF-IDF cosine similarity over what visitors wrote."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# Below this cosine the texts share little more than common words.
MIN_SIMILARITY = 0.1


@dataclass(frozen=True, slots=True)
class CaseText:
    """One resolved case's visitor text and its emotion category."""

    key: int
    text: str
    category: str


def similar_keys(
    *, text: str, category: str, cases: Sequence[CaseText], limit: int = 3
) -> list[tuple[int, float]]:
    """Keys of the cases most similar to ``text`` with the same emotion category, best first."""
    pool = [case for case in cases if case.category == category and case.text.strip()]
    if not text.strip() or not pool:
        return []
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import linear_kernel

    vectorizer = TfidfVectorizer(
        lowercase=True, stop_words="english", ngram_range=(1, 2), sublinear_tf=True
    )
    try:
        matrix = vectorizer.fit_transform([text, *(case.text for case in pool)])
    except ValueError:
        # Only stop words: nothing to compare.
        return []
    # TF-IDF rows are L2-normalised, so the dot product is the cosine.
    scores = linear_kernel(matrix[0:1], matrix[1:]).ravel()
    ranked = sorted(
        ((pool[i].key, float(score)) for i, score in enumerate(scores) if score >= MIN_SIMILARITY),
        key=lambda item: (-item[1], item[0]),
    )
    return ranked[:limit]

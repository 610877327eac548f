"""Similar resolved cases: TF-IDF cosine over visitor text, same emotion category only."""

from __future__ import annotations

from agents_console.similarity import CaseText, similar_keys

CASES = [
    CaseText(1, "I was charged twice for my order and want a refund", "negative"),
    CaseText(2, "the app crashes when I upload a photo", "negative"),
    CaseText(3, "charged twice again, refund please", "positive"),
    CaseText(4, "charged twice on my card yesterday, need the money back", "negative"),
]


def test_most_similar_same_category_first() -> None:
    ranked = similar_keys(
        text="you charged me twice, I want my refund", category="negative", cases=CASES
    )
    assert [key for key, _ in ranked] == [1, 4]
    assert ranked[0][1] > ranked[1][1] > 0.1


def test_other_category_never_matches() -> None:
    ranked = similar_keys(text="charged twice refund", category="positive", cases=CASES)
    assert [key for key, _ in ranked] == [3]


def test_nothing_in_common_gives_nothing() -> None:
    assert similar_keys(text="hello there", category="negative", cases=CASES) == []
    assert similar_keys(text="the and of", category="negative", cases=CASES) == []
    assert similar_keys(text="refund", category="negative", cases=[]) == []

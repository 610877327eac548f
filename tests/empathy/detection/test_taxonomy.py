"""The label taxonomy is complete and consistent."""

import pytest

from empathy.taxonomy import CATEGORY, EKMAN, EKMAN_GROUPS, LABELS, VALENCE_AROUSAL


def test_goemotions_label_order_matches_the_dataset() -> None:
    labels = [
        "admiration",
        "amusement",
        "anger",
        "annoyance",
        "approval",
        "caring",
        "confusion",
        "curiosity",
        "desire",
        "disappointment",
        "disapproval",
        "disgust",
        "embarrassment",
        "excitement",
        "fear",
        "gratitude",
        "grief",
        "joy",
        "love",
        "nervousness",
        "optimism",
        "pride",
        "realization",
        "relief",
        "remorse",
        "sadness",
        "surprise",
        "neutral",
    ]
    assert list(LABELS) == labels


@pytest.mark.parametrize(
    "table", [EKMAN, CATEGORY, VALENCE_AROUSAL], ids=["ekman", "category", "va"]
)
def test_every_label_is_mapped_exactly_once(table: dict) -> None:
    assert sorted(table) == sorted(LABELS)


@pytest.mark.parametrize(
    ("label", "category"),
    [
        ("anger", "negative"),
        ("annoyance", "negative"),
        ("disappointment", "negative"),
        ("sadness", "negative"),
        ("nervousness", "anxious"),
        ("fear", "anxious"),
        ("confusion", "anxious"),
        ("joy", "positive"),
        ("gratitude", "positive"),
        ("relief", "positive"),
        ("excitement", "positive"),
        ("neutral", "neutral"),
        ("curiosity", "neutral"),
    ],
)
def test_support_category_of_label(label: str, category: str) -> None:
    assert CATEGORY[label] == category


def test_ekman_groups_cover_all_seven() -> None:
    assert set(EKMAN.values()) == set(EKMAN_GROUPS)
    assert len(EKMAN_GROUPS) == 7


def test_valence_and_arousal_ranges() -> None:
    for valence, arousal in VALENCE_AROUSAL.values():
        assert -1.0 <= valence <= 1.0
        assert 0.0 <= arousal <= 1.0
    assert VALENCE_AROUSAL["joy"][0] > 0 > VALENCE_AROUSAL["anger"][0]

"""Pure helpers of benchmarks/emotion_quality.py on tiny inputs (no model, no peers, no data)."""

from __future__ import annotations

import sys

import numpy as np
import pytest

import benchmarks.emotion_quality as quality
from benchmarks.emotion_quality import (
    EKMAN_GROUPS,
    NRCLEX_EKMAN,
    TEXT2EMOTION_EKMAN,
    PeerUnavailable,
    class_macro_f1,
    ekman_top,
    gold_sentiment,
    main,
    sentiment_from_compound,
    sentiment_from_probs,
)
from empathy.taxonomy import LABELS

POS, NEG, NEU = 0, 1, 2


def _gold(*rows: tuple[str, ...]) -> np.ndarray:
    matrix = np.zeros((len(rows), len(LABELS)), dtype=np.int8)
    for i, labels in enumerate(rows):
        for label in labels:
            matrix[i, LABELS.index(label)] = 1
    return matrix


def _groups(row: np.ndarray) -> set[str]:
    return {EKMAN_GROUPS[i] for i in np.flatnonzero(row)}


def test_gold_sentiment_single_labels_follow_the_paper_grouping():
    gold = _gold(("joy",), ("grief",), ("confusion",), ("surprise",), ("neutral",), ("pride",))
    assert gold_sentiment(gold).tolist() == [POS, NEG, NEU, NEU, NEU, POS]


def test_gold_sentiment_majority_then_first_label():
    gold = _gold(
        ("anger", "annoyance", "joy"),  # 2 negative vs 1 positive
        ("admiration", "anger"),  # tie: admiration (id 0) is listed first
        ("anger", "curiosity"),  # tie: anger (id 2) is listed first
        ("curiosity", "disgust"),  # tie: curiosity (id 7) is listed first -> neutral
    )
    assert gold_sentiment(gold).tolist() == [NEG, POS, NEG, NEU]


def test_sentiment_from_probs_sums_each_group():
    probs = np.zeros((2, len(LABELS)), dtype=np.float32)
    # Row 0: neutral is the single top label, but the negative labels together outweigh it.
    probs[0, LABELS.index("neutral")] = 0.4
    probs[0, LABELS.index("anger")] = 0.3
    probs[0, LABELS.index("annoyance")] = 0.3
    probs[1, LABELS.index("gratitude")] = 0.2
    probs[1, LABELS.index("curiosity")] = 0.15
    assert sentiment_from_probs(probs).tolist() == [NEG, POS]


def test_vader_cutoffs_are_inclusive_at_plus_minus_0_05():
    compound = [0.05, 0.0499, -0.0499, -0.05, 0.9, -0.9]
    assert sentiment_from_compound(compound).tolist() == [POS, NEU, NEU, NEG, POS, NEG]


def test_text2emotion_top_emotion_ties_and_nothing_found():
    one = ekman_top(
        {"Happy": 0.67, "Angry": 0.0, "Surprise": 0.33, "Sad": 0.0, "Fear": 0.0}, TEXT2EMOTION_EKMAN
    )
    tie = ekman_top(
        {"Happy": 0.0, "Angry": 0.0, "Surprise": 0.5, "Sad": 0.5, "Fear": 0.0}, TEXT2EMOTION_EKMAN
    )
    none = ekman_top(
        {"Happy": 0, "Angry": 0, "Surprise": 0, "Sad": 0, "Fear": 0}, TEXT2EMOTION_EKMAN
    )
    assert _groups(one) == {"joy"}
    assert _groups(tie) == {"surprise", "sadness"}
    assert _groups(none) == {"neutral"}
    assert _groups(ekman_top({}, TEXT2EMOTION_EKMAN)) == {"neutral"}


def test_nrclex_ignores_sentiment_trust_and_anticipation():
    counts = {"positive": 5, "trust": 4, "anticipation": 3, "fear": 1, "disgust": 2}
    assert _groups(ekman_top(counts, NRCLEX_EKMAN)) == {"disgust"}
    only_unmapped = {"positive": 2, "negative": 1, "trust": 1}
    assert _groups(ekman_top(only_unmapped, NRCLEX_EKMAN)) == {"neutral"}


def test_class_macro_f1_by_hand():
    gold = np.array([0, 0, 1, 2])
    pred = np.array([0, 1, 1, 1])
    # class 0: tp 1, fn 1 -> 2/3; class 1: tp 1, fp 2 -> 0.5; class 2: tp 0 -> 0
    assert class_macro_f1(gold, pred, 3) == pytest.approx((2 / 3 + 0.5 + 0.0) / 3)
    assert class_macro_f1(gold, gold, 3) == pytest.approx(1.0)


def test_missing_data_exits_2_with_a_message(tmp_path, capsys):
    assert main(["--data", str(tmp_path / "absent")]) == 2
    err = capsys.readouterr().err
    assert "GoEmotions data not found" in err
    assert "dev.tsv" in err


def test_missing_nltk_data_makes_the_word_list_peers_unavailable_with_the_reason(monkeypatch):
    def absent(dist, relative):
        raise PeerUnavailable(f"{dist} is not installed (requirements-bench.txt)")

    # NLTK itself is a benchmark-only dependency: stand in for it so the data lookup is reached.
    import types

    reader = types.ModuleType("nltk.corpus.reader.wordnet")
    reader.WordNetCorpusReader = object
    for name in ("nltk", "nltk.corpus", "nltk.corpus.reader"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "nltk.corpus.reader.wordnet", reader)

    monkeypatch.setattr(quality, "_package_dir", absent)
    monkeypatch.setattr(quality, "_nltk_ready", None)
    with pytest.raises(PeerUnavailable, match="llama-index-core is not installed"):
        quality.text2emotion_runner()
    # The reason is remembered, so the second peer reports the same cause without retrying.
    with pytest.raises(PeerUnavailable, match="llama-index-core is not installed"):
        quality.nrclex_runner()

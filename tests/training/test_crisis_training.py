"""Crisis training data and procedure: fixed split, valid corpus, no benchmark text in training,
the TF-IDF half and thresholds as documented."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import numpy as np
import pytest

from empathy.crisis.model import model_from_payload
from empathy.crisis.normalize import normalize
from training import crisis
from training.crisis_data import (
    CORPUS_DIR,
    Post,
    corpus_load,
    cssrs_load,
    cssrs_split,
    support_negatives,
)

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
needs_data = pytest.mark.skipif(
    not (DATA / "crisis" / "cssrs_reddit_posts.tsv").is_file(),
    reason=f"crisis data not found at {DATA / 'crisis'}",
)
LANGUAGES = {"en", "es", "fr", "de", "pt", "it"}
POSITIVE = {
    "explicit_intent",
    "passive_death_wish",
    "burdensomeness",
    "finality_goodbye",
    "giving_away",
    "method_means",
    "access_to_means",
    "self_harm",
    "hopelessness_intent",
    "coded_misspelled",
    "danger_abuse",
    "danger_threat",
    "child_at_risk",
    "third_party",
}
NEGATIVE = {
    "idiom",
    "product_talk",
    "tech",
    "cancellation",
    "bereavement_calm",
    "frustration",
    "negated",
    "media_games",
    "ordinary",
}


@needs_data
def test_split_is_fixed_and_disjoint() -> None:
    posts = cssrs_load(DATA / "crisis")
    train, held_out = cssrs_split(posts)
    _, again_held_out = cssrs_split(list(reversed(posts)))
    assert {p.index for p in held_out} == {p.index for p in again_held_out}
    assert not {p.text for p in train} & {p.text for p in held_out}
    assert 0.25 < len(held_out) / len(posts) < 0.35


def test_corpus_covers_every_language_and_category() -> None:
    lines = corpus_load()
    assert {line.lang for line in lines} == LANGUAGES
    for lang in LANGUAGES:
        mine = [line for line in lines if line.lang == lang]
        positive = {line.category for line in mine if line.level != "none"}
        negative = {line.category for line in mine if line.level == "none"}
        assert positive == POSITIVE, lang
        assert negative == NEGATIVE, lang


def test_a_malformed_corpus_file_is_reported_by_name_and_line(tmp_path: Path) -> None:
    (tmp_path / "xx.tsv").write_text("level\tcategory\ttext\nmaybe\tidiom\thello\n")
    with pytest.raises(ValueError, match=r"xx.tsv:2: malformed row"):
        corpus_load(tmp_path)


def _benchmark_texts() -> set[str]:
    texts = set()
    data = ROOT / "benchmarks" / "data"
    with (data / "crisis_multilingual.tsv").open(encoding="utf-8", newline="") as handle:
        texts |= {r["text"] for r in csv.DictReader(handle, delimiter="\t")}
    texts |= set((data / "support_messages.txt").read_text(encoding="utf-8").splitlines())
    return {normalize(t) for t in texts if t.strip()}


def test_no_benchmark_message_is_in_the_training_corpus_or_templates() -> None:
    held_out = _benchmark_texts()
    training = {normalize(line.text) for line in corpus_load()}
    training |= {normalize(t) for t in support_negatives(random.Random(crisis.SEED))}
    assert held_out & training == set()
    assert len(held_out) > 800


def _rows(texts: list[str], risk: list[int], source: str = "corpus") -> crisis.Rows:
    n = len(texts)
    return crisis.Rows(
        texts=texts,
        risk=np.array(risk),
        others=np.zeros(n, dtype=int),
        child=np.zeros(n, dtype=int),
        source=np.array([source] * n),
        weights=np.ones(n),
        lang=["en"] * n,
    )


def test_concern_follows_recall_and_crisis_the_budgets() -> None:
    support = [i / 1000 for i in range(1000)]  # 0.000 .. 0.999
    curated = [i / 100 for i in range(100)]  # 0.00 .. 0.99
    positives = [0.2 + i / 100 for i in range(80)]  # 0.20 .. 0.99
    scores = np.array(support + curated + positives)
    rows = crisis.Rows(
        texts=["x"] * 1180,
        risk=np.array([0] * 1100 + [1] * 80),
        others=np.zeros(1180, dtype=int),
        child=np.zeros(1180, dtype=int),
        source=np.array(["support"] * 1000 + ["corpus"] * 180),
        weights=np.ones(1180),
        lang=["en"] * 1180,
    )
    chosen = crisis.thresholds_choose(rows, scores)
    # Recall 95% of positives needs 0.24; keeping 0.5% of support text (5 of 1000) at or above
    # concern needs just over 0.994: the budget wins.
    assert chosen["concern"] == pytest.approx(0.994, abs=1e-6)
    # Crisis: 0.1% of support text (just over 0.998) is stricter than 8% of curated (0.91).
    assert chosen["crisis"] == pytest.approx(0.998, abs=1e-6)
    lenient = crisis.thresholds_choose(rows, np.where(rows.source == "support", 0.0, scores))
    assert lenient["concern"] == pytest.approx(0.24)
    assert lenient["crisis"] == pytest.approx(0.91, abs=1e-6)


def test_the_tfidf_half_round_trips_through_the_runtime_model() -> None:
    texts = [
        "i want to die tonight",
        "i wish i was dead",
        "nobody would notice if i was gone",
        "my husband hits me",
        "my dad hurts my little brother",
        "where is my parcel",
        "this bug is killing me",
        "kill the auto renew please",
        "thanks the refund arrived",
        "can i jump to the premium plan",
    ]
    normalized = [normalize(t) for t in texts]
    rows = crisis.Rows(
        texts=normalized,
        risk=np.array([1, 1, 1, 1, 1, 0, 0, 0, 0, 0]),
        others=np.array([0, 0, 0, 1, 1, 0, 0, 0, 0, 0]),
        child=np.array([0, 0, 0, 0, 1, 0, 0, 0, 0, 0]),
        source=np.array(["corpus"] * 10),
        weights=np.ones(10),
        lang=["en"] * 10,
    )
    crisis.MIN_DF = 1
    try:
        fitted = crisis.fit(rows, np.arange(10), seed=0)
    finally:
        crisis.MIN_DF = 2
    payload = crisis.payload_build(fitted, {"concern": 0.5, "crisis": 0.8})
    model = model_from_payload(payload)
    expected = fitted.probabilities(normalized)
    got = np.array([[s.risk, s.others, s.child] for s in model.scores_many(normalized)])
    assert np.allclose(got, expected, atol=1e-4)


def test_cssrs_rows_are_self_directed_risk() -> None:
    posts = [Post(index=0, severity=3, text="i have a plan"), Post(index=1, severity=0, text="sad")]
    rows = crisis.rows_build(posts, [], ["my order is late", "thanks"], seed=0)
    cssrs = rows.source == "cssrs"
    assert rows.risk[cssrs].tolist() == [1, 0]
    assert rows.others[cssrs].tolist() == [0, 0]


def test_corpus_files_are_where_training_reads_them() -> None:
    assert {p.stem.split("_")[0] for p in CORPUS_DIR.glob("*.tsv")} == LANGUAGES


def test_lines_quoting_the_issue_are_never_trained_on(tmp_path: Path) -> None:
    from training.crisis_data import ISSUE_PHRASES

    (tmp_path / "en.tsv").write_text(
        "level\tcategory\ttext\n"
        "crisis\tpassive_death_wish\tHonestly I would be better off dead at this point\n"
        "none\ttech\tplease kill the auto-renew on my plan\n"
        "crisis\texplicit_intent\ti am going to end my life tonight\n",
        encoding="utf-8",
    )
    assert [line.text for line in corpus_load(tmp_path)] == ["i am going to end my life tonight"]
    shipped = [normalize(line.text) for line in corpus_load()]
    assert not [t for t in shipped if any(phrase in t for phrase in ISSUE_PHRASES)]

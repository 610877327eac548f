"""Training is reproducible: the same data and seed give the shipped artifact byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command

from empathy.crisis.model import MODEL_PATH, checksum_path, sha256_of
from empathy.crisis.training import cssrs_load, cssrs_split

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"
needs_data = pytest.mark.skipif(
    not (DATA / "crisis" / "cssrs_reddit_posts.tsv").is_file(),
    reason=f"crisis data not found at {DATA / 'crisis'}",
)


@needs_data
def test_split_is_fixed_and_disjoint() -> None:
    posts = cssrs_load(DATA / "crisis")
    train, held_out = cssrs_split(posts)
    _, again_held_out = cssrs_split(list(reversed(posts)))
    assert {p.index for p in held_out} == {p.index for p in again_held_out}
    assert not {p.text for p in train} & {p.text for p in held_out}
    assert 0.25 < len(held_out) / len(posts) < 0.35


@pytest.mark.slow
@needs_data
def test_retraining_reproduces_the_shipped_model(tmp_path: Path) -> None:
    output = tmp_path / MODEL_PATH.name
    call_command(
        "train_crisis_model",
        data=str(DATA / "crisis"),
        goemotions=str(DATA / "goemotions" / "train.tsv"),
        output=str(output),
    )
    assert sha256_of(output) == sha256_of(MODEL_PATH)
    assert checksum_path(output).read_text().split()[0] == sha256_of(MODEL_PATH)


def test_tfidf_blocks_match_scikit_learn_with_min_df_and_max_features() -> None:
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    from empathy.crisis.model import analyze_chars
    from empathy.crisis.training import _block_fit, _corpus

    general = [
        "my order never arrived",
        "the order arrived late again",
        "i want to cancel my order",
        "thanks, the refund arrived",
        "my refund never came",
    ]
    posts = [cssrs_post(0, 1, "i want to die, nobody would miss me"), cssrs_post(1, 0, "i'm sad")]
    corpus = _corpus(posts, general)
    rows = np.arange(len(corpus.texts))
    block = _block_fit(corpus.char_counts, rows, max_features=40, scale=1.0)
    ours = block.transform(corpus.char_counts, rows).toarray()
    reference = TfidfVectorizer(analyzer=analyze_chars, sublinear_tf=True, min_df=2)
    full = reference.fit_transform(corpus.texts)
    df = np.asarray((full > 0).sum(axis=0)).ravel()
    assert len(block.columns) == 40 < int((df >= 2).sum())
    terms = [corpus.char_terms[i] for i in block.columns]
    limited = TfidfVectorizer(analyzer=analyze_chars, sublinear_tf=True, vocabulary=terms).fit(
        corpus.texts
    )
    limited.idf_ = reference.idf_[[reference.vocabulary_[t] for t in terms]]
    assert np.allclose(ours, limited.transform(corpus.texts).toarray())


def cssrs_post(index: int, severity: int, text: str) -> object:
    from empathy.crisis.training import Post

    return Post(index=index, severity=severity, text=text)


def test_procedure_cv_retrains_per_fold_and_counts_every_at_risk_post(tmp_path: Path) -> None:
    from empathy.crisis.training import procedure_cv

    risky = [
        "i want to die",
        "everything feels heavy and pointless",
        "i wish i was dead",
        "i'm so empty inside",
    ]
    calm = ["my parcel is late", "thanks for the help", "the app crashed", "nice update"]
    rows = ["severity\ttext"]
    rows += [f"{1 + i % 6}\t{risky[i % 4]} and tonight number {i}" for i in range(20)]
    rows += [f"0\tfeeling low about school {i}" for i in range(10)]
    (tmp_path / "cssrs_reddit_posts.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    goemotions = tmp_path / "train.tsv"
    lines = [f"{calm[i % 4]} {i}\t27\tid{i}" for i in range(60)]
    goemotions.write_text("\n".join(lines) + "\n", encoding="utf-8")

    cv = procedure_cv(crisis_dir=tmp_path, goemotions_path=goemotions, folds=2, repeats=2)

    assert (cv.folds, cv.repeats, cv.n_at_risk) == (2, 2, 20)
    assert len(cv.recalls) == 2
    # Half the at-risk posts state a wish to die, which the rules catch in any fold.
    assert all(0.5 <= r <= 1.0 and (r * 20).is_integer() for r in cv.recalls)
    again = procedure_cv(crisis_dir=tmp_path, goemotions_path=goemotions, folds=2, repeats=2)
    assert again.recalls == cv.recalls
    assert cv.mean == sum(cv.recalls) / 2


def test_threshold_for_recall_with_nothing_left_to_catch_is_one() -> None:
    from empathy.crisis.training import _threshold_for_recall

    assert _threshold_for_recall([], 0.99) == 1.0
    assert _threshold_for_recall([0.9, 0.2, 0.5, 0.7], 0.75) == 0.5

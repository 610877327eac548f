"""The shipped classifier: checksum verified at load, same numbers as scikit-learn."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from empathy.crisis.model import (
    MODEL_PATH,
    CrisisModelError,
    analyze,
    analyze_chars,
    checksum_path,
    model_load,
    model_save,
)
from empathy.crisis.normalize import normalize


@pytest.fixture
def model_copy(tmp_path: Path) -> Path:
    target = tmp_path / MODEL_PATH.name
    shutil.copyfile(MODEL_PATH, target)
    shutil.copyfile(checksum_path(MODEL_PATH), checksum_path(target))
    return target


def test_shipped_model_loads_with_sane_thresholds() -> None:
    model = model_load()
    assert [b.analyzer for b in model.blocks] == ["word_1_2", "char_wb_2_5"]
    for block in model.blocks:
        assert len(block.vocabulary) == len(block.idf) == len(block.coef) > 1000
    assert model.n_features == sum(len(b.vocabulary) for b in model.blocks)
    assert 0.0 < model.concern_threshold <= model.crisis_threshold < 1.0
    assert "XSTest never used" in model.metadata["trained_on"]


def test_checksum_mismatch_is_a_clear_error(model_copy: Path) -> None:
    data = json.loads(model_copy.read_text(encoding="utf-8"))
    data["intercept"] += 1.0
    model_copy.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CrisisModelError, match="checksum mismatch"):
        model_load(path=model_copy)


def test_missing_checksum_file_is_a_clear_error(model_copy: Path) -> None:
    checksum_path(model_copy).unlink()
    with pytest.raises(CrisisModelError, match="unreadable"):
        model_load(path=model_copy)


def test_wrong_format_is_refused_even_with_a_matching_checksum(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    model_save(path=path, payload={"vocabulary": ["a"], "idf": [1.0]})
    with pytest.raises(CrisisModelError, match="malformed"):
        model_load(path=path)


def test_runtime_scoring_matches_scikit_learn(tmp_path: Path) -> None:
    texts = [
        normalize(t)
        for t in [
            "I want to end it all tonight",
            "nobody would care if I was gone",
            "how do I update my billing address",
            "thanks the refund arrived",
            "I feel so alone and tired of everything",
            "the app crashes when I open settings",
        ]
    ]
    labels = np.array([1, 1, 0, 0, 1, 0])
    words = TfidfVectorizer(analyzer=analyze, sublinear_tf=True)
    chars = TfidfVectorizer(analyzer=analyze_chars, sublinear_tf=True)
    scale = 0.7
    x = sp.hstack([words.fit_transform(texts), scale * chars.fit_transform(texts)]).tocsr()
    clf = LogisticRegression(C=10.0).fit(x, labels)
    n_words = len(words.vocabulary_)
    path = tmp_path / "tiny.json"
    model_save(
        path=path,
        payload={
            "blocks": [
                {
                    "analyzer": name,
                    "vocabulary": vec.get_feature_names_out().tolist(),
                    "idf": vec.idf_.tolist(),
                    "coef": coef.tolist(),
                    "scale": block_scale,
                }
                for name, vec, coef, block_scale in (
                    ("word_1_2", words, clf.coef_[0][:n_words], 1.0),
                    ("char_wb_2_5", chars, clf.coef_[0][n_words:], scale),
                )
            ],
            "intercept": float(clf.intercept_[0]),
            "thresholds": {"concern": 0.3, "crisis": 0.6},
        },
    )
    model = model_load(path=path)
    probe = [*texts, normalize("I am tired of the app and want it to end"), "zzz unknown", ""]
    x_probe = sp.hstack([words.transform(probe), scale * chars.transform(probe)]).tocsr()
    expected = clf.predict_proba(x_probe)[:, 1]
    assert [round(model.probability(t), 9) for t in probe] == [round(p, 9) for p in expected]


def test_char_ngrams_match_scikit_learn_char_wb() -> None:
    text = normalize("I can't go on, od'd   last night... selfharm")
    builtin = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), lowercase=False)
    assert analyze_chars(text) == builtin.build_analyzer()(text)
    assert analyze_chars("") == []
    assert analyze_chars("a") == [" a", "a ", " a "]


def test_unknown_analyzer_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    block = {"analyzer": "bytes_1_9", "vocabulary": ["a"], "idf": [1.0], "coef": [1.0]}
    payload = {"blocks": [block], "intercept": 0.0, "thresholds": {"concern": 0.1, "crisis": 0.2}}
    model_save(path=path, payload=payload)
    with pytest.raises(CrisisModelError, match=r"malformed.*unknown analyzer"):
        model_load(path=path)


def test_blocks_with_arrays_of_different_lengths_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    block = {"analyzer": "word_1_2", "vocabulary": ["a", "b"], "idf": [1.0], "coef": [1.0, 2.0]}
    payload = {"blocks": [block], "intercept": 0.0, "thresholds": {"concern": 0.1, "crisis": 0.2}}
    model_save(path=path, payload=payload)
    with pytest.raises(CrisisModelError, match="different lengths"):
        model_load(path=path)

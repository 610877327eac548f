"""The shipped classifier: checksum verified at load, same numbers as scikit-learn."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from empathy.crisis.model import (
    MODEL_PATH,
    CrisisModelError,
    analyze,
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
    assert len(model.vocabulary) == len(model.idf) == len(model.coef) > 1000
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
    vectorizer = TfidfVectorizer(analyzer=analyze, sublinear_tf=True)
    clf = LogisticRegression(C=10.0).fit(vectorizer.fit_transform(texts), labels)
    path = tmp_path / "tiny.json"
    model_save(
        path=path,
        payload={
            "vocabulary": vectorizer.get_feature_names_out().tolist(),
            "idf": vectorizer.idf_.tolist(),
            "coef": clf.coef_[0].tolist(),
            "intercept": float(clf.intercept_[0]),
            "thresholds": {"concern": 0.3, "crisis": 0.6},
        },
    )
    model = model_load(path=path)
    probe = [*texts, normalize("I am tired of the app and want it to end"), "zzz unknown"]
    expected = clf.predict_proba(vectorizer.transform(probe))[:, 1]
    assert [round(model.probability(t), 9) for t in probe] == [round(p, 9) for p in expected]

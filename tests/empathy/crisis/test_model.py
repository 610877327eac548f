"""The shipped detector: every file checksum-verified at load, TF-IDF half equal to scikit-learn."""

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
    HEADS,
    MODEL_DIR,
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
    for item in MODEL_DIR.iterdir():
        shutil.copyfile(item, tmp_path / item.name)
    return tmp_path / MODEL_PATH.name


def test_shipped_model_loads_with_its_encoder_and_sane_thresholds() -> None:
    model = model_load()
    assert [b.analyzer for b in model.blocks] == ["word_1_2", "char_wb_2_5"]
    for block in model.blocks:
        assert len(block.vocabulary) == len(block.idf) == block.coef.shape[1] > 1000
        assert block.coef.shape[0] == len(HEADS)
    assert 0.0 < model.encoder_weight <= 1.0
    assert model.encoder is not None
    assert 0.0 < model.concern_threshold <= model.crisis_threshold < 1.0
    assert "XSTest and benchmarks/data never used" in model.metadata["trained_on"]
    assert set(model.metadata["languages"]) == {"en", "es", "fr", "de", "pt", "it"}


def test_checksum_mismatch_is_a_clear_error(model_copy: Path) -> None:
    data = json.loads(model_copy.read_text(encoding="utf-8"))
    data["intercepts"][0] += 1.0
    model_copy.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CrisisModelError, match="checksum mismatch"):
        model_load(path=model_copy)


def test_a_tampered_encoder_file_is_a_clear_error(model_copy: Path) -> None:
    onnx = model_copy.parent / "encoder.int8.onnx"
    onnx.write_bytes(onnx.read_bytes()[:-10])
    with pytest.raises(CrisisModelError, match=r"crisis encoder: .*encoder.int8.onnx failed"):
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


TEXTS = [
    "I want to end it all tonight",
    "nobody would care if I was gone",
    "how do I update my billing address",
    "thanks the refund arrived",
    "my husband hits me and I'm scared",
    "the app crashes when I open settings",
]
RISK = np.array([1, 1, 0, 0, 1, 0])


def _tiny_payload(encoder_weight: float) -> tuple[dict, list, list]:
    texts = [normalize(t) for t in TEXTS]
    words = TfidfVectorizer(analyzer=analyze, sublinear_tf=True)
    chars = TfidfVectorizer(analyzer=analyze_chars, sublinear_tf=True)
    x = sp.hstack([words.fit_transform(texts), chars.fit_transform(texts)]).tocsr()
    n_words = len(words.vocabulary_)
    labels = [RISK, np.array([0, 0, 0, 0, 1, 1]), np.array([0, 1, 0, 0, 1, 0])]
    classifiers = [LogisticRegression(C=10.0).fit(x, y) for y in labels]
    coef = np.vstack([c.coef_[0] for c in classifiers])
    blocks = [
        {
            "analyzer": name,
            "vocabulary": vec.get_feature_names_out().tolist(),
            "idf": vec.idf_.tolist(),
            "coef": part.tolist(),
            "scale": 1.0,
        }
        for name, vec, part in (
            ("word_1_2", words, coef[:, :n_words]),
            ("char_wb_2_5", chars, coef[:, n_words:]),
        )
    ]
    payload = {
        "heads": list(HEADS),
        "blocks": blocks,
        "intercepts": [float(c.intercept_[0]) for c in classifiers],
        "thresholds": {"concern": 0.3, "crisis": 0.6},
        "encoder": {"weight": encoder_weight, "max_length": 128, "files": {}},
    }
    probe = [*texts, normalize("I am tired of the app and want it to end"), "zzz unknown", ""]
    x_probe = sp.hstack([words.transform(probe), chars.transform(probe)]).tocsr()
    expected = [c.predict_proba(x_probe)[:, 1] for c in classifiers]
    return payload, probe, expected


def test_tfidf_scoring_matches_scikit_learn_for_every_head(tmp_path: Path) -> None:
    payload, probe, expected = _tiny_payload(encoder_weight=0.0)
    path = tmp_path / "tiny.json"
    model_save(path=path, payload=payload)
    model = model_load(path=path)
    got = model.scores_many(probe)
    assert [round(s.risk, 9) for s in got] == [round(p, 9) for p in expected[0]]
    assert [round(s.others, 9) for s in got] == [round(p, 9) for p in expected[1]]
    assert [round(s.child, 9) for s in got] == [round(p, 9) for p in expected[2]]


def test_encoder_and_tfidf_are_averaged_with_the_stored_weight(tmp_path: Path) -> None:
    payload, probe, expected = _tiny_payload(encoder_weight=0.25)
    path = tmp_path / "tiny.json"
    model_save(path=path, payload=payload)
    model = model_load(path=path, with_encoder=False)
    constant = np.array([0.9, 0.2, 0.1])
    model = type(model)(
        **{
            **{f: getattr(model, f) for f in model.__dataclass_fields__},
            "encoder": lambda texts: np.tile(constant, (len(texts), 1)),
        }
    )
    got = model.scores_many(probe)
    assert [round(s.risk, 9) for s in got] == [round(0.25 * 0.9 + 0.75 * p, 9) for p in expected[0]]
    assert [round(s.child, 9) for s in got] == [
        round(0.25 * 0.1 + 0.75 * p, 9) for p in expected[2]
    ]


def test_a_logit_mix_averages_the_halves_log_odds(tmp_path: Path) -> None:
    payload, probe, expected = _tiny_payload(encoder_weight=0.4)
    payload["encoder"]["mix"] = "logit"
    path = tmp_path / "tiny.json"
    model_save(path=path, payload=payload)
    model = model_load(path=path, with_encoder=False)
    model = type(model)(
        **{
            **{f: getattr(model, f) for f in model.__dataclass_fields__},
            "encoder": lambda texts: np.tile(np.array([0.99, 0.2, 0.1]), (len(texts), 1)),
        }
    )

    def logit(p: float) -> float:
        return float(np.log(p / (1 - p)))

    got = model.scores_many(probe)
    assert [round(s.risk, 9) for s in got] == [
        round(1 / (1 + np.exp(-(0.4 * logit(0.99) + 0.6 * logit(p)))), 9) for p in expected[0]
    ]


def test_an_unknown_mix_is_refused(tmp_path: Path) -> None:
    payload, _probe, _ = _tiny_payload(encoder_weight=0.5)
    payload["encoder"]["mix"] = "max"
    path = tmp_path / "tiny.json"
    model_save(path=path, payload=payload)
    with pytest.raises(CrisisModelError, match="mix"):
        model_load(path=path, with_encoder=False)


def test_a_weighted_model_without_its_encoder_refuses_to_score(tmp_path: Path) -> None:
    payload, _probe, _ = _tiny_payload(encoder_weight=0.5)
    path = tmp_path / "tiny.json"
    model_save(path=path, payload=payload)
    with pytest.raises(CrisisModelError, match="no encoder"):
        model_load(path=path, with_encoder=False).scores("hello")


def test_char_ngrams_match_scikit_learn_char_wb() -> None:
    text = normalize("I can't go on, od'd   last night... selfharm")
    builtin = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), lowercase=False)
    assert analyze_chars(text) == builtin.build_analyzer()(text)
    assert analyze_chars("") == []
    assert analyze_chars("a") == [" a", "a ", " a "]


def test_word_analyzer_keeps_non_english_letters() -> None:
    assert analyze(normalize("Ich will nicht mehr leben")) == [
        "ich", "will", "nicht", "mehr", "leben",
        "ich will", "will nicht", "nicht mehr", "mehr leben",
    ]  # fmt: skip


def _block_payload(block: dict) -> dict:
    return {
        "heads": list(HEADS),
        "blocks": [block],
        "intercepts": [0.0, 0.0, 0.0],
        "thresholds": {"concern": 0.1, "crisis": 0.2},
    }


def test_unknown_analyzer_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    block = {"analyzer": "bytes_1_9", "vocabulary": ["a"], "idf": [1.0], "coef": [[1.0]] * 3}
    model_save(path=path, payload=_block_payload(block))
    with pytest.raises(CrisisModelError, match=r"malformed.*unknown analyzer"):
        model_load(path=path)


def test_blocks_with_arrays_of_different_lengths_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    block = {"analyzer": "word_1_2", "vocabulary": ["a", "b"], "idf": [1.0], "coef": [[1.0]] * 3}
    model_save(path=path, payload=_block_payload(block))
    with pytest.raises(CrisisModelError, match="different lengths"):
        model_load(path=path)

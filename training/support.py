"""Train the support reader (category, intensity, request) on the curated support corpus.

Data: training/corpora/support/<lang>.tsv (`category, intensity, kind, text`, six
languages, written for training). GoEmotions train comments with their label mapped to a
category can be mixed in (`--goemotions-rows`), but on the corpus' own validation split every
weight tried (0.1, 0.3) and size (2,000, 6,000) read support text worse than none, so the
default is none: the GoEmotions knowledge arrives through the emotion model's 28
probabilities, which are features here, exactly as at run time. 15% of the corpus is kept aside
and reported; benchmarks/data is never read here.

Usage: python -m training.support [--goemotions ../shared/data/goemotions/train.tsv]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from empathy.crisis.model import analyze, analyze_chars
from empathy.crisis.normalize import normalize
from empathy.detection.support import ARRAYS_FILE, CATEGORIES, VOCAB_FILE, SupportReader
from empathy.taxonomy import CATEGORY, LABELS

CORPUS_DIR = Path(__file__).resolve().parent / "corpora" / "support"
MODEL_DIR = Path(__file__).resolve().parent.parent / "empathy" / "models" / "goemotions"
SEED = 20261
# Kinds whose message asks for something: the reply answers first.
REQUEST_KINDS = frozenset(
    {"polite_request", "request_person", "plain_question", "worried_question"}
)
# Sentences quoted in the issue that asked for this reader: never trained on, so that whatever
# checks them measures the reader rather than memory.
ISSUE_QUOTES = frozenset(
    normalize(t)
    for t in (
        "This is a joke. Nobody reads what I write.",
        "Is my card information safe?",
        "I'd like to update my shipping address",
        "That's a bit disappointing.",
        "This is the third time my order is late, I'm furious!!!",
        "I want to speak to a real person now.",
        "I want a refund for the duplicate charge",
        "This bug is killing me lol",
        "Great, just great. Another update that breaks login",
        "can I change my delivery address?",
    )
)
EMOTION_SCALE = 2.0
C_CATEGORY = 4.0
RIDGE_ALPHA = 1.0
N_GOEMOTIONS = 0
GOEMOTIONS_WEIGHT = 0.3
VALIDATION_SHARE = 0.15


@dataclass(frozen=True)
class Line:
    lang: str
    category: str
    intensity: float
    kind: str
    text: str


def corpus_load(corpus_dir: Path = CORPUS_DIR) -> list[Line]:
    lines = []
    for path in sorted(corpus_dir.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            if next(reader, None) != ["category", "intensity", "kind", "text"]:
                raise ValueError(f"{path.name}: header must be category, intensity, kind, text")
            for number, row in enumerate(reader, start=2):
                if len(row) != 4 or row[0] not in CATEGORIES:
                    raise ValueError(f"{path.name}:{number}: malformed row")
                line = Line(path.stem.split("_")[0], row[0], float(row[1]), row[2], row[3].strip())
                if normalize(line.text) not in ISSUE_QUOTES:
                    lines.append(line)
    return lines


def _goemotions(path: Path, n: int, seed: int) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[1] and "," not in parts[1]:
                rows.append((parts[0], CATEGORY[LABELS[int(parts[1])]]))
    random.Random(seed).shuffle(rows)
    return rows[:n]


def _vectorizer(analyzer: Any, max_features: int) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(
        analyzer=analyzer, sublinear_tf=True, min_df=2, max_features=max_features
    )


def fit(
    texts: list[str],
    probs: np.ndarray,
    category: np.ndarray,
    intensity: np.ndarray,
    request: np.ndarray,
    weights: np.ndarray,
    curated: np.ndarray,
    seed: int,
) -> SupportReader:
    from sklearn.linear_model import LogisticRegression, Ridge

    normalized = [normalize(t) for t in texts]
    word = _vectorizer(analyze, 20000).fit(normalized)
    char = _vectorizer(analyze_chars, 30000).fit(normalized)
    reader = SupportReader(
        word_terms=sorted(word.vocabulary_, key=word.vocabulary_.__getitem__),
        char_terms=sorted(char.vocabulary_, key=char.vocabulary_.__getitem__),
        word_idf=word.idf_,
        char_idf=char.idf_,
        category_coef=np.zeros((4, len(word.vocabulary_) + len(char.vocabulary_) + 36)),
        category_intercept=np.zeros(4),
        intensity_coef=np.zeros(len(word.vocabulary_) + len(char.vocabulary_) + 36),
        intensity_intercept=0.0,
        request_coef=np.zeros(len(word.vocabulary_) + len(char.vocabulary_) + 36),
        request_intercept=0.0,
        emotion_scale=EMOTION_SCALE,
    )
    x = reader.features(texts, probs)
    labels = np.array([CATEGORIES.index(c) for c in category])
    categories = LogisticRegression(C=C_CATEGORY, max_iter=4000, class_weight="balanced")
    categories.fit(x, labels, sample_weight=weights)
    strength = Ridge(alpha=RIDGE_ALPHA).fit(x[curated], intensity[curated])
    asks = LogisticRegression(C=C_CATEGORY, max_iter=4000, class_weight="balanced")
    asks.fit(x[curated], request[curated])
    return SupportReader(
        word_terms=reader._word.get_feature_names_out().tolist(),
        char_terms=reader._char.get_feature_names_out().tolist(),
        word_idf=word.idf_,
        char_idf=char.idf_,
        category_coef=categories.coef_,
        category_intercept=categories.intercept_,
        intensity_coef=strength.coef_,
        intensity_intercept=float(strength.intercept_),
        request_coef=asks.coef_[0],
        request_intercept=float(asks.intercept_[0]),
        emotion_scale=EMOTION_SCALE,
    )


def train(
    *,
    goemotions_path: Path,
    model_dir: Path = MODEL_DIR,
    seed: int = SEED,
    goemotions_rows: int = N_GOEMOTIONS,
) -> dict[str, Any]:
    from empathy.detection.onnx import OnnxEmotionDetector

    detector = OnnxEmotionDetector(model_dir, with_support=False)
    lines = corpus_load()
    rng = random.Random(seed)
    order = list(range(len(lines)))
    rng.shuffle(order)
    held = set(order[: int(VALIDATION_SHARE * len(order))])
    comments = _goemotions(goemotions_path, goemotions_rows, seed) if goemotions_rows else []

    def arrays(items: list[Line]) -> dict[str, Any]:
        texts = [line.text for line in items] + [t for t, _ in comments]
        probs = detector.predict_proba(texts)[0]
        category = np.array([line.category for line in items] + [c for _, c in comments])
        intensity = np.array([line.intensity for line in items] + [0.0] * len(comments))
        request = np.array(
            [int(line.kind in REQUEST_KINDS) for line in items] + [0] * len(comments)
        )
        weights = np.array([1.0] * len(items) + [GOEMOTIONS_WEIGHT] * len(comments))
        curated = np.array([True] * len(items) + [False] * len(comments))
        return {
            "texts": texts,
            "probs": probs,
            "category": category,
            "intensity": intensity,
            "request": request,
            "weights": weights,
            "curated": curated,
        }

    train_lines = [lines[i] for i in range(len(lines)) if i not in held]
    val_lines = [lines[i] for i in sorted(held)]
    reader = fit(**arrays(train_lines), seed=seed)
    val_probs = detector.predict_proba([line.text for line in val_lines])[0]
    reads = reader.read([line.text for line in val_lines], val_probs)
    accuracy = float(
        np.mean([r.category == line.category for r, line in zip(reads, val_lines, strict=True)])
    )
    celebrate_gate = _celebrate_gate(reads, val_lines)
    final = fit(**arrays(lines), seed=seed)
    vocab = {
        "word": final._word.get_feature_names_out().tolist(),
        "char": final._char.get_feature_names_out().tolist(),
        "emotion_scale": EMOTION_SCALE,
    }
    SupportReader.save(
        model_dir,
        vocab=vocab,
        arrays={
            "word_idf": final._word.idf_.astype(np.float32),
            "char_idf": final._char.idf_.astype(np.float32),
            "category_coef": final._category_coef.astype(np.float32),
            "category_intercept": final._category_intercept.astype(np.float32),
            "intensity_coef": final._intensity_coef.astype(np.float32),
            "intensity_intercept": np.array(final._intensity_intercept, dtype=np.float32),
            "request_coef": final._request_coef.astype(np.float32),
            "request_intercept": np.array(final._request_intercept, dtype=np.float32),
        },
    )
    manifest_path = model_dir / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    for name in (VOCAB_FILE, ARRAYS_FILE):
        manifest["files"][name] = hashlib.sha256((model_dir / name).read_bytes()).hexdigest()
    manifest["support_reader"] = {
        "trained_on": "training/corpora/support (en es fr de pt it) + GoEmotions train",
        "validation_category_accuracy": round(accuracy, 4),
        "corpus_lines": len(lines),
    }
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return {
        "validation_category_accuracy": accuracy,
        "corpus_lines": len(lines),
        "celebrate_gate": celebrate_gate,
    }


def _celebrate_gate(reads: Sequence[Any], lines: Sequence[Line]) -> dict[str, str]:
    """Validation lines read positive, by the confidence a celebration would need: how many
    are not positive (a wrong celebration) and how many real positives keep it. This is the
    table behind `empathy.replies.strategy.CELEBRATE_MIN_CONFIDENCE`."""
    read_positive = [
        (read.category_probs["positive"], line.category)
        for read, line in zip(reads, lines, strict=True)
        if read.category == "positive"
    ]
    others = sum(line.category != "positive" for line in lines)
    positives = len(lines) - others
    table = {}
    for bar in (0.0, 0.5, 0.6, 0.7, 0.8):
        kept = [gold for p, gold in read_positive if p >= bar]
        wrong = sum(gold != "positive" for gold in kept)
        table[f">= {bar}"] = (
            f"non-positive celebrated {wrong}/{others}, "
            f"positive celebrated {len(kept) - wrong}/{positives}"
        )
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--goemotions", type=Path, default=Path("../shared/data/goemotions/train.tsv")
    )
    parser.add_argument("--goemotions-rows", type=int, default=N_GOEMOTIONS)
    args = parser.parse_args(argv)
    result = train(goemotions_path=args.goemotions, goemotions_rows=args.goemotions_rows)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The crisis text classifier at run time: a checksummed JSON TF-IDF + logistic regression."""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import re
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "crisis"
MODEL_PATH = MODEL_DIR / "crisis_model.json"
FORMAT = "empathy-crisis-tfidf-lr/1"

_WORD = re.compile(r"[a-z][a-z']*|\d+")


class CrisisModelError(RuntimeError):
    """The crisis model file is missing, altered or not in the expected format."""


def analyze(normalized: str) -> list[str]:
    """Word unigrams and bigrams of normalised text; shared by training and run time."""
    words = [w.strip("'") for w in _WORD.findall(normalized)]
    words = [w for w in words if w]
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


@dataclass(frozen=True, slots=True)
class CrisisModel:
    """Vocabulary, idf and coefficients of a sublinear-tf, l2-normalised TF-IDF + LR."""

    vocabulary: dict[str, int]
    idf: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    concern_threshold: float
    crisis_threshold: float
    metadata: dict[str, Any]
    lexicon: frozenset[str] = frozenset()

    def probability(self, normalized: str) -> float:
        counts = Counter(self.vocabulary[t] for t in analyze(normalized) if t in self.vocabulary)
        if not counts:
            return _sigmoid(self.intercept)
        weights = {i: (1.0 + math.log(c)) * self.idf[i] for i, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        z = self.intercept + sum(w * self.coef[i] for i, w in weights.items()) / norm
        return _sigmoid(z)


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def checksum_path(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def model_load(*, path: Path = MODEL_PATH) -> CrisisModel:
    """Read and verify a model file against its `.sha256` companion; never unpickles."""
    try:
        raw = path.read_bytes()
        expected = checksum_path(path).read_text(encoding="ascii").split()[0].strip().lower()
    except (OSError, IndexError, UnicodeDecodeError) as exc:
        raise CrisisModelError(f"crisis model or checksum unreadable at {path}: {exc}") from exc
    actual = hashlib.sha256(raw).hexdigest()
    if actual != expected:
        raise CrisisModelError(
            f"crisis model checksum mismatch for {path.name}: expected {expected[:12]}..., "
            f"got {actual[:12]}...; retrain with `manage.py train_crisis_model` or restore the file"
        )
    try:
        data = json.loads(raw)
        if data.get("format") != FORMAT:
            raise CrisisModelError(f"crisis model format {data.get('format')!r} is not {FORMAT}")
        terms = data["vocabulary"]
        model = CrisisModel(
            vocabulary={term: i for i, term in enumerate(terms)},
            idf=tuple(float(x) for x in data["idf"]),
            coef=tuple(float(x) for x in data["coef"]),
            intercept=float(data["intercept"]),
            concern_threshold=float(data["thresholds"]["concern"]),
            crisis_threshold=float(data["thresholds"]["crisis"]),
            metadata=dict(data.get("metadata", {})),
            lexicon=frozenset(t for t in terms if " " not in t),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise CrisisModelError(f"crisis model {path.name} is malformed: {exc}") from exc
    if not (len(terms) == len(model.idf) == len(model.coef)):
        raise CrisisModelError(f"crisis model {path.name} has arrays of different lengths")
    return model


def model_save(*, path: Path, payload: dict[str, Any]) -> str:
    """Write a model file and its checksum companion; returns the sha256."""
    payload = {"format": FORMAT, **payload}
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw.encode("utf-8"))
    digest = sha256_of(path)
    checksum_path(path).write_text(f"{digest}  {path.name}\n", encoding="ascii")
    return digest


_lock = threading.Lock()
_cached: CrisisModel | None = None


def default_model() -> CrisisModel:
    """The shipped model, loaded once per process (thread-safe)."""
    global _cached
    if _cached is None:
        with _lock:
            if _cached is None:
                _cached = model_load()
    return _cached

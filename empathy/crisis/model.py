"""The crisis text classifier at run time: a checksummed JSON TF-IDF + logistic regression."""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import re
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "crisis"
MODEL_PATH = MODEL_DIR / "crisis_model.json"
FORMAT = "empathy-crisis-tfidf-lr/2"

_WORD = re.compile(r"[a-z][a-z']*|\d+")
CHAR_MIN, CHAR_MAX = 2, 5


class CrisisModelError(RuntimeError):
    """The crisis model file is missing, altered or not in the expected format."""


def analyze(normalized: str) -> list[str]:
    """Word unigrams and bigrams of normalised text; shared by training and run time."""
    words = [w.strip("'") for w in _WORD.findall(normalized)]
    words = [w for w in words if w]
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


def analyze_chars(normalized: str) -> list[str]:
    """Character 2- to 5-grams inside space-padded words (scikit-learn's `char_wb`).

    They carry misspellings, inflections and unseen compounds ("overdosed", "od'd",
    "selfharm") to the n-grams of words the classifier did see.
    """
    grams: list[str] = []
    for word in normalized.split():
        padded = f" {word} "
        size = len(padded)
        for n in range(CHAR_MIN, CHAR_MAX + 1):
            if size < n:
                break
            grams.extend(padded[i : i + n] for i in range(size - n + 1))
    return grams


ANALYZERS: dict[str, Callable[[str], list[str]]] = {
    "word_1_2": analyze,
    "char_wb_2_5": analyze_chars,
}


@dataclass(frozen=True, slots=True)
class FeatureBlock:
    """One sublinear-tf, l2-normalised TF-IDF block with its logistic-regression weights."""

    analyzer: str
    vocabulary: dict[str, int]
    idf: tuple[float, ...]
    coef: tuple[float, ...]
    scale: float = 1.0

    def logit(self, normalized: str) -> float:
        """This block's share of the decision value (0.0 when no known feature occurs)."""
        vocabulary = self.vocabulary
        tokens = ANALYZERS[self.analyzer](normalized)
        counts = Counter(vocabulary[t] for t in tokens if t in vocabulary)
        if not counts:
            return 0.0
        weights = {i: (1.0 + math.log(c)) * self.idf[i] for i, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        return self.scale * sum(w * self.coef[i] for i, w in weights.items()) / norm


@dataclass(frozen=True, slots=True)
class CrisisModel:
    """Feature blocks (word n-grams, character n-grams) feeding one logistic regression."""

    blocks: tuple[FeatureBlock, ...]
    intercept: float
    concern_threshold: float
    crisis_threshold: float
    metadata: dict[str, Any]
    lexicon: frozenset[str] = frozenset()

    @property
    def n_features(self) -> int:
        return sum(len(block.vocabulary) for block in self.blocks)

    def probability(self, normalized: str) -> float:
        return _sigmoid(self.intercept + sum(block.logit(normalized) for block in self.blocks))


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def checksum_path(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def _block_load(data: dict[str, Any]) -> FeatureBlock:
    if data["analyzer"] not in ANALYZERS:
        raise ValueError(f"unknown analyzer {data['analyzer']!r}")
    terms = data["vocabulary"]
    block = FeatureBlock(
        analyzer=data["analyzer"],
        vocabulary={term: i for i, term in enumerate(terms)},
        idf=tuple(float(x) for x in data["idf"]),
        coef=tuple(float(x) for x in data["coef"]),
        scale=float(data.get("scale", 1.0)),
    )
    if not (len(terms) == len(block.vocabulary) == len(block.idf) == len(block.coef)):
        raise ValueError(f"block {block.analyzer} has arrays of different lengths")
    return block


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
    except ValueError as exc:
        raise CrisisModelError(f"crisis model {path.name} is malformed: {exc}") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        found = data.get("format") if isinstance(data, dict) else None
        raise CrisisModelError(f"crisis model format {found!r} is not {FORMAT}")
    try:
        return model_from_payload(data)
    except CrisisModelError as exc:
        raise CrisisModelError(f"crisis model {path.name} is malformed: {exc}") from exc


def model_from_payload(data: dict[str, Any]) -> CrisisModel:
    """Build a model from its JSON payload (also used by training to score a fresh fit)."""
    try:
        blocks = tuple(_block_load(block) for block in data["blocks"])
        if not blocks:
            raise ValueError("no feature blocks")
        words = [b for b in blocks if b.analyzer == "word_1_2"]
        model = CrisisModel(
            blocks=blocks,
            intercept=float(data["intercept"]),
            concern_threshold=float(data["thresholds"]["concern"]),
            crisis_threshold=float(data["thresholds"]["crisis"]),
            metadata=dict(data.get("metadata", {})),
            lexicon=frozenset(t for b in words for t in b.vocabulary if " " not in t),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise CrisisModelError(str(exc)) from exc
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

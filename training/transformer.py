"""Fine-tunes all-MiniLM-L6-v2 for 28-label emotion and exports it as int8 ONNX (needs torch)."""

from __future__ import annotations

import math
import random
import shutil
import time
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn
from tqdm import tqdm
from transformers import AutoModel, AutoTokenizer

from empathy.evaluation import predict, report, thresholds_tune
from empathy.taxonomy import LABELS


class EmotionEncoder(nn.Module):
    """MiniLM encoder, mean pooling over real tokens, one linear layer to 28 sigmoid outputs."""

    def __init__(self, base: nn.Module, hidden: int, dropout: float = 0.1) -> None:
        super().__init__()
        self.base = base
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(hidden, len(LABELS))

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        hidden = self.base(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1.0)
        return self.head(self.dropout(pooled))


class ProbabilityWrapper(nn.Module):
    """What is exported: token ids and mask in, 28 probabilities out."""

    def __init__(self, model: EmotionEncoder) -> None:
        super().__init__()
        self.model = model

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        return torch.sigmoid(self.model(input_ids, attention_mask))


def _batches(n: int, size: int, rng: random.Random | None) -> list[list[int]]:
    order = list(range(n))
    if rng is not None:
        rng.shuffle(order)
    return [order[i : i + size] for i in range(0, n, size)]


def _encode(tokenizer: Any, texts: list[str], max_length: int, device: str) -> dict[str, Any]:
    enc = tokenizer(
        texts, padding=True, truncation=True, max_length=max_length, return_tensors="pt"
    )
    return {
        "input_ids": enc["input_ids"].to(device),
        "attention_mask": enc["attention_mask"].to(device),
    }


@torch.no_grad()
def _predict(
    model: EmotionEncoder, tokenizer: Any, texts: list[str], max_length: int, device: str
) -> np.ndarray:
    model.eval()
    out = []
    for batch in _batches(len(texts), 256, None):
        enc = _encode(tokenizer, [texts[i] for i in batch], max_length, device)
        with torch.autocast(device_type="cuda", dtype=torch.bfloat16, enabled=device == "cuda"):
            logits = model(enc["input_ids"], enc["attention_mask"])
        out.append(torch.sigmoid(logits.float()).cpu().numpy())
    return np.concatenate(out)


def _fit(
    *,
    train: tuple[list[str], np.ndarray],
    dev: tuple[list[str], np.ndarray],
    base_model: Path,
    epochs: int,
    lr: float,
    batch_size: int,
    max_length: int,
    seed: int,
    device: str,
) -> tuple[float, int, list[float], dict[str, torch.Tensor], Any]:
    """Fine-tune once; return the best dev score, its epoch, the history and its weights."""
    torch.manual_seed(seed)
    rng = random.Random(seed)
    tokenizer = AutoTokenizer.from_pretrained(str(base_model))
    base = AutoModel.from_pretrained(str(base_model)).float()
    model = EmotionEncoder(base, base.config.hidden_size).to(device)
    texts, gold = train
    labels = torch.tensor(gold, dtype=torch.float32)
    total_steps = math.ceil(len(texts) / batch_size) * epochs
    warmup = int(0.06 * total_steps)
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer,
        lambda step: (
            min(1.0, (step + 1) / max(1, warmup))
            * max(0.0, (total_steps - step) / max(1, total_steps - warmup))
        ),
    )
    loss_fn = nn.BCEWithLogitsLoss()
    best_state: dict[str, torch.Tensor] = {}
    best_score, best_epoch, history = -1.0, 0, []
    started = time.monotonic()
    for epoch in range(1, epochs + 1):
        model.train()
        progress = tqdm(_batches(len(texts), batch_size, rng), desc=f"epoch {epoch}/{epochs}")
        for batch in progress:
            enc = _encode(tokenizer, [texts[i] for i in batch], max_length, device)
            with torch.autocast(device_type="cuda", dtype=torch.bfloat16, enabled=device == "cuda"):
                logits = model(enc["input_ids"], enc["attention_mask"])
            loss = loss_fn(logits.float(), labels[batch].to(device))
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            progress.set_postfix(loss=f"{loss.item():.4f}")
        probs = _predict(model, tokenizer, dev[0], max_length, device)
        thresholds = thresholds_tune(probs, dev[1])
        score = float(report(dev[1], predict(probs, thresholds))["macro_f1"])  # type: ignore[arg-type]
        history.append(round(score, 4))
        elapsed = time.monotonic() - started
        print(
            f"epochs={epochs} lr={lr} epoch {epoch}: dev macro-F1 {score:.4f} ({elapsed:.0f}s)",
            flush=True,
        )
        if score > best_score:
            best_score, best_epoch = score, epoch
            best_state = {k: v.detach().cpu().clone() for k, v in model.state_dict().items()}
    return best_score, best_epoch, history, best_state, (model, tokenizer)


# Candidate schedules tried in order; the best on dev (per epoch checkpoint) ships.
SCHEDULES: tuple[tuple[int, float], ...] = ((4, 1e-4), (6, 6e-5))


def train_and_export(
    *,
    train: tuple[list[str], np.ndarray],
    dev: tuple[list[str], np.ndarray],
    base_model: Path,
    out_dir: Path,
    onnx_name: str,
    tokenizer_name: str,
    epochs: int | None,
    lr: float | None,
    batch_size: int,
    max_length: int,
    seed: int,
) -> dict[str, Any]:
    device = "cuda" if torch.cuda.is_available() else "cpu"
    schedules = SCHEDULES if epochs is None else ((epochs, lr or 1e-4),)
    started = time.monotonic()
    best: tuple[float, int, list[float], dict[str, torch.Tensor], Any, tuple[int, float]] | None
    best = None
    tried = {}
    for n_epochs, rate in schedules:
        score, epoch, history, state, (model, tokenizer) = _fit(
            train=train,
            dev=dev,
            base_model=base_model,
            epochs=n_epochs,
            lr=rate,
            batch_size=batch_size,
            max_length=max_length,
            seed=seed,
            device=device,
        )
        tried[f"{n_epochs}x{rate:g}"] = history
        if best is None or score > best[0]:
            best = (score, epoch, history, state, (model, tokenizer), (n_epochs, rate))
    assert best is not None
    _, best_epoch, _, state, (model, tokenizer), (n_epochs, rate) = best
    model.load_state_dict(state)
    model = model.to("cpu").float().eval()
    _export(model, tokenizer, out_dir, onnx_name, max_length)
    shutil.copyfile(Path(base_model) / "tokenizer.json", out_dir / tokenizer_name)
    return {
        "base": "sentence-transformers/all-MiniLM-L6-v2",
        "schedule": {"epochs": n_epochs, "lr": rate, "best_epoch": best_epoch},
        "dev_macro_f1_by_schedule": tried,
        "train_seconds": round(time.monotonic() - started),
        "device": device,
    }


def _export(
    model: EmotionEncoder, tokenizer: Any, out_dir: Path, onnx_name: str, max_length: int
) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    wrapper = ProbabilityWrapper(model).eval()
    sample = tokenizer(["I am so happy for you!", "why"], padding=True, return_tensors="pt")
    args = (sample["input_ids"], sample["attention_mask"])
    fp32_path = out_dir / "encoder.fp32.onnx"
    dynamic = {
        "input_ids": {0: "batch", 1: "sequence"},
        "attention_mask": {0: "batch", 1: "sequence"},
    }
    common = {
        "input_names": ["input_ids", "attention_mask"],
        "output_names": ["probs"],
        "dynamic_axes": dynamic,
    }
    try:
        torch.onnx.export(wrapper, args, str(fp32_path), opset_version=17, dynamo=False, **common)
    except Exception as exc:
        # Newer torch releases may drop the TorchScript exporter; the dynamo one needs opset 18.
        print(f"legacy ONNX export failed ({exc!r}); trying the dynamo exporter", flush=True)
        torch.onnx.export(wrapper, args, str(fp32_path), opset_version=18, dynamo=True, **common)
    quantize_dynamic(str(fp32_path), str(out_dir / onnx_name), weight_type=QuantType.QInt8)
    import onnxruntime as ort

    with torch.no_grad():
        expected = wrapper(*args).numpy()
    for path in (fp32_path, out_dir / onnx_name):
        session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
        got = session.run(None, {"input_ids": args[0].numpy(), "attention_mask": args[1].numpy()})[
            0
        ]
        print(f"{path.name}: max |onnx - torch| = {np.abs(got - expected).max():.5f}", flush=True)
    fp32_path.unlink()
    external = out_dir / "encoder.fp32.onnx.data"
    if external.exists():
        external.unlink()

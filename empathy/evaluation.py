"""Multi-label scoring helpers shared by training and the quality benchmark (numpy only)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from empathy.taxonomy import EKMAN, EKMAN_GROUPS, LABELS

_EKMAN_INDEX = np.array([EKMAN_GROUPS.index(EKMAN[label]) for label in LABELS])


def goemotions_load(path: Path) -> tuple[list[str], np.ndarray]:
    """Read a GoEmotions split (text, comma-separated label ids, id) as texts and a 0/1 matrix."""
    texts: list[str] = []
    rows: list[list[int]] = []
    with path.open(encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, start=1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                raise ValueError(f"{path}:{line_number}: expected text<TAB>labels<TAB>id")
            texts.append(parts[0])
            rows.append([int(label) for label in parts[1].split(",") if label])
    matrix = np.zeros((len(texts), len(LABELS)), dtype=np.int8)
    for i, labels in enumerate(rows):
        matrix[i, labels] = 1
    return texts, matrix


def f1_per_label(gold: np.ndarray, pred: np.ndarray) -> np.ndarray:
    gold = gold.astype(bool)
    pred = pred.astype(bool)
    tp = (gold & pred).sum(axis=0).astype(float)
    fp = (~gold & pred).sum(axis=0).astype(float)
    fn = (gold & ~pred).sum(axis=0).astype(float)
    denom = 2 * tp + fp + fn
    return np.divide(2 * tp, denom, out=np.zeros_like(tp), where=denom > 0)


def micro_f1(gold: np.ndarray, pred: np.ndarray) -> float:
    gold = gold.astype(bool)
    pred = pred.astype(bool)
    tp = float((gold & pred).sum())
    denom = 2 * tp + float((~gold & pred).sum()) + float((gold & ~pred).sum())
    return 2 * tp / denom if denom else 0.0


def to_ekman(matrix: np.ndarray) -> np.ndarray:
    """Collapse a 28-label 0/1 matrix to the 7 Ekman groups (a group is on if any member is)."""
    out = np.zeros((matrix.shape[0], len(EKMAN_GROUPS)), dtype=np.int8)
    for group in range(len(EKMAN_GROUPS)):
        out[:, group] = matrix[:, group == _EKMAN_INDEX].max(axis=1)
    return out


def ekman_scores(probs: np.ndarray) -> np.ndarray:
    """Group scores: the summed probability of a group's labels, capped at 1.

    A message split between "annoyance" and "anger" is clearly in the anger group even when
    neither label alone clears its threshold, which per-label decisions miss.
    """
    out = np.zeros((probs.shape[0], len(EKMAN_GROUPS)), dtype=np.float32)
    for group in range(len(EKMAN_GROUPS)):
        out[:, group] = np.clip(probs[:, group == _EKMAN_INDEX].sum(axis=1), 0.0, 1.0)
    return out


def predict(probs: np.ndarray, thresholds: np.ndarray) -> np.ndarray:
    """Labels above their threshold; the top label when none is (every message gets one)."""
    pred = (probs >= thresholds).astype(np.int8)
    empty = pred.sum(axis=1) == 0
    if empty.any():
        top = (probs[empty] / thresholds).argmax(axis=1)
        pred[np.flatnonzero(empty), top] = 1
    return pred


def thresholds_tune(
    probs: np.ndarray, gold: np.ndarray, grid: Sequence[float] | None = None
) -> np.ndarray:
    """Per-label threshold maximising that label's F1 (use on the dev split only)."""
    candidates = np.asarray(grid if grid is not None else np.arange(0.02, 0.95, 0.01))
    best = np.full(probs.shape[1], 0.5)
    for j in range(probs.shape[1]):
        scores = [f1_per_label(gold[:, j : j + 1], probs[:, j : j + 1] >= t)[0] for t in candidates]
        best[j] = candidates[int(np.argmax(scores))]
    return best


def report(
    gold: np.ndarray, pred: np.ndarray, ekman_pred: np.ndarray | None = None
) -> dict[str, object]:
    """Scores on 28 labels and on Ekman groups (from ``ekman_pred`` or the 28-label decisions)."""
    per_label = f1_per_label(gold, pred)
    ekman_gold = to_ekman(gold)
    if ekman_pred is None:
        ekman_pred = to_ekman(pred)
    ekman_per = f1_per_label(ekman_gold, ekman_pred)
    return {
        "macro_f1": float(per_label.mean()),
        "micro_f1": micro_f1(gold, pred),
        "ekman_macro_f1": float(ekman_per.mean()),
        "ekman_micro_f1": micro_f1(ekman_gold, ekman_pred),
        "per_label_f1": {label: float(v) for label, v in zip(LABELS, per_label, strict=True)},
        "ekman_per_group_f1": {g: float(v) for g, v in zip(EKMAN_GROUPS, ekman_per, strict=True)},
    }

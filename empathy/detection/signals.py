"""Turns per-label probabilities and the text's own signals into an EmotionReading.

The model says *which* emotion; how strongly it is felt also shows in the writing itself:
intensifiers, capitals, repeated punctuation and stretched words raise intensity, hedges such
as "a bit" lower it. Those signals are deliberately simple and documented so an agent can
understand why a reading says "intense".
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Sequence

import numpy as np

from empathy.detection.support import SupportRead
from empathy.language import SUPPORTED
from empathy.taxonomy import CATEGORY, LABELS, VALENCE_AROUSAL
from empathy.types import EmotionReading

# GoEmotions comments are short; beyond this the model sees only the start (and says so).
MAX_MODEL_CHARS = 2000

_NEUTRAL = LABELS.index("neutral")
_VALENCE = np.array([VALENCE_AROUSAL[label][0] for label in LABELS], dtype=np.float32)
_AROUSAL = np.array([VALENCE_AROUSAL[label][1] for label in LABELS], dtype=np.float32)

_INTENSIFIERS = frozenset(
    [
        "absolutely",
        "completely",
        "extremely",
        "incredibly",
        "really",
        "so",
        "very",
        "totally",
        "utterly",
        "seriously",
        "ridiculously",
        "insanely",
        "beyond",
        "terribly",
        "awfully",
        "fucking",
        "freaking",
        "bloody",
        "super",
        "truly",
    ]
)
_HEDGES = re.compile(
    r"\b(a (little )?bit|a little|slightly|somewhat|kind of|kinda|sort of|a tad|mildly|"
    r"not (that|too|very)|a touch)\b",
    re.IGNORECASE,
)
_PROFANITY = re.compile(r"\b(fuck\w*|shit\w*|damn\w*|crap\w*|wtf|bullshit|pissed)\b", re.I)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_ELONGATED = re.compile(r"([a-zA-Z])\1{2,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def text_clean(text: str) -> str:
    """Normalize Unicode and whitespace the same way for training and inference."""
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub(" ", text)
    return " ".join(text.split())


def text_intensity_signals(text: str) -> float:
    """A signed adjustment in about [-0.2, 0.45] from how the text is written."""
    words = _WORD.findall(text)
    boost = 0.0
    caps = [w for w in words if len(w) >= 3 and w.isupper()]
    if caps:
        boost += min(0.2, 0.1 + 0.25 * len(caps) / max(1, len(words)))
    exclamations = max((len(run) for run in re.findall(r"!+", text)), default=0)
    boost += min(0.15, 0.05 * exclamations) + (0.05 if re.search(r"[!?]{2,}", text) else 0.0)
    lowered = [w.lower() for w in words]
    boost += min(0.2, 0.08 * sum(1 for w in lowered if w in _INTENSIFIERS))
    if _PROFANITY.search(text):
        boost += 0.1
    if _ELONGATED.search(text):
        boost += 0.05
    if _HEDGES.search(text):
        boost -= 0.2
    return boost


def reading_build(
    *,
    text: str,
    probs: np.ndarray,
    thresholds: np.ndarray,
    model: str,
    truncated: bool,
    order: Sequence[int] | None = None,
) -> EmotionReading:
    ratios = probs / thresholds
    ranked = [int(i) for i in (order if order is not None else np.argsort(-ratios))]
    chosen = [i for i in ranked if probs[i] >= thresholds[i]] or ranked[:1]
    primary = chosen[0]
    emotion = LABELS[primary]

    emotional = np.delete(probs, _NEUTRAL)
    strength = float(emotional.max()) if emotion != "neutral" else float(emotional.max()) * 0.5
    intensity = float(np.clip(0.1 + 0.7 * strength + text_intensity_signals(text), 0.0, 1.0))
    if emotion == "neutral":
        intensity = min(intensity, 0.35)

    weights = probs**2
    weights = weights / max(float(weights.sum()), 1e-9)
    valence = float(np.dot(weights, _VALENCE)) * (0.6 + 0.4 * intensity)
    arousal = 0.5 * float(np.dot(weights, _AROUSAL)) + 0.5 * intensity
    confidence = float(probs[primary])

    return EmotionReading(
        emotion=emotion,
        labels=tuple(LABELS[i] for i in chosen),
        scores={label: round(float(p), 4) for label, p in zip(LABELS, probs, strict=True)},
        category=CATEGORY[emotion],
        intensity=round(intensity, 4),
        valence=round(float(np.clip(valence, -1.0, 1.0)), 4),
        arousal=round(float(np.clip(arousal, 0.0, 1.0)), 4),
        confidence=round(float(np.clip(confidence, 0.0, 1.0)), 4),
        model=model,
        truncated=truncated,
    )


def support_apply(reading: EmotionReading, read: SupportRead, text: str) -> EmotionReading:
    """The reading with the support reader's category and intensity, valence agreeing with them.

    In a language the engine does not read, the reading says so: category neutral, confidence
    low, never a confident wrong reading.
    """
    from empathy.language import language_detect

    language = language_detect(text)
    category = read.category
    confidence = max(read.category_probs.values())
    # Only a clear identification of another language neutralises the reading: a short message
    # ("thanks", "ok") is too short to tell and is read as written.
    is_clearly_other = (
        language.code not in SUPPORTED
        and language.code != "und"
        and language.probability >= 0.5
        and len(text.split()) > 3
    )
    if is_clearly_other:
        category, confidence = "neutral", min(confidence, 0.2)
    valence = reading.valence
    if category in ("negative", "anxious"):
        valence = -abs(valence) if valence else -0.2 * read.intensity
    elif category == "positive":
        valence = abs(valence) if valence else 0.2 * read.intensity
    else:
        valence = 0.5 * valence
    return dataclasses.replace(
        reading,
        category=category,  # type: ignore[arg-type]
        intensity=round(read.intensity, 4),
        valence=round(float(np.clip(valence, -1.0, 1.0)), 4),
        confidence=round(float(confidence), 4),
        language=language.code,
        request=read.request >= 0.5,
    )

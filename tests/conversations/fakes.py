"""A deterministic emotion detector for tests (keyword rules)."""

from __future__ import annotations

from collections.abc import Sequence

from empathy.types import EmotionReading

_RULES: tuple[tuple[str, str, str, float, float], ...] = (
    # keyword, emotion, category, intensity, valence
    ("furious", "anger", "negative", 0.95, -0.9),
    ("annoyed", "annoyance", "negative", 0.6, -0.5),
    ("worried", "nervousness", "anxious", 0.6, -0.3),
    ("thanks", "gratitude", "positive", 0.7, 0.8),
)


def single_label_reading(
    emotion: str,
    category: str,
    intensity: float,
    valence: float,
    *,
    arousal: float = 0.5,
    confidence: float = 0.9,
    model: str = "test",
) -> EmotionReading:
    """A reading whose only label is `emotion`, scored at `intensity`."""
    return EmotionReading(
        emotion=emotion,
        labels=(emotion,),
        scores={emotion: intensity},
        category=category,  # type: ignore[arg-type]
        intensity=intensity,
        valence=valence,
        arousal=arousal,
        confidence=confidence,
        model=model,
    )


def reading_for(text: str) -> EmotionReading:
    lowered = text.lower()
    for keyword, emotion, category, intensity, valence in _RULES:
        if keyword in lowered:
            return single_label_reading(
                emotion, category, intensity, valence, model="fake-keywords"
            )
    return EmotionReading(
        emotion="neutral",
        labels=("neutral",),
        scores={"neutral": 0.8},
        category="neutral",
        intensity=0.1,
        valence=0.0,
        arousal=0.1,
        confidence=0.8,
        model="fake-keywords",
    )


class FakeDetector:
    name = "fake-keywords"

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def detect_batch(self, texts: Sequence[str]) -> list[EmotionReading]:
        self.batches.append(list(texts))
        return [reading_for(t) for t in texts]

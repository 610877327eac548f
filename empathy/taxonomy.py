"""The emotion taxonomy: GoEmotions labels, Ekman groups, support categories, valence/arousal.

GoEmotions (Demszky et al., 2020) annotates 27 emotions plus neutral. Support work needs
coarser handles, so every label maps to one Ekman group (the paper's own grouping, used for the
7-way evaluation) and to one support category that drives reply strategy and escalation:

- negative: anger, annoyance, disapproval, disgust, sadness, disappointment, embarrassment,
  grief, remorse. The visitor is hurt or angry: acknowledge and validate first.
- anxious: fear, nervousness, confusion. The visitor is worried or lost: reassure and give
  simple steps.
- positive: admiration, amusement, approval, caring, desire, excitement, gratitude, joy, love,
  optimism, pride, relief. Mirror the feeling.
- neutral: neutral, curiosity, realization, surprise. An information need without strong
  feeling.

Confusion is grouped with surprise by Ekman, but in support a confused visitor needs the same
care as a worried one (reassure and clarify), so its support category is `anxious`.

Valence in [-1, 1] and arousal in [0, 1] per label are anchored on the NRC VAD lexicon's values
for the label words (Mohammad, 2018), rescaled; a reading's valence and arousal are the
score-weighted means over its labels.
"""

from __future__ import annotations

from typing import Final, Literal

Category = Literal["positive", "negative", "anxious", "neutral"]
EkmanGroup = Literal["anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral"]

# Order is the dataset's label id order (labels.txt); model outputs follow it.
LABELS: Final[tuple[str, ...]] = (
    "admiration",
    "amusement",
    "anger",
    "annoyance",
    "approval",
    "caring",
    "confusion",
    "curiosity",
    "desire",
    "disappointment",
    "disapproval",
    "disgust",
    "embarrassment",
    "excitement",
    "fear",
    "gratitude",
    "grief",
    "joy",
    "love",
    "nervousness",
    "optimism",
    "pride",
    "realization",
    "relief",
    "remorse",
    "sadness",
    "surprise",
    "neutral",
)

EKMAN_GROUPS: Final[tuple[EkmanGroup, ...]] = (
    "anger",
    "disgust",
    "fear",
    "joy",
    "sadness",
    "surprise",
    "neutral",
)

EKMAN: Final[dict[str, EkmanGroup]] = {
    "anger": "anger",
    "annoyance": "anger",
    "disapproval": "anger",
    "disgust": "disgust",
    "fear": "fear",
    "nervousness": "fear",
    "joy": "joy",
    "amusement": "joy",
    "approval": "joy",
    "excitement": "joy",
    "gratitude": "joy",
    "love": "joy",
    "optimism": "joy",
    "relief": "joy",
    "pride": "joy",
    "admiration": "joy",
    "desire": "joy",
    "caring": "joy",
    "sadness": "sadness",
    "disappointment": "sadness",
    "embarrassment": "sadness",
    "grief": "sadness",
    "remorse": "sadness",
    "surprise": "surprise",
    "realization": "surprise",
    "confusion": "surprise",
    "curiosity": "surprise",
    "neutral": "neutral",
}

CATEGORY: Final[dict[str, Category]] = {
    "anger": "negative",
    "annoyance": "negative",
    "disapproval": "negative",
    "disgust": "negative",
    "sadness": "negative",
    "disappointment": "negative",
    "embarrassment": "negative",
    "grief": "negative",
    "remorse": "negative",
    "fear": "anxious",
    "nervousness": "anxious",
    "confusion": "anxious",
    "admiration": "positive",
    "amusement": "positive",
    "approval": "positive",
    "caring": "positive",
    "desire": "positive",
    "excitement": "positive",
    "gratitude": "positive",
    "joy": "positive",
    "love": "positive",
    "optimism": "positive",
    "pride": "positive",
    "relief": "positive",
    "neutral": "neutral",
    "curiosity": "neutral",
    "realization": "neutral",
    "surprise": "neutral",
}

# (valence in [-1, 1], arousal in [0, 1]) per label.
VALENCE_AROUSAL: Final[dict[str, tuple[float, float]]] = {
    "admiration": (0.75, 0.50),
    "amusement": (0.80, 0.60),
    "anger": (-0.80, 0.90),
    "annoyance": (-0.60, 0.70),
    "approval": (0.60, 0.35),
    "caring": (0.70, 0.40),
    "confusion": (-0.30, 0.55),
    "curiosity": (0.30, 0.55),
    "desire": (0.50, 0.70),
    "disappointment": (-0.65, 0.40),
    "disapproval": (-0.55, 0.50),
    "disgust": (-0.80, 0.65),
    "embarrassment": (-0.55, 0.60),
    "excitement": (0.80, 0.90),
    "fear": (-0.80, 0.85),
    "gratitude": (0.85, 0.45),
    "grief": (-0.90, 0.55),
    "joy": (0.90, 0.70),
    "love": (0.90, 0.60),
    "nervousness": (-0.50, 0.75),
    "optimism": (0.70, 0.50),
    "pride": (0.70, 0.60),
    "realization": (0.10, 0.40),
    "relief": (0.60, 0.25),
    "remorse": (-0.70, 0.45),
    "sadness": (-0.85, 0.30),
    "surprise": (0.20, 0.80),
    "neutral": (0.0, 0.20),
}


def ekman_of(label: str) -> EkmanGroup:
    return EKMAN[label]


def category_of(label: str) -> Category:
    return CATEGORY[label]

"""The support reader: category, intensity and "is this a request" for support-chat text.

GoEmotions labels were learnt on Reddit comments; support chats differ (sarcasm, understatement,
complaints phrased as questions, worried questions, polite requests). This reader predicts the
support category and the intensity directly, from three kinds of evidence per message:
- the 28 GoEmotions probabilities of the shipped emotion model (what feeling is expressed);
- word 1-2-gram and character 2-5-gram TF-IDF of the text (how support messages are written,
  in the six supported languages: the character n-grams carry Spanish, French, German,
  Portuguese and Italian, which the English encoder only half reads);
- writing signals: hedges ("a bit", "un peu", "ein bisschen"), intensifiers, capitals, "!!!",
  consequences (lost money or work, missed events), question marks.
Heads: a 4-way logistic regression for the category, a ridge regression for intensity, and a
logistic "request" head (a question or ask that wants an answer first). Weights are plain JSON +
npz, checksummed by the emotion model's manifest, never unpickled.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from empathy.crisis.normalize import normalize

CATEGORIES = ("positive", "negative", "anxious", "neutral")
VOCAB_FILE = "support_vocab.json"
ARRAYS_FILE = "support.npz"

# Writing signals in the six languages, on normalised (lower-case, accent-free) text.
_HEDGES = re.compile(
    r"\b(?:a (?:little )?bit|a little|slightly|somewhat|kind of|kinda|sort of|a tad|mildly|"
    r"not (?:that|too|very|exactly|really)|could be better|un poco|algo|un pelin|un peu|"
    r"legerement|plutot|ein (?:bisschen|wenig)|etwas|leicht|um pouco|meio|un po|"
    r"leggermente|un pochino)\b"
)
_INTENSIFIERS = re.compile(
    r"\b(?:absolutely|completely|extremely|incredibly|really|so|very|totally|utterly|"
    r"seriously|ridiculously|beyond|terribly|awfully|fucking|freaking|bloody|truly|"
    r"muy|super|totalmente|completamente|tres|vraiment|completement|totalement|sehr|total|"
    r"absolut|extrem|voll|muito|demais|totalmente|molto|davvero|troppo|assolutamente)\b"
)
_STRONG_WORDS = re.compile(
    r"\b(?:furious|livid|outraged|devastated|disgusted|terrified|panicking|panic|desperate|"
    r"heartbroken|unacceptable|disgrace|worst|horrible|appalling|nightmare|scam|"
    r"furioso|furiosa|indignado|desesperad[oa]|inaceptable|vergonzoso|estafa|furieux|"
    r"furieuse|scandaleux|inadmissible|inacceptable|honteux|arnaque|wutend|stinksauer|"
    r"unverschamt|inakzeptabel|katastrophe|betrug|furios[oa]|revoltad[oa]|absurdo|golpe|"
    r"inaccettabile|vergognoso|truffa|indignat[oa]|disperat[oa])\b"
)
_CONSEQUENCE = re.compile(
    r"\b(?:lost|losing|lose|missed|miss|ruined|cost me|charged twice|overdraft|evicted|"
    r"funeral|wedding|deadline|my job|my business|all my (?:work|files|data|photos|money)|"
    r"perdi|perdido|he perdido|perdu|j'ai perdu|verloren|verpasst|perso|ho perso)\b"
)
_CAPS_WORD = re.compile(r"\b[A-ZÄÖÜÉÈÀÁÍÓÚÑÇ]{3,}\b")
_N_SIGNALS = 8


def writing_signals(text: str) -> np.ndarray:
    """Eight numbers describing how the message is written (shared by training and run time)."""
    normalized = normalize(text)
    words = max(1, len(text.split()))
    caps = len(_CAPS_WORD.findall(text))
    exclamations = max((len(run) for run in re.findall(r"!+", text)), default=0)
    return np.array(
        [
            float(bool(_HEDGES.search(normalized))),
            min(3.0, float(len(_INTENSIFIERS.findall(normalized)))) / 3.0,
            min(3.0, float(len(_STRONG_WORDS.findall(normalized)))) / 3.0,
            float(bool(_CONSEQUENCE.search(normalized))),
            min(1.0, caps / words * 2.0),
            min(4.0, float(exclamations)) / 4.0,
            float("?" in text),
            min(60.0, float(words)) / 60.0,
        ],
        dtype=np.float32,
    )


@dataclass(frozen=True, slots=True)
class SupportRead:
    category: str
    category_probs: dict[str, float]
    intensity: float
    request: float


class SupportReader:
    """Category, intensity and request heads over emotion probabilities, TF-IDF and signals."""

    def __init__(
        self,
        *,
        word_terms: Sequence[str],
        char_terms: Sequence[str],
        word_idf: np.ndarray,
        char_idf: np.ndarray,
        category_coef: np.ndarray,  # (4, F)
        category_intercept: np.ndarray,  # (4,)
        intensity_coef: np.ndarray,  # (F,)
        intensity_intercept: float,
        request_coef: np.ndarray,  # (F,)
        request_intercept: float,
        emotion_scale: float,
    ) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        from empathy.crisis.model import analyze, analyze_chars

        self._word = TfidfVectorizer(
            analyzer=analyze, sublinear_tf=True, vocabulary={t: i for i, t in enumerate(word_terms)}
        )
        self._word.idf_ = word_idf
        self._char = TfidfVectorizer(
            analyzer=analyze_chars,
            sublinear_tf=True,
            vocabulary={t: i for i, t in enumerate(char_terms)},
        )
        self._char.idf_ = char_idf
        self._category_coef = category_coef
        self._category_intercept = category_intercept
        self._intensity_coef = intensity_coef
        self._intensity_intercept = intensity_intercept
        self._request_coef = request_coef
        self._request_intercept = request_intercept
        self._emotion_scale = emotion_scale
        width = len(word_terms) + len(char_terms) + 28 + _N_SIGNALS
        if category_coef.shape != (len(CATEGORIES), width) or intensity_coef.shape != (width,):
            raise ValueError("support reader arrays do not match its vocabulary")

    def features(self, texts: Sequence[str], emotion_probs: np.ndarray) -> Any:
        import scipy.sparse as sp

        normalized = [normalize(t) for t in texts]
        dense = np.hstack(
            [self._emotion_scale * emotion_probs, np.stack([writing_signals(t) for t in texts])]
        )
        return sp.hstack(
            [self._word.transform(normalized), self._char.transform(normalized), dense]
        ).tocsr()

    def read(self, texts: Sequence[str], emotion_probs: np.ndarray) -> list[SupportRead]:
        if not texts:
            return []
        x = self.features(texts, emotion_probs)
        z = np.asarray(x @ self._category_coef.T) + self._category_intercept
        z -= z.max(axis=1, keepdims=True)
        probs = np.exp(z)
        probs /= probs.sum(axis=1, keepdims=True)
        intensity = np.clip(np.asarray(x @ self._intensity_coef) + self._intensity_intercept, 0, 1)
        request = 1.0 / (
            1.0 + np.exp(-(np.asarray(x @ self._request_coef) + self._request_intercept))
        )
        return [
            SupportRead(
                category=CATEGORIES[int(np.argmax(row))],
                category_probs={
                    c: round(float(p), 4) for c, p in zip(CATEGORIES, row, strict=True)
                },
                intensity=float(level),
                request=float(ask),
            )
            for row, level, ask in zip(probs, intensity, request, strict=True)
        ]

    @classmethod
    def load(cls, model_dir: Path) -> SupportReader:
        vocab = json.loads((model_dir / VOCAB_FILE).read_text(encoding="utf-8"))
        with np.load(model_dir / ARRAYS_FILE, allow_pickle=False) as arrays:
            return cls(
                word_terms=vocab["word"],
                char_terms=vocab["char"],
                word_idf=arrays["word_idf"].astype(np.float64),
                char_idf=arrays["char_idf"].astype(np.float64),
                category_coef=arrays["category_coef"].astype(np.float32),
                category_intercept=arrays["category_intercept"].astype(np.float32),
                intensity_coef=arrays["intensity_coef"].astype(np.float32),
                intensity_intercept=float(arrays["intensity_intercept"]),
                request_coef=arrays["request_coef"].astype(np.float32),
                request_intercept=float(arrays["request_intercept"]),
                emotion_scale=float(vocab["emotion_scale"]),
            )

    @staticmethod
    def save(model_dir: Path, *, vocab: dict[str, Any], arrays: dict[str, np.ndarray]) -> None:
        (model_dir / VOCAB_FILE).write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        np.savez_compressed(model_dir / ARRAYS_FILE, allow_pickle=False, **arrays)

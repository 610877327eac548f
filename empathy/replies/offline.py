"""The offline responder: composes replies from the curated phrasing library, in microseconds."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from empathy.replies import knowledge
from empathy.replies.phrasings import PhrasingLibrary, phrasing_library
from empathy.replies.safety import celebrates
from empathy.replies.strategy import INFORM, SAFETY_FIRST
from empathy.replies.topic import topic_extract
from empathy.types import EmotionReading, ReplyDraft, ReplyRequest

NAME = "offline"

# Fine-grained emotions (the GoEmotions labels) grouped the way the phrasings are written.
_EMOTION_GROUPS: dict[str, str] = {
    **dict.fromkeys(("anger", "annoyance", "disgust", "disapproval"), "anger"),
    **dict.fromkeys(("sadness", "grief", "disappointment", "remorse", "embarrassment"), "sadness"),
    **dict.fromkeys(("fear", "nervousness"), "fear"),
    **dict.fromkeys(("confusion", "curiosity", "realization", "surprise"), "confusion"),
    **dict.fromkeys(
        (
            "joy",
            "excitement",
            "amusement",
            "love",
            "admiration",
            "optimism",
            "pride",
            "relief",
            "approval",
            "caring",
            "desire",
        ),
        "joy",
    ),
    "gratitude": "gratitude",
    "neutral": "neutral",
}
_CATEGORY_GROUPS = {"negative": "anger", "anxious": "fear", "positive": "joy", "neutral": "neutral"}
_TOPIC = "{topic}"
# Every line puts {topic} where "this" reads naturally, so topic lines also serve once the topic
# has been named in a reply (the pronoun refers back to it) and messages without a topic.
_PRONOUN = "this"
_NEUTRAL_FALLBACK = "Thank you for telling me. I'm here, and I'll help with {topic} as best I can."


def emotion_group(reading: EmotionReading | None) -> str:
    """The phrasing group for a reading; an unknown label falls back to its category."""
    if reading is None:
        return "neutral"
    return _EMOTION_GROUPS.get(reading.emotion) or _CATEGORY_GROUPS.get(reading.category, "neutral")


def sentence_key(sentence: str) -> str:
    """How sentences are compared for repeats: case and spacing do not make a new sentence."""
    return " ".join(sentence.casefold().split())


class OfflineResponder:
    """Always available, deterministic for the same request, never repeats a sent sentence."""

    name = NAME

    def generate(self, request: ReplyRequest, *, timeout: float = 0.0) -> ReplyDraft:
        library = phrasing_library(request.locale)
        if request.strategy == SAFETY_FIRST:
            return safety_first_draft(request)
        strategy = request.strategy if request.strategy in library.slots else INFORM
        used = {sentence_key(s) for s in request.used_sentences}
        topic = topic_extract(request.text)
        seed = _seed(request, strategy, topic)
        group = emotion_group(request.reading)
        if request.no_celebration and group in {"joy", "gratitude"}:
            # Harm semantics: the cheerful tier of lines is off limits, whatever was read.
            group = "neutral"
        chosen: list[str] = []
        topic_named = False
        for index, slot in enumerate(library.slots[strategy]):
            if slot == "progress" and request.trend != "improving":
                continue
            lines = library.lines[strategy][slot]
            tiers = (lines.get(group, ()), lines.get("default", ()))
            # The topic is named once per reply; repeating it in every sentence reads robotic.
            prefer_topic = topic is not None and not topic_named
            sentence = _pick(tiers, topic, used, seed + index * 7919, prefer_topic=prefer_topic)
            if sentence is not None:
                used.add(sentence_key(sentence))
                chosen.append(sentence)
                topic_named = topic_named or (topic is not None and topic in sentence)
        if len(chosen) < 2:
            bridge = _bridge(library, used, seed)
            if bridge is not None:
                chosen.append(bridge)
        if not chosen:
            # Every line and bridge of this strategy was used in this conversation (hundreds
            # of replies): repeating one line beats sending nothing.
            first = library.lines[strategy][library.slots[strategy][0]]["default"][0]
            chosen.append(_fill(first, topic or "this"))
        if request.no_celebration:
            kept = [s for s in chosen if not celebrates(s)]
            chosen = kept or [_fill(_NEUTRAL_FALLBACK, topic or "this")]
        text = _join(chosen)
        passage = knowledge.confident_passage(request)
        if passage is not None:
            # The strategy's opening line frames the company's own answer (extractive: the
            # steps, the fact), then the article; nothing is invented around it.
            chosen = chosen[:1]
            text = "\n\n".join(
                [_join(chosen), *knowledge.answer_sentences(passage, request.locale)]
            )
        elif request.knowledge_searched and knowledge.asks_something(request):
            chosen = [*chosen[:1], *knowledge.unknown_sentences(request)]
            text = _join(chosen)
        return ReplyDraft(
            text=text,
            strategy=strategy,
            provider=NAME,
            sentences=tuple(chosen),
            model=library.version,
        )


def safety_first_draft(request: ReplyRequest) -> ReplyDraft:
    """The fixed crisis text, in the visitor's locale: never generated, never cached."""
    library = phrasing_library(request.locale)
    sentences = library.safety_first
    return ReplyDraft(
        text=_join(sentences),
        strategy=SAFETY_FIRST,
        provider=NAME,
        sentences=tuple(sentences),
        model=library.version,
    )


def _seed(request: ReplyRequest, strategy: str, topic: str | None) -> int:
    material = "\x1f".join(
        (request.locale, strategy, request.trend, topic or "", request.text[:500])
    )
    return int.from_bytes(hashlib.sha256(material.encode()).digest()[:8], "big")


def _rotated(items: Sequence[str], seed: int) -> list[str]:
    if not items:
        return []
    start = seed % len(items)
    return [*items[start:], *items[:start]]


def _pick(
    tiers: Iterable[Sequence[str]],
    topic: str | None,
    used: set[str],
    seed: int,
    *,
    prefer_topic: bool,
) -> str | None:
    for tier in tiers:
        with_topic = _rotated([line for line in tier if _TOPIC in line], seed)
        plain = _rotated([line for line in tier if _TOPIC not in line], seed // 3)
        # Naming the visitor's topic early shows the message was read.
        ordered = (*with_topic, *plain) if prefer_topic else (*plain, *with_topic)
        for line in ordered:
            sentence = _fill(line, topic if topic and prefer_topic else _PRONOUN)
            if sentence_key(sentence) not in used:
                return sentence
    return None


def _bridge(library: PhrasingLibrary, used: set[str], seed: int) -> str | None:
    halves_a = _rotated(library.bridge_a, seed)
    halves_b = _rotated(library.bridge_b, seed // 11)
    for a in halves_a:
        for b in halves_b:
            sentence = f"{a} \u2014 {b}"
            if sentence_key(sentence) not in used:
                return sentence
    return None


def _fill(line: str, topic: str) -> str:
    return line.replace(_TOPIC, topic)


def _join(sentences: Sequence[str]) -> str:
    # Numbered-step blocks stand on their own lines; plain sentences share a paragraph.
    text, previous = "", ""
    for sentence in sentences:
        if not text:
            text = sentence
        elif "\n" in sentence or "\n" in previous:
            text += "\n" + sentence
        else:
            text += " " + sentence
        previous = sentence
    return text

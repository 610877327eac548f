"""The offline responder: fitting, topic-aware, never repeating, deterministic, safe."""

from __future__ import annotations

import pytest

from empathy.replies import reply_generate
from empathy.replies.offline import OfflineResponder, sentence_key
from empathy.replies.phrasings import LIBRARIES, phrasing_library
from empathy.replies.phrasings import en as english
from empathy.replies.safety import output_problem
from empathy.types import ReplyRequest
from tests.empathy.replies.conftest import reading

responder = OfflineResponder()


def _lines(strategy: str, slot: str, topic: str | None = None) -> set[str]:
    groups = english.LIBRARY[strategy][slot]
    return {line.replace("{topic}", topic or "") for lines in groups.values() for line in lines}


@pytest.mark.parametrize(
    ("strategy", "first_slot"),
    [
        ("validate_then_solve", "acknowledge"),
        ("own_and_expedite", "own"),
        ("reassure_and_clarify", "reassure"),
        ("celebrate", "celebrate"),
        ("inform", "acknowledge"),
    ],
)
def test_each_strategy_opens_with_its_own_slot(strategy: str, first_slot: str) -> None:
    draft = responder.generate(
        ReplyRequest(
            text="Where is my order?", reading=reading("anger", "negative"), strategy=strategy
        )
    )
    assert draft.provider == "offline"
    assert draft.strategy == strategy
    assert draft.sentences[0] in _lines(strategy, first_slot, "your order")
    assert draft.model == english.VERSION
    assert draft.text.startswith(draft.sentences[0])


def test_reply_names_the_visitors_topic_once() -> None:
    draft = responder.generate(
        ReplyRequest(
            text="I was charged twice on the invoice and nobody answers",
            reading=reading("anger", "negative"),
            strategy="validate_then_solve",
        )
    )
    assert draft.text.count("the invoice") == 1


def test_reassure_gives_numbered_steps_and_checks_understanding() -> None:
    draft = responder.generate(
        ReplyRequest(
            text="I'm scared I did the password reset wrong",
            reading=reading("fear", "anxious"),
            strategy="reassure_and_clarify",
        )
    )
    steps = draft.sentences[1]
    assert "\n1. " in steps
    assert "\n2. " in steps
    assert "\n3. " in steps
    assert draft.sentences[2] in _lines("reassure_and_clarify", "check")


def test_emotion_group_lines_come_first() -> None:
    draft = responder.generate(
        ReplyRequest(
            text="thank you!", reading=reading("gratitude", "positive"), strategy="celebrate"
        )
    )
    assert draft.sentences[0] in set(english.LIBRARY["celebrate"]["celebrate"]["gratitude"])


def test_same_request_gives_same_reply() -> None:
    request = ReplyRequest(
        text="My package is late", reading=reading("annoyance", "negative"), strategy="inform"
    )
    assert responder.generate(request) == responder.generate(request)


def test_improving_trend_adds_progress_line() -> None:
    request = ReplyRequest(
        text="ok that helps a bit",
        reading=reading("sadness", "negative"),
        strategy="validate_then_solve",
        trend="improving",
    )
    draft = responder.generate(request)
    assert draft.sentences[2] in _lines("validate_then_solve", "progress")


@pytest.mark.parametrize("strategy", ["validate_then_solve", "own_and_expedite", "inform"])
def test_long_conversation_never_repeats_a_sentence(strategy: str) -> None:
    used: set[str] = set()
    sent: list[str] = []
    for turn in range(60):
        draft = responder.generate(
            ReplyRequest(
                text=f"still waiting for my order, day {turn}",
                reading=reading("anger", "negative"),
                strategy=strategy,
                used_sentences=frozenset(used),
            )
        )
        assert draft.sentences, f"empty reply at turn {turn}"
        for sentence in draft.sentences:
            assert sentence_key(sentence) not in {sentence_key(s) for s in sent}
            sent.append(sentence)
        used.update(draft.sentences)
    assert len(sent) == len({sentence_key(s) for s in sent})


def test_repeat_check_ignores_case_and_spacing() -> None:
    request = ReplyRequest(text="hello", reading=None, strategy="inform")
    first = responder.generate(request)
    shouted = frozenset(" ".join(s.upper().split()) + "  " for s in first.sentences)
    second = responder.generate(
        ReplyRequest(text="hello", reading=None, strategy="inform", used_sentences=shouted)
    )
    assert not set(map(sentence_key, first.sentences)) & set(map(sentence_key, second.sentences))


def test_unknown_locale_falls_back_to_english() -> None:
    assert phrasing_library("pl-PL") is LIBRARIES["en"]
    assert phrasing_library("en_GB") is LIBRARIES["en"]
    assert phrasing_library("pt-BR") is LIBRARIES["pt"]
    assert phrasing_library("de_AT") is LIBRARIES["de"]
    draft = responder.generate(
        ReplyRequest(text="hi", reading=None, strategy="inform", locale="xx")
    )
    assert draft.model == english.VERSION


def test_unknown_strategy_is_answered_as_inform() -> None:
    draft = responder.generate(
        ReplyRequest(text="hi", reading=None, strategy="acknowledge_validate")
    )
    assert draft.strategy == "inform"


def test_huge_message_is_never_echoed() -> None:
    blob = "my " + "x" * 5000 + " order"
    draft = responder.generate(ReplyRequest(text=blob, reading=None, strategy="inform"))
    assert "xxxx" not in draft.text
    assert len(draft.text) < 400


def test_every_library_line_passes_the_output_check() -> None:
    for strategy, slots in english.LIBRARY.items():
        for groups in slots.values():
            for lines in groups.values():
                for line in lines:
                    filled = line.replace("{topic}", "your order")
                    assert output_problem(filled) is None, (strategy, line)
    for line in (*english.SAFETY_FIRST, *english.BRIDGE_A, *english.BRIDGE_B):
        assert output_problem(line) is None, line


def test_safety_first_returns_the_fixed_crisis_text_without_any_provider() -> None:
    draft = reply_generate(
        ReplyRequest(text="I want to end it all", reading=None, strategy="safety_first")
    )
    assert draft.sentences == english.SAFETY_FIRST
    assert draft.strategy == "safety_first"
    assert draft.provider == "offline"
    assert not draft.ai_failed
    assert not draft.flagged


_EMOTIONS = {
    "anger": ("anger", "negative"),
    "sadness": ("sadness", "negative"),
    "fear": ("nervousness", "anxious"),
    "confusion": ("confusion", "neutral"),
    "joy": ("joy", "positive"),
    "gratitude": ("gratitude", "positive"),
    "neutral": ("neutral", "neutral"),
}
_STRATEGIES = (
    "validate_then_solve",
    "own_and_expedite",
    "reassure_and_clarify",
    "celebrate",
    "inform",
)


def _library_sentences(strategy: str, topic: str) -> set[str]:
    """Curated lines, with the topic or, once it has been named, the pronoun "this"."""
    return {
        line.replace("{topic}", name)
        for slot, groups in english.LIBRARY[strategy].items()
        if slot != "progress"
        for lines in groups.values()
        for line in lines
        for name in (topic, "this")
    }


def _conversation(strategy: str, emotion: str, message: str, turns: int = 25) -> list[list[str]]:
    """The sentences of each reply in a conversation of one strategy and one feeling."""
    used: set[str] = set()
    replies = []
    for turn in range(turns):
        draft = responder.generate(
            ReplyRequest(
                text=message.format(turn=turn),
                reading=reading(*_EMOTIONS[emotion]),
                strategy=strategy,
                used_sentences=frozenset(used),
            )
        )
        assert draft.strategy == strategy
        replies.append(list(draft.sentences))
        used.update(draft.sentences)
    return replies


@pytest.mark.parametrize("emotion", list(_EMOTIONS))
@pytest.mark.parametrize("strategy", _STRATEGIES)
def test_25_turns_of_one_strategy_stay_fresh_full_and_specific(strategy: str, emotion: str) -> None:
    replies = _conversation(strategy, emotion, "About my order, message number {turn}")
    sentences = [sentence_key(s) for reply in replies for s in reply]
    assert len(sentences) == len(set(sentences))  # never a repeated sentence
    allowed = _library_sentences(strategy, "your order")
    slots = [slot for slot in english.SLOTS[strategy] if slot != "progress"]
    for turn, reply in enumerate(replies):
        # Every slot still has a curated line of its own: no bridge filler, no fallback line.
        assert len(reply) == len(slots), (turn, reply)
        assert set(reply) <= allowed, (turn, reply)
        # Specific: the visitor's topic is named, once.
        assert sum(s.count("your order") for s in reply) == 1, (turn, reply)


@pytest.mark.parametrize("strategy", _STRATEGIES)
def test_25_turns_without_a_topic_never_repeat_or_fall_back_to_filler(strategy: str) -> None:
    replies = _conversation(strategy, "neutral", "hello there, number {turn}")
    sentences = [sentence_key(s) for reply in replies for s in reply]
    assert len(sentences) == len(set(sentences))
    allowed = _library_sentences(strategy, "this")
    for turn, reply in enumerate(replies):
        assert len(reply) >= 3, (turn, reply)
        assert set(reply) <= allowed, (turn, reply)


def test_25_check_ins_put_the_person_first_and_never_repeat() -> None:
    # A crisis concern: no topic, no product talk, one line per slot, nothing said twice.
    replies = _conversation("check_in", "sadness", "I feel so hopeless about my order {turn}")
    sentences = [sentence_key(s) for reply in replies for s in reply]
    assert len(sentences) == len(set(sentences))
    allowed = _library_sentences("check_in", "unused")
    for turn, reply in enumerate(replies):
        assert len(reply) == len(english.SLOTS["check_in"]) == 3, (turn, reply)
        assert set(reply) <= allowed, (turn, reply)
        assert not any("order" in sentence for sentence in reply), (turn, reply)
        assert reply[-1].endswith("?"), (turn, reply)

"""LLM replies never repeat a sentence already sent in the conversation (whole and streamed)."""

from __future__ import annotations

from empathy.replies import ReplyService
from empathy.replies.offline import sentence_key
from empathy.replies.phrasings import en as english
from empathy.types import ReplyRequest
from tests.empathy.replies.conftest import failovers, reading
from tests.fakes.openai_server import FakeOpenAIServer

ANSWER = "I'm sorry about the wait. Could you share the order number? I'll take it from there."


def _request(used: frozenset[str] = frozenset(), strategy: str = "inform") -> ReplyRequest:
    return ReplyRequest(
        text="Where is my order?",
        reading=reading("annoyance", "negative", 0.4),
        strategy=strategy,
        used_sentences=used,
    )


def _offline_lines(strategy: str) -> set[str]:
    return {
        line.replace("{topic}", "your order")
        for slot in english.LIBRARY[strategy].values()
        for lines in slot.values()
        for line in lines
    }


def test_sentences_already_sent_are_left_out(
    chain: ReplyService, primary_server: FakeOpenAIServer
) -> None:
    primary_server.answer(ANSWER)
    # Case and spacing do not make a sentence new.
    draft = chain.generate(_request(frozenset({"could you share  the ORDER number?"})))
    assert draft.text == "I'm sorry about the wait. I'll take it from there."
    assert draft.sentences == ("I'm sorry about the wait.", "I'll take it from there.")
    assert (draft.provider, draft.flagged, draft.ai_failed) == ("primary", False, False)


def test_a_sentence_said_twice_in_one_answer_is_kept_once(
    chain: ReplyService, primary_server: FakeOpenAIServer
) -> None:
    primary_server.answer("Thanks for waiting. Let me check. Thanks for waiting.")
    draft = chain.generate(_request())
    assert draft.text == "Thanks for waiting. Let me check."
    assert draft.sentences == ("Thanks for waiting.", "Let me check.")


def test_numbered_steps_keep_their_lines_when_a_sentence_is_left_out(
    chain: ReplyService, primary_server: FakeOpenAIServer
) -> None:
    primary_server.answer(
        "Let's go step by step. Here's how:\n1. Open settings.\n2. Choose billing.\nDoes that help?"
    )
    draft = chain.generate(_request(frozenset({"Let's go step by step."})))
    assert draft.text == "Here's how:\n1. Open settings.\n2. Choose billing.\nDoes that help?"


def test_only_repeats_falls_back_to_the_offline_responder_for_that_strategy(
    chain: ReplyService, primary_server: FakeOpenAIServer, fallback_server: FakeOpenAIServer
) -> None:
    primary_server.answer(ANSWER)
    used = frozenset(
        {
            "I'm sorry about the wait.",
            "Could you share the order number?",
            "I'll take it from there.",
        }
    )
    before = failovers("primary", "fallback", "bad_response")
    draft = chain.generate(_request(used, strategy="own_and_expedite"))
    assert (draft.provider, draft.strategy, draft.ai_failed, draft.flagged) == (
        "offline",
        "own_and_expedite",
        False,
        False,
    )
    assert set(draft.sentences) <= _offline_lines("own_and_expedite")
    assert not {sentence_key(s) for s in draft.sentences} & {sentence_key(s) for s in used}
    # The model answered: no failover to the next provider, no failover counted.
    assert fallback_server.requests == []
    assert failovers("primary", "fallback", "bad_response") == before


def test_streamed_repeats_are_never_shown(
    chain: ReplyService, primary_server: FakeOpenAIServer
) -> None:
    primary_server.stream(ANSWER)
    stream = chain.stream(_request(frozenset({"Could you share the order number?"})))
    chunks = list(stream)
    assert chunks == ["I'm sorry about the wait. ", "I'll take it from there."]
    assert stream.draft is not None
    assert stream.draft.text == "I'm sorry about the wait. I'll take it from there."
    assert stream.draft.sentences == ("I'm sorry about the wait.", "I'll take it from there.")
    assert stream.draft.provider == "primary"


def test_a_stream_of_only_repeats_is_answered_by_the_offline_responder(
    chain: ReplyService, primary_server: FakeOpenAIServer, fallback_server: FakeOpenAIServer
) -> None:
    primary_server.stream("Thanks for waiting. Let me check.")
    used = frozenset({"thanks for waiting.", "let me check."})
    stream = chain.stream(_request(used, strategy="validate_then_solve"))
    chunks = list(stream)
    assert stream.draft is not None
    assert chunks == [stream.draft.text]
    assert (stream.draft.provider, stream.draft.strategy, stream.draft.ai_failed) == (
        "offline",
        "validate_then_solve",
        False,
    )
    assert fallback_server.requests == []

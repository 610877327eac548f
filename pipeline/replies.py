"""Adapter from the message path to the reply engine in empathy.replies (one place to change).

`reply_request_for` is the one place a reply request is assembled, for the bot's answer and
for the agent's suggestions alike, so the two can never follow different rules.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from conversations import emotional_state, selectors
from conversations.models import Message
from conversations.selectors import Transcript
from empathy.types import EmotionReading, ReplyDraft, ReplyRequest
from pipeline.knowledge import knowledge_for


def negative_streak(state: dict[str, Any] | None) -> int:
    """Consecutive negative readings at the end of the conversation's recent window."""
    streak = 0
    for item in reversed((state or {}).get("recent", [])):
        if item.get("category") != "negative":
            break
        streak += 1
    return streak


def strategy_for(
    *,
    reading: EmotionReading | None,
    trend: str,
    state: dict[str, Any],
    crisis_level: str = "none",
    harm: bool = False,
) -> str:
    from empathy.replies import strategy_select

    return strategy_select(
        reading=reading,
        trend=trend,
        negative_streak=negative_streak(state),
        crisis_level=crisis_level,
        harm=harm,
    )


def reply_locale(*, crisis: dict[str, Any], visitor_locale: str) -> str:
    """Answer in the language the visitor wrote this message in when the engine speaks it;
    otherwise in their locale's (English when neither is supported)."""
    from empathy.language import SUPPORTED

    language = str(crisis.get("language") or "")
    if language in SUPPORTED and not visitor_locale.lower().startswith(language):
        return language
    return visitor_locale


def reply_request_for(
    *,
    message: Message,
    reading: EmotionReading | None,
    state: dict[str, Any] | None,
    transcript: Transcript | None = None,
) -> ReplyRequest:
    """The request answering this visitor message: strategy from the reading, its trend and
    the crisis check; history and used sentences from the conversation; the visitor's language.
    """
    if transcript is None:
        transcript = selectors.conversation_transcript(conversation_id=message.conversation_id)
    trend = emotional_state.state_trend(state)
    crisis = selectors.message_crisis(message)
    # Older messages predate the harm flag: a level above none implies it.
    harm = bool(crisis.get("harm")) or crisis.get("level", "none") != "none"
    # The help center never answers in place of the crisis or concern path.
    at_risk = crisis.get("level", "none") != "none"
    passages, searched = (
        ((), False) if at_risk else knowledge_for(site=message.conversation.site, text=message.text)
    )
    return ReplyRequest(
        text=message.text,
        reading=reading,
        strategy=strategy_for(
            reading=reading,
            trend=trend,
            state=state or {},
            crisis_level=str(crisis.get("level", "none")),
            harm=harm,
        ),
        trend=trend,
        history=_history(message, transcript),
        locale=reply_locale(crisis=crisis, visitor_locale=message.conversation.visitor.locale),
        used_sentences=transcript.used_sentences(),
        no_celebration=harm,
        knowledge=passages,
        knowledge_searched=searched,
    )


# Turns of the conversation a new one continues that the bot sees as context.
PREVIOUS_TURNS = 4


def _history(message: Message, transcript: Transcript) -> tuple[Any, ...]:
    """This conversation's earlier turns; for its first message, the last turns of the
    resolved conversation it continues, so the bot does not start from nothing."""
    history = transcript.history(before_seq=message.seq)
    previous_id = message.conversation.previous_id
    if not history and previous_id is not None:
        history = selectors.conversation_history(
            conversation_id=previous_id, before_seq=2**62, limit=PREVIOUS_TURNS
        )
    return tuple(history)


def reply_compose(request: ReplyRequest) -> ReplyDraft:
    """The bot's reply to one visitor message, from the configured generator."""
    from empathy.replies import reply_generate

    return reply_generate(request)


def reply_is_streamed() -> bool:
    """Whether the configured chain streams (a remote provider); the offline one does not."""
    from empathy.replies import reply_streams

    return reply_streams()


def reply_compose_streamed(request: ReplyRequest, *, on_chunk: Callable[[str], None]) -> ReplyDraft:
    """Like ``reply_compose``, handing each piece to ``on_chunk`` as it arrives. Pieces are
    whole sentences that already passed the output check (and are new to the conversation),
    so nothing shown early can differ from what is stored, except that a stream stopped by the
    check ends where it stopped."""
    from empathy.replies import reply_stream

    stream = reply_stream(request)
    for chunk in stream:
        on_chunk(chunk)
    if stream.draft is None:  # the stream always sets it when iteration ends
        raise RuntimeError("reply stream ended without a draft")
    return stream.draft

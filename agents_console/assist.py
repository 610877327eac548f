"""Suggested replies for the agent, written by the same reply engine the bot uses."""

from __future__ import annotations

import logging
from typing import Any
from uuid import UUID

from conversations import emotional_state, replies
from conversations import selectors as conversation_selectors
from conversations.models import Conversation, Message
from conversations.services import reading_from_record
from empathy.replies import (
    INFORM,
    OWN_AND_EXPEDITE,
    REASSURE_AND_CLARIFY,
    SAFETY_FIRST,
    VALIDATE_THEN_SOLVE,
    reply_generate,
    strategy_select,
)
from empathy.types import ReplyRequest

logger = logging.getLogger(__name__)

# A second suggestion with a different approach gives the agent a real choice.
ALTERNATIVE = {
    VALIDATE_THEN_SOLVE: OWN_AND_EXPEDITE,
    OWN_AND_EXPEDITE: VALIDATE_THEN_SOLVE,
    REASSURE_AND_CLARIFY: VALIDATE_THEN_SOLVE,
    INFORM: REASSURE_AND_CLARIFY,
}


def reply_suggestions(*, conversation: Conversation) -> list[dict[str, Any]]:
    """Up to two suggested replies fitting the visitor's latest emotion, best first.

    They are suggestions for the agent to edit and send; nothing here reaches the visitor.
    """
    last = (
        Message.objects.filter(conversation=conversation, sender=Message.Sender.VISITOR)
        .select_related("reading")
        .order_by("-seq")
        .first()
    )
    if last is None:
        return []
    record = getattr(last, "reading", None)
    reading = reading_from_record(record) if record is not None else None
    state = conversation.emotional_state or {}
    trend = emotional_state.state_trend(state)
    crisis = (last.meta or {}).get("crisis") if isinstance(last.meta, dict) else None
    crisis_level = crisis.get("level", "none") if isinstance(crisis, dict) else "none"
    harm = crisis_level != "none" or bool(isinstance(crisis, dict) and crisis.get("harm"))
    strategy = strategy_select(
        reading=reading,
        trend=trend,
        negative_streak=replies.negative_streak(state),
        crisis_level=crisis_level,
        harm=harm,
    )
    strategies = [strategy]
    if strategy != SAFETY_FIRST and strategy in ALTERNATIVE:
        strategies.append(ALTERNATIVE[strategy])
    history = tuple(
        conversation_selectors.conversation_history(
            conversation_id=conversation.pk, before_seq=last.seq + 1
        )
    )
    used = set(conversation_selectors.conversation_used_sentences(conversation_id=conversation.pk))
    result = []
    for index, chosen in enumerate(strategies):
        request = ReplyRequest(
            text=last.text,
            reading=reading,
            strategy=chosen,
            trend=trend,
            history=history,
            locale=replies.reply_locale(
                crisis=crisis if isinstance(crisis, dict) else {},
                visitor_locale=conversation.visitor.locale,
            ),
            used_sentences=frozenset(used),
            no_celebration=harm,
        )
        draft = reply_generate(request)
        # The next suggestion must not repeat this one's sentences.
        used.update(draft.sentences or (draft.text,))
        result.append(
            {
                "text": draft.text,
                "strategy": draft.strategy,
                "provider": draft.provider,
                "is_recommended": index == 0,
                "is_suggestion": True,
            }
        )
    logger.info(
        "reply suggestions made",
        extra={"conversation_id": str(conversation.pk), "count": len(result)},
    )
    return result


def conversation_for_assist(*, conversation_id: UUID | str) -> Conversation | None:
    return Conversation.objects.select_related("visitor").filter(pk=conversation_id).first()

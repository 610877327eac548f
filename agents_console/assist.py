"""Suggested replies for the agent, written by the same reply engine the bot uses."""

from __future__ import annotations

import dataclasses
import logging
from typing import Any
from uuid import UUID

from conversations.models import Conversation, Message
from conversations.services import reading_from_record
from empathy.replies import (
    INFORM,
    OWN_AND_EXPEDITE,
    REASSURE_AND_CLARIFY,
    SAFETY_FIRST,
    VALIDATE_THEN_SOLVE,
)
from knowledge import selectors as kb_selectors
from pipeline import replies

logger = logging.getLogger(__name__)

HELP_ARTICLES = 3

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
    base = replies.reply_request_for(
        message=last, reading=reading, state=conversation.emotional_state or {}
    )
    strategies = [base.strategy]
    if base.strategy != SAFETY_FIRST and base.strategy in ALTERNATIVE:
        strategies.append(ALTERNATIVE[base.strategy])
    used = set(base.used_sentences)
    result = []
    for index, chosen in enumerate(strategies):
        request = dataclasses.replace(base, strategy=chosen, used_sentences=frozenset(used))
        draft = replies.reply_compose(request)
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


def help_articles(*, conversation: Conversation) -> list[dict[str, Any]]:
    """The help-center articles matching the latest visitor message, best first.

    For the agent to link in a reply; none for a crisis message (a person answers that, not an
    article), and none when the search fails (the rest of the panel still works).
    """
    last = (
        Message.objects.filter(conversation=conversation, sender=Message.Sender.VISITOR)
        .select_related("conversation__site")
        .order_by("-seq")
        .first()
    )
    if last is None or last.crisis_level == "crisis":
        return []
    try:
        matches = kb_selectors.kb_search(last.conversation.site, last.text, limit=HELP_ARTICLES)
    except Exception:
        logger.exception(
            "help-center search failed", extra={"conversation_id": str(conversation.pk)}
        )
        return []
    return [
        {"title": m.title, "url": m.url, "score": m.score, "is_confident": m.is_confident}
        for m in matches
    ]


def conversation_for_assist(*, conversation_id: UUID | str) -> Conversation | None:
    return Conversation.objects.select_related("visitor").filter(pk=conversation_id).first()

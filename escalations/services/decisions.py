"""Deciding in the pipeline whether a visitor message needs a human."""

from __future__ import annotations

from conversations.models import Conversation, Message
from empathy.types import EmotionReading
from escalations import selectors
from escalations.rules import EscalationDecision, EscalationSignals, escalation_decide


def escalation_signals(*, message: Message, reading: EmotionReading | None) -> EscalationSignals:
    conversation = Conversation.objects.only("emotional_state").get(pk=message.conversation_id)
    state = conversation.emotional_state or {}
    recent = [dict(item) for item in state.get("recent", [])]
    # The state keeps no confidence; the journey has it, by seq.
    confidences = {
        item["seq"]: item["confidence"]
        for item in selectors.conversation_journey(conversation_id=message.conversation_id)
    }
    for item in recent:
        if item.get("seq") in confidences:
            item["confidence"] = confidences[item["seq"]]
    crisis = (message.meta or {}).get("crisis") or {}
    return EscalationSignals(
        text=message.text,
        reading=reading,
        recent=tuple(recent),
        trend=str(state.get("trend", "stable")),
        crisis_level=str(crisis.get("level", "none")),
        earlier_texts=tuple(
            selectors.conversation_visitor_texts(
                conversation_id=message.conversation_id, before_seq=message.seq
            )
        ),
        ai_failures=selectors.conversation_ai_attempts(conversation_id=message.conversation_id)[
            "failures"
        ],
        message_count=selectors.conversation_message_count(conversation_id=message.conversation_id),
    )


def escalation_check(
    *, message: Message, reading: EmotionReading | None
) -> EscalationDecision | None:
    """Whether this visitor message needs a human (the pipeline's step 3)."""
    return escalation_decide(escalation_signals(message=message, reading=reading))

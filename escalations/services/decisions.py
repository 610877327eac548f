"""Deciding in the pipeline whether a visitor message needs a human."""

from __future__ import annotations

from typing import Any

from conversations import selectors as conversation_selectors
from conversations.models import Conversation, Message
from conversations.selectors import Transcript
from empathy.types import EmotionReading
from escalations.rules import EscalationDecision, EscalationSignals, escalation_decide


def escalation_signals(
    *,
    message: Message,
    reading: EmotionReading | None,
    state: dict[str, Any] | None = None,
    transcript: Transcript | None = None,
) -> EscalationSignals:
    """What the rules look at; the pipeline passes the state and transcript it already read."""
    if state is None:
        state = (
            Conversation.objects.values_list("emotional_state", flat=True).get(
                pk=message.conversation_id
            )
            or {}
        )
    if transcript is None:
        transcript = conversation_selectors.conversation_transcript(
            conversation_id=message.conversation_id
        )
    recent = [dict(item) for item in state.get("recent", [])]
    if any("confidence" not in item for item in recent):
        # States written before readings kept their confidence: the journey has it, by seq.
        confidences = {
            item["seq"]: item["confidence"]
            for item in conversation_selectors.conversation_journey(
                conversation_id=message.conversation_id
            )
        }
        for item in recent:
            if "confidence" not in item and item.get("seq") in confidences:
                item["confidence"] = confidences[item["seq"]]
    crisis = conversation_selectors.message_crisis(message)
    return EscalationSignals(
        text=message.text,
        reading=reading,
        recent=tuple(recent),
        trend=str(state.get("trend", "stable")),
        crisis_level=str(crisis.get("level", "none")),
        earlier_texts=tuple(transcript.visitor_texts(before_seq=message.seq)),
        ai_failures=transcript.bot_attempts()["failures"],
        message_count=transcript.message_count,
    )


def escalation_check(
    *,
    message: Message,
    reading: EmotionReading | None,
    state: dict[str, Any] | None = None,
    transcript: Transcript | None = None,
) -> EscalationDecision | None:
    """Whether this visitor message needs a human (the pipeline's step 3)."""
    return escalation_decide(
        escalation_signals(message=message, reading=reading, state=state, transcript=transcript)
    )

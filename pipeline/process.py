"""Processing a visitor message: read emotion (batched), update state, decide on a human, answer."""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Literal
from uuid import UUID

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import Exists, OuterRef

from conversations import events, selectors, services
from conversations.models import Conversation, Message
from core import metrics
from empathy.detection import get_detector
from empathy.replies import SAFETY_FIRST
from empathy.types import EmotionReading
from escalations import services as escalation_services
from escalations.rules import EscalationDecision
from knowledge import metrics as kb_metrics
from pipeline import knowledge, replies

logger = logging.getLogger(__name__)

HANDOFF_TEXT = escalation_services.HANDOFF_TEXT

Outcome = Literal["missing", "done", "silent", "superseded", "handed_off", "replied"]


def message_analyze(*, message: Message) -> EmotionReading | None:
    """The message's reading; detects it together with other waiting messages in one batch."""
    if hasattr(message, "reading"):
        return services.reading_from_record(message.reading)
    if not message.conversation.visitor.emotion_consent:
        return None
    batch = [
        message,
        *selectors.message_analysis_pending_list(
            exclude_id=message.pk, limit=settings.PIPELINE_BATCH_SIZE - 1
        ),
    ]
    readings = get_detector().detect_batch([m.text for m in batch])
    if len(readings) != len(batch):
        raise RuntimeError("detector returned a different number of readings than texts")
    for item, reading in zip(batch, readings, strict=True):
        services.message_reading_store(message=item, reading=reading)
    logger.info("messages analysed", extra={"message_id": message.pk, "batch": len(batch)})
    return readings[0]


def _is_answerable(message: Message) -> Outcome | None:
    """Why the bot must not answer this message, or None when it should.

    Reads the status loaded with the message a moment ago; _answer checks again under the lock.
    """
    if message.conversation.status != Conversation.Status.BOT:
        return "silent"
    if selectors.conversation_has_later_visitor_message(message=message):
        # The reply to the newest message of a burst answers the whole burst.
        return "superseded"
    return None


def message_process(*, message_id: int) -> Outcome:
    """Run the whole pipeline for one visitor message; safe to run again (redelivery)."""
    message = selectors.message_get_visitor(message_id=message_id)
    if message is None:
        return "missing"
    if message.processed_at is not None:
        return "done"
    conversation_id = message.conversation_id
    skip = _is_answerable(message)
    if skip is None:
        events.broadcast_typing(conversation_id)
    try:
        reading = message_analyze(message=message)
    except DatabaseError:
        raise
    except Exception:
        # A broken detector must not leave the visitor unanswered; the reply goes out unread.
        logger.exception("emotion detection failed", extra={"message_id": message.pk})
        reading = None
    if reading is not None:
        # An open escalation's journey and its agent's live view follow every new reading
        # (a concern under review has one while the bot still answers).
        escalation_services.escalation_emotion_update(message=message, reading=reading)
        _intensity_observe(message, reading)
    if skip is not None:
        services.message_mark_processed(message_id=message.pk)
        return skip

    # message_reading_store refreshed the loaded conversation's state with this reading.
    conversation = message.conversation
    state = conversation.emotional_state
    # One read of the conversation's messages serves the rules and the reply request.
    transcript = selectors.conversation_transcript(conversation_id=conversation_id)
    decision = escalation_services.escalation_check(
        message=message, reading=reading, state=state or {}, transcript=transcript
    )
    category = reading.category if reading is not None else "neutral"
    if decision is not None:
        started = time.perf_counter()
        handed = _hand_off(message=message, decision=decision, reading=reading)
        metrics.response_generation_observe(
            emotion_category=category,
            response_strategy=metrics.OTHER,
            escalation_triggered=True,
            seconds=time.perf_counter() - started,
        )
        return handed

    started = time.perf_counter()
    request = replies.reply_request_for(
        message=message, reading=reading, state=state, transcript=transcript
    )
    # Generated outside the transaction: a slow generator must not hold the conversation lock.
    if replies.reply_is_streamed():
        draft = replies.reply_compose_streamed(
            request, on_chunk=_delta_sender(conversation_id, reply_to=message.pk)
        )
    else:
        draft = replies.reply_compose(request)
    metrics.response_generation_observe(
        emotion_category=category,
        response_strategy=draft.strategy,
        escalation_triggered=False,
        seconds=time.perf_counter() - started,
    )
    meta = {
        "strategy": draft.strategy,
        "provider": draft.provider,
        "sentences": list(draft.sentences),
        "flagged": draft.flagged,
        # Counted by the ai_failures escalation rule.
        "ai_failed": draft.ai_failed,
    }
    kb = knowledge.knowledge_outcome(request) if draft.strategy != SAFETY_FIRST else None
    if kb is not None:
        meta["kb"] = kb
    outcome = _answer(message=message, sender=Message.Sender.BOT, text=draft.text, meta=meta)
    if kb is not None and outcome == "replied":
        kb_metrics.kb_answer_record(outcome=kb["outcome"])
    return outcome


# A visitor created well before this conversation came back (a stored or proven identity).
_RETURNING_AFTER = timedelta(minutes=5)


def _intensity_observe(message: Message, reading: EmotionReading) -> None:
    """emotional_intensity_distribution and the 5-minute mean the HPA scales on."""
    conversation = message.conversation
    returning = conversation.visitor.created_at < conversation.created_at - _RETURNING_AFTER
    paths: dict[str, str] = {
        Conversation.Status.BOT: "bot",
        Conversation.Status.WAITING_FOR_AGENT: "agent",
        Conversation.Status.WITH_AGENT: "agent",
    }
    path = paths.get(conversation.status, "in_progress")
    metrics.emotional_intensity_observe(
        intensity=reading.intensity,
        emotion_category=reading.category,
        user_segment="returning" if returning else "new",
        resolution_path=path,
    )


def _delta_sender(conversation_id: UUID, *, reply_to: int) -> Callable[[str], None]:
    """Push each streamed piece to the conversation's sockets as a numbered message.delta."""
    count = itertools.count()

    def send(chunk: str) -> None:
        events.broadcast_delta(conversation_id, reply_to=reply_to, index=next(count), text=chunk)

    return send


def _hand_off(
    *, message: Message, decision: EscalationDecision, reading: EmotionReading | None
) -> Outcome:
    """Open the escalation (status, notice, routing) and close this message, in one go."""
    with transaction.atomic():
        Conversation.objects.select_for_update().only("pk").get(pk=message.conversation_id)
        current = Message.objects.select_for_update().get(pk=message.pk)
        if current.processed_at is not None:
            return "done"
        result = escalation_services.escalation_open(
            conversation_id=message.conversation_id,
            decision=decision,
            trigger_message=current,
            reading=reading,
        )
        services.message_mark_processed(message_id=message.pk)
    outcome: Outcome = "handed_off" if result.opened else "silent"
    logger.info(
        "handoff", extra={"message_id": message.pk, "reason": decision.reason, "outcome": outcome}
    )
    return outcome


def _answer(
    *, message: Message, sender: str, text: str, meta: dict, is_bot_reply: bool = True
) -> Outcome:
    """Store the reply once: re-checked under the conversation lock, unique on reply_to."""
    try:
        with transaction.atomic():
            # One round trip: the lock every reply writer takes, and both re-checks under it.
            conversation = (
                Conversation.objects.select_for_update(of=("self",))
                .annotate(
                    answered=Exists(
                        Message.objects.filter(pk=message.pk, processed_at__isnull=False)
                    ),
                    later_visitor_message=Exists(
                        Message.objects.filter(
                            conversation_id=OuterRef("pk"),
                            sender=Message.Sender.VISITOR,
                            seq__gt=message.seq,
                        )
                    ),
                )
                .get(pk=message.conversation_id)
            )
            if conversation.answered:
                return "done"
            if is_bot_reply:
                # The conversation may have moved on while the reply was being generated.
                if conversation.status != Conversation.Status.BOT:
                    services.message_mark_processed(message_id=message.pk)
                    return "silent"
                if conversation.later_visitor_message:
                    services.message_mark_processed(message_id=message.pk)
                    return "superseded"
            services.message_post(
                conversation_id=message.conversation_id,
                sender=sender,
                text=text,
                reply_to=message,
                meta=meta,
                locked=conversation,
            )
            services.message_mark_processed(message_id=message.pk)
    except IntegrityError:
        # Another delivery of the same task answered first; the unique reply_to kept one reply.
        services.message_mark_processed(message_id=message.pk)
        return "done"
    logger.info("message answered", extra={"message_id": message.pk, "sender": sender})
    return "replied"

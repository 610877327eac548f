"""Receiving a visitor message: stored once, assessed for crisis, escalated in the same
transaction, then handed to the workers."""

from __future__ import annotations

import logging
from uuid import UUID

from django.db import transaction

from conversations import services as conversation_services
from conversations.models import Conversation, Message
from escalations import services as escalation_services

logger = logging.getLogger(__name__)


def message_receive(
    *, conversation: Conversation, client_message_id: UUID, text: str
) -> tuple[Message, bool]:
    """Store a visitor message once (idempotent on client_message_id) and schedule processing.

    Returns the message and whether it was created by this call.
    """
    cleaned = conversation_services.message_text_clean(text)
    with transaction.atomic():
        locked = conversation_services.conversation_lock(conversation.id, with_visitor=True)
        existing = conversation_services.message_visitor_existing(
            locked=locked, client_message_id=client_message_id, text=cleaned
        )
        if existing is not None:
            return existing, False
        # Crisis check before any reply, in this transaction: on `concern` or `crisis` the
        # escalation, the status change and the notice commit with the message (no Redis,
        # Celery or LLM involved). Assessed first so the message is written once, with it.
        assessment = escalation_services.message_crisis_assess(
            conversation_id=conversation.id, text=cleaned, locale=locked.visitor.locale
        )
        message = conversation_services.message_visitor_store(
            locked=locked,
            client_message_id=client_message_id,
            text=cleaned,
            crisis=assessment.as_dict(),
        )
        escalation_services.message_crisis_escalate(
            message=message, conversation=locked, assessment=assessment
        )
        transaction.on_commit(lambda: _enqueue_processing(message.pk))
    logger.info(
        "message received",
        extra={"conversation_id": str(conversation.id), "message_id": message.pk},
    )
    return message, True


def _enqueue_processing(message_id: int) -> None:
    from pipeline import tasks

    try:
        tasks.message_process.delay(message_id)
    except Exception:
        # The message is stored; the periodic sweep re-queues it once the broker is back.
        logger.exception("message_process enqueue failed", extra={"message_id": message_id})

"""Console-only writes: emotion feedback from agents, internal notes, follow-ups handled.

Escalation actions (claim, reply, resolve, hand back, transfer) are the escalation services'
and are called from the console through the agent API or `agents_console.apis`.
"""

from __future__ import annotations

import logging
from typing import Any
from uuid import UUID

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction

from agents_console import guidance, selectors
from agents_console.models import EmotionFeedback, InternalNote
from conversations.models import Conversation, Message
from conversations.privacy import services as privacy_services
from core import roles
from core.errors import ServiceError
from core.metrics import confidence_bucket
from core.roles import CRISIS_SKILL
from empathy import taxonomy
from escalations import services as escalation_services
from escalations.events import follow_up_json
from escalations.models import AgentProfile, Escalation

logger = logging.getLogger(__name__)

MAX_NOTE_LENGTH = 4000


class ConsoleActionRejected(ServiceError):
    """An action the console refuses; `code` and `status` are stable for the JSON error."""


def _not_found() -> ConsoleActionRejected:
    # The same answer for unknown and not-yours, so ids cannot be probed.
    return ConsoleActionRejected("Not found.", code="not_found", status=404)


def _visible(*, user: Any, conversation_id: UUID) -> None:
    if selectors.console_conversation_visible(user=user, conversation_id=conversation_id) is False:
        raise _not_found()


CRISIS_RESTRICTED = "This crisis conversation is for supervisors and crisis-trained agents."


def console_transcript_open(*, user: Any, conversation_id: str, audit: bool = True) -> None:
    """Gate for every console view built from a conversation's messages.

    Not visible to this user (or unknown): 404, whether or not it is a crisis, so nothing
    leaks. A crisis conversation the user may not read (crisis skill or supervisor needed):
    403, nothing written. Otherwise a transcript view (`audit`) of a crisis is audited.
    """
    try:
        parsed = UUID(str(conversation_id))
    except ValueError:
        raise _not_found() from None
    if not selectors.console_conversation_visible(user=user, conversation_id=parsed):
        raise _not_found()
    conversation = Conversation.objects.filter(pk=parsed).first()
    if conversation is None:
        raise _not_found()
    from conversations.privacy import selectors as privacy_selectors

    if not audit:
        if not privacy_selectors.crisis_transcript_access_check(
            user=user, conversation=conversation
        ):
            raise ConsoleActionRejected(CRISIS_RESTRICTED, code="forbidden", status=403)
        return
    try:
        privacy_services.crisis_transcript_access_record(user=user, conversation=conversation)
    except PermissionDenied:
        raise ConsoleActionRejected(CRISIS_RESTRICTED, code="forbidden", status=403) from None


@transaction.atomic
def emotion_feedback_record(*, agent: Any, message_id: int, emotion: str) -> EmotionFeedback:
    """Store an agent's verdict on a message's detected emotion (confirm when it is the same).

    One verdict per agent and message; a later one replaces it.
    """
    if emotion not in taxonomy.LABELS:
        raise ConsoleActionRejected(
            "emotion must be one of the detector's labels.", code="invalid_emotion"
        )
    message = (
        Message.objects.select_related("reading")
        .filter(pk=message_id, sender=Message.Sender.VISITOR)
        .first()
    )
    if message is None:
        raise _not_found()
    _visible(user=agent, conversation_id=message.conversation_id)
    reading = getattr(message, "reading", None)
    if reading is None:
        raise ConsoleActionRejected(
            "This message has no detected emotion to correct.", code="no_reading", status=409
        )
    feedback, _ = EmotionFeedback.objects.update_or_create(
        message=message,
        agent=agent,
        defaults={
            "detected_emotion": reading.emotion,
            "detected_category": reading.category,
            "detection_method": selectors.detection_method_of(reading.model),
            "confidence_bucket": confidence_bucket(reading.confidence),
            "is_correct": emotion == reading.emotion,
            "corrected_emotion": emotion,
            "corrected_category": taxonomy.category_of(emotion),
        },
    )
    logger.info(
        "emotion feedback recorded",
        extra={
            "message_id": message.pk,
            "conversation_id": str(message.conversation_id),
            "is_correct": feedback.is_correct,
        },
    )
    return feedback


def internal_note_add(*, author: Any, conversation_id: UUID | str, text: object) -> InternalNote:
    """Add a note agents see beside the conversation; the visitor never sees it."""
    if not isinstance(text, str) or not text.strip():
        raise ConsoleActionRejected("text must be a non-empty string.", code="invalid_text")
    cleaned = text.strip()
    if len(cleaned) > MAX_NOTE_LENGTH:
        raise ConsoleActionRejected(
            f"text must be at most {MAX_NOTE_LENGTH} characters.", code="invalid_text"
        )
    if "\x00" in cleaned:
        raise ConsoleActionRejected("text must not contain NUL characters.", code="invalid_text")
    try:
        parsed = UUID(str(conversation_id))
    except ValueError:
        raise _not_found() from None
    if not Conversation.objects.filter(pk=parsed).exists():
        raise _not_found()
    _visible(user=author, conversation_id=parsed)
    note = InternalNote.objects.create(conversation_id=parsed, author=author, text=cleaned)
    logger.info("internal note added", extra={"conversation_id": str(parsed), "note_id": note.pk})
    return note


def agent_status_set(*, user: Any, status: str) -> AgentProfile:
    """Set the agent's own status (the escalation service owns the write and the routing)."""
    return escalation_services.agent_status_set(user=user, status=status)


TRANSFER_TARGETS = ("queue", "agent", guidance.SUPERVISOR_SKILL, CRISIS_SKILL)


def follow_up_handle(*, user: Any, follow_up_id: int) -> dict[str, Any]:
    """Mark a follow-up request handled (the escalation service's rules) and answer it as the
    console lists it."""
    try:
        follow_up = escalation_services.follow_up_handle(follow_up_id=follow_up_id, user=user)
    except escalation_services.EscalationNotFound:
        raise _not_found() from None
    return follow_up_json(follow_up)


def escalation_transfer(
    *, conversation_id: UUID | str, user: Any, target: str, to_user_id: int | None = None
) -> Escalation:
    """Move the user's open escalation to another agent, back to the queue, or up a level.

    "supervisor" and "crisis" change the skill the escalation needs before it is re-routed, so
    only supervisors or crisis-trained agents can take it next. Authorization and the move
    itself are the escalation service's (`escalation_reassign`).
    """
    if target not in TRANSFER_TARGETS:
        raise ConsoleActionRejected(
            f"target must be one of {', '.join(TRANSFER_TARGETS)}.", code="invalid_target"
        )
    to_user = None
    if target == "agent":
        to_user = _transfer_recipient(to_user_id)
    with transaction.atomic():
        escalation = (
            Escalation.objects.select_for_update()
            .filter(conversation_id=conversation_id, status__in=Escalation.OPEN_STATUSES)
            .order_by("-pk")
            .first()
        )
        is_supervisor = roles.user_is_supervisor(user=user)
        if escalation is None or (not is_supervisor and escalation.assigned_to_id != user.pk):
            if not selectors.console_conversation_visible(
                user=user, conversation_id=conversation_id
            ):
                raise _not_found()
            raise ConsoleActionRejected(
                "Only the assigned agent or a supervisor can transfer this conversation.",
                code="forbidden",
                status=403,
            )
        if target in (guidance.SUPERVISOR_SKILL, CRISIS_SKILL):
            escalation_services.escalation_skill_require(
                escalation=escalation, skill=target, actor=user
            )
        escalation_services.escalation_reassign(
            escalation_id=escalation.pk, actor=user, to_user=to_user
        )
    escalation.refresh_from_db()
    logger.info(
        "escalation transferred",
        extra={"escalation_id": escalation.pk, "target": target, "agent_id": user.pk},
    )
    return escalation


def _transfer_recipient(to_user_id: int | None) -> Any:
    if not isinstance(to_user_id, int) or isinstance(to_user_id, bool):
        raise ConsoleActionRejected("agent_id must be an agent's id.", code="invalid_agent")
    recipient = get_user_model().objects.filter(pk=to_user_id, is_active=True).first()
    if recipient is None or selectors.console_user_role(user=recipient) is None:
        raise ConsoleActionRejected("agent_id must be an agent's id.", code="invalid_agent")
    return recipient

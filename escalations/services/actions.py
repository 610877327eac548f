"""Agent and supervisor actions on an open escalation: reply, resolve, hand back, reassign."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from conversations import selectors as conversation_selectors
from conversations import services as conversation_services
from conversations.models import Conversation, Message
from conversations.privacy import selectors as privacy_selectors
from conversations.privacy import services as privacy_services
from core import roles
from escalations import events, rules
from escalations.models import Escalation
from escalations.services.common import (
    EscalationConflict,
    EscalationError,
    EscalationForbidden,
    EscalationNotFound,
    _agent_groups,
    _audit,
    _safe_on_commit,
    _sla_due,
)
from escalations.services.routing import (
    _assign,
    escalation_queue_drain,
    escalation_route,
    queue_hints_schedule,
)


def _authorize(*, conversation_id: UUID | str, user: Any, lock: bool = False) -> Escalation:
    """The open escalation the user may act on; 403 for someone else's, 409 for none."""
    conversation = conversation_selectors.conversation_get(conversation_id=conversation_id)
    if conversation is None:
        raise EscalationNotFound("Conversation not found.")
    queryset = Escalation.objects.filter(
        conversation_id=conversation.pk, status__in=Escalation.OPEN_STATUSES
    )
    if lock:
        queryset = queryset.select_for_update()
    escalation = queryset.order_by("-pk").first()
    supervisor = roles.user_is_supervisor(user=user)
    if not supervisor and (escalation is None or escalation.assigned_to_id != user.pk):
        raise EscalationForbidden("This conversation is not assigned to you.")
    if escalation is None:
        raise EscalationConflict("This conversation has no open escalation.")
    return escalation


CRISIS_RESTRICTED = "This crisis conversation is for supervisors and crisis-trained agents."


def agent_transcript_view(*, conversation_id: UUID | str, user: Any) -> list[dict[str, Any]]:
    """The messages of a conversation the agent may see (queued or theirs; any for a
    supervisor). Crisis transcripts only for the crisis-trained, each view audited; a refusal
    writes nothing."""
    conversation = conversation_selectors.conversation_get(conversation_id=conversation_id)
    if conversation is None:
        raise EscalationNotFound("Conversation not found.")
    if not roles.user_is_supervisor(user=user) and not (
        Escalation.objects.filter(
            Q(status=Escalation.Status.QUEUED) | Q(assigned_to=user),
            conversation_id=conversation.pk,
        ).exists()
    ):
        raise EscalationForbidden("This conversation is not assigned to you.")
    try:
        return privacy_services.crisis_transcript_view(user=user, conversation=conversation)
    except PermissionDenied as exc:
        raise EscalationForbidden(CRISIS_RESTRICTED) from exc


def agent_message_post(*, conversation_id: UUID | str, user: Any, text: object) -> Message:
    """An agent's (or supervisor's) message; it reaches the widget through the event stream."""
    cleaned = conversation_services.message_text_clean(text)
    with transaction.atomic():
        escalation = _authorize(conversation_id=conversation_id, user=user)
        if not privacy_selectors.crisis_transcript_access_check(
            user=user, conversation=escalation.conversation
        ):
            raise EscalationForbidden(CRISIS_RESTRICTED)
        if escalation.conversation.status == Conversation.Status.BOT:
            # A concern under review: the agent's first words take the conversation over.
            conversation_services.conversation_status_set(
                conversation_id=escalation.conversation_id,
                status=Conversation.Status.WITH_AGENT,
                reason=escalation.reason,
            )
            _audit(escalation, "took_over", user)
        message = conversation_services.message_post(
            conversation_id=escalation.conversation_id,
            sender=Message.Sender.AGENT,
            text=cleaned,
            meta={"agent_id": user.pk},
        )
    return message


def _close(escalation: Escalation, *, status: str, actor: Any, conversation_status: str) -> None:
    escalation.status = status
    escalation.closed_at = timezone.now()
    escalation.save(update_fields=["status", "closed_at"])
    _audit(escalation, status, actor)
    conversation_services.conversation_status_set(
        conversation_id=escalation.conversation_id,
        status=conversation_status,
        resolved_by="agent" if status == Escalation.Status.RESOLVED else "",
    )
    events.push_on_commit(
        _agent_groups(escalation), events.escalation_event(events.ESCALATION_CLOSED, escalation)
    )
    # The agent has room again: the queue may move.
    _safe_on_commit("drain", escalation_queue_drain)
    _safe_on_commit("queue_hints", queue_hints_schedule)


MAX_CLOSING_NOTE_LENGTH = 4000


class ClosingNoteRequired(EscalationError):
    status = 400
    code = "closing_note_required"


def escalation_resolve(*, conversation_id: UUID | str, user: Any, note: object = "") -> Escalation:
    """The agent closes the conversation. A crisis only with a closing note (what was done,
    what the visitor was given), kept with the escalation's audit trail."""
    cleaned = note.strip() if isinstance(note, str) else ""
    with transaction.atomic():
        escalation = _authorize(conversation_id=conversation_id, user=user, lock=True)
        if escalation.crisis_level == "crisis" and not cleaned:
            raise ClosingNoteRequired(
                "A crisis conversation is resolved only with a closing note: write what was done "
                "and what the visitor was given."
            )
        if cleaned:
            _audit(escalation, "closing_note", user, note=cleaned[:MAX_CLOSING_NOTE_LENGTH])
        _close(
            escalation,
            status=Escalation.Status.RESOLVED,
            actor=user,
            conversation_status=Conversation.Status.RESOLVED,
        )
    return escalation


def escalation_hand_back(*, conversation_id: UUID | str, user: Any) -> Escalation:
    """Return the conversation to the bot; never for a crisis, which an agent must resolve.

    A `concern` may go back: the crisis-trained agent who checked in judged it safe.
    """
    with transaction.atomic():
        escalation = _authorize(conversation_id=conversation_id, user=user, lock=True)
        if escalation.crisis_level == "crisis":
            raise EscalationConflict(
                "A crisis conversation stays with people until an agent resolves it."
            )
        _close(
            escalation,
            status=Escalation.Status.HANDED_BACK,
            actor=user,
            conversation_status=Conversation.Status.BOT,
        )
    return escalation


def escalation_reassign(
    *, escalation_id: int, actor: Any, to_user: Any = None
) -> Escalation | None:
    """Move an open escalation to a chosen agent, or to the next available one."""
    with transaction.atomic():
        escalation = Escalation.objects.select_for_update().get(pk=escalation_id)
        if not escalation.is_open:
            raise EscalationConflict(f"This escalation is already {escalation.status}.")
        if to_user is not None:
            _assign(escalation, user=to_user, actor=actor, how="reassigned")
            return escalation
        current = escalation.assigned_to_id
        if escalation.status == Escalation.Status.ASSIGNED:
            # Back to the queue first so routing can pick someone else.
            escalation.status = Escalation.Status.QUEUED
            escalation.assigned_to = None
            escalation.save(update_fields=["status", "assigned_to"])
            _audit(escalation, "requeued", actor, previous_agent_id=current)
            conversation_services.conversation_status_set(
                conversation_id=escalation.conversation_id,
                status=Conversation.Status.WAITING_FOR_AGENT,
            )
        return escalation_route(escalation_id=escalation.pk, exclude_user_id=current)


def escalation_urgency_raise(*, escalation_id: int, actor: Any) -> Escalation:
    with transaction.atomic():
        escalation = Escalation.objects.select_for_update().get(pk=escalation_id)
        previous = escalation.urgency
        escalation.urgency = rules.urgency_raised(previous)
        if escalation.urgency != previous:
            escalation.sla_due_at = min(
                escalation.sla_due_at, _sla_due(escalation.urgency, timezone.now())
            )
            escalation.save(update_fields=["urgency", "sla_due_at"])
            _audit(
                escalation, "urgency_raised", actor, previous=previous, urgency=escalation.urgency
            )
            events.push_on_commit(
                _agent_groups(escalation),
                events.escalation_event(events.ESCALATION_UPDATED, escalation),
            )
    return escalation


def escalation_resolve_by_supervisor(*, escalation_id: int, actor: Any) -> Escalation:
    escalation = Escalation.objects.get(pk=escalation_id)
    return escalation_resolve(conversation_id=escalation.conversation_id, user=actor)


def escalation_skill_require(*, escalation: Escalation, skill: str, actor: Any) -> bool:
    """Make the open escalation need `skill` (up to a supervisor, or to crisis-trained
    agents) before it is re-routed; audited. False when it already needed it.

    Call with the escalation row locked (select_for_update) in the caller's transaction.
    """
    previous = escalation.required_skill
    if previous == skill:
        return False
    escalation.required_skill = skill
    escalation.save(update_fields=["required_skill"])
    _audit(escalation, "skill_changed", actor, previous=previous, skill=skill)
    return True

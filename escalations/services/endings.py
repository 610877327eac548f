"""How conversations end without an agent: the visitor's "End chat" and the idle sweep."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from conversations import services as conversation_services
from conversations.models import Conversation
from escalations import events
from escalations.models import Escalation
from escalations.services.common import EscalationConflict, _agent_groups, _audit

logger = logging.getLogger(__name__)

LATCHED = (Conversation.Status.WAITING_FOR_AGENT, Conversation.Status.WITH_AGENT)


class CrisisLatched(EscalationConflict):
    code = "crisis_latched"


def _close_open_escalations(conversation: Conversation, *, event: str) -> None:
    now = timezone.now()
    for escalation in Escalation.objects.select_for_update().filter(
        conversation=conversation, status__in=Escalation.OPEN_STATUSES
    ):
        escalation.status = Escalation.Status.RESOLVED
        escalation.closed_at = now
        escalation.save(update_fields=["status", "closed_at"])
        _audit(escalation, event)
        events.push_on_commit(
            _agent_groups(escalation),
            events.escalation_event(events.ESCALATION_CLOSED, escalation),
        )


def conversation_end_by_visitor(*, conversation: Conversation) -> Conversation:
    """The widget's "End chat": resolved, with a rating offered; an escalation waiting for a
    person is closed with it. Refused while a crisis holds the conversation for a person."""
    with transaction.atomic():
        locked = conversation_services.conversation_lock(conversation.pk)
        if locked.status == Conversation.Status.RESOLVED:
            raise conversation_services.ConversationClosed("This conversation is already ended.")
        if locked.had_crisis and locked.status in LATCHED:
            raise CrisisLatched(
                "This conversation stays open so a person from the team can reach you."
            )
        _close_open_escalations(locked, event="ended_by_visitor")
        conversation_services.conversation_status_set(
            conversation_id=locked.pk, status=Conversation.Status.RESOLVED, resolved_by="visitor"
        )
    locked.refresh_from_db(fields=["status", "resolved_by"])
    logger.info("conversation ended", extra={"conversation_id": str(locked.pk), "by": "visitor"})
    return locked


def conversation_idle_resolve(*, now: Any = None) -> int:
    """Beat task body: resolve bot conversations idle for CONVERSATION_IDLE_RESOLVE_MINUTES.

    Only conversations the bot alone is in, never one that had a crisis; each one is
    re-checked under its lock, so a message arriving meanwhile keeps it open.
    """
    minutes = int(settings.CONVERSATION_IDLE_RESOLVE_MINUTES)
    if minutes <= 0:
        return 0
    cutoff = (now or timezone.now()) - timedelta(minutes=minutes)
    candidates = list(
        Conversation.objects.filter(
            status=Conversation.Status.BOT,
            had_crisis=False,
            updated_at__lt=cutoff,
            erased_at__isnull=True,
        ).values_list("pk", flat=True)[:500]
    )
    resolved = 0
    for pk in candidates:
        with transaction.atomic():
            locked = conversation_services.conversation_lock(pk)
            if (
                locked.status != Conversation.Status.BOT
                or locked.had_crisis
                or locked.updated_at >= cutoff
            ):
                continue
            conversation_services.conversation_status_set(
                conversation_id=pk, status=Conversation.Status.RESOLVED, resolved_by="idle"
            )
            resolved += 1
    if resolved:
        logger.info("idle conversations resolved", extra={"count": resolved})
    return resolved

"""Follow-up requests: the address a visitor leaves when nobody can come, pushed to the
configured helpdesks and webhook, listed in the console, marked handled by an agent."""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.utils import timezone

from conversations.models import Conversation
from core import roles
from escalations import events, selectors
from escalations.models import Escalation, FollowUpRequest
from escalations.services.common import EscalationForbidden, EscalationNotFound, _audit
from escalations.services.deliveries import follow_up_deliveries_create

logger = logging.getLogger(__name__)

_GROUPS = [events.AGENTS_GROUP, events.SUPERVISORS_GROUP]


def _latest_escalation(conversation_id: Any) -> Escalation | None:
    return Escalation.objects.filter(conversation_id=conversation_id).order_by("-pk").first()


def follow_up_request(*, conversation: Conversation, email: str) -> FollowUpRequest:
    """Nobody could come: keep the visitor's address for the team (the console and admin list
    pending ones); one pending request per conversation, the latest address wins.

    A new request is pushed to every configured target (Zendesk ticket, Intercom conversation,
    `follow_up.created` webhook) after commit, once; a corrected address updates the console's
    list, not what was already pushed.
    """
    with transaction.atomic():
        follow_up = (
            FollowUpRequest.objects.select_for_update()
            .filter(conversation=conversation, status=FollowUpRequest.Status.PENDING)
            .first()
        )
        if follow_up is None:
            follow_up = FollowUpRequest.objects.create(conversation=conversation, email=email)
            follow_up_deliveries_create(follow_up)
            events.push_on_commit(
                _GROUPS, events.follow_up_event(events.FOLLOW_UP_CREATED, follow_up)
            )
        elif follow_up.email != email:
            follow_up.email = email
            follow_up.save(update_fields=["email"])
            events.push_on_commit(
                _GROUPS, events.follow_up_event(events.FOLLOW_UP_UPDATED, follow_up)
            )
        escalation = _latest_escalation(conversation.pk)
        if escalation is not None:
            _audit(escalation, "follow_up_requested", follow_up_id=follow_up.pk)
    logger.info(
        "follow-up requested",
        extra={"conversation_id": str(conversation.pk), "follow_up_id": follow_up.pk},
    )
    return follow_up


def follow_up_handle(*, follow_up_id: int, user: Any) -> FollowUpRequest:
    """An agent answered the visitor: the request leaves every console's list.

    Only staff who may see it (404 otherwise, for unknown and not-yours alike). Handling an
    already handled request changes nothing and answers it as it is.
    """
    if not roles.user_is_agent(user=user):
        raise EscalationForbidden("Only agents handle follow-up requests.")
    with transaction.atomic():
        visible = selectors.follow_up_visible(user=user, follow_up_id=follow_up_id)
        if visible is None:
            raise EscalationNotFound("Follow-up request not found.")
        follow_up = FollowUpRequest.objects.select_for_update().get(pk=visible.pk)
        if follow_up.status == FollowUpRequest.Status.DONE:
            return follow_up
        follow_up.status = FollowUpRequest.Status.DONE
        follow_up.handled_by = user
        follow_up.handled_at = timezone.now()
        follow_up.save(update_fields=["status", "handled_by", "handled_at"])
        escalation = _latest_escalation(follow_up.conversation_id)
        if escalation is not None:
            _audit(escalation, "follow_up_handled", user, follow_up_id=follow_up.pk)
        events.push_on_commit(_GROUPS, events.follow_up_event(events.FOLLOW_UP_HANDLED, follow_up))
    logger.info("follow-up handled", extra={"follow_up_id": follow_up.pk, "agent_id": user.pk})
    return follow_up

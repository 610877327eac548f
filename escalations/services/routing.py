"""Routing and claiming: the least-loaded skilled agent, the queue, its hints and the SLA."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from conversations import services as conversation_services
from conversations.models import Conversation
from core import metrics, roles
from escalations import events, rules, selectors
from escalations.models import AgentProfile, Escalation
from escalations.services.common import (
    EscalationConflict,
    EscalationError,
    EscalationForbidden,
    EscalationNotFound,
    _agent_groups,
    _audit,
    _safe_on_commit,
)

logger = logging.getLogger(__name__)


def _assign(escalation: Escalation, *, user: Any, actor: Any, how: str) -> None:
    previous = escalation.assigned_to_id
    now = timezone.now()
    first = escalation.assigned_at is None
    escalation.status = Escalation.Status.ASSIGNED
    escalation.assigned_to = user
    escalation.assigned_at = escalation.assigned_at or now
    escalation.save(update_fields=["status", "assigned_to", "assigned_at"])
    _audit(escalation, how, actor, agent_id=user.pk, previous_agent_id=previous)
    if not _is_review(escalation):
        conversation_services.conversation_status_set(
            conversation_id=escalation.conversation_id, status=Conversation.Status.WITH_AGENT
        )
    if first:
        wait = (now - escalation.created_at).total_seconds()
        urgency = escalation.urgency
        transaction.on_commit(
            lambda: metrics.escalation_wait_observe(urgency=urgency, seconds=wait)
        )
    groups = _agent_groups(escalation)
    if previous and previous != user.pk:
        groups.append(events.agent_group(previous))
    events.push_on_commit(groups, events.escalation_event(events.ESCALATION_ASSIGNED, escalation))
    _safe_on_commit("queue_hints", queue_hints_schedule)


def _is_review(escalation: Escalation) -> bool:
    """A concern under review: the agent reads along, the bot answers until the agent writes."""
    return (
        escalation.crisis_level == "concern"
        and Conversation.objects.filter(
            pk=escalation.conversation_id, status=Conversation.Status.BOT
        ).exists()
    )


def escalation_route(
    *, escalation_id: int, exclude_user_id: int | None = None
) -> Escalation | None:
    """Give a queued escalation to the least-loaded online agent with the needed skill.

    The escalation row is claimed with SKIP LOCKED (a concurrent router or claimer already
    has it), and each candidate's profile row is locked and its load re-counted before the
    assignment, so capacity holds under concurrency. None when it stays queued.
    """
    with transaction.atomic():
        escalation = (
            Escalation.objects.select_for_update(skip_locked=True)
            .filter(pk=escalation_id, status=Escalation.Status.QUEUED)
            .first()
        )
        if escalation is None:
            return None
        for candidate in selectors.agent_candidates(
            skill=escalation.required_skill, exclude_user_id=exclude_user_id
        ):
            profile = (
                AgentProfile.objects.select_for_update(skip_locked=True)
                .select_related("user")
                .filter(pk=candidate.pk, status=AgentProfile.Status.ONLINE)
                .first()
            )
            if profile is None:
                continue
            load = selectors.agent_loads(user_ids=[profile.user_id]).get(profile.user_id, 0)
            if load >= profile.capacity:
                continue
            _assign(escalation, user=profile.user, actor=None, how="routed")
            logger.info(
                "escalation routed",
                extra={"escalation_id": escalation.pk, "agent_id": profile.user_id},
            )
            return escalation
    return None


def escalation_queue_drain(*, limit: int = 50) -> int:
    """Route queued escalations, most urgent first, while agents have room."""
    routed = 0
    for escalation_id in selectors.escalation_queue().values_list("pk", flat=True)[:limit]:
        if escalation_route(escalation_id=escalation_id) is not None:
            routed += 1
    return routed


def escalation_claim(*, escalation_id: int, user: Any) -> Escalation:
    """An agent takes a queued escalation; exactly one of several concurrent claims wins."""
    supervisor = roles.user_is_supervisor(user=user)
    with transaction.atomic():
        escalation = (
            Escalation.objects.select_for_update(skip_locked=True).filter(pk=escalation_id).first()
        )
        if escalation is None:
            if Escalation.objects.filter(pk=escalation_id).exists():
                raise EscalationConflict("Another agent is claiming this escalation right now.")
            raise EscalationNotFound("Escalation not found.")
        if escalation.status == Escalation.Status.ASSIGNED and escalation.assigned_to_id == user.pk:
            return escalation
        if not escalation.is_open:
            raise EscalationConflict(f"This escalation is already {escalation.status}.")
        if escalation.status == Escalation.Status.ASSIGNED and not supervisor:
            raise EscalationForbidden("This conversation is assigned to another agent.")
        if not supervisor:
            profile = AgentProfile.objects.select_for_update().filter(user_id=user.pk).first()
            if profile is None:
                raise EscalationForbidden("You have no agent profile.")
            if not profile.has_skill(escalation.required_skill):
                raise EscalationForbidden(
                    f"This escalation needs the {escalation.required_skill} skill."
                )
            load = selectors.agent_loads(user_ids=[user.pk]).get(user.pk, 0)
            if load >= profile.capacity:
                raise EscalationConflict("You are at capacity; resolve a conversation first.")
        how = "claimed" if escalation.status == Escalation.Status.QUEUED else "taken_over"
        _assign(escalation, user=user, actor=user, how=how)
    return escalation


QUEUE_HINTS_COALESCE_SECONDS = 1
_QUEUE_HINTS_KEY = "escalations:queue-hints-scheduled"


def queue_hints_schedule() -> None:
    """Refresh every queued visitor's place and wait soon, once for all changes within a second.

    Sending them inline cost one push per queued visitor in the request or task that changed
    the queue, so each new escalation got slower as the queue grew. With eager tasks (the
    embedded default) they go out at once.
    """
    if settings.CELERY_TASK_ALWAYS_EAGER:
        queue_hints_send()
        return
    if not cache.add(_QUEUE_HINTS_KEY, 1, timeout=QUEUE_HINTS_COALESCE_SECONDS):
        return  # a broadcast is already on its way and will read the queue as it is then
    from escalations import tasks

    tasks.escalation_queue_hints.apply_async(countdown=QUEUE_HINTS_COALESCE_SECONDS)


def queue_hints_send() -> int:
    """Tell every queued visitor their place and estimated wait (ephemeral pushes).

    Only where someone can actually come: with nobody online, or outside the visitor's site
    hours, the hint says `offline` with no place and no wait (the widget offers to leave an
    address instead).
    """
    # Visitors whose concern is only under review were told nothing: no queue hints for them.
    queued = list(
        selectors.escalation_queue()
        .exclude(conversation__status=Conversation.Status.BOT)
        .values_list("conversation_id", "conversation__site_id")[:500]
    )
    if not queued:
        return 0
    wait = selectors.escalation_recent_wait_seconds()
    online = selectors.agent_online_count()
    within = selectors.sites_within_hours(site_ids={site_id for _, site_id in queued})
    for position, (conversation_id, site_id) in enumerate(queued, start=1):
        agents = online if within[site_id] else 0
        estimate = int(-(-position // agents) * wait) if agents else None
        events.queue_hint(
            conversation_id,
            events.queue_updated(
                position=position, estimated_wait_seconds=estimate, agents_online=agents
            ),
        )
    return len(queued)


def escalation_sla_check() -> dict[str, int]:
    """Beat task body: route what can be routed, then flag and re-notify unclaimed breaches."""
    routed = escalation_queue_drain()
    now = timezone.now()
    breached = notified = 0
    overdue = list(
        Escalation.objects.filter(status=Escalation.Status.QUEUED, sla_due_at__lte=now).values_list(
            "pk", flat=True
        )[:200]
    )
    for escalation_id in overdue:
        with transaction.atomic():
            escalation = (
                Escalation.objects.select_for_update(skip_locked=True)
                .filter(pk=escalation_id, status=Escalation.Status.QUEUED)
                .first()
            )
            if escalation is None:
                continue
            sla = timedelta(
                seconds=int(settings.ESCALATION_SLA_SECONDS.get(escalation.urgency, 900))
            )
            if escalation.sla_breached_at is None:
                escalation.sla_breached_at = now
                breached += 1
                _audit(escalation, "sla_breached", urgency=escalation.urgency)
            elif (
                escalation.last_notified_at is not None and now - escalation.last_notified_at < sla
            ):
                continue
            escalation.last_notified_at = now
            escalation.notify_count += 1
            escalation.save(update_fields=["sla_breached_at", "last_notified_at", "notify_count"])
            _audit(escalation, "renotified", to="supervisors", count=escalation.notify_count)
            notified += 1
            events.push_on_commit(
                [events.SUPERVISORS_GROUP, events.AGENTS_GROUP],
                events.escalation_event(events.ESCALATION_SLA_BREACHED, escalation),
            )
    if breached or notified:
        logger.warning("escalation SLA", extra={"breached": breached, "notified": notified})
    return {"routed": routed, "breached": breached, "notified": notified}


def metrics_queue_refresh() -> None:
    """Refresher for /metrics: queue depth, oldest wait and SLA breaches per urgency."""
    now = timezone.now()
    for urgency in rules.URGENCIES:
        queued = Escalation.objects.filter(status=Escalation.Status.QUEUED, urgency=urgency)
        oldest = queued.order_by("created_at").values_list("created_at", flat=True).first()
        metrics.escalation_queue_set(
            urgency=urgency,
            depth=queued.count(),
            oldest_wait_seconds=(now - oldest).total_seconds() if oldest else 0.0,
            unclaimed_past_sla=queued.filter(sla_due_at__lte=now).count(),
        )


class AgentStatusInvalid(EscalationError):
    status = 400
    code = "invalid_status"


def agent_status_set(*, user: Any, status: str) -> AgentProfile:
    """Set an agent's own status; coming online lets routing hand them queued work."""
    if status not in (AgentProfile.Status.ONLINE, AgentProfile.Status.AWAY):
        raise AgentStatusInvalid("status must be online or away.")
    if not roles.user_is_agent(user=user):
        raise EscalationForbidden("Only agents have a status.")
    with transaction.atomic():
        profile, _ = AgentProfile.objects.select_for_update().get_or_create(user=user)
        if profile.status != status:
            profile.status = status
            profile.save(update_fields=["status", "updated_at"])
        if status == AgentProfile.Status.ONLINE:
            transaction.on_commit(_drain_after_status_change)
    logger.info("agent status set", extra={"agent_id": user.pk, "status": status})
    return profile


def _drain_after_status_change() -> None:
    try:
        escalation_queue_drain()
    except Exception:
        # The status change stands; the next claim, resolve or SLA sweep drains the queue.
        logger.exception("queue drain after status change failed")

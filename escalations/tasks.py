"""Celery tasks of escalations: the SLA beat and outbound deliveries (ids in, idempotent;
the work is the services')."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from escalations import outbound, services
from escalations.models import OutboundDelivery

logger = logging.getLogger(__name__)


@shared_task(bind=True, name="escalations.escalation_deliver", acks_late=True, max_retries=None)
def escalation_deliver(self: Any, delivery_id: str) -> str:
    """Push one delivery (an escalation, a follow-up request, an on-call page) to one target;
    transient failures retry with backoff, bounded."""
    max_retries = int(settings.OUTBOUND_MAX_RETRIES)
    is_last = self.request.retries >= max_retries
    try:
        return services.delivery_attempt(delivery_id=delivery_id, is_last_try=is_last)
    except outbound.DeliveryTransientError as exc:
        if is_last:
            return "failed"
        raise self.retry(exc=exc, countdown=services.retry_countdown(self.request.retries)) from exc


@shared_task(name="escalations.escalation_queue_hints", acks_late=True)
def escalation_queue_hints() -> int:
    """Push every queued visitor their place and estimated wait (coalesced, see routing)."""
    return services.queue_hints_send()


@shared_task(name="escalations.escalation_sla_check", acks_late=True)
def escalation_sla_check() -> dict[str, int]:
    """Beat: route the queue, flag SLA breaches, re-notify supervisors, re-queue deliveries."""
    result = services.escalation_sla_check()
    # Waits change with time alone: refresh the hints at least once a beat.
    services.queue_hints_send()
    stale = OutboundDelivery.objects.filter(
        status=OutboundDelivery.Status.PENDING,
        attempts=0,
        created_at__lt=timezone.now() - timedelta(minutes=2),
    ).values_list("pk", flat=True)[:100]
    for delivery_id in stale:
        try:
            escalation_deliver.delay(str(delivery_id))
        except Exception:
            logger.warning("delivery re-queue failed", extra={"delivery_id": str(delivery_id)})
    return result


@shared_task(name="escalations.conversation_idle_resolve", acks_late=True)
def conversation_idle_resolve() -> int:
    """Resolve bot conversations nobody wrote in for CONVERSATION_IDLE_RESOLVE_MINUTES."""
    return services.conversation_idle_resolve()

"""Celery tasks of escalations: the SLA beat and outbound deliveries (ids in, idempotent)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from escalations import outbound, services
from escalations.models import Escalation, OutboundDelivery

logger = logging.getLogger(__name__)

_PUSH: dict[str, Callable[[Escalation, str], str]] = {
    OutboundDelivery.Target.ZENDESK: lambda escalation, _id: outbound.zendesk_push(escalation),
    OutboundDelivery.Target.INTERCOM: lambda escalation, _id: outbound.intercom_push(escalation),
    OutboundDelivery.Target.WEBHOOK: lambda escalation, delivery_id: outbound.webhook_push(
        escalation, delivery_id=delivery_id
    ),
}


def retry_countdown(retries: int) -> int:
    """Exponential backoff: 2, 4, 8, ... seconds, at most 5 minutes."""
    return int(min(2 ** (retries + 1), 300))


def delivery_attempt(*, delivery_id: str, is_last_try: bool) -> str:
    """One attempt at a delivery; raises DeliveryTransientError when a retry may help.

    The delivery row stays locked during the push (bounded by the outbound timeout), so a
    redelivered or duplicate task finds it busy, and once it is `sent` nothing is pushed again.
    """
    with transaction.atomic():
        delivery = (
            OutboundDelivery.objects.select_for_update(skip_locked=True)
            .select_related("escalation", "escalation__conversation")
            .filter(pk=delivery_id)
            .first()
        )
        if delivery is None:
            return "busy_or_missing"
        if delivery.status != OutboundDelivery.Status.PENDING:
            return f"already_{delivery.status}"
        delivery.attempts += 1
        try:
            external_id = _PUSH[delivery.target](delivery.escalation, str(delivery.pk))
        except outbound.DeliveryTransientError as exc:
            _record_failure(delivery, str(exc), final=is_last_try)
            transient: outbound.DeliveryTransientError | None = exc
        except outbound.DeliveryError as exc:
            _record_failure(delivery, str(exc), final=True)
            return "failed"
        else:
            transient = None
            delivery.status = OutboundDelivery.Status.SENT
            delivery.external_id = external_id[:100]
            delivery.last_error = ""
            delivery.save(update_fields=["status", "external_id", "last_error", "attempts"])
    if transient is not None:
        raise transient
    logger.info("delivery sent", extra={"delivery_id": str(delivery.pk), "target": delivery.target})
    return "sent"


def _record_failure(delivery: OutboundDelivery, error: str, *, final: bool) -> None:
    delivery.last_error = error[:300]
    if final:
        delivery.status = OutboundDelivery.Status.FAILED
    delivery.save(update_fields=["status", "last_error", "attempts"])
    logger.warning(
        "delivery failed",
        extra={"delivery_id": str(delivery.pk), "target": delivery.target, "final": final},
    )


@shared_task(bind=True, name="escalations.escalation_deliver", acks_late=True, max_retries=None)
def escalation_deliver(self: Any, delivery_id: str) -> str:
    """Push one escalation to one target; transient failures retry with backoff, bounded."""
    max_retries = int(settings.OUTBOUND_MAX_RETRIES)
    is_last = self.request.retries >= max_retries
    try:
        return delivery_attempt(delivery_id=delivery_id, is_last_try=is_last)
    except outbound.DeliveryTransientError as exc:
        if is_last:
            return "failed"
        raise self.retry(exc=exc, countdown=retry_countdown(self.request.retries)) from exc


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

"""Outbound deliveries: the records of a new escalation (enqueued after commit) and one
attempt at pushing a delivery to Zendesk, Intercom or a webhook."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.db import transaction

from escalations import outbound
from escalations.models import Escalation, OutboundDelivery

logger = logging.getLogger(__name__)


def outbound_targets() -> list[str]:
    targets: list[str] = []
    if settings.ZENDESK_BASE_URL and settings.ZENDESK_API_TOKEN:
        targets.append(OutboundDelivery.Target.ZENDESK)
    if settings.INTERCOM_ACCESS_TOKEN:
        targets.append(OutboundDelivery.Target.INTERCOM)
    if settings.ESCALATION_WEBHOOK_URL:
        targets.append(OutboundDelivery.Target.WEBHOOK)
    return targets


def _deliveries_create(escalation: Escalation) -> None:
    ids = [
        OutboundDelivery.objects.get_or_create(escalation=escalation, target=target)[0].pk
        for target in outbound_targets()
    ]

    def enqueue() -> None:
        from escalations import tasks

        for delivery_id in ids:
            try:
                tasks.escalation_deliver.delay(str(delivery_id))
            except Exception:
                # Stays pending; the SLA beat re-queues pending deliveries.
                logger.warning("delivery enqueue failed", extra={"delivery_id": str(delivery_id)})

    if ids:
        transaction.on_commit(enqueue)


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

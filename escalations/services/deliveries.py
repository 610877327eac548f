"""Outbound delivery records of a new escalation, enqueued after commit."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction

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

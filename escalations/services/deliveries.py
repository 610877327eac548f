"""Outbound deliveries: the records of a new escalation, a follow-up request or an on-call page
(created in the caller's transaction, enqueued after commit) and one attempt at pushing a
delivery to Zendesk, Intercom or a webhook."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.db import transaction

from escalations import outbound
from escalations.models import Escalation, FollowUpRequest, OutboundDelivery

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


def _enqueue_on_commit(ids: list[Any]) -> None:
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


def _deliveries_create(escalation: Escalation) -> None:
    """`escalation.created` to every configured target."""
    _enqueue_on_commit(
        [
            OutboundDelivery.objects.get_or_create(
                escalation=escalation,
                event=OutboundDelivery.Event.ESCALATION_CREATED,
                target=target,
            )[0].pk
            for target in outbound_targets()
        ]
    )


def follow_up_deliveries_create(follow_up: FollowUpRequest) -> None:
    """`follow_up.created` to every configured target (once per request and target)."""
    _enqueue_on_commit(
        [
            OutboundDelivery.objects.get_or_create(
                follow_up=follow_up, event=OutboundDelivery.Event.FOLLOW_UP_CREATED, target=target
            )[0].pk
            for target in outbound_targets()
        ]
    )


def on_call_deliveries_create(escalation: Escalation) -> None:
    """`on_call.page` through the escalation webhook when one is configured (once per
    escalation: a later crisis message in the same conversation pages nobody again)."""
    if not settings.ESCALATION_WEBHOOK_URL:
        return
    delivery, _ = OutboundDelivery.objects.get_or_create(
        escalation=escalation,
        event=OutboundDelivery.Event.ON_CALL_PAGE,
        target=OutboundDelivery.Target.WEBHOOK,
    )
    _enqueue_on_commit([delivery.pk])


def _push(delivery: OutboundDelivery) -> str:
    """Push one delivery to its target; returns the target's id for it."""
    event, target, delivery_id = delivery.event, delivery.target, str(delivery.pk)
    Event, Target = OutboundDelivery.Event, OutboundDelivery.Target
    if event == Event.FOLLOW_UP_CREATED and delivery.follow_up is not None:
        follow_up = delivery.follow_up
        if target == Target.ZENDESK:
            return outbound.zendesk_follow_up_push(follow_up)
        if target == Target.INTERCOM:
            return outbound.intercom_follow_up_push(follow_up)
        return outbound.follow_up_webhook_push(follow_up, delivery_id=delivery_id)
    escalation = delivery.escalation
    if escalation is None:
        raise outbound.DeliveryTerminalError("the delivery has no subject")
    if event == Event.ON_CALL_PAGE:
        if target != Target.WEBHOOK:
            raise outbound.DeliveryTerminalError("on-call pages go through the webhook only")
        return outbound.on_call_webhook_push(escalation, delivery_id=delivery_id)
    if target == Target.ZENDESK:
        return outbound.zendesk_push(escalation)
    if target == Target.INTERCOM:
        return outbound.intercom_push(escalation)
    return outbound.webhook_push(escalation, delivery_id=delivery_id)


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
            OutboundDelivery.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related(
                "escalation__conversation__site",
                "follow_up__conversation__site",
            )
            .filter(pk=delivery_id)
            .first()
        )
        if delivery is None:
            return "busy_or_missing"
        if delivery.status != OutboundDelivery.Status.PENDING:
            return f"already_{delivery.status}"
        delivery.attempts += 1
        try:
            external_id = _push(delivery)
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

"""Celery tasks of the message path; each takes ids and calls the pipeline's services.

The task names keep their `conversations.` prefix: queued messages and beat entries written
before the pipeline layer existed still find their task during a rolling deploy.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from celery import shared_task
from django.db import DatabaseError, InterfaceError, OperationalError

from conversations import selectors
from pipeline import process

logger = logging.getLogger(__name__)


@shared_task(
    name="conversations.message_process",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=1,
    retry_backoff_max=30,
    retry_jitter=True,
    max_retries=5,
)
def message_process(message_id: int) -> str:
    """Read, decide and answer one visitor message; a redelivery finds the work done."""
    outcome = process.message_process(message_id=message_id)
    logger.info("message processed", extra={"message_id": message_id, "outcome": outcome})
    return outcome


@shared_task(name="conversations.message_requeue_unprocessed", acks_late=True)
def message_requeue_unprocessed() -> int:
    """Re-queue visitor messages whose processing never finished (broker down, task lost)."""
    try:
        ids = selectors.message_unprocessed_ids(
            older_than=timedelta(minutes=1), newer_than=timedelta(hours=1)
        )
    except DatabaseError:
        logger.exception("requeue sweep could not read messages")
        return 0
    for message_id in ids:
        message_process.delay(message_id)
    if ids:
        logger.info("requeued unprocessed messages", extra={"count": len(ids)})
    return len(ids)

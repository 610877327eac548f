"""Celery tasks of the conversation platform (the message path's tasks live in pipeline.tasks)."""

from __future__ import annotations

import logging

from celery import shared_task

logger = logging.getLogger(__name__)


@shared_task(name="conversations.privacy_retention_purge", acks_late=True)
def privacy_retention_purge() -> dict[str, int]:
    """Purge message text, emotion readings and crisis transcripts older than their TTLs."""
    from conversations.privacy import services as privacy_services

    return privacy_services.retention_purge()

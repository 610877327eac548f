"""Shared pieces of the escalation services: errors, the audit trail, SLA, after-commit."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction

from core.errors import ServiceError
from empathy.types import EmotionReading
from escalations import events
from escalations.models import Escalation, EscalationEvent

logger = logging.getLogger(__name__)


class EscalationError(ServiceError):
    """An agent action that cannot be done; `status` maps it onto an HTTP answer."""

    status = 409
    code = "conflict"


class EscalationNotFound(EscalationError):
    status = 404
    code = "not_found"


class EscalationForbidden(EscalationError):
    status = 403
    code = "forbidden"


class EscalationConflict(EscalationError):
    status = 409
    code = "conflict"


def _sla_due(urgency: str, start: Any) -> Any:
    seconds = int(settings.ESCALATION_SLA_SECONDS.get(urgency, 900))
    return start + timedelta(seconds=seconds)


def _audit(escalation: Escalation, event_type: str, actor: Any = None, **data: Any) -> None:
    EscalationEvent.objects.create(escalation=escalation, type=event_type, actor=actor, data=data)


def _agent_groups(escalation: Escalation) -> list[str]:
    groups = [events.AGENTS_GROUP, events.SUPERVISORS_GROUP]
    if escalation.assigned_to_id:
        groups.append(events.agent_group(escalation.assigned_to_id))
    return groups


def _safe_on_commit(name: str, func: Any) -> None:
    """After-commit work that must never fail the request (broker or Redis down)."""

    def run() -> None:
        try:
            func()
        except Exception:
            logger.warning("after-commit step failed", extra={"step": name}, exc_info=True)

    transaction.on_commit(run)


def _trigger_words(text: str, reading: EmotionReading | None) -> list[str]:
    """Words that drove the emotion, when the detector can say (the shipped one can)."""
    if reading is None or not text:
        return []
    try:
        from empathy.detection import get_detector

        explain = getattr(get_detector(), "trigger_words", None)
        return list(explain(text, reading.emotion))[:8] if explain is not None else []
    except Exception:
        logger.warning("trigger words unavailable", exc_info=True)
        return []

"""Escalations as personal data: summaries, trigger words and journeys quote or describe the
visitor. Registered with conversations.privacy as a source (see EscalationsConfig.ready)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from django.apps import apps
from django.db import models
from django.db.models import Q

from conversations.privacy.selectors import iso
from conversations.privacy.services import audit_data_scrub, batched_update
from conversations.privacy.sources import RetentionCutoffs
from escalations.models import Escalation, FollowUpRequest

CRISIS_REASON = Escalation.Reason.CRISIS_INDICATORS


def _escalation_json(escalation: Escalation) -> dict[str, Any]:
    return {
        "id": escalation.pk,
        "conversation_id": str(escalation.conversation_id),
        "reason": escalation.reason,
        "urgency": escalation.urgency,
        "status": escalation.status,
        "summary": escalation.summary,
        "trigger_words": list(escalation.trigger_words or []),
        "journey": list(escalation.journey or []),
        "trend": escalation.trend,
        "intensity": escalation.intensity,
        "created_at": iso(escalation.created_at),
        "assigned_at": iso(escalation.assigned_at),
        "closed_at": iso(escalation.closed_at),
    }


def _children_scrub(escalation_ids: Sequence[int]) -> None:
    """Rows of any app pointing at these escalations (audit events, deliveries) keep their
    type, actor and time; free text goes."""
    for model in apps.get_models():
        fk = next(
            (
                f.name
                for f in model._meta.concrete_fields
                if f.is_relation and f.related_model is Escalation
            ),
            None,
        )
        if fk is None:
            continue
        queryset = model._default_manager.filter(**{f"{fk}__in": escalation_ids})
        field_names = {f.name for f in model._meta.concrete_fields}
        if "data" in field_names:
            for pk, data in queryset.values_list("pk", "data"):
                queryset.filter(pk=pk).update(data=audit_data_scrub(data))
        text_fields = {
            f.name: (f.get_default() if isinstance(f, models.JSONField) else "")
            for f in model._meta.concrete_fields
            if f.name != "data"
            and (
                isinstance(f, models.TextField | models.JSONField)
                or (isinstance(f, models.CharField) and f.name in {"last_error", "error"})
            )
        }
        if text_fields:
            queryset.update(**text_fields)


class EscalationPersonalData:
    name = "escalations"

    def handled_models(self) -> frozenset[type[models.Model]]:
        return frozenset({Escalation})

    def count(self, conversation_ids: Sequence[UUID]) -> int:
        return Escalation.objects.filter(conversation_id__in=conversation_ids).count()

    def export(self, conversation_ids: Sequence[UUID]) -> list[dict[str, Any]]:
        rows = Escalation.objects.filter(conversation_id__in=conversation_ids).order_by("pk")
        return [_escalation_json(e) for e in rows]

    def emotional_data_delete(self, conversation_ids: Sequence[UUID]) -> None:
        # What agents see of how the visitor felt goes too.
        Escalation.objects.filter(conversation_id__in=conversation_ids).update(
            journey=[], intensity=0.0, trend="stable"
        )

    def erase(self, conversation_ids: Sequence[UUID], now: datetime) -> int:
        """Keep reason, urgency, status and timings for metrics; drop everything personal."""
        rows = Escalation.objects.filter(conversation_id__in=conversation_ids)
        blank: dict[str, Any] = {"trigger_message": None, "intensity": 0.0, "trend": "stable"}
        for field in Escalation._meta.concrete_fields:
            if isinstance(field, models.TextField):
                blank[field.name] = ""
            elif isinstance(field, models.JSONField):
                blank[field.name] = field.get_default()
        count = rows.update(**blank)
        rows.filter(status__in=["queued", "assigned"]).update(status="resolved", closed_at=now)
        _children_scrub(list(rows.values_list("pk", flat=True)))
        return count

    def retention_purge(self, cutoffs: RetentionCutoffs) -> int:
        # Summaries and trigger words quote the visitor: they follow the transcript's TTL.
        touched = 0
        stale = Q()
        if cutoffs.text is not None:
            stale |= Q(created_at__lt=cutoffs.text) & ~Q(reason=CRISIS_REASON)
        if cutoffs.crisis_text is not None:
            stale |= Q(created_at__lt=cutoffs.crisis_text) & Q(reason=CRISIS_REASON)
        if stale:
            texts = Escalation.objects.filter(stale).exclude(
                summary="", suggested_approach="", trigger_words=[]
            )
            touched = batched_update(
                texts,
                {"summary": "", "suggested_approach": "", "trigger_words": []},
                cutoffs.batch_size,
            )
        if cutoffs.reading is not None:
            batched_update(
                Escalation.objects.filter(created_at__lt=cutoffs.reading).exclude(journey=[]),
                {"journey": []},
                cutoffs.batch_size,
            )
        return touched


class FollowUpPersonalData:
    """The address a visitor left when nobody could come."""

    name = "follow_ups"

    def handled_models(self) -> frozenset[type[models.Model]]:
        return frozenset({FollowUpRequest})

    def count(self, conversation_ids: Sequence[UUID]) -> int:
        return FollowUpRequest.objects.filter(conversation_id__in=conversation_ids).count()

    def export(self, conversation_ids: Sequence[UUID]) -> list[dict[str, Any]]:
        rows = FollowUpRequest.objects.filter(conversation_id__in=conversation_ids)
        return [
            {
                "conversation_id": str(f.conversation_id),
                "email": f.email,
                "status": f.status,
                "created_at": iso(f.created_at),
            }
            for f in rows.order_by("pk")
        ]

    def emotional_data_delete(self, conversation_ids: Sequence[UUID]) -> None:
        return None  # nothing here describes how the visitor felt

    def erase(self, conversation_ids: Sequence[UUID], now: datetime) -> int:
        # Their outbound deliveries go with them (ids and outcomes only); the count is requests.
        _, per_model = FollowUpRequest.objects.filter(conversation_id__in=conversation_ids).delete()
        return per_model.get(FollowUpRequest._meta.label, 0)

    def retention_purge(self, cutoffs: RetentionCutoffs) -> int:
        if cutoffs.text is None:
            return 0
        stale = FollowUpRequest.objects.filter(created_at__lt=cutoffs.text)
        _, per_model = stale.delete()
        return per_model.get(FollowUpRequest._meta.label, 0)

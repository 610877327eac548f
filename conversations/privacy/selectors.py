"""Reads for privacy: what is stored about a visitor, their export, who may see a transcript."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from django.apps import apps
from django.db import models
from django.utils import timezone

from conversations.models import Conversation, EmotionReadingRecord, Message, Visitor
from conversations.privacy.sources import personal_data_sources
from conversations.selectors import message_crisis
from core.roles import CRISIS_SKILL, user_is_agent, user_is_supervisor


def iso(value: datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value is not None else None


def csat_models() -> list[type[models.Model]]:
    """Models holding satisfaction ratings of a conversation, wherever an app defines them."""
    found = []
    for model in apps.get_models():
        name = model._meta.model_name or ""
        if ("csat" in name or "satisfaction" in name) and _conversation_fk(model) is not None:
            found.append(model)
    return found


def _conversation_fk(model: type[models.Model]) -> str | None:
    for field in model._meta.concrete_fields:
        if field.is_relation and field.related_model is Conversation:
            return field.name
    return None


def conversation_identity_unproven(*, conversation: Conversation) -> bool:
    """Whether this conversation reached an identified visitor without a signed proof."""
    return bool(conversation.visitor.external_id) and not conversation.identity_verified


def conversation_token_reaches_visitor(*, conversation: Conversation) -> bool:
    """Whether a token for `conversation` acts for its visitor (all their conversations, their
    consent) rather than for this one conversation only.

    A visitor linked by an unproven external id could be anyone who typed that id. A resolved
    conversation's token lives on (WIDGET_TOKEN_MAX_AGE) only so the visitor can read the
    transcript and rate it: unless the identity was proven, it reaches nothing beyond it.
    """
    if conversation.identity_verified:
        return True
    if conversation_identity_unproven(conversation=conversation):
        return False
    return conversation.status != Conversation.Status.RESOLVED


def visitor_conversation_ids(*, conversation: Conversation) -> list[UUID]:
    """The conversations a token for `conversation` may act on for privacy requests: all the
    visitor's, or only its own (see conversation_token_reaches_visitor)."""
    visitor = conversation.visitor
    if not conversation_token_reaches_visitor(conversation=conversation):
        return [conversation.id]
    return list(
        Conversation.objects.filter(visitor=visitor, erased_at__isnull=True)
        .order_by("created_at", "id")
        .values_list("id", flat=True)
    )


def privacy_summary(*, visitor: Visitor, conversation_ids: Sequence[UUID]) -> dict[str, Any]:
    """Counts of what is stored, for the widget's "what do you keep about me" view."""
    messages = Message.objects.filter(conversation_id__in=conversation_ids)
    return {
        "emotion_analysis": visitor.emotion_consent,
        "identified": bool(visitor.external_id),
        "has_name": bool(visitor.display_name),
        "conversations": len(conversation_ids),
        "messages": messages.count(),
        "emotion_readings": EmotionReadingRecord.objects.filter(
            message__conversation_id__in=conversation_ids
        ).count(),
        **{source.name: source.count(conversation_ids) for source in personal_data_sources()},
        "first_seen_at": iso(visitor.created_at),
        "last_seen_at": iso(visitor.last_seen_at),
    }


def _reading_json(record: EmotionReadingRecord) -> dict[str, Any]:
    return {
        "conversation_id": str(record.message.conversation_id),
        "message_seq": record.message.seq,
        "emotion": record.emotion,
        "labels": list(record.labels),
        "scores": dict(record.scores),
        "category": record.category,
        "intensity": record.intensity,
        "valence": record.valence,
        "arousal": record.arousal,
        "confidence": record.confidence,
        "model": record.model,
        "created_at": iso(record.created_at),
    }


def _plain_json(instance: models.Model) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname)
        if field.is_relation and field.related_model is not Conversation:
            continue  # e.g. which agent asked: not the visitor's data
        if isinstance(value, datetime):
            value = iso(value)
        elif isinstance(value, UUID):
            value = str(value)
        data[field.name if not field.is_relation else f"{field.name}_id"] = value
    return data


def privacy_export(*, visitor: Visitor, conversation_ids: Sequence[UUID]) -> dict[str, Any]:
    """Everything stored about the visitor in these conversations, as plain JSON."""
    conversations = list(
        Conversation.objects.filter(pk__in=conversation_ids).order_by("created_at", "id")
    )
    messages = list(
        Message.objects.filter(conversation_id__in=conversation_ids).order_by(
            "conversation__created_at", "conversation_id", "seq"
        )
    )
    readings = list(
        EmotionReadingRecord.objects.filter(message__conversation_id__in=conversation_ids)
        .select_related("message")
        .order_by("message__conversation__created_at", "message__conversation_id", "message__seq")
    )
    csat: list[dict[str, Any]] = []
    sources = csat_models()
    for model in sources:
        fk = _conversation_fk(model)
        rows = model._default_manager.filter(**{f"{fk}__in": conversation_ids}).order_by("pk")
        csat.extend(_plain_json(row) for row in rows)
    return {
        "generated_at": iso(timezone.now()),
        "visitor": {
            "id": visitor.pk,
            "site": visitor.site.site_key,
            "external_id": visitor.external_id,
            "display_name": visitor.display_name,
            "locale": visitor.locale,
            "emotion_analysis": visitor.emotion_consent,
            "emotional_summary": dict(visitor.emotional_summary or {}),
            "created_at": iso(visitor.created_at),
            "last_seen_at": iso(visitor.last_seen_at),
        },
        "conversations": [
            {
                "id": str(c.id),
                "status": c.status,
                "handoff_reason": c.handoff_reason,
                "emotional_state": dict(c.emotional_state or {}),
                "created_at": iso(c.created_at),
                "updated_at": iso(c.updated_at),
            }
            for c in conversations
        ],
        "messages": [
            {
                "conversation_id": str(m.conversation_id),
                "seq": m.seq,
                "sender": m.sender,
                "text": m.text,
                # The crisis safety check's outcome (level and rule names), when it ran.
                "safety_check": message_crisis(m) or None,
                "created_at": iso(m.created_at),
            }
            for m in messages
        ],
        "emotion_readings": [_reading_json(r) for r in readings],
        **{source.name: source.export(conversation_ids) for source in personal_data_sources()},
        "csat": csat,
        # Said outright so an empty list is not mistaken for "no ratings were given".
        "csat_recorded": bool(sources),
    }


def conversation_is_crisis(*, conversation_id: UUID | str) -> bool:
    """Whether a crisis was ever read or escalated here (its transcript is then restricted)."""
    return Conversation.objects.filter(pk=conversation_id, had_crisis=True).exists()


def crisis_transcript_access_check(*, user: Any, conversation: Conversation) -> bool:
    """May this user read this conversation's transcript?

    Crisis transcripts: supervisors, and agents whose profile carries the crisis skill. Other
    transcripts: any agent. Call it before showing messages anywhere staff-facing.
    """
    return conversation_staff_access_check(user=user, conversation_id=conversation.id)


def conversation_staff_access_check(*, user: Any, conversation_id: UUID | str) -> bool:
    """crisis_transcript_access_check by id: also what decides whether a live push about the
    conversation (message, reading, escalation) may reach this staff member."""
    if not user_is_agent(user=user):
        return False
    if not conversation_is_crisis(conversation_id=conversation_id):
        return True
    if user_is_supervisor(user=user):
        return True
    profile = getattr(user, "agent_profile", None)
    return profile is not None and profile.has_skill(CRISIS_SKILL)

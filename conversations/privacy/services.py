"""Writes for privacy: consent, erasure, audited exports and transcript views, retention."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from conversations import events
from conversations.models import (
    Conversation,
    ConversationEvent,
    EmotionReadingRecord,
    Message,
    PrivacyAuditEntry,
    Visitor,
)
from conversations.privacy import selectors
from conversations.privacy.sources import RetentionCutoffs, personal_data_sources

logger = logging.getLogger(__name__)

# Channel-layer message type; Channels maps it to WidgetConsumer.conversation_erased.
LAYER_ERASED = "conversation.erased"
# Escalation audit data values kept on erasure: outcome codes and numbers, never prose.
_CODE = re.compile(r"^[a-z0-9_.:\-]{0,64}$")
_TEXT_KEYS = frozenset({"text", "note", "notes", "summary", "comment", "body", "message", "words"})


def _audit(
    *,
    action: str,
    actor: Any = None,
    actor_kind: str,
    visitor_ref: int | None = None,
    conversation_ref: UUID | None = None,
    detail: dict[str, Any] | None = None,
) -> PrivacyAuditEntry:
    return PrivacyAuditEntry.objects.create(
        action=action,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        actor_kind=actor_kind,
        visitor_ref=visitor_ref,
        conversation_ref=conversation_ref,
        detail=detail or {},
    )


# ---------------------------------------------------------------------------
# Consent
# ---------------------------------------------------------------------------
@transaction.atomic
def visitor_consent_set(*, visitor: Visitor, emotion_analysis: bool) -> bool:
    """Turn emotion analysis on or off; off also deletes what was already read.

    Returns whether the setting changed. The crisis safety check is not affected: it runs on
    every message regardless, and only its outcome is kept.
    """
    locked = Visitor.objects.select_for_update().get(pk=visitor.pk)
    if locked.emotion_consent == emotion_analysis:
        return False
    locked.emotion_consent = emotion_analysis
    update = ["emotion_consent"]
    deleted = 0
    if not emotion_analysis:
        deleted = _emotional_data_delete(visitor_id=locked.pk)
        locked.emotional_summary = {}
        update.append("emotional_summary")
    locked.save(update_fields=update)
    visitor.emotion_consent = emotion_analysis
    _audit(
        action=PrivacyAuditEntry.Action.CONSENT,
        actor_kind=PrivacyAuditEntry.ActorKind.VISITOR,
        visitor_ref=locked.pk,
        detail={"emotion_analysis": emotion_analysis, "readings_deleted": deleted},
    )
    logger.info(
        "emotion consent changed",
        extra={"visitor_id": locked.pk, "emotion_analysis": emotion_analysis},
    )
    return True


def _emotional_data_delete(*, visitor_id: int) -> int:
    conversation_ids = list(
        Conversation.objects.filter(visitor_id=visitor_id).values_list("id", flat=True)
    )
    deleted, _ = EmotionReadingRecord.objects.filter(
        message__conversation_id__in=conversation_ids
    ).delete()
    Conversation.objects.filter(pk__in=conversation_ids).update(emotional_state={})
    for source in personal_data_sources():
        source.emotional_data_delete(conversation_ids)
    return deleted


# ---------------------------------------------------------------------------
# Export (audited)
# ---------------------------------------------------------------------------
def privacy_export_for(
    *,
    visitor: Visitor,
    conversation_ids: Sequence[UUID],
    actor: Any = None,
    actor_kind: str = PrivacyAuditEntry.ActorKind.VISITOR,
) -> dict[str, Any]:
    """The visitor's export, with an audit entry saying who asked for it."""
    data = selectors.privacy_export(visitor=visitor, conversation_ids=conversation_ids)
    _audit(
        action=PrivacyAuditEntry.Action.EXPORT,
        actor=actor,
        actor_kind=actor_kind,
        visitor_ref=visitor.pk,
        detail={"conversations": len(data["conversations"]), "messages": len(data["messages"])},
    )
    return data


# ---------------------------------------------------------------------------
# Erasure
# ---------------------------------------------------------------------------
def _related_unknown_models() -> list[tuple[Any, str, Any]]:
    """(model, fk name, target) for models of any app that point at a visitor, conversation or
    message and are not handled explicitly here: their rows are the visitor's data too."""
    known = {Visitor, Conversation, Message, ConversationEvent, EmotionReadingRecord}
    for source in personal_data_sources():
        known |= source.handled_models()
    found: list[tuple[Any, str, Any]] = []
    for model in apps.get_models():
        if model in known:
            continue
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model in {Visitor, Conversation}:
                found.append((model, field.name, field.related_model))
    return found


def audit_data_scrub(data: Any) -> dict[str, Any]:
    """Audit data without prose: outcome codes and numbers only."""
    if not isinstance(data, dict):
        return {}
    kept: dict[str, Any] = {}
    for key, value in data.items():
        if str(key).lower() in _TEXT_KEYS:
            continue
        is_code = isinstance(value, str) and _CODE.match(value) is not None
        if value is None or isinstance(value, bool | int | float) or is_code:
            kept[key] = value
    return kept


@transaction.atomic
def privacy_erase(
    *,
    visitor: Visitor,
    conversation_ids: Sequence[UUID] | None = None,
    actor: Any = None,
    actor_kind: str,
    via: str = "",
) -> dict[str, int]:
    """Erase a visitor's personal data (all their conversations, or just the given ones).

    Messages, readings, event payloads, notes and the profile's personal fields are deleted;
    conversations and escalations stay as anonymous facts (status, reason, urgency, timings)
    so metrics still add up. Tokens of erased conversations stop working at once.
    """
    now = timezone.now()
    locked = Visitor.objects.select_for_update().get(pk=visitor.pk)
    conversations = Conversation.objects.filter(visitor=locked, erased_at__isnull=True)
    if conversation_ids is not None:
        conversations = conversations.filter(pk__in=list(conversation_ids))
    ids = list(conversations.values_list("id", flat=True))
    counts = {
        "conversations": len(ids),
        "messages": Message.objects.filter(conversation_id__in=ids).count(),
        "emotion_readings": EmotionReadingRecord.objects.filter(
            message__conversation_id__in=ids
        ).count(),
        **{source.name: source.erase(ids, now) for source in personal_data_sources()},
    }
    remaining = Conversation.objects.filter(visitor=locked, erased_at__isnull=True).exclude(
        pk__in=ids
    )
    whole_profile = not remaining.exists()
    for model, fk, target in _related_unknown_models():
        if target is Conversation:
            model._default_manager.filter(**{f"{fk}__in": ids}).delete()
        elif whole_profile:
            model._default_manager.filter(**{fk: locked}).delete()
    Message.objects.filter(conversation_id__in=ids).delete()
    ConversationEvent.objects.filter(conversation_id__in=ids).delete()
    Conversation.objects.filter(pk__in=ids).update(
        emotional_state={}, identity_verified=False, erased_at=now, updated_at=now
    )
    if whole_profile:
        locked.external_id = ""
        locked.display_name = ""
        locked.locale = ""
        locked.erased_at = now
    # The summary folds in readings of every conversation; it cannot be split, so it goes.
    locked.emotional_summary = {}
    locked.save(
        update_fields=["external_id", "display_name", "locale", "erased_at", "emotional_summary"]
    )
    _audit(
        action=PrivacyAuditEntry.Action.ERASE,
        actor=actor,
        actor_kind=actor_kind,
        visitor_ref=locked.pk,
        detail={**counts, "profile": whole_profile, "via": via},
    )
    transaction.on_commit(lambda: _sockets_close(ids))
    logger.info("visitor erased", extra={"visitor_id": locked.pk, **counts})
    return counts


def _sockets_close(conversation_ids: Sequence[UUID]) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    for conversation_id in conversation_ids:
        try:
            async_to_sync(layer.group_send)(
                events.conversation_group(conversation_id), {"type": LAYER_ERASED}
            )
        except Exception:
            logger.warning("erased socket close push failed")


# ---------------------------------------------------------------------------
# Crisis transcripts (restricted, every view audited)
# ---------------------------------------------------------------------------
def crisis_transcript_view(*, user: Any, conversation: Conversation) -> list[dict[str, Any]]:
    """The transcript for staff, or PermissionDenied; views of crisis transcripts are audited.

    A refused request writes no audit entry and reveals nothing: the check runs first.
    """
    crisis_transcript_access_record(user=user, conversation=conversation)
    rows = Message.objects.filter(conversation_id=conversation.id).order_by("seq")
    return [
        {
            "seq": m.seq,
            "sender": m.sender,
            "text": m.text,
            "created_at": m.created_at.isoformat().replace("+00:00", "Z"),
        }
        for m in rows
    ]


def crisis_transcript_access_record(*, user: Any, conversation: Conversation) -> None:
    """Gate for any staff view showing a conversation's messages (agent API, console): raises
    PermissionDenied (nothing written) or, for a crisis conversation, audits the view."""
    if not selectors.crisis_transcript_access_check(user=user, conversation=conversation):
        logger.info(
            "transcript access refused",
            extra={"user_id": getattr(user, "pk", None), "conversation_id": str(conversation.id)},
        )
        raise PermissionDenied("This transcript is restricted.")
    if selectors.conversation_is_crisis(conversation_id=conversation.id):
        _audit(
            action=PrivacyAuditEntry.Action.CRISIS_TRANSCRIPT_VIEW,
            actor=user,
            actor_kind=PrivacyAuditEntry.ActorKind.STAFF,
            visitor_ref=conversation.visitor_id,
            conversation_ref=conversation.id,
        )


# ---------------------------------------------------------------------------
# Retention
# ---------------------------------------------------------------------------
def _ttl_cutoff(now: datetime, days: int) -> datetime | None:
    return now - timedelta(days=days) if days > 0 else None


def _crisis_conversations() -> Any:
    return Conversation.objects.filter(had_crisis=True).values("id")


def _message_text_purge(filters: Q, now: datetime, batch_size: int) -> int:
    total = 0
    while True:
        batch = list(
            Message.objects.filter(filters, text_purged_at__isnull=True)
            .order_by("pk")
            .values_list("pk", "conversation_id", "seq")[:batch_size]
        )
        if not batch:
            return total
        with transaction.atomic():
            Message.objects.filter(pk__in=[pk for pk, _, _ in batch]).update(
                text="", meta={}, text_purged_at=now
            )
            keys = Q()
            for _, conversation_id, seq in batch:
                keys |= Q(conversation_id=conversation_id, seq=seq)
            for event in ConversationEvent.objects.filter(keys, type=events.MESSAGE_CREATED):
                payload = dict(event.payload)
                payload["message"] = {**payload.get("message", {}), "text": "", "purged": True}
                ConversationEvent.objects.filter(pk=event.pk).update(payload=payload)
        total += len(batch)
        if len(batch) < batch_size:
            return total


def _batched_delete(queryset: Any, batch_size: int) -> int:
    total = 0
    while True:
        pks = list(queryset.order_by("pk").values_list("pk", flat=True)[:batch_size])
        if not pks:
            return total
        total += queryset.model.objects.filter(pk__in=pks).delete()[0]
        if len(pks) < batch_size:
            return total


def batched_update(queryset: Any, values: dict[str, Any], batch_size: int) -> int:
    """Update in primary-key batches, so a large purge never holds long locks."""
    total = 0
    while True:
        pks = list(queryset.order_by("pk").values_list("pk", flat=True)[:batch_size])
        if not pks:
            return total
        total += queryset.model.objects.filter(pk__in=pks).update(**values)
        if len(pks) < batch_size:
            return total


def retention_purge(
    *, now: datetime | None = None, batch_size: int | None = None
) -> dict[str, int]:
    """Remove what is older than its TTL, in batches; running it again changes nothing.

    Message text and crisis transcripts have separate TTLs (a crisis conversation is one any
    crisis escalation was opened for); emotion readings and everything derived from them
    (live state, visitor summary, escalation journeys) follow the reading TTL.
    """
    now = now or timezone.now()
    size = batch_size or settings.PRIVACY_PURGE_BATCH_SIZE
    crisis = _crisis_conversations()
    sources = personal_data_sources()
    counts = {
        "message_texts": 0,
        "crisis_texts": 0,
        "emotion_readings": 0,
        **{source.name: 0 for source in sources},
    }

    text_cutoff = _ttl_cutoff(now, settings.MESSAGE_TEXT_TTL_DAYS)
    if text_cutoff is not None:
        counts["message_texts"] = _message_text_purge(
            Q(created_at__lt=text_cutoff) & ~Q(conversation_id__in=crisis), now, size
        )
    crisis_cutoff = _ttl_cutoff(now, settings.CRISIS_TRANSCRIPT_TTL_DAYS)
    if crisis_cutoff is not None:
        counts["crisis_texts"] = _message_text_purge(
            Q(created_at__lt=crisis_cutoff) & Q(conversation_id__in=crisis), now, size
        )
    reading_cutoff = _ttl_cutoff(now, settings.EMOTION_READING_TTL_DAYS)
    if reading_cutoff is not None:
        counts["emotion_readings"] = _batched_delete(
            EmotionReadingRecord.objects.filter(created_at__lt=reading_cutoff), size
        )
        batched_update(
            Conversation.objects.filter(updated_at__lt=reading_cutoff).exclude(emotional_state={}),
            {"emotional_state": {}},
            size,
        )
        batched_update(
            Visitor.objects.filter(last_seen_at__lt=reading_cutoff).exclude(emotional_summary={}),
            {"emotional_summary": {}},
            size,
        )
    cutoffs = RetentionCutoffs(
        text=text_cutoff, crisis_text=crisis_cutoff, reading=reading_cutoff, batch_size=size
    )
    for source in sources:
        counts[source.name] = source.retention_purge(cutoffs)
    if any(counts.values()):
        _audit(
            action=PrivacyAuditEntry.Action.RETENTION_PURGE,
            actor_kind=PrivacyAuditEntry.ActorKind.SYSTEM,
            detail=counts,
        )
    logger.info("retention purge", extra=counts)
    return counts

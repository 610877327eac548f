"""Console read models: the queue, one conversation with its emotional context, similar cases.

Every selector runs a fixed number of queries whatever the size of the conversation (the
tests assert the counts), and returns JSON-ready dicts: visitor text is data here, and the
templates (autoescape) and console.js (textContent) decide how it is shown.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from uuid import UUID

from django.conf import settings
from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone

from agents_console import guidance, monitoring
from agents_console.models import EmotionFeedback, InternalNote
from agents_console.similarity import CaseText, similar_keys
from conversations import events as conversation_events
from conversations.models import Conversation, Message
from core import roles
from escalations import selectors as escalation_selectors
from escalations.events import escalation_json, follow_up_json
from escalations.models import AgentProfile, Escalation

PREVIOUS_CONVERSATIONS = 10
SIMILAR_CANDIDATES = 500
SIMILAR_TEXT_CHARS = 4000
# The window the emotion_detection_accuracy gauge summarises.
FEEDBACK_WINDOW = timedelta(days=30)


def _iso(value: Any) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value is not None else None


def detection_method_of(model: str) -> str:
    """The metric's detection method for a reading's model name."""
    name = (model or "").lower()
    if name.startswith("llm"):
        return "llm"
    if "minilm" in name and "tfidf" in name:
        # The shipped detector blends the MiniLM encoder with a TF-IDF model.
        return "ensemble"
    if "tfidf" in name:
        return "tfidf"
    if "onnx" in name or "minilm" in name:
        return "onnx"
    return "other"


# ---------------------------------------------------------------------------
# Who sees what
# ---------------------------------------------------------------------------
def console_user_role(*, user: Any) -> str | None:
    """ "supervisor", "agent", or None for users the console must refuse."""
    if roles.user_is_supervisor(user=user):
        return "supervisor"
    if roles.user_is_agent(user=user):
        return "agent"
    return None


def _may_see(*, user: Any, is_supervisor: bool, escalations: list[Escalation]) -> bool:
    """The escalation API's rule: the queue and their own; supervisors see everything."""
    if is_supervisor:
        return True
    return any(
        e.status == Escalation.Status.QUEUED or e.assigned_to_id == user.pk for e in escalations
    )


def console_conversation_visible(*, user: Any, conversation_id: UUID | str) -> bool:
    """Whether this user may see (and so act on) the conversation in the console."""
    if console_user_role(user=user) is None:
        return False
    if roles.user_is_supervisor(user=user):
        return True
    return Escalation.objects.filter(
        Q(status=Escalation.Status.QUEUED) | Q(assigned_to=user),
        conversation_id=conversation_id,
    ).exists()


# ---------------------------------------------------------------------------
# Agent and queue
# ---------------------------------------------------------------------------
def console_agent_state(*, user: Any) -> dict[str, Any]:
    """The agent's status, capacity and current load (two queries)."""
    profile = AgentProfile.objects.filter(user=user).first()
    load = Escalation.objects.filter(assigned_to=user, status=Escalation.Status.ASSIGNED).count()
    return {
        "user_id": user.pk,
        "username": user.get_username(),
        "status": profile.status if profile else AgentProfile.Status.OFFLINE,
        "capacity": profile.capacity if profile else 0,
        "skills": list(profile.skills) if profile and isinstance(profile.skills, list) else [],
        "load": load,
        "has_profile": profile is not None,
    }


def console_queue(*, user: Any) -> list[dict[str, Any]]:
    """Open escalations this user may see, by urgency then age (the agent API's own list)."""
    items = escalation_selectors.escalation_list(user=user, status="open")
    return [escalation_json(escalation) for escalation in items]


def console_follow_ups(*, user: Any) -> list[dict[str, Any]]:
    """Pending follow-up requests this user may see, oldest first (one query past the role
    checks): the address, the site, why the conversation was escalated, whether it opens."""
    return [
        {
            **follow_up_json(follow_up),
            "site_name": follow_up.site_name,  # type: ignore[attr-defined]
            "escalation_reason": follow_up.escalation_reason,  # type: ignore[attr-defined]
            "may_open": bool(follow_up.may_open),  # type: ignore[attr-defined]
        }
        for follow_up in escalation_selectors.follow_up_list(user=user)
    ]


# ---------------------------------------------------------------------------
# One conversation
# ---------------------------------------------------------------------------
def _reading_json(message: Message) -> dict[str, Any] | None:
    reading = getattr(message, "reading", None)
    if reading is None:
        return None
    return {
        "emotion": reading.emotion,
        "category": reading.category,
        "intensity": round(reading.intensity, 4),
        "valence": round(reading.valence, 4),
        "arousal": round(reading.arousal, 4),
        "confidence": round(reading.confidence, 4),
        "model": reading.model,
    }


def console_conversation_detail(*, user: Any, conversation_id: UUID | str) -> dict[str, Any] | None:
    """Everything the conversation page shows, or None when the user may not see it.

    None hides whether the conversation exists at all.
    """
    try:
        parsed = UUID(str(conversation_id))
    except ValueError:
        return None
    role = console_user_role(user=user)
    if role is None:
        return None
    is_supervisor = role == "supervisor"
    conversation = Conversation.objects.select_related("site", "visitor").filter(pk=parsed).first()
    if conversation is None:
        return None
    escalations = list(
        Escalation.objects.filter(conversation=conversation)
        .select_related("assigned_to")
        .order_by("-pk")
    )
    if not _may_see(user=user, is_supervisor=is_supervisor, escalations=escalations):
        return None
    messages = list(
        Message.objects.filter(conversation=conversation).select_related("reading").order_by("seq")
    )
    feedback = {
        row["message_id"]: row
        for row in EmotionFeedback.objects.filter(
            message__conversation=conversation, agent=user
        ).values("message_id", "is_correct", "corrected_emotion")
    }
    notes = list(
        InternalNote.objects.filter(conversation=conversation)
        .select_related("author")
        .order_by("created_at", "pk")
    )
    visitor = conversation.visitor
    previous = _previous_conversations(visitor_id=visitor.pk, exclude=conversation.pk)

    current = next((e for e in escalations if e.is_open), escalations[0] if escalations else None)
    trigger_words = list(current.trigger_words) if current else []
    transcript = []
    readings = []
    for message in messages:
        reading = _reading_json(message) if message.sender == Message.Sender.VISITOR else None
        item: dict[str, Any] = {
            "id": message.pk,
            "seq": message.seq,
            "sender": message.sender,
            "text": message.text,
            "created_at": _iso(message.created_at),
            "reading": reading,
            "feedback": feedback.get(message.pk),
        }
        knowledge = conversation_events.message_knowledge(message)
        if knowledge is not None:
            # Which help-center article the bot answered from (or that it had none).
            item["knowledge"] = knowledge
        transcript.append(item)
        if reading is not None:
            readings.append(
                {
                    "seq": message.seq,
                    "message_id": message.pk,
                    **reading,
                    "scores": dict(message.reading.scores or {}),
                }
            )
    alerts = monitoring.monitoring_alerts(
        readings,
        monitoring.MonitoringThresholds(
            anger=settings.MONITOR_ANGER_THRESHOLD,
            confusion=settings.MONITOR_CONFUSION_THRESHOLD,
            satisfaction=settings.MONITOR_IMPROVEMENT_THRESHOLD,
        ),
    )
    state = conversation.emotional_state or {}
    escalation = escalation_json(current) if current is not None else None
    if escalation is not None and current is not None:
        escalation["assigned_to_username"] = (
            current.assigned_to.get_username() if current.assigned_to else None
        )
        escalation["is_mine"] = current.assigned_to_id == user.pk
    return {
        "conversation": {
            "id": str(conversation.id),
            "status": conversation.status,
            "event_seq": conversation.event_seq,
            "site": conversation.site.name,
            "created_at": _iso(conversation.created_at),
            "trend": state.get("trend", "stable"),
            # The resolved conversation this one continues, for the agent to open.
            "previous_id": str(conversation.previous_id) if conversation.previous_id else None,
        },
        "visitor": {
            "id": visitor.pk,
            "display_name": visitor.display_name,
            "locale": visitor.locale,
            "emotion_consent": visitor.emotion_consent,
            "emotional_summary": visitor.emotional_summary or {},
            "first_seen_at": _iso(visitor.created_at),
            "previous_conversations": previous,
        },
        "escalation": escalation,
        "trigger_words": trigger_words,
        "transcript": transcript,
        "timeline": [
            {k: r[k] for k in ("seq", "emotion", "category", "intensity", "valence")}
            for r in readings
        ],
        "alerts": [alert.as_dict() for alert in alerts],
        "notes": [
            {
                "id": note.pk,
                "author": note.author.get_username() if note.author else None,
                "text": note.text,
                "created_at": _iso(note.created_at),
            }
            for note in notes
        ],
        "guidance": {
            "best_practices": guidance.best_practices_for(current.reason) if current else [],
            "next_level": [
                option.as_dict()
                for option in guidance.next_level_options(
                    reason=current.reason if current else "",
                    urgency=current.urgency if current else "low",
                    trend=current.trend if current else "stable",
                )
            ],
        },
        "viewer": {"user_id": user.pk, "is_supervisor": is_supervisor},
    }


def _previous_conversations(*, visitor_id: int, exclude: UUID) -> list[dict[str, Any]]:
    """The visitor's earlier conversations with their outcome (one query)."""
    last_escalation = Escalation.objects.filter(conversation=OuterRef("pk")).order_by("-pk")
    rows = (
        Conversation.objects.filter(visitor_id=visitor_id)
        .exclude(pk=exclude)
        .annotate(
            message_count=Count("messages"),
            escalation_reason=Subquery(last_escalation.values("reason")[:1]),
            escalation_status=Subquery(last_escalation.values("status")[:1]),
        )
        .order_by("-created_at")
        .values(
            "id",
            "status",
            "created_at",
            "handoff_reason",
            "message_count",
            "escalation_reason",
            "escalation_status",
        )[:PREVIOUS_CONVERSATIONS]
    )
    return [
        {
            "id": str(row["id"]),
            "status": row["status"],
            "created_at": _iso(row["created_at"]),
            "message_count": row["message_count"],
            "escalation_reason": row["escalation_reason"],
            "outcome": _outcome(row["status"], row["escalation_status"]),
        }
        for row in rows
    ]


def _outcome(status: str, escalation_status: str | None) -> str:
    if escalation_status == Escalation.Status.RESOLVED:
        return "resolved by an agent"
    if escalation_status == Escalation.Status.HANDED_BACK:
        return "handed back to the bot"
    if escalation_status in Escalation.OPEN_STATUSES:
        return "with agents"
    if status == Conversation.Status.RESOLVED:
        return "resolved by the bot"
    return "in progress"


# ---------------------------------------------------------------------------
# Similar resolved cases
# ---------------------------------------------------------------------------
def _category_of(journey: Any) -> str:
    if isinstance(journey, list) and journey and isinstance(journey[-1], dict):
        return str(journey[-1].get("category", "neutral"))
    return "neutral"


def console_similar_cases(*, conversation_id: UUID | str, limit: int = 3) -> list[dict[str, Any]]:
    """Resolved escalations whose visitors wrote similar things in the same emotional register.

    Four queries: the current text and category, the candidate escalations, their visitors'
    text, and the agents' last replies (how each case was resolved).
    """
    rows = list(
        Message.objects.filter(conversation_id=conversation_id, sender=Message.Sender.VISITOR)
        .order_by("seq")
        .values_list("text", "reading__category")
    )
    if not rows:
        return []
    text = " ".join(t for t, _ in rows)[-SIMILAR_TEXT_CHARS:]
    category = next((c for _, c in reversed(rows) if c), "neutral")
    candidates = list(
        Escalation.objects.filter(status=Escalation.Status.RESOLVED)
        .exclude(conversation_id=conversation_id)
        .select_related("assigned_to")
        .order_by("-closed_at", "-pk")[:SIMILAR_CANDIDATES]
    )
    if not candidates:
        return []
    texts: dict[UUID, list[str]] = {}
    for conv_id, body in (
        Message.objects.filter(
            conversation_id__in={c.conversation_id for c in candidates},
            sender=Message.Sender.VISITOR,
        )
        .order_by("conversation_id", "seq")
        .values_list("conversation_id", "text")
    ):
        texts.setdefault(conv_id, []).append(body)
    cases = [
        CaseText(
            key=c.pk,
            text=" ".join(texts.get(c.conversation_id, []))[-SIMILAR_TEXT_CHARS:],
            category=_category_of(c.journey),
        )
        for c in candidates
    ]
    ranked = similar_keys(text=text, category=category, cases=cases, limit=limit)
    if not ranked:
        return []
    by_key = {c.pk: c for c in candidates}
    chosen = [by_key[key] for key, _ in ranked]
    last_replies: dict[UUID, str] = {}
    for conv_id, body in (
        Message.objects.filter(
            conversation_id__in=[c.conversation_id for c in chosen], sender=Message.Sender.AGENT
        )
        .order_by("conversation_id", "seq")
        .values_list("conversation_id", "text")
    ):
        last_replies[conv_id] = body
    result = []
    for (key, score), escalation in zip(ranked, chosen, strict=True):
        handled = (
            escalation.closed_at - escalation.created_at
            if escalation.closed_at and escalation.created_at
            else None
        )
        result.append(
            {
                "escalation_id": key,
                "conversation_id": str(escalation.conversation_id),
                "similarity": round(score, 3),
                "reason": escalation.reason,
                "category": _category_of(escalation.journey),
                "summary": escalation.summary,
                "visitor_text": " ".join(texts.get(escalation.conversation_id, []))[:300],
                "resolution": last_replies.get(escalation.conversation_id, ""),
                "resolved_by": (
                    escalation.assigned_to.get_username() if escalation.assigned_to else None
                ),
                "minutes_to_resolve": (
                    round(handled.total_seconds() / 60, 1) if handled is not None else None
                ),
            }
        )
    return result


# ---------------------------------------------------------------------------
# Detection accuracy (the emotion_detection_accuracy gauge)
# ---------------------------------------------------------------------------
def emotion_feedback_accuracy(*, since: Any | None = None) -> list[dict[str, Any]]:
    """Share of confirmed readings per (emotion, method, confidence bucket), one query."""
    since = since or timezone.now() - FEEDBACK_WINDOW
    rows = (
        EmotionFeedback.objects.filter(updated_at__gte=since)
        .values("detected_emotion", "detection_method", "confidence_bucket")
        .annotate(total=Count("pk"), confirmed=Count("pk", filter=Q(is_correct=True)))
        .order_by("detected_emotion", "detection_method", "confidence_bucket")
    )
    return [
        {
            "emotion": row["detected_emotion"],
            "method": row["detection_method"],
            "confidence": row["confidence_bucket"],
            "total": row["total"],
            "accuracy": row["confirmed"] / row["total"],
        }
        for row in rows
    ]

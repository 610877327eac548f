"""Opening an escalation (one per conversation), crisis upgrades, live emotion for agents."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db import transaction
from django.utils import timezone

from conversations import selectors as conversation_selectors
from conversations import services as conversation_services
from conversations.models import Conversation, Message
from core import metrics, roles
from core.roles import CRISIS_SKILL
from empathy.types import CrisisAssessment, EmotionReading
from escalations import events, rules, selectors
from escalations.models import AgentProfile, Escalation
from escalations.rules import EscalationDecision
from escalations.services.common import (
    _agent_groups,
    _audit,
    _safe_on_commit,
    _sla_due,
    _trigger_words,
)
from escalations.services.deliveries import (
    _deliveries_create,
)
from escalations.services.notices import (
    _notice_post,
)
from escalations.services.routing import (
    escalation_route,
    queue_hints_schedule,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class OpenResult:
    escalation: Escalation
    opened: bool


def escalation_open(
    *,
    conversation_id: UUID,
    decision: EscalationDecision,
    trigger_message: Message | None = None,
    reading: EmotionReading | None = None,
    crisis: CrisisAssessment | None = None,
    actor: Any = None,
) -> OpenResult:
    """Hand the conversation to humans: one open escalation per conversation.

    In one transaction: the escalation and its audit event, the conversation to
    `waiting_for_agent` (the bot stays silent from then on), and the visitor's notice (help
    resources for a crisis, a hand-off note otherwise). After commit: agents are notified,
    routing runs, outbound deliveries are queued.

    A crisis `concern` opens a review instead: same escalation, routing and SLA, but the
    conversation stays with the bot and the visitor is told nothing until a person writes.
    """
    # No savepoint: the callers (message_receive, the pipeline's hand-off) are in a transaction
    # that an error here must abort as a whole.
    with transaction.atomic(savepoint=False):
        conversation = (
            Conversation.objects.select_for_update(of=("self",))
            .select_related("visitor")
            .get(pk=conversation_id)
        )
        level = rules.crisis_level(reason=decision.reason, rule=decision.rule)
        existing = selectors.escalation_open_for_conversation(conversation_id=conversation_id)
        if existing is not None:
            _existing_update(existing, decision, level, trigger_message, crisis, conversation)
            return OpenResult(existing, False)

        state = conversation.emotional_state or {}
        journey = conversation_selectors.conversation_journey(conversation_id=conversation_id)
        trend = str(state.get("trend", "stable"))
        latest = (
            {"intensity": reading.intensity, "category": reading.category}
            if reading is not None
            else journey[-1]
            if journey
            else {}
        )
        intensity = float(latest.get("intensity", 0.0))
        message_count = conversation_selectors.conversation_message_count(
            conversation_id=conversation_id
        )
        concern_count = conversation_selectors.conversation_concern_count(
            conversation_id=conversation_id
        )
        ai_attempts = conversation_selectors.conversation_bot_attempts(
            conversation_id=conversation_id
        )
        urgency = rules.escalation_urgency(
            reason=decision.reason,
            intensity=intensity,
            trend=trend,
            message_count=message_count,
            is_negative=latest.get("category") in rules.NEGATIVE_CATEGORIES,
            concern_count=concern_count,
            rule=decision.rule,
        )
        trigger_words = _trigger_words(
            trigger_message.text if trigger_message is not None else "", reading
        )
        emotion = (
            reading.emotion if reading is not None else (journey[-1]["emotion"] if journey else "")
        )
        now = timezone.now()
        if decision.reason == Escalation.Reason.CRISIS_INDICATORS:
            conversation_services.conversation_crisis_mark(conversation_id=conversation.pk)
        escalation = Escalation.objects.create(
            conversation=conversation,
            trigger_message=trigger_message,
            reason=decision.reason,
            rule=decision.rule,
            urgency=urgency,
            required_skill=decision.required_skill,
            journey=journey,
            trend=trend,
            intensity=round(intensity, 4),
            trigger_words=trigger_words,
            summary=rules.escalation_summary(
                reason=decision.reason,
                rule=decision.rule,
                urgency=urgency,
                journey=journey,
                trend=trend,
                trigger_words=trigger_words,
                ai_attempts=ai_attempts,
                message_count=message_count,
            )
            + (f" Earlier crisis concern on {concern_count} message(s)." if concern_count else ""),
            suggested_approach=rules.suggested_approach(
                reason=decision.reason, emotion=emotion, trend=trend, rule=decision.rule
            ),
            ai_attempts=ai_attempts,
            crisis=crisis.as_dict() if crisis is not None else {},
            sla_due_at=_sla_due(urgency, now),
        )
        _audit(
            escalation,
            "opened",
            actor,
            reason=decision.reason,
            rule=decision.rule,
            urgency=urgency,
            **({"crisis_rules": list(crisis.rules)} if crisis is not None else {}),
        )
        if level != "concern":
            conversation_services.conversation_status_set(
                conversation_id=conversation_id,
                status=Conversation.Status.WAITING_FOR_AGENT,
                reason=decision.reason,
            )
            _notice_post(
                conversation=conversation,
                escalation=escalation,
                trigger_message=trigger_message,
                crisis_level=level,
                reason=decision.reason,
            )
        # else: a concern is a review. The bot goes on answering with care while a
        # crisis-trained person reads along; they take over by writing (agent_message_post).
        _deliveries_create(escalation)
        events.push_on_commit(
            _agent_groups(escalation), events.escalation_event(events.ESCALATION_OPENED, escalation)
        )
        transaction.on_commit(
            lambda: metrics.escalation_record(
                reason=decision.reason,
                emotion_type=emotion or "neutral",
                conversation_length=message_count,
                when=now,
            )
        )
        escalation_id = escalation.pk
        _safe_on_commit("route", lambda: escalation_route(escalation_id=escalation_id))
        _safe_on_commit("queue_hints", queue_hints_schedule)
    logger.info(
        "escalation opened",
        extra={
            "escalation_id": escalation.pk,
            "conversation_id": str(conversation_id),
            "reason": decision.reason,
            "urgency": urgency,
        },
    )
    return OpenResult(escalation, True)


_CRISIS_RANK = {"none": 0, "concern": 1, "crisis": 2}


def _existing_update(
    existing: Escalation,
    decision: EscalationDecision,
    level: str,
    trigger_message: Message | None,
    crisis: CrisisAssessment | None,
    conversation: Conversation,
) -> None:
    """A new trigger while a person is already on the way: raise the crisis level if needed."""
    if level == "none":
        if conversation.status == Conversation.Status.BOT:
            _review_to_handoff(existing, decision, trigger_message, conversation)
        return
    if _CRISIS_RANK[level] > _CRISIS_RANK[existing.crisis_level]:
        _raise_crisis_level(existing, decision, level, trigger_message, crisis, conversation)
        return
    _audit(existing, f"{level}_repeated", rules=list(decision.details.get("rules", [])))
    events.push_on_commit(
        _agent_groups(existing), events.escalation_event(events.ESCALATION_UPDATED, existing)
    )


def _review_to_handoff(
    escalation: Escalation,
    decision: EscalationDecision,
    trigger_message: Message | None,
    conversation: Conversation,
) -> None:
    """Another reason to hand over while a concern is only under review: hand over now."""
    status = (
        Conversation.Status.WITH_AGENT
        if escalation.status == Escalation.Status.ASSIGNED
        else Conversation.Status.WAITING_FOR_AGENT
    )
    conversation_services.conversation_status_set(
        conversation_id=conversation.pk, status=status, reason=decision.reason
    )
    _notice_post(
        conversation=conversation,
        escalation=escalation,
        trigger_message=trigger_message,
        crisis_level="none",
        reason=decision.reason,
    )
    _audit(escalation, "handed_over", reason=decision.reason, rule=decision.rule)
    events.push_on_commit(
        _agent_groups(escalation), events.escalation_event(events.ESCALATION_UPDATED, escalation)
    )
    _safe_on_commit("queue_hints", queue_hints_schedule)


def _raise_crisis_level(
    escalation: Escalation,
    decision: EscalationDecision,
    level: str,
    trigger_message: Message | None,
    crisis: CrisisAssessment | None,
    conversation: Conversation,
) -> None:
    """A crisis (or a concern) in a conversation already waiting for a person.

    A crisis makes it critical and sends the help resources; a concern makes it at least high.
    Either way only crisis-trained agents (and supervisors) may hold it from now on.
    """
    locked = Escalation.objects.select_for_update().get(pk=escalation.pk)
    previous = (locked.reason, locked.urgency)
    urgency = (
        "critical"
        if level == "crisis"
        else rules.URGENCIES[
            max(rules.URGENCIES.index(locked.urgency), rules.URGENCIES.index("high"))
        ]
    )
    locked.reason = rules.CRISIS_INDICATORS
    locked.rule = decision.rule
    locked.urgency = urgency
    locked.required_skill = CRISIS_SKILL
    locked.crisis = crisis.as_dict() if crisis is not None else {}
    locked.sla_due_at = min(locked.sla_due_at, _sla_due(urgency, timezone.now()))
    locked.suggested_approach = rules.suggested_approach(
        reason=rules.CRISIS_INDICATORS, emotion="", trend=locked.trend, rule=decision.rule
    )
    locked.save(
        update_fields=[
            "reason", "rule", "urgency", "required_skill", "crisis", "sla_due_at",
            "suggested_approach",
        ]
    )  # fmt: skip
    _audit(
        locked, f"upgraded_to_{level}", previous_reason=previous[0], previous_urgency=previous[1]
    )
    if level == "crisis":
        if conversation.status == Conversation.Status.BOT:
            # A concern under review becomes a hand-over: the bot stops now.
            conversation_services.conversation_status_set(
                conversation_id=conversation.pk,
                status=Conversation.Status.WITH_AGENT
                if locked.status == Escalation.Status.ASSIGNED
                else Conversation.Status.WAITING_FOR_AGENT,
                reason=rules.CRISIS_INDICATORS,
            )
        _notice_post(
            conversation=conversation,
            escalation=locked,
            trigger_message=trigger_message,
            crisis_level="crisis",
            reason=rules.CRISIS_INDICATORS,
        )
    # The groups before any requeue, so an agent losing the conversation hears about it.
    groups = _agent_groups(locked)
    assignee = locked.assigned_to
    if (
        locked.status == Escalation.Status.ASSIGNED
        and assignee is not None
        and not roles.user_is_supervisor(user=assignee)
        and not _has_skill(assignee.pk, CRISIS_SKILL)
    ):
        # Crisis transcripts are for crisis-trained agents: back to the queue, routed on commit
        # (the SLA brings supervisors in if no one is free).
        locked.status = Escalation.Status.QUEUED
        locked.assigned_to = None
        locked.save(update_fields=["status", "assigned_to"])
        _audit(locked, "requeued", previous_agent_id=assignee.pk, why="crisis_skill_required")
        conversation_services.conversation_status_set(
            conversation_id=locked.conversation_id,
            status=Conversation.Status.WAITING_FOR_AGENT,
        )
    escalation.__dict__.update(locked.__dict__)
    events.push_on_commit(groups, events.escalation_event(events.ESCALATION_UPDATED, locked))
    if locked.status == Escalation.Status.QUEUED:
        escalation_id = locked.pk
        _safe_on_commit("route", lambda: escalation_route(escalation_id=escalation_id))


def _has_skill(user_id: int, skill: str) -> bool:
    profile = AgentProfile.objects.filter(user_id=user_id).first()
    return profile is not None and profile.has_skill(skill)


def escalation_request_human(*, conversation: Conversation) -> Escalation:
    """The widget's "talk to a person" button."""
    if conversation.status == Conversation.Status.RESOLVED:
        raise conversation_services.ConversationClosed(
            "This conversation is resolved; start a new one."
        )
    result = escalation_open(
        conversation_id=conversation.pk,
        decision=EscalationDecision(rules.USER_REQUEST, "widget_button"),
    )
    return result.escalation


def _summary_refresh(escalation: Escalation, journey: list[dict[str, Any]]) -> str:
    conversation_id = escalation.conversation_id
    concern_count = conversation_selectors.conversation_concern_count(
        conversation_id=conversation_id
    )
    return rules.escalation_summary(
        reason=escalation.reason,
        rule=escalation.rule,
        urgency=escalation.urgency,
        journey=journey,
        trend=escalation.trend,
        trigger_words=list(escalation.trigger_words or []),
        ai_attempts=conversation_selectors.conversation_bot_attempts(
            conversation_id=conversation_id
        ),
        message_count=conversation_selectors.conversation_message_count(
            conversation_id=conversation_id
        ),
    ) + (f" Earlier crisis concern on {concern_count} message(s)." if concern_count else "")


def escalation_emotion_update(*, message: Message, reading: EmotionReading) -> None:
    """Fold a new reading into the open escalation and tell its agent (pipeline hook)."""
    open_filter = {
        "conversation_id": message.conversation_id,
        "status__in": Escalation.OPEN_STATUSES,
    }
    # Most readings belong to conversations no person is on: one plain read, no transaction.
    if not Escalation.objects.filter(**open_filter).exists():
        return
    with transaction.atomic():
        escalation = Escalation.objects.select_for_update().filter(**open_filter).first()
        if escalation is None:
            return
        journey = conversation_selectors.conversation_journey(
            conversation_id=message.conversation_id
        )
        state = Conversation.objects.values_list("emotional_state", flat=True).get(
            pk=message.conversation_id
        )
        escalation.journey = journey
        escalation.trend = str((state or {}).get("trend", "stable"))
        escalation.intensity = round(reading.intensity, 4)
        update = ["journey", "trend", "intensity", "summary"]
        if not escalation.trigger_words:
            escalation.trigger_words = _trigger_words(message.text, reading)
            update.append("trigger_words")
        # The summary follows the journey (a crisis opens before its message is read).
        escalation.summary = _summary_refresh(escalation, journey)
        escalation.save(update_fields=update)
        latest = journey[-1] if journey else {}
        groups = (
            [events.agent_group(escalation.assigned_to_id), events.SUPERVISORS_GROUP]
            if escalation.assigned_to_id
            else [events.AGENTS_GROUP, events.SUPERVISORS_GROUP]
        )
        events.push_on_commit(
            groups,
            events.emotion_updated(
                conversation_id=message.conversation_id, reading=latest, trend=escalation.trend
            ),
        )

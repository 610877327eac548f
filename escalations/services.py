"""Writes of escalations: the crisis path, opening, routing, claiming, agent actions, the SLA.

Every entry point (the message flow, the pipeline, REST views, admin actions, the beat task,
the widget's button) calls these functions. Nothing here needs Redis, Celery or an LLM to
succeed: pushes and outbound deliveries are after-commit hints whose failure is logged.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from uuid import UUID

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from config import metrics
from conversations import services as conversation_services
from conversations.models import Conversation, Message
from empathy.types import CrisisAssessment, EmotionReading
from escalations import events, rules, selectors
from escalations.models import AgentProfile, Escalation, EscalationEvent, OutboundDelivery
from escalations.rules import EscalationDecision, EscalationSignals, escalation_decide

logger = logging.getLogger(__name__)

__all__ = ["EscalationDecision", "EscalationSignals", "escalation_decide"]

HANDOFF_TEXT = "I'm bringing in a member of our team. They will reply here as soon as they can."
CRISIS_INTRO = (
    "It sounds like you are going through something really painful, and I want to make sure "
    "you are safe. You can reach people who can help right now:"
)
CRISIS_OUTRO = "A member of our team is joining this conversation now. You are not alone."
CRISIS_HISTORY = 5


class EscalationError(Exception):
    """An agent action that cannot be done; `status` maps it onto an HTTP answer."""

    status = 409
    code = "conflict"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class EscalationNotFound(EscalationError):
    status = 404
    code = "not_found"


class EscalationForbidden(EscalationError):
    status = 403
    code = "forbidden"


class EscalationConflict(EscalationError):
    status = 409
    code = "conflict"


# ---------------------------------------------------------------------------
# Help resources (server configuration, never an LLM)
# ---------------------------------------------------------------------------
def _country(locale: str) -> str:
    parts = locale.replace("_", "-").split("-")
    for part in parts[1:]:
        if len(part) == 2 and part.isalpha():
            return part.upper()
    return ""


def crisis_resources_text(*, locale: str) -> str:
    """The help message for a visitor in crisis, for the country of their locale."""
    resources: dict[str, list[str]] = settings.CRISIS_RESOURCES
    lines = resources.get(_country(locale or "")) or resources["default"]
    return "\n".join([CRISIS_INTRO, *lines, CRISIS_OUTRO])


# ---------------------------------------------------------------------------
# The crisis path (synchronous, inside the request that stores the message)
# ---------------------------------------------------------------------------
def message_crisis_check(*, message: Message, conversation: Conversation) -> CrisisAssessment:
    """Assess a just-stored visitor message; on `crisis`, escalate in the same transaction.

    Called by conversations.services.message_receive with the conversation row locked. The
    assessment is recorded on the message (`meta["crisis"]`), so `concern` is counted too.
    """
    from empathy.crisis import assess_crisis

    history = selectors.conversation_visitor_texts(
        conversation_id=conversation.pk, before_seq=message.seq, limit=CRISIS_HISTORY
    )
    assessment = assess_crisis(message.text, history=history)
    message.meta = {**(message.meta or {}), "crisis": assessment.as_dict()}
    message.save(update_fields=["meta"])
    transaction.on_commit(lambda: metrics.crisis_assessment_record(level=assessment.level))
    if assessment.level == "crisis":
        escalation_open(
            conversation_id=conversation.pk,
            decision=EscalationDecision(
                rules.CRISIS_INDICATORS, "crisis_assessment", "crisis", {"rules": assessment.rules}
            ),
            trigger_message=message,
            crisis=assessment,
        )
    logger.info(
        "crisis check",
        extra={"message_id": message.pk, "crisis_level": assessment.level},
    )
    return assessment


# ---------------------------------------------------------------------------
# Deciding in the pipeline
# ---------------------------------------------------------------------------
def escalation_signals(*, message: Message, reading: EmotionReading | None) -> EscalationSignals:
    conversation = Conversation.objects.only("emotional_state").get(pk=message.conversation_id)
    state = conversation.emotional_state or {}
    recent = [dict(item) for item in state.get("recent", [])]
    # The state keeps no confidence; the journey has it, by seq.
    confidences = {
        item["seq"]: item["confidence"]
        for item in selectors.conversation_journey(conversation_id=message.conversation_id)
    }
    for item in recent:
        if item.get("seq") in confidences:
            item["confidence"] = confidences[item["seq"]]
    crisis = (message.meta or {}).get("crisis") or {}
    return EscalationSignals(
        text=message.text,
        reading=reading,
        recent=tuple(recent),
        trend=str(state.get("trend", "stable")),
        crisis_level=str(crisis.get("level", "none")),
        earlier_texts=tuple(
            selectors.conversation_visitor_texts(
                conversation_id=message.conversation_id, before_seq=message.seq
            )
        ),
        ai_failures=selectors.conversation_ai_attempts(conversation_id=message.conversation_id)[
            "failures"
        ],
        message_count=selectors.conversation_message_count(conversation_id=message.conversation_id),
    )


def escalation_check(
    *, message: Message, reading: EmotionReading | None
) -> EscalationDecision | None:
    """Whether this visitor message needs a human (the pipeline's step 3)."""
    return escalation_decide(escalation_signals(message=message, reading=reading))


# ---------------------------------------------------------------------------
# Opening
# ---------------------------------------------------------------------------
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
    """
    with transaction.atomic():
        conversation = (
            Conversation.objects.select_for_update()
            .select_related("visitor")
            .get(pk=conversation_id)
        )
        is_crisis = decision.reason == rules.CRISIS_INDICATORS
        existing = selectors.escalation_open_for_conversation(conversation_id=conversation_id)
        if existing is not None:
            if is_crisis and existing.reason != rules.CRISIS_INDICATORS:
                _upgrade_to_crisis(existing, decision, trigger_message, crisis, conversation)
            elif is_crisis:
                _audit(existing, "crisis_repeated", rules=list(decision.details.get("rules", [])))
                events.push_on_commit(
                    _agent_groups(existing),
                    events.escalation_event(events.ESCALATION_UPDATED, existing),
                )
            return OpenResult(existing, False)

        state = conversation.emotional_state or {}
        journey = selectors.conversation_journey(conversation_id=conversation_id)
        trend = str(state.get("trend", "stable"))
        intensity = (
            reading.intensity
            if reading is not None
            else float(journey[-1]["intensity"])
            if journey
            else 0.0
        )
        message_count = selectors.conversation_message_count(conversation_id=conversation_id)
        concern_count = selectors.conversation_concern_count(conversation_id=conversation_id)
        ai_attempts = selectors.conversation_ai_attempts(conversation_id=conversation_id)
        urgency = rules.escalation_urgency(
            reason=decision.reason,
            intensity=intensity,
            trend=trend,
            message_count=message_count,
            concern_count=concern_count,
        )
        trigger_words = _trigger_words(
            trigger_message.text if trigger_message is not None else "", reading
        )
        emotion = (
            reading.emotion if reading is not None else (journey[-1]["emotion"] if journey else "")
        )
        now = timezone.now()
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
                reason=decision.reason, emotion=emotion, trend=trend
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
        conversation_services.conversation_status_set(
            conversation_id=conversation_id,
            status=Conversation.Status.WAITING_FOR_AGENT,
            reason=decision.reason,
        )
        _notice_post(
            conversation=conversation,
            trigger_message=trigger_message,
            is_crisis=is_crisis,
            reason=decision.reason,
        )
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
        _safe_on_commit("queue_hints", queue_hints_send)
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


def _notice_post(
    *, conversation: Conversation, trigger_message: Message | None, is_crisis: bool, reason: str
) -> None:
    if is_crisis:
        locale = conversation.visitor.locale or conversation.site.locale
        text = crisis_resources_text(locale=locale)
        meta: dict[str, Any] = {"handoff": reason, "crisis_resources": True}
    else:
        text, meta = HANDOFF_TEXT, {"handoff": reason}
    reply_to = trigger_message
    if reply_to is not None and Message.objects.filter(reply_to=reply_to).exists():
        reply_to = None  # already answered (a bot reply raced us); the notice still goes out
    conversation_services.message_post(
        conversation_id=conversation.pk,
        sender=Message.Sender.SYSTEM,
        text=text,
        reply_to=reply_to,
        meta=meta,
    )


def _upgrade_to_crisis(
    escalation: Escalation,
    decision: EscalationDecision,
    trigger_message: Message | None,
    crisis: CrisisAssessment | None,
    conversation: Conversation,
) -> None:
    """A crisis in a conversation already waiting for a person: make it critical, send help."""
    locked = Escalation.objects.select_for_update().get(pk=escalation.pk)
    previous = (locked.reason, locked.urgency)
    locked.reason = rules.CRISIS_INDICATORS
    locked.rule = decision.rule
    locked.urgency = "critical"
    locked.required_skill = "crisis"
    locked.crisis = crisis.as_dict() if crisis is not None else {}
    locked.sla_due_at = min(locked.sla_due_at, _sla_due("critical", timezone.now()))
    locked.suggested_approach = rules.suggested_approach(
        reason=rules.CRISIS_INDICATORS, emotion="", trend=locked.trend
    )
    locked.save(
        update_fields=[
            "reason", "rule", "urgency", "required_skill", "crisis", "sla_due_at",
            "suggested_approach",
        ]
    )  # fmt: skip
    _audit(locked, "upgraded_to_crisis", previous_reason=previous[0], previous_urgency=previous[1])
    _notice_post(
        conversation=conversation,
        trigger_message=trigger_message,
        is_crisis=True,
        reason=rules.CRISIS_INDICATORS,
    )
    escalation.__dict__.update(locked.__dict__)
    events.push_on_commit(
        _agent_groups(locked), events.escalation_event(events.ESCALATION_UPDATED, locked)
    )
    if locked.status == Escalation.Status.QUEUED:
        escalation_id = locked.pk
        _safe_on_commit("route", lambda: escalation_route(escalation_id=escalation_id))


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


# ---------------------------------------------------------------------------
# Routing and claiming
# ---------------------------------------------------------------------------
def _assign(escalation: Escalation, *, user: Any, actor: Any, how: str) -> None:
    previous = escalation.assigned_to_id
    now = timezone.now()
    first = escalation.assigned_at is None
    escalation.status = Escalation.Status.ASSIGNED
    escalation.assigned_to = user
    escalation.assigned_at = escalation.assigned_at or now
    escalation.save(update_fields=["status", "assigned_to", "assigned_at"])
    _audit(escalation, how, actor, agent_id=user.pk, previous_agent_id=previous)
    conversation_services.conversation_status_set(
        conversation_id=escalation.conversation_id, status=Conversation.Status.WITH_AGENT
    )
    if first:
        wait = (now - escalation.created_at).total_seconds()
        urgency = escalation.urgency
        transaction.on_commit(
            lambda: metrics.escalation_wait_observe(urgency=urgency, seconds=wait)
        )
    groups = _agent_groups(escalation)
    if previous and previous != user.pk:
        groups.append(events.agent_group(previous))
    events.push_on_commit(groups, events.escalation_event(events.ESCALATION_ASSIGNED, escalation))
    events.follow_on_commit(user_id=user.pk, conversation_id=escalation.conversation_id)
    _safe_on_commit("queue_hints", queue_hints_send)


def escalation_route(
    *, escalation_id: int, exclude_user_id: int | None = None
) -> Escalation | None:
    """Give a queued escalation to the least-loaded online agent with the needed skill.

    The escalation row is claimed with SKIP LOCKED (a concurrent router or claimer already
    has it), and each candidate's profile row is locked and its load re-counted before the
    assignment, so capacity holds under concurrency. None when it stays queued.
    """
    with transaction.atomic():
        escalation = (
            Escalation.objects.select_for_update(skip_locked=True)
            .filter(pk=escalation_id, status=Escalation.Status.QUEUED)
            .first()
        )
        if escalation is None:
            return None
        for candidate in selectors.agent_candidates(
            skill=escalation.required_skill, exclude_user_id=exclude_user_id
        ):
            profile = (
                AgentProfile.objects.select_for_update(skip_locked=True)
                .select_related("user")
                .filter(pk=candidate.pk, status=AgentProfile.Status.ONLINE)
                .first()
            )
            if profile is None:
                continue
            load = selectors.agent_loads(user_ids=[profile.user_id]).get(profile.user_id, 0)
            if load >= profile.capacity:
                continue
            _assign(escalation, user=profile.user, actor=None, how="routed")
            logger.info(
                "escalation routed",
                extra={"escalation_id": escalation.pk, "agent_id": profile.user_id},
            )
            return escalation
    return None


def escalation_queue_drain(*, limit: int = 50) -> int:
    """Route queued escalations, most urgent first, while agents have room."""
    routed = 0
    for escalation_id in selectors.escalation_queue().values_list("pk", flat=True)[:limit]:
        if escalation_route(escalation_id=escalation_id) is not None:
            routed += 1
    return routed


def escalation_claim(*, escalation_id: int, user: Any) -> Escalation:
    """An agent takes a queued escalation; exactly one of several concurrent claims wins."""
    supervisor = selectors.user_is_supervisor(user=user)
    with transaction.atomic():
        escalation = (
            Escalation.objects.select_for_update(skip_locked=True).filter(pk=escalation_id).first()
        )
        if escalation is None:
            if Escalation.objects.filter(pk=escalation_id).exists():
                raise EscalationConflict("Another agent is claiming this escalation right now.")
            raise EscalationNotFound("Escalation not found.")
        if escalation.status == Escalation.Status.ASSIGNED and escalation.assigned_to_id == user.pk:
            return escalation
        if not escalation.is_open:
            raise EscalationConflict(f"This escalation is already {escalation.status}.")
        if escalation.status == Escalation.Status.ASSIGNED and not supervisor:
            raise EscalationForbidden("This conversation is assigned to another agent.")
        if not supervisor:
            profile = AgentProfile.objects.select_for_update().filter(user_id=user.pk).first()
            if profile is None:
                raise EscalationForbidden("You have no agent profile.")
            if not profile.has_skill(escalation.required_skill):
                raise EscalationForbidden(
                    f"This escalation needs the {escalation.required_skill} skill."
                )
            load = selectors.agent_loads(user_ids=[user.pk]).get(user.pk, 0)
            if load >= profile.capacity:
                raise EscalationConflict("You are at capacity; resolve a conversation first.")
        how = "claimed" if escalation.status == Escalation.Status.QUEUED else "taken_over"
        _assign(escalation, user=user, actor=user, how=how)
    return escalation


# ---------------------------------------------------------------------------
# Agent actions on a conversation
# ---------------------------------------------------------------------------
def _authorize(*, conversation_id: UUID | str, user: Any, lock: bool = False) -> Escalation:
    """The open escalation the user may act on; 403 for someone else's, 409 for none."""
    conversation = selectors.conversation_get(conversation_id=conversation_id)
    if conversation is None:
        raise EscalationNotFound("Conversation not found.")
    queryset = Escalation.objects.filter(
        conversation_id=conversation.pk, status__in=Escalation.OPEN_STATUSES
    )
    if lock:
        queryset = queryset.select_for_update()
    escalation = queryset.order_by("-pk").first()
    supervisor = selectors.user_is_supervisor(user=user)
    if not supervisor and (escalation is None or escalation.assigned_to_id != user.pk):
        raise EscalationForbidden("This conversation is not assigned to you.")
    if escalation is None:
        raise EscalationConflict("This conversation has no open escalation.")
    return escalation


def agent_message_post(*, conversation_id: UUID | str, user: Any, text: object) -> Message:
    """An agent's (or supervisor's) message; it reaches the widget through the event stream."""
    cleaned = conversation_services.message_text_clean(text)
    with transaction.atomic():
        escalation = _authorize(conversation_id=conversation_id, user=user)
        message = conversation_services.message_post(
            conversation_id=escalation.conversation_id,
            sender=Message.Sender.AGENT,
            text=cleaned,
            meta={"agent_id": user.pk},
        )
    return message


def _close(escalation: Escalation, *, status: str, actor: Any, conversation_status: str) -> None:
    escalation.status = status
    escalation.closed_at = timezone.now()
    escalation.save(update_fields=["status", "closed_at"])
    _audit(escalation, status, actor)
    conversation_services.conversation_status_set(
        conversation_id=escalation.conversation_id, status=conversation_status
    )
    events.push_on_commit(
        _agent_groups(escalation), events.escalation_event(events.ESCALATION_CLOSED, escalation)
    )
    # The agent has room again: the queue may move.
    _safe_on_commit("drain", escalation_queue_drain)
    _safe_on_commit("queue_hints", queue_hints_send)


def escalation_resolve(*, conversation_id: UUID | str, user: Any) -> Escalation:
    with transaction.atomic():
        escalation = _authorize(conversation_id=conversation_id, user=user, lock=True)
        _close(
            escalation,
            status=Escalation.Status.RESOLVED,
            actor=user,
            conversation_status=Conversation.Status.RESOLVED,
        )
        emotion = escalation.journey[-1]["emotion"] if escalation.journey else "neutral"
        count = selectors.conversation_message_count(conversation_id=escalation.conversation_id)
        transaction.on_commit(
            lambda: metrics.conversation_length_observe(
                emotion_type=emotion, successful_resolution=True, message_count=count
            )
        )
    return escalation


def escalation_hand_back(*, conversation_id: UUID | str, user: Any) -> Escalation:
    """Return the conversation to the bot; never for a crisis, which an agent must resolve."""
    with transaction.atomic():
        escalation = _authorize(conversation_id=conversation_id, user=user, lock=True)
        if escalation.reason == rules.CRISIS_INDICATORS:
            raise EscalationConflict(
                "A crisis conversation stays with people until an agent resolves it."
            )
        _close(
            escalation,
            status=Escalation.Status.HANDED_BACK,
            actor=user,
            conversation_status=Conversation.Status.BOT,
        )
    return escalation


# ---------------------------------------------------------------------------
# Supervisor actions (admin)
# ---------------------------------------------------------------------------
def escalation_reassign(
    *, escalation_id: int, actor: Any, to_user: Any = None
) -> Escalation | None:
    """Move an open escalation to a chosen agent, or to the next available one."""
    with transaction.atomic():
        escalation = Escalation.objects.select_for_update().get(pk=escalation_id)
        if not escalation.is_open:
            raise EscalationConflict(f"This escalation is already {escalation.status}.")
        if to_user is not None:
            _assign(escalation, user=to_user, actor=actor, how="reassigned")
            return escalation
        current = escalation.assigned_to_id
        if escalation.status == Escalation.Status.ASSIGNED:
            # Back to the queue first so routing can pick someone else.
            escalation.status = Escalation.Status.QUEUED
            escalation.assigned_to = None
            escalation.save(update_fields=["status", "assigned_to"])
            _audit(escalation, "requeued", actor, previous_agent_id=current)
            conversation_services.conversation_status_set(
                conversation_id=escalation.conversation_id,
                status=Conversation.Status.WAITING_FOR_AGENT,
            )
        return escalation_route(escalation_id=escalation.pk, exclude_user_id=current)


def escalation_urgency_raise(*, escalation_id: int, actor: Any) -> Escalation:
    with transaction.atomic():
        escalation = Escalation.objects.select_for_update().get(pk=escalation_id)
        previous = escalation.urgency
        escalation.urgency = rules.urgency_raised(previous)
        if escalation.urgency != previous:
            escalation.sla_due_at = min(
                escalation.sla_due_at, _sla_due(escalation.urgency, timezone.now())
            )
            escalation.save(update_fields=["urgency", "sla_due_at"])
            _audit(
                escalation, "urgency_raised", actor, previous=previous, urgency=escalation.urgency
            )
            events.push_on_commit(
                _agent_groups(escalation),
                events.escalation_event(events.ESCALATION_UPDATED, escalation),
            )
    return escalation


def escalation_resolve_by_supervisor(*, escalation_id: int, actor: Any) -> Escalation:
    escalation = Escalation.objects.get(pk=escalation_id)
    return escalation_resolve(conversation_id=escalation.conversation_id, user=actor)


# ---------------------------------------------------------------------------
# Live emotion for agents, queue hints, the SLA
# ---------------------------------------------------------------------------
def escalation_emotion_update(*, message: Message, reading: EmotionReading) -> None:
    """Fold a new reading into the open escalation and tell its agent (pipeline hook)."""
    with transaction.atomic():
        escalation = (
            Escalation.objects.select_for_update()
            .filter(conversation_id=message.conversation_id, status__in=Escalation.OPEN_STATUSES)
            .first()
        )
        if escalation is None:
            return
        journey = selectors.conversation_journey(conversation_id=message.conversation_id)
        state = Conversation.objects.values_list("emotional_state", flat=True).get(
            pk=message.conversation_id
        )
        escalation.journey = journey
        escalation.trend = str((state or {}).get("trend", "stable"))
        escalation.intensity = round(reading.intensity, 4)
        update = ["journey", "trend", "intensity"]
        if not escalation.trigger_words:
            escalation.trigger_words = _trigger_words(message.text, reading)
            update.append("trigger_words")
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


def queue_hints_send() -> int:
    """Tell every queued visitor their place and estimated wait (ephemeral pushes)."""
    queued = list(selectors.escalation_queue().values_list("conversation_id", flat=True)[:500])
    if not queued:
        return 0
    wait = selectors.escalation_recent_wait_seconds()
    online = max(selectors.agent_online_count(), 1)
    for position, conversation_id in enumerate(queued, start=1):
        estimate = int(-(-position // online) * wait)
        events.queue_hint(
            conversation_id,
            events.queue_updated(position=position, estimated_wait_seconds=estimate),
        )
    return len(queued)


def escalation_sla_check() -> dict[str, int]:
    """Beat task body: route what can be routed, then flag and re-notify unclaimed breaches."""
    routed = escalation_queue_drain()
    now = timezone.now()
    breached = notified = 0
    overdue = list(
        Escalation.objects.filter(status=Escalation.Status.QUEUED, sla_due_at__lte=now).values_list(
            "pk", flat=True
        )[:200]
    )
    for escalation_id in overdue:
        with transaction.atomic():
            escalation = (
                Escalation.objects.select_for_update(skip_locked=True)
                .filter(pk=escalation_id, status=Escalation.Status.QUEUED)
                .first()
            )
            if escalation is None:
                continue
            sla = timedelta(
                seconds=int(settings.ESCALATION_SLA_SECONDS.get(escalation.urgency, 900))
            )
            if escalation.sla_breached_at is None:
                escalation.sla_breached_at = now
                breached += 1
                _audit(escalation, "sla_breached", urgency=escalation.urgency)
            elif (
                escalation.last_notified_at is not None and now - escalation.last_notified_at < sla
            ):
                continue
            escalation.last_notified_at = now
            escalation.notify_count += 1
            escalation.save(update_fields=["sla_breached_at", "last_notified_at", "notify_count"])
            _audit(escalation, "renotified", to="supervisors", count=escalation.notify_count)
            notified += 1
            events.push_on_commit(
                [events.SUPERVISORS_GROUP, events.AGENTS_GROUP],
                events.escalation_event(events.ESCALATION_SLA_BREACHED, escalation),
            )
    if breached or notified:
        logger.warning("escalation SLA", extra={"breached": breached, "notified": notified})
    return {"routed": routed, "breached": breached, "notified": notified}


def metrics_queue_refresh() -> None:
    """Refresher for /metrics: queue depth, oldest wait and SLA breaches per urgency."""
    now = timezone.now()
    for urgency in rules.URGENCIES:
        queued = Escalation.objects.filter(status=Escalation.Status.QUEUED, urgency=urgency)
        oldest = queued.order_by("created_at").values_list("created_at", flat=True).first()
        metrics.escalation_queue_set(
            urgency=urgency,
            depth=queued.count(),
            oldest_wait_seconds=(now - oldest).total_seconds() if oldest else 0.0,
            unclaimed_past_sla=queued.filter(sla_due_at__lte=now).count(),
        )


# ---------------------------------------------------------------------------
# Outbound
# ---------------------------------------------------------------------------
def outbound_targets() -> list[str]:
    targets = []
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

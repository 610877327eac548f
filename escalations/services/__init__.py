"""Writes of escalations: the crisis path, opening, routing, claiming, agent actions, the SLA.

Every entry point (the message flow, the pipeline, REST views, admin actions, the beat task,
the widget's button) calls these functions. Nothing here needs Redis, Celery or an LLM to
succeed: pushes and outbound deliveries are after-commit hints whose failure is logged.

The package is split by concern; callers import from `escalations.services` only.
"""

from __future__ import annotations

from escalations.rules import EscalationDecision, EscalationSignals, escalation_decide
from escalations.services.actions import (
    ClosingNoteRequired,
    agent_message_post,
    agent_transcript_view,
    escalation_hand_back,
    escalation_reassign,
    escalation_resolve,
    escalation_resolve_by_supervisor,
    escalation_skill_require,
    escalation_urgency_raise,
)
from escalations.services.common import (
    EscalationConflict,
    EscalationError,
    EscalationForbidden,
    EscalationNotFound,
)
from escalations.services.crisis import message_crisis_assess, message_crisis_escalate
from escalations.services.decisions import escalation_check, escalation_signals
from escalations.services.deliveries import delivery_attempt, outbound_targets, retry_countdown
from escalations.services.endings import (
    CrisisLatched,
    conversation_end_by_visitor,
    conversation_idle_resolve,
)
from escalations.services.follow_ups import follow_up_handle, follow_up_request
from escalations.services.lifecycle import (
    OpenResult,
    escalation_emotion_update,
    escalation_open,
    escalation_request_human,
)
from escalations.services.notices import (
    HANDOFF_TEXT,
    crisis_resources_text,
)
from escalations.services.routing import (
    AgentStatusInvalid,
    agent_status_set,
    escalation_claim,
    escalation_queue_drain,
    escalation_route,
    escalation_sla_check,
    metrics_queue_refresh,
    queue_hints_schedule,
    queue_hints_send,
)

__all__ = [
    "HANDOFF_TEXT",
    "AgentStatusInvalid",
    "ClosingNoteRequired",
    "CrisisLatched",
    "EscalationConflict",
    "EscalationDecision",
    "EscalationError",
    "EscalationForbidden",
    "EscalationNotFound",
    "EscalationSignals",
    "OpenResult",
    "agent_message_post",
    "agent_status_set",
    "agent_transcript_view",
    "conversation_end_by_visitor",
    "conversation_idle_resolve",
    "crisis_resources_text",
    "delivery_attempt",
    "escalation_check",
    "escalation_claim",
    "escalation_decide",
    "escalation_emotion_update",
    "escalation_hand_back",
    "escalation_open",
    "escalation_queue_drain",
    "escalation_reassign",
    "escalation_request_human",
    "escalation_resolve",
    "escalation_resolve_by_supervisor",
    "escalation_route",
    "escalation_signals",
    "escalation_skill_require",
    "escalation_sla_check",
    "escalation_urgency_raise",
    "follow_up_handle",
    "follow_up_request",
    "message_crisis_assess",
    "message_crisis_escalate",
    "metrics_queue_refresh",
    "outbound_targets",
    "queue_hints_schedule",
    "queue_hints_send",
    "retry_countdown",
]

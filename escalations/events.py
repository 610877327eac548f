"""Agent-facing event builders, group names and after-commit pushes (the only place)."""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING, Any
from uuid import UUID

from django.db import transaction

from conversations import events as conversation_events
from core import layers

if TYPE_CHECKING:
    from escalations.models import Escalation, FollowUpRequest

logger = logging.getLogger(__name__)

ESCALATION_OPENED = "escalation.opened"
ESCALATION_ASSIGNED = "escalation.assigned"
ESCALATION_UPDATED = "escalation.updated"
ESCALATION_CLOSED = "escalation.closed"
ESCALATION_SLA_BREACHED = "escalation.sla_breached"
EMOTION_UPDATED = "emotion.updated"
# A visitor nobody could reach left an address; an agent marked it handled. Hints for the
# console (no address in the push): it re-reads its follow-up list.
FOLLOW_UP_CREATED = "follow_up.created"
FOLLOW_UP_UPDATED = "follow_up.updated"
FOLLOW_UP_HANDLED = "follow_up.handled"
# Ephemeral hint to the visitor's widget (no seq, not stored): place in the queue.
QUEUE_UPDATED = "queue.updated"

# Channel-layer message type; Channels maps it to AgentConsumer.agent_event. Sockets start and
# stop following a conversation from the escalation events themselves (see AgentConsumer).
LAYER_AGENT_EVENT = "agent.event"

# Channel-layer message type; Channels maps it to AgentConsumer.agent_revoke: the user's login
# may have ended, so each of their sockets checks its session again (or closes at once when
# `session_key` names its own session).
LAYER_AGENT_REVOKE = "agent.revoke"

AGENTS_GROUP = "agents"
SUPERVISORS_GROUP = "supervisors"


def agent_group(user_id: int) -> str:
    return f"agent.{int(user_id)}"


def _iso(value: Any) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value is not None else None


def escalation_json(escalation: Escalation) -> dict[str, Any]:
    """What agents see of an escalation (no message text; the transcript is fetched apart)."""
    return {
        "id": escalation.pk,
        "conversation_id": str(escalation.conversation_id),
        "reason": escalation.reason,
        "rule": escalation.rule,
        # "concern": a review (the bot still answers until the agent writes); "crisis": latched.
        "crisis_level": escalation.crisis_level,
        "urgency": escalation.urgency,
        "status": escalation.status,
        "required_skill": escalation.required_skill,
        "assigned_to": escalation.assigned_to_id,
        "trend": escalation.trend,
        "intensity": escalation.intensity,
        "journey": escalation.journey,
        "trigger_words": escalation.trigger_words,
        "summary": escalation.summary,
        "suggested_approach": escalation.suggested_approach,
        "ai_attempts": escalation.ai_attempts,
        "sla_due_at": _iso(escalation.sla_due_at),
        "sla_breached": escalation.sla_breached_at is not None,
        "created_at": _iso(escalation.created_at),
        "assigned_at": _iso(escalation.assigned_at),
    }


def escalation_event(event_type: str, escalation: Escalation) -> dict[str, Any]:
    return {"type": event_type, "escalation": escalation_json(escalation)}


def emotion_updated(*, conversation_id: UUID | str, reading: dict[str, Any], trend: str) -> dict:
    return {
        "type": EMOTION_UPDATED,
        "conversation_id": str(conversation_id),
        "reading": reading,
        "trend": trend,
    }


def follow_up_json(follow_up: FollowUpRequest) -> dict[str, Any]:
    """What the console lists of a follow-up request (the address is personal data: only the
    list API, behind the console's visibility rule, carries it)."""
    return {
        "id": follow_up.pk,
        "conversation_id": str(follow_up.conversation_id),
        "email": follow_up.email,
        "status": follow_up.status,
        "created_at": _iso(follow_up.created_at),
        "handled_at": _iso(follow_up.handled_at),
        "handled_by": follow_up.handled_by_id,
    }


def follow_up_event(event_type: str, follow_up: FollowUpRequest) -> dict[str, Any]:
    # `conversation_id` at the top: the agent socket applies the crisis restriction to it.
    return {
        "type": event_type,
        "conversation_id": str(follow_up.conversation_id),
        "follow_up": {"id": follow_up.pk, "status": follow_up.status},
    }


def queue_updated(
    *, position: int | None, estimated_wait_seconds: int | None, agents_online: int
) -> dict[str, Any]:
    """A queued visitor's place and wait; when nobody can come (no agent online, or outside
    the site's hours) neither is given and the widget says so instead."""
    offline = agents_online == 0 or estimated_wait_seconds is None
    return {
        "type": QUEUE_UPDATED,
        "agents_online": 0 if offline else agents_online,
        "offline": offline,
        "position": None if offline else position,
        "estimated_wait_seconds": None if offline else estimated_wait_seconds,
    }


def _group_send(group: str, message: dict[str, Any]) -> None:
    try:
        layers.group_send(group, message)
    except Exception:
        # Pushes are hints; agents' consoles also poll the API, which reads PostgreSQL.
        logger.warning("agent group_send failed", extra={"group": group}, exc_info=True)


def push_on_commit(groups: list[str], event: dict[str, Any]) -> None:
    """Send an agent event to each group once the transaction commits."""

    # One socket may sit in several of the groups: the id lets it drop the copies.
    stamped = {**event, "event_id": uuid.uuid4().hex}

    def send() -> None:
        for group in dict.fromkeys(groups):
            _group_send(group, {"type": LAYER_AGENT_EVENT, "event": stamped})

    transaction.on_commit(send)


def agent_revoke_on_commit(user_id: int, *, session_key: str | None = None) -> None:
    """After commit, tell the user's open agent sockets to re-check (or drop) their login."""
    message: dict[str, Any] = {"type": LAYER_AGENT_REVOKE, "session_key": session_key or ""}
    transaction.on_commit(lambda: _group_send(agent_group(user_id), message))


def queue_hint(conversation_id: UUID | str, event: dict[str, Any]) -> None:
    """Tell the visitor's widget its queue place (ephemeral, not stored, may be lost)."""
    _group_send(
        conversation_events.conversation_group(conversation_id),
        {"type": conversation_events.LAYER_HINT, "event": event},
    )

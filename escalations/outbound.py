"""Outbound pushes: Zendesk tickets, Intercom conversations and signed webhook events for a new
escalation (`escalation.created`), a visitor's follow-up request (`follow_up.created`) and the
on-call page of a crisis no crisis-trained agent is online for (`on_call.page`, webhook only).

Only this module speaks HTTP to other systems. Transient failures (connection errors, timeouts,
429 and 5xx) raise `DeliveryTransientError` so the task retries with backoff; anything else
raises `DeliveryTerminalError` and is shown in the admin. Payloads carry the emotional context
and ids, never the visitor's message text; a follow-up carries the address the visitor left so
the team can answer it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import time
import urllib.error
import urllib.request
from typing import Any

from django.conf import settings

from escalations.models import Escalation, FollowUpRequest

_PRIORITY = {"critical": "urgent", "high": "high", "medium": "normal", "low": "low"}


class DeliveryError(Exception):
    pass


class DeliveryTransientError(DeliveryError):
    pass


class DeliveryTerminalError(DeliveryError):
    pass


def _post(
    url: str, body: dict[str, Any] | bytes, headers: dict[str, str]
) -> tuple[int, dict[str, Any]]:
    # The webhook passes its exact bytes: the signature covers them.
    data = body if isinstance(body, bytes) else json.dumps(body, separators=(",", ":")).encode()
    request = urllib.request.Request(  # noqa: S310  (URLs come from settings only)
        url,
        data=data,
        method="POST",
        headers={"Content-Type": "application/json", "Accept": "application/json", **headers},
    )
    try:
        with urllib.request.urlopen(  # noqa: S310
            request, timeout=settings.OUTBOUND_TIMEOUT_SECONDS
        ) as response:
            raw = response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        status, raw = exc.code, exc.read()
        if status == 429 or status >= 500:
            raise DeliveryTransientError(f"HTTP {status}") from exc
        parsed = _json(raw)
        if status == 409:
            return status, parsed
        raise DeliveryTerminalError(f"HTTP {status}") from exc
    except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
        raise DeliveryTransientError(type(exc).__name__) from exc
    return status, _json(raw)


def _json(raw: bytes) -> dict[str, Any]:
    try:
        value = json.loads(raw or b"{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _iso(value: Any) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value is not None else None


def context(escalation: Escalation) -> dict[str, Any]:
    """The emotional context every target receives."""
    return {
        "escalation_id": escalation.pk,
        "conversation_id": str(escalation.conversation_id),
        "reason": escalation.reason,
        "urgency": escalation.urgency,
        "trend": escalation.trend,
        "intensity": escalation.intensity,
        "emotions": [item.get("emotion") for item in escalation.journey],
        "trigger_words": list(escalation.trigger_words),
        "summary": escalation.summary,
        "suggested_approach": escalation.suggested_approach,
        "ai_attempts": escalation.ai_attempts,
    }


def _body_text(ctx: dict[str, Any]) -> str:
    return "\n".join(
        [
            ctx["summary"],
            "",
            f"Suggested approach: {ctx['suggested_approach']}",
            f"Emotions: {', '.join(e for e in ctx['emotions'] if e) or 'none read'}",
            f"Trend: {ctx['trend']}; intensity {ctx['intensity']:.2f}",
            f"Empathy Desk conversation {ctx['conversation_id']}",
        ]
    )


def _zendesk_ticket(key: str, ticket: dict[str, Any]) -> str:
    """Create a Zendesk ticket under `key` (its external_id and Idempotency-Key); its id."""
    credentials = f"{settings.ZENDESK_EMAIL}/token:{settings.ZENDESK_API_TOKEN}"
    _, data = _post(
        settings.ZENDESK_BASE_URL.rstrip("/") + "/api/v2/tickets.json",
        {"ticket": {**ticket, "external_id": key}},
        {
            "Authorization": "Basic " + base64.b64encode(credentials.encode()).decode(),
            "Idempotency-Key": key,
        },
    )
    ticket_id = (data.get("ticket") or {}).get("id")
    if ticket_id is None:
        raise DeliveryTerminalError("Zendesk answered without a ticket id")
    return str(ticket_id)


def zendesk_push(escalation: Escalation) -> str:
    """Create a Zendesk ticket; returns its id. Idempotent by external_id + Idempotency-Key."""
    ctx = context(escalation)
    return _zendesk_ticket(
        f"empathy-desk-escalation-{escalation.pk}",
        {
            "subject": f"Escalation ({escalation.reason}, {escalation.urgency})",
            "comment": {"body": _body_text(ctx), "public": False},
            "priority": _PRIORITY.get(escalation.urgency, "normal"),
            "tags": ["empathy_desk", escalation.reason, f"urgency_{escalation.urgency}"],
        },
    )


_EXISTING_CONTACT = re.compile(r"id=([A-Za-z0-9]+)")


def _intercom_headers() -> dict[str, str]:
    return {
        "Authorization": f"Bearer {settings.INTERCOM_ACCESS_TOKEN}",
        "Intercom-Version": "2.11",
    }


def _intercom_conversation(*, visitor_id: int, email: str, body: str) -> str:
    """Open an Intercom conversation from the visitor's lead (created once, then reused)."""
    base = settings.INTERCOM_BASE_URL.rstrip("/")
    headers = _intercom_headers()
    lead: dict[str, Any] = {"role": "lead", "external_id": f"empathy-desk-visitor-{visitor_id}"}
    if email:
        lead["email"] = email
    status, contact = _post(base + "/contacts", lead, headers)
    contact_id = contact.get("id")
    if status == 409 or contact_id is None:
        # "A contact matching those details already exists with id=..."
        errors = contact.get("errors") or [{}]
        match = _EXISTING_CONTACT.search(str(errors[0].get("message", "")))
        contact_id = match.group(1) if match else None
    if contact_id is None:
        raise DeliveryTerminalError("Intercom answered without a contact id")
    _, conversation = _post(
        base + "/conversations",
        {"from": {"type": "lead", "id": contact_id}, "body": body},
        headers,
    )
    conversation_id = conversation.get("conversation_id") or conversation.get("id")
    if conversation_id is None:
        raise DeliveryTerminalError("Intercom answered without a conversation id")
    return str(conversation_id)


def intercom_push(escalation: Escalation) -> str:
    """Open an Intercom conversation from the visitor's contact; returns its id."""
    return _intercom_conversation(
        visitor_id=escalation.conversation.visitor_id,
        email="",
        body=_body_text(context(escalation)),
    )


def webhook_signature(*, secret: str, timestamp: str, body: bytes) -> str:
    """`sha256=<hex>` of HMAC-SHA256(secret, "<timestamp>.<body>")."""
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + digest.hexdigest()


def _webhook_send(*, event: str, delivery_id: str, data: dict[str, Any]) -> str:
    """POST `{"type": event, "id": delivery_id, **data}` with an HMAC-SHA256 signature."""
    if not settings.ESCALATION_WEBHOOK_SECRET:
        # An unsigned webhook cannot be trusted by its receiver: refuse, visibly in the admin.
        raise DeliveryTerminalError("ESCALATION_WEBHOOK_SECRET is not set")
    payload = {"type": event, "id": delivery_id, **data}
    body = json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()
    timestamp = str(int(time.time()))
    headers = {
        "X-EmpathyDesk-Event": event,
        "X-EmpathyDesk-Delivery": delivery_id,
        "X-EmpathyDesk-Timestamp": timestamp,
        "X-EmpathyDesk-Signature": webhook_signature(
            secret=settings.ESCALATION_WEBHOOK_SECRET, timestamp=timestamp, body=body
        ),
    }
    _post(settings.ESCALATION_WEBHOOK_URL, body, headers)
    return delivery_id


def webhook_push(escalation: Escalation, *, delivery_id: str) -> str:
    """POST `escalation.created` to the configured URL with an HMAC-SHA256 signature."""
    return _webhook_send(
        event="escalation.created",
        delivery_id=delivery_id,
        data={"escalation": context(escalation)},
    )


# ---------------------------------------------------------------------------
# The on-call page: a crisis, and no crisis-trained agent online
# ---------------------------------------------------------------------------
def on_call_context(escalation: Escalation) -> dict[str, Any]:
    """Ids and urgency only: the page wakes someone up, the console shows the rest."""
    return {
        "escalation_id": escalation.pk,
        "conversation_id": str(escalation.conversation_id),
        "site": escalation.conversation.site.site_key,
        "reason": escalation.reason,
        "urgency": escalation.urgency,
        "crisis_level": escalation.crisis_level,
        "required_skill": escalation.required_skill,
        "crisis_agent_online": False,
        "opened_at": _iso(escalation.created_at),
    }


def on_call_webhook_push(escalation: Escalation, *, delivery_id: str) -> str:
    """POST `on_call.page`, signed as every webhook event."""
    return _webhook_send(
        event="on_call.page", delivery_id=delivery_id, data={"page": on_call_context(escalation)}
    )


# ---------------------------------------------------------------------------
# Follow-up requests: nobody could come, the visitor left an address
# ---------------------------------------------------------------------------
def _follow_up_escalation(follow_up: FollowUpRequest) -> Escalation | None:
    return (
        Escalation.objects.filter(conversation_id=follow_up.conversation_id)
        .select_related("conversation")
        .order_by("-pk")
        .first()
    )


def follow_up_context(follow_up: FollowUpRequest) -> dict[str, Any]:
    """The request and, when the conversation was escalated, that escalation's context."""
    escalation = _follow_up_escalation(follow_up)
    return {
        "follow_up_id": follow_up.pk,
        "conversation_id": str(follow_up.conversation_id),
        "site": follow_up.conversation.site.site_key,
        "email": follow_up.email,
        "requested_at": _iso(follow_up.created_at),
        "escalation": context(escalation) if escalation is not None else None,
    }


def _follow_up_text(ctx: dict[str, Any]) -> str:
    lines = [
        "Nobody from the team could join the conversation; the visitor asked to be answered "
        f"by e-mail at {ctx['email']}.",
        f"Empathy Desk conversation {ctx['conversation_id']} (site {ctx['site']})",
    ]
    if ctx["escalation"] is not None:
        lines += ["", _body_text(ctx["escalation"])]
    return "\n".join(lines)


def zendesk_follow_up_push(follow_up: FollowUpRequest) -> str:
    """A Zendesk ticket requested by the visitor's address, so an agent's public reply reaches
    them by e-mail; returns its id. Idempotent by external_id + Idempotency-Key."""
    ctx = follow_up_context(follow_up)
    escalation = ctx["escalation"]
    return _zendesk_ticket(
        f"empathy-desk-follow-up-{follow_up.pk}",
        {
            "subject": "Follow-up requested: nobody was available",
            "requester": {"email": follow_up.email},
            "comment": {"body": _follow_up_text(ctx), "public": False},
            "priority": _PRIORITY.get(escalation["urgency"], "normal") if escalation else "normal",
            "tags": ["empathy_desk", "follow_up"],
        },
    )


def intercom_follow_up_push(follow_up: FollowUpRequest) -> str:
    """An Intercom conversation from the visitor's lead, with the address they left."""
    ctx = follow_up_context(follow_up)
    return _intercom_conversation(
        visitor_id=follow_up.conversation.visitor_id,
        email=follow_up.email,
        body=_follow_up_text(ctx),
    )


def follow_up_webhook_push(follow_up: FollowUpRequest, *, delivery_id: str) -> str:
    """POST `follow_up.created`, signed as every webhook event."""
    return _webhook_send(
        event="follow_up.created",
        delivery_id=delivery_id,
        data={"follow_up": follow_up_context(follow_up)},
    )

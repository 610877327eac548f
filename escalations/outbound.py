"""Outbound pushes of an escalation: Zendesk tickets, Intercom conversations, a signed webhook.

Only this module speaks HTTP to other systems. Transient failures (connection errors, timeouts,
429 and 5xx) raise `DeliveryTransientError` so the task retries with backoff; anything else
raises `DeliveryTerminalError` and is shown in the admin. Payloads carry the emotional context
and ids, never the visitor's message text.
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

from escalations.models import Escalation

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


def zendesk_push(escalation: Escalation) -> str:
    """Create a Zendesk ticket; returns its id. Idempotent by external_id + Idempotency-Key."""
    ctx = context(escalation)
    credentials = f"{settings.ZENDESK_EMAIL}/token:{settings.ZENDESK_API_TOKEN}"
    key = f"empathy-desk-escalation-{escalation.pk}"
    body = {
        "ticket": {
            "subject": f"Escalation ({escalation.reason}, {escalation.urgency})",
            "comment": {"body": _body_text(ctx), "public": False},
            "priority": _PRIORITY.get(escalation.urgency, "normal"),
            "tags": ["empathy_desk", escalation.reason, f"urgency_{escalation.urgency}"],
            "external_id": key,
        }
    }
    _, data = _post(
        settings.ZENDESK_BASE_URL.rstrip("/") + "/api/v2/tickets.json",
        body,
        {
            "Authorization": "Basic " + base64.b64encode(credentials.encode()).decode(),
            "Idempotency-Key": key,
        },
    )
    ticket_id = (data.get("ticket") or {}).get("id")
    if ticket_id is None:
        raise DeliveryTerminalError("Zendesk answered without a ticket id")
    return str(ticket_id)


_EXISTING_CONTACT = re.compile(r"id=([A-Za-z0-9]+)")


def intercom_push(escalation: Escalation) -> str:
    """Open an Intercom conversation from the visitor's contact; returns its id."""
    ctx = context(escalation)
    base = settings.INTERCOM_BASE_URL.rstrip("/")
    headers = {
        "Authorization": f"Bearer {settings.INTERCOM_ACCESS_TOKEN}",
        "Intercom-Version": "2.11",
    }
    visitor_id = escalation.conversation.visitor_id
    status, contact = _post(
        base + "/contacts",
        {"role": "lead", "external_id": f"empathy-desk-visitor-{visitor_id}"},
        headers,
    )
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
        {"from": {"type": "lead", "id": contact_id}, "body": _body_text(ctx)},
        headers,
    )
    conversation_id = conversation.get("conversation_id") or conversation.get("id")
    if conversation_id is None:
        raise DeliveryTerminalError("Intercom answered without a conversation id")
    return str(conversation_id)


def webhook_signature(*, secret: str, timestamp: str, body: bytes) -> str:
    """`sha256=<hex>` of HMAC-SHA256(secret, "<timestamp>.<body>")."""
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + digest.hexdigest()


def webhook_push(escalation: Escalation, *, delivery_id: str) -> str:
    """POST `escalation.created` to the configured URL with an HMAC-SHA256 signature."""
    if not settings.ESCALATION_WEBHOOK_SECRET:
        # An unsigned webhook cannot be trusted by its receiver: refuse, visibly in the admin.
        raise DeliveryTerminalError("ESCALATION_WEBHOOK_SECRET is not set")
    payload = {"type": "escalation.created", "id": delivery_id, "escalation": context(escalation)}
    body = json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()
    timestamp = str(int(time.time()))
    headers = {
        "X-EmpathyDesk-Event": "escalation.created",
        "X-EmpathyDesk-Delivery": delivery_id,
        "X-EmpathyDesk-Timestamp": timestamp,
        "X-EmpathyDesk-Signature": webhook_signature(
            secret=settings.ESCALATION_WEBHOOK_SECRET, timestamp=timestamp, body=body
        ),
    }
    _post(settings.ESCALATION_WEBHOOK_URL, body, headers)
    return delivery_id

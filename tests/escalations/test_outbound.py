"""Outbound pushes against fake Zendesk, Intercom and webhook servers on 127.0.0.1.

The servers record every request and answer from a script (status, body, delay), so the tests
see the exact JSON, headers and signature each system receives, and the retry behaviour.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from typing import Any

import pytest
from celery.exceptions import Retry
from django.contrib.auth.models import User
from django.test import Client

from escalations import services, tasks
from escalations.models import Escalation, OutboundDelivery
from escalations.rules import EscalationDecision
from pipeline import process
from tests.escalations.conftest import FakeApi, receive

pytestmark = pytest.mark.django_db

SECRET_TEXT = "I am furious, my card number is 4111 and the parcel never came"


@pytest.fixture
def escalation(conversation, detector) -> Escalation:  # type: ignore[no-untyped-def]
    message = receive(conversation, SECRET_TEXT)
    # The pipeline reads the message (the fake detector: furious) and escalates.
    assert process.message_process(message_id=message.pk) == "handed_off"
    return Escalation.objects.get(conversation=conversation)


def _context(escalation: Escalation) -> dict[str, Any]:
    return {
        "escalation_id": escalation.pk,
        "conversation_id": str(escalation.conversation_id),
        "reason": escalation.reason,
        "urgency": escalation.urgency,
        "trend": escalation.trend,
        "intensity": escalation.intensity,
        "emotions": [item["emotion"] for item in escalation.journey],
        "trigger_words": escalation.trigger_words,
        "summary": escalation.summary,
        "suggested_approach": escalation.suggested_approach,
        "ai_attempts": escalation.ai_attempts,
    }


def _deliver(
    escalation: Escalation, target: str, countdowns: list[int] | None = None
) -> tuple[OutboundDelivery, Any]:
    """Run the task as a worker would: each Retry it raises is run again with retries + 1
    (eager mode does not re-run retries itself); `countdowns` collects the backoff asked for."""
    delivery, _ = OutboundDelivery.objects.get_or_create(escalation=escalation, target=target)
    for retries in range(20):
        try:
            result = tasks.escalation_deliver.apply(args=[str(delivery.pk)], retries=retries).get()
        except Retry as retry:
            if countdowns is not None:
                countdowns.append(int(retry.when))  # type: ignore[arg-type]
            continue
        break
    delivery.refresh_from_db()
    return delivery, result


@pytest.fixture
def zendesk(settings, fake_api: FakeApi) -> FakeApi:
    settings.ZENDESK_BASE_URL = fake_api.url
    settings.ZENDESK_EMAIL = "ops@shop.example"
    settings.ZENDESK_API_TOKEN = "zd-token"
    settings.OUTBOUND_TIMEOUT_SECONDS = 0.5
    settings.OUTBOUND_MAX_RETRIES = 2
    fake_api.answers["/api/v2/tickets.json"] = [(201, {"ticket": {"id": 35436}}, 0)]
    return fake_api


# ---------------------------------------------------------------------------
# Exact requests
# ---------------------------------------------------------------------------
def test_zendesk_ticket_carries_emotional_context_and_no_message_text(  # type: ignore[no-untyped-def]
    escalation, zendesk
) -> None:
    delivery, result = _deliver(escalation, "zendesk")
    assert (result, delivery.status, delivery.external_id, delivery.attempts) == (
        "sent",
        "sent",
        "35436",
        1,
    )
    [request] = zendesk.requests
    assert request.path == "/api/v2/tickets.json"
    expected_auth = base64.b64encode(b"ops@shop.example/token:zd-token").decode()
    assert request.headers["authorization"] == f"Basic {expected_auth}"
    assert request.headers["idempotency-key"] == f"empathy-desk-escalation-{escalation.pk}"
    ctx = _context(escalation)
    assert request.json() == {
        "ticket": {
            "subject": "Escalation (high_emotional_intensity, high)",
            "comment": {
                "body": "\n".join(
                    [
                        escalation.summary,
                        "",
                        f"Suggested approach: {escalation.suggested_approach}",
                        f"Emotions: {', '.join(ctx['emotions'])}",
                        f"Trend: {escalation.trend}; intensity {escalation.intensity:.2f}",
                        f"Empathy Desk conversation {escalation.conversation_id}",
                    ]
                ),
                "public": False,
            },
            "priority": "high",
            "tags": ["empathy_desk", "high_emotional_intensity", "urgency_high"],
            "external_id": f"empathy-desk-escalation-{escalation.pk}",
        }
    }
    assert ctx["emotions"] == ["anger"]  # the journey reached the ticket
    assert escalation.trigger_words == ["furious,"]
    assert b"4111" not in request.body
    assert b"parcel" not in request.body


def test_intercom_conversation_from_a_lead_reusing_an_existing_contact(  # type: ignore[no-untyped-def]
    escalation, settings, fake_api: FakeApi
) -> None:
    settings.INTERCOM_BASE_URL = fake_api.url
    settings.INTERCOM_ACCESS_TOKEN = "ic-token"
    fake_api.answers["/contacts"] = [
        (409, {"type": "error.list", "errors": [{"code": "conflict", "message":
            "A contact matching those details already exists with id=6657abc"}]}, 0),
    ]  # fmt: skip
    fake_api.answers["/conversations"] = [(200, {"conversation_id": "1911", "type": "user"}, 0)]
    delivery, result = _deliver(escalation, "intercom")
    assert (result, delivery.status, delivery.external_id) == ("sent", "sent", "1911")
    contact, conversation = fake_api.requests
    for request in (contact, conversation):
        assert request.headers["authorization"] == "Bearer ic-token"
        assert request.headers["intercom-version"] == "2.11"
    visitor_id = escalation.conversation.visitor_id
    assert contact.json() == {"role": "lead", "external_id": f"empathy-desk-visitor-{visitor_id}"}
    body = conversation.json()
    assert body["from"] == {"type": "lead", "id": "6657abc"}
    assert body["body"].startswith(escalation.summary + "\n\nSuggested approach: ")
    assert list(body) == ["from", "body"]
    assert b"4111" not in conversation.body


def test_webhook_is_hmac_signed_over_timestamp_and_exact_body(  # type: ignore[no-untyped-def]
    escalation, settings, fake_api: FakeApi
) -> None:
    settings.ESCALATION_WEBHOOK_URL = fake_api.url + "/hooks/escalations"
    settings.ESCALATION_WEBHOOK_SECRET = "whsec-test"
    fake_api.answers["/hooks/escalations"] = [(204, {}, 0)]
    delivery, result = _deliver(escalation, "webhook")
    assert (result, delivery.status) == ("sent", "sent")
    [request] = fake_api.requests
    timestamp = request.headers["x-empathydesk-timestamp"]
    expected = hmac.new(
        b"whsec-test", timestamp.encode() + b"." + request.body, hashlib.sha256
    ).hexdigest()
    assert request.headers["x-empathydesk-signature"] == f"sha256={expected}"
    assert abs(int(timestamp) - time.time()) < 60
    assert request.headers["x-empathydesk-event"] == "escalation.created"
    assert request.headers["x-empathydesk-delivery"] == str(delivery.pk)
    assert request.json() == {
        "type": "escalation.created",
        "id": str(delivery.pk),
        "escalation": _context(escalation),
    }
    # A tampered body does not verify.
    forged = hmac.new(b"whsec-test", timestamp.encode() + b"." + request.body + b" ", "sha256")
    assert request.headers["x-empathydesk-signature"] != f"sha256={forged.hexdigest()}"


def test_webhook_without_a_secret_fails_visibly_and_sends_nothing(  # type: ignore[no-untyped-def]
    escalation, settings, fake_api: FakeApi
) -> None:
    settings.ESCALATION_WEBHOOK_URL = fake_api.url + "/hooks/escalations"
    settings.ESCALATION_WEBHOOK_SECRET = ""
    delivery, result = _deliver(escalation, "webhook")
    assert (result, delivery.status, delivery.last_error) == (
        "failed",
        "failed",
        "ESCALATION_WEBHOOK_SECRET is not set",
    )
    assert fake_api.requests == []


# ---------------------------------------------------------------------------
# Retries, terminal errors, idempotency
# ---------------------------------------------------------------------------
def test_5xx_then_success_retries_and_sends_once(escalation, zendesk) -> None:  # type: ignore[no-untyped-def]
    zendesk.answers["/api/v2/tickets.json"] = [
        (503, {}, 0),
        (502, {}, 0),
        (201, {"ticket": {"id": 7}}, 0),
    ]
    countdowns: list[int] = []
    delivery, _ = _deliver(escalation, "zendesk", countdowns)
    assert (delivery.status, delivery.attempts, delivery.external_id, delivery.last_error) == (
        "sent",
        3,
        "7",
        "",
    )
    assert countdowns == [2, 4]
    assert len(zendesk.requests) == 3


def test_retries_are_bounded_and_the_failure_is_kept(escalation, zendesk) -> None:  # type: ignore[no-untyped-def]
    zendesk.answers["/api/v2/tickets.json"] = [(500, {}, 0)]
    countdowns: list[int] = []
    delivery, result = _deliver(escalation, "zendesk", countdowns)
    # OUTBOUND_MAX_RETRIES = 2: the first try and two retries, then it stops.
    assert countdowns == [2, 4]
    assert (result, delivery.status, delivery.attempts, delivery.last_error) == (
        "failed",
        "failed",
        3,
        "HTTP 500",
    )
    assert len(zendesk.requests) == 3


def test_timeouts_are_transient(escalation, zendesk, settings) -> None:  # type: ignore[no-untyped-def]
    settings.OUTBOUND_TIMEOUT_SECONDS = 0.2
    settings.OUTBOUND_MAX_RETRIES = 1
    zendesk.answers["/api/v2/tickets.json"] = [(201, {"ticket": {"id": 1}}, 1.0)]
    delivery, _ = _deliver(escalation, "zendesk")
    assert (delivery.status, delivery.attempts, delivery.last_error) == (
        "failed",
        2,
        "TimeoutError",
    )


@pytest.mark.parametrize("status", [400, 401, 422])
def test_4xx_is_terminal_after_one_attempt(escalation, zendesk, status: int) -> None:  # type: ignore[no-untyped-def]
    zendesk.answers["/api/v2/tickets.json"] = [(status, {"error": "RecordInvalid"}, 0)]
    delivery, result = _deliver(escalation, "zendesk")
    assert (result, delivery.status, delivery.attempts, delivery.last_error) == (
        "failed",
        "failed",
        1,
        f"HTTP {status}",
    )
    assert len(zendesk.requests) == 1


def test_redelivery_after_success_sends_nothing(escalation, zendesk) -> None:  # type: ignore[no-untyped-def]
    first, _ = _deliver(escalation, "zendesk")
    second, result = _deliver(escalation, "zendesk")
    assert (result, second.pk, second.attempts) == ("already_sent", first.pk, 1)
    assert len(zendesk.requests) == 1
    assert OutboundDelivery.objects.filter(escalation=escalation).count() == 1


def test_backoff_doubles_and_is_capped() -> None:
    assert [services.retry_countdown(n) for n in range(10)] == [
        2, 4, 8, 16, 32, 64, 128, 256, 300, 300,
    ]  # fmt: skip


# ---------------------------------------------------------------------------
# From opening to delivery, and the admin
# ---------------------------------------------------------------------------
def test_opening_an_escalation_queues_one_delivery_per_target_after_commit(  # type: ignore[no-untyped-def]
    conversation, detector, zendesk, settings, django_capture_on_commit_callbacks
) -> None:
    settings.ESCALATION_WEBHOOK_URL = zendesk.url + "/hook"
    settings.ESCALATION_WEBHOOK_SECRET = "s"
    zendesk.answers["/hook"] = [(200, {}, 0)]
    with django_capture_on_commit_callbacks(execute=True):
        escalation = services.escalation_open(
            conversation_id=conversation.id, decision=EscalationDecision("user_request", "t")
        ).escalation
    with django_capture_on_commit_callbacks(execute=True):
        # A second trigger while it is open: no new escalation, no new delivery.
        services.escalation_open(
            conversation_id=conversation.id, decision=EscalationDecision("user_request", "t")
        )
    rows = sorted(
        OutboundDelivery.objects.filter(escalation=escalation).values_list("target", "status")
    )
    assert rows == [("webhook", "sent"), ("zendesk", "sent")]
    assert sorted(r.path for r in zendesk.requests) == ["/api/v2/tickets.json", "/hook"]


def test_failed_delivery_is_visible_read_only_in_admin(escalation, zendesk) -> None:  # type: ignore[no-untyped-def]
    zendesk.answers["/api/v2/tickets.json"] = [(422, {}, 0)]
    delivery, _ = _deliver(escalation, "zendesk")
    admin = User.objects.create_superuser("root", password="pw")
    client = Client()
    client.force_login(admin)
    listing = client.get("/admin/escalations/outbounddelivery/?status=failed")
    assert listing.status_code == 200
    assert b"HTTP 422" in listing.content
    page = client.get(f"/admin/escalations/escalation/{escalation.pk}/change/")
    assert b"HTTP 422" in page.content
    detail = client.get(f"/admin/escalations/outbounddelivery/{delivery.pk}/change/")
    assert b'name="last_error"' not in detail.content  # read-only, not an input
    assert b"HTTP 422" in detail.content

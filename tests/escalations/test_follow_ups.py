"""Follow-up requests, from the widget to Zendesk, Intercom and the signed webhook.

The visitor finds nobody online and leaves an address through the widget API; the fake
helpdesk and webhook receivers on 127.0.0.1 see the exact requests (no message text), each
pushed once; the retry machinery of escalation pushes applies; the admin's action is the
console's service.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Any

import pytest
from celery.exceptions import Retry
from django.contrib.auth.models import User
from django.test import Client

from conversations.models import Conversation
from escalations import outbound, tasks
from escalations.models import Escalation, EscalationEvent, FollowUpRequest, OutboundDelivery
from tests.escalations.conftest import FakeApi, make_agent, receive, widget_client

pytestmark = pytest.mark.django_db

SECRET_TEXT = "my card number is 4111 and the parcel never came"
ZENDESK = "/api/v2/tickets.json"
HOOK = "/hooks/desk"


@pytest.fixture
def targets(settings, fake_api: FakeApi) -> FakeApi:  # type: ignore[no-untyped-def]
    settings.ZENDESK_BASE_URL = fake_api.url
    settings.ZENDESK_EMAIL = "ops@shop.example"
    settings.ZENDESK_API_TOKEN = "zd-token"
    settings.INTERCOM_BASE_URL = fake_api.url
    settings.INTERCOM_ACCESS_TOKEN = "ic-token"
    settings.ESCALATION_WEBHOOK_URL = fake_api.url + HOOK
    settings.ESCALATION_WEBHOOK_SECRET = "whsec-test"
    settings.OUTBOUND_TIMEOUT_SECONDS = 0.5
    settings.OUTBOUND_MAX_RETRIES = 2
    fake_api.answers.update(
        {
            ZENDESK: [(201, {"ticket": {"id": 7001}}, 0)],
            "/contacts": [(200, {"type": "contact", "id": "lead-7"}, 0)],
            "/conversations": [(200, {"conversation_id": "2024", "type": "user"}, 0)],
            HOOK: [(204, {}, 0)],
        }
    )
    return fake_api


def _nobody_can_come(conversation: Conversation, capture: Any) -> Escalation:
    """The visitor writes, asks for a person with nobody online, and is told so."""
    make_agent("away", status="away")
    with capture(execute=True):
        receive(conversation, SECRET_TEXT)
        answer = widget_client(conversation).post(
            f"/api/v1/widget/conversations/{conversation.id}/request-human"
        )
    assert (answer.json()["offline"], answer.json()["queue_position"]) == (True, None)
    return Escalation.objects.get(conversation=conversation)


def _contact(conversation: Conversation, email: str) -> Any:
    return widget_client(conversation).post(
        f"/api/v1/widget/conversations/{conversation.id}/contact", {"email": email}, format="json"
    )


def _verify(request: Any, secret: bytes = b"whsec-test") -> None:
    timestamp = request.headers["x-empathydesk-timestamp"]
    expected = hmac.new(secret, timestamp.encode() + b"." + request.body, hashlib.sha256)
    assert request.headers["x-empathydesk-signature"] == f"sha256={expected.hexdigest()}"


def test_a_follow_up_reaches_zendesk_intercom_and_the_webhook_once(  # type: ignore[no-untyped-def]
    conversation, detector, targets, django_capture_on_commit_callbacks
) -> None:
    escalation = _nobody_can_come(conversation, django_capture_on_commit_callbacks)
    targets.requests.clear()  # the escalation's own pushes

    with django_capture_on_commit_callbacks(execute=True):
        response = _contact(conversation, "ana@example.org")
    assert (response.status_code, response.json()) == (
        201,
        {"email": "ana@example.org", "status": "pending"},
    )
    follow_up = FollowUpRequest.objects.get()
    deliveries = {
        d.target: d for d in OutboundDelivery.objects.filter(follow_up=follow_up).order_by("target")
    }
    assert sorted(
        (d.target, d.event, d.status, d.attempts, d.external_id) for d in deliveries.values()
    ) == [
        ("intercom", "follow_up.created", "sent", 1, "2024"),
        ("webhook", "follow_up.created", "sent", 1, str(deliveries["webhook"].pk)),
        ("zendesk", "follow_up.created", "sent", 1, "7001"),
    ]
    by_path = {request.path: request for request in targets.requests}
    assert sorted(by_path) == sorted(["/contacts", "/conversations", HOOK, ZENDESK])
    assert len(targets.requests) == 4

    text = "\n".join(
        [
            "Nobody from the team could join the conversation; the visitor asked to be "
            "answered by e-mail at ana@example.org.",
            f"Empathy Desk conversation {conversation.id} (site acme)",
            "",
            outbound._body_text(outbound.context(escalation)),
        ]
    )
    # Zendesk: a ticket whose requester is the visitor, so a public reply reaches them.
    ticket = by_path[ZENDESK]
    expected_auth = base64.b64encode(b"ops@shop.example/token:zd-token").decode()
    assert ticket.headers["authorization"] == f"Basic {expected_auth}"
    assert ticket.headers["idempotency-key"] == f"empathy-desk-follow-up-{follow_up.pk}"
    assert ticket.json() == {
        "ticket": {
            "subject": "Follow-up requested: nobody was available",
            "requester": {"email": "ana@example.org"},
            "comment": {"body": text, "public": False},
            "priority": "low",
            "tags": ["empathy_desk", "follow_up"],
            "external_id": f"empathy-desk-follow-up-{follow_up.pk}",
        }
    }
    # Intercom: the visitor's lead, with the address, opens a conversation.
    assert by_path["/contacts"].json() == {
        "role": "lead",
        "external_id": f"empathy-desk-visitor-{conversation.visitor_id}",
        "email": "ana@example.org",
    }
    assert by_path["/conversations"].json() == {
        "from": {"type": "lead", "id": "lead-7"},
        "body": text,
    }
    # The webhook: `follow_up.created`, signed like `escalation.created`.
    hook = by_path[HOOK]
    _verify(hook)
    assert hook.headers["x-empathydesk-event"] == "follow_up.created"
    assert hook.headers["x-empathydesk-delivery"] == str(deliveries["webhook"].pk)
    assert hook.json() == {
        "type": "follow_up.created",
        "id": str(deliveries["webhook"].pk),
        "follow_up": {
            "follow_up_id": follow_up.pk,
            "conversation_id": str(conversation.id),
            "site": "acme",
            "email": "ana@example.org",
            "requested_at": follow_up.created_at.isoformat().replace("+00:00", "Z"),
            "escalation": outbound.context(escalation),
        },
    }
    for request in targets.requests:
        assert b"4111" not in request.body
        assert b"parcel" not in request.body

    # A corrected address updates the request; nothing is pushed a second time.
    with django_capture_on_commit_callbacks(execute=True):
        again = _contact(conversation, "ana@example.com")
    assert again.status_code == 201
    assert list(FollowUpRequest.objects.values_list("pk", "email")) == [
        (follow_up.pk, "ana@example.com")
    ]
    assert len(targets.requests) == 4
    assert OutboundDelivery.objects.filter(follow_up=follow_up).count() == 3
    assert list(
        EscalationEvent.objects.filter(escalation=escalation, type="follow_up_requested")
        .values_list("data", flat=True)
    ) == [{"follow_up_id": follow_up.pk}] * 2  # fmt: skip


def test_without_an_escalation_the_follow_up_still_goes_out(  # type: ignore[no-untyped-def]
    conversation, settings, fake_api: FakeApi, django_capture_on_commit_callbacks
) -> None:
    settings.ESCALATION_WEBHOOK_URL = fake_api.url + HOOK
    settings.ESCALATION_WEBHOOK_SECRET = "whsec-test"
    fake_api.answers[HOOK] = [(200, {}, 0)]
    with django_capture_on_commit_callbacks(execute=True):
        assert _contact(conversation, "lee@example.org").status_code == 201
    [request] = fake_api.requests
    _verify(request)
    payload = request.json()
    assert payload["type"] == "follow_up.created"
    assert (payload["follow_up"]["email"], payload["follow_up"]["escalation"]) == (
        "lee@example.org",
        None,
    )


def _run_delivery(delivery: OutboundDelivery, countdowns: list[int]) -> str:
    """As a worker would: each Retry runs again with retries + 1."""
    for retries in range(10):
        try:
            return str(
                tasks.escalation_deliver.apply(args=[str(delivery.pk)], retries=retries).get()
            )
        except Retry as retry:
            countdowns.append(int(retry.when))  # type: ignore[arg-type]
    raise AssertionError("never finished")


def test_a_failing_webhook_retries_with_backoff_and_sends_once(  # type: ignore[no-untyped-def]
    conversation, settings, fake_api: FakeApi, django_capture_on_commit_callbacks
) -> None:
    settings.ESCALATION_WEBHOOK_URL = fake_api.url + HOOK
    settings.ESCALATION_WEBHOOK_SECRET = "whsec-test"
    settings.OUTBOUND_MAX_RETRIES = 3
    fake_api.answers[HOOK] = [(503, {}, 0), (429, {}, 0), (204, {}, 0)]
    # Committed without running the enqueue: the worker below is the only one to push.
    with django_capture_on_commit_callbacks(execute=False):
        _contact(conversation, "lee@example.org")
    delivery = OutboundDelivery.objects.get(follow_up__email="lee@example.org")
    countdowns: list[int] = []
    assert _run_delivery(delivery, countdowns) == "sent"
    assert countdowns == [2, 4]
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_error) == ("sent", 3, "")
    # A redelivered task pushes nothing more.
    assert _run_delivery(delivery, countdowns) == "already_sent"
    assert len(fake_api.requests) == 3
    assert len({r.headers["x-empathydesk-delivery"] for r in fake_api.requests}) == 1


def test_the_admin_action_marks_follow_ups_handled_by_whom(conversation) -> None:  # type: ignore[no-untyped-def]
    _contact(conversation, "kim@example.org")
    follow_up = FollowUpRequest.objects.get()
    admin = User.objects.create_superuser("root", password="pw")
    client = Client()
    client.force_login(admin)
    response = client.post(
        "/admin/escalations/followuprequest/",
        {"action": "mark_done", "_selected_action": [follow_up.pk]},
    )
    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert (follow_up.status, follow_up.handled_by_id) == ("done", admin.pk)
    assert follow_up.handled_at is not None

"""The on-call page of a crisis nobody crisis-trained is online for: the signed `on_call.page`
webhook event (a real HTTP receiver on 127.0.0.1) beside the supervisors' e-mail, once per
escalation, never with what the visitor wrote."""

from __future__ import annotations

import hashlib
import hmac

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail

from escalations.models import Escalation, OutboundDelivery
from tests.escalations.conftest import FakeApi, make_agent, receive

pytestmark = pytest.mark.django_db

CRISIS_TEXT = "I am going to kill myself tonight"
HOOK = "/hooks/desk"
PAGE_SUBJECT = "Crisis conversation needs a person now"


@pytest.fixture
def hook(settings, fake_api: FakeApi) -> FakeApi:  # type: ignore[no-untyped-def]
    settings.ESCALATION_WEBHOOK_URL = fake_api.url + HOOK
    settings.ESCALATION_WEBHOOK_SECRET = "whsec-test"
    settings.OUTBOUND_TIMEOUT_SECONDS = 0.5
    fake_api.answers[HOOK] = [(204, {}, 0)]
    supervisor = User.objects.create_user(username="sup", email="sup@example.org")
    supervisor.groups.add(Group.objects.get_or_create(name="supervisors")[0])
    return fake_api


def _events(api: FakeApi) -> list[str]:
    return [request.headers["x-empathydesk-event"] for request in api.requests]


def test_a_crisis_nobody_crisis_trained_can_take_pages_through_the_webhook(  # type: ignore[no-untyped-def]
    conversation, detector, hook, django_capture_on_commit_callbacks
) -> None:
    make_agent("billing-only", skills=["billing"])  # online, but not crisis-trained
    with django_capture_on_commit_callbacks(execute=True):
        receive(conversation, CRISIS_TEXT)
    escalation = Escalation.objects.get(conversation=conversation)
    page = OutboundDelivery.objects.get(escalation=escalation, event="on_call.page")
    assert (page.target, page.status, page.attempts) == ("webhook", "sent", 1)
    assert sorted(_events(hook)) == ["escalation.created", "on_call.page"]
    [request] = [r for r in hook.requests if r.headers["x-empathydesk-event"] == "on_call.page"]
    timestamp = request.headers["x-empathydesk-timestamp"]
    expected = hmac.new(b"whsec-test", timestamp.encode() + b"." + request.body, hashlib.sha256)
    assert request.headers["x-empathydesk-signature"] == f"sha256={expected.hexdigest()}"
    assert request.headers["x-empathydesk-delivery"] == str(page.pk)
    assert request.json() == {
        "type": "on_call.page",
        "id": str(page.pk),
        "page": {
            "escalation_id": escalation.pk,
            "conversation_id": str(conversation.id),
            "site": "acme",
            "reason": "crisis_indicators",
            "urgency": "critical",
            "crisis_level": "crisis",
            "required_skill": "crisis",
            "crisis_agent_online": False,
            "opened_at": escalation.created_at.isoformat().replace("+00:00", "Z"),
        },
    }
    assert b"myself" not in request.body
    assert b"tonight" not in request.body
    # The e-mail goes out as before.
    assert [m.to for m in mail.outbox if m.subject == PAGE_SUBJECT] == [["sup@example.org"]]

    # Another crisis message in the same conversation: the page is not sent again.
    with django_capture_on_commit_callbacks(execute=True):
        receive(conversation, "I really am going to kill myself, I have the pills")
    assert _events(hook).count("on_call.page") == 1
    assert OutboundDelivery.objects.filter(event="on_call.page").count() == 1


def test_no_page_when_a_crisis_trained_agent_is_online(  # type: ignore[no-untyped-def]
    conversation, detector, hook, django_capture_on_commit_callbacks
) -> None:
    make_agent("carer", skills=["crisis"])
    with django_capture_on_commit_callbacks(execute=True):
        receive(conversation, CRISIS_TEXT)
    assert _events(hook) == ["escalation.created"]
    assert not OutboundDelivery.objects.filter(event="on_call.page").exists()
    assert [m for m in mail.outbox if m.subject == PAGE_SUBJECT] == []


def test_without_a_webhook_the_page_is_an_e_mail_only(  # type: ignore[no-untyped-def]
    conversation, detector, hook, settings, django_capture_on_commit_callbacks
) -> None:
    settings.ESCALATION_WEBHOOK_URL = ""
    with django_capture_on_commit_callbacks(execute=True):
        receive(conversation, CRISIS_TEXT)
    assert hook.requests == []
    assert not OutboundDelivery.objects.exists()
    assert len([m for m in mail.outbox if m.subject == PAGE_SUBJECT]) == 1

"""Supervisor admin: escaped visitor strings, filters, actions through services, audit trail."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from escalations import services
from escalations.models import Escalation, EscalationEvent
from escalations.rules import EscalationDecision
from tests.escalations.conftest import make_agent, receive

pytestmark = pytest.mark.django_db

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def supervisor_client(client):  # type: ignore[no-untyped-def]
    client.force_login(User.objects.create_superuser("root", "root@example.com", "pw"))
    return client


@pytest.fixture
def escalation(conversation) -> Escalation:  # type: ignore[no-untyped-def]
    conversation.visitor.display_name = XSS
    conversation.visitor.save()
    receive(conversation, f"help {XSS}")
    return services.escalation_open(
        conversation_id=conversation.id, decision=EscalationDecision("user_request", "t")
    ).escalation


def test_visitor_strings_are_escaped_in_list_and_detail(supervisor_client, escalation) -> None:  # type: ignore[no-untyped-def]
    listing = supervisor_client.get("/admin/escalations/escalation/")
    detail = supervisor_client.get(f"/admin/escalations/escalation/{escalation.pk}/change/")
    for response in (listing, detail):
        assert response.status_code == 200
        body = response.content.decode()
        assert "<script>alert" not in body
        assert "<img src=x" not in body
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in body
    assert "help &lt;script&gt;" in detail.content.decode()  # the transcript, escaped


@pytest.mark.parametrize(
    "query",
    ["urgency__exact=low", "reason__exact=user_request", "status__exact=queued",
     "sla_breached=no", "skill=any"],
)  # fmt: skip
def test_filters_find_the_escalation(supervisor_client, escalation, query: str) -> None:  # type: ignore[no-untyped-def]
    response = supervisor_client.get(f"/admin/escalations/escalation/?{query}")
    assert response.status_code == 200
    assert f"/admin/escalations/escalation/{escalation.pk}/change/" in response.content.decode()


def test_actions_call_the_services_and_are_audited(supervisor_client, escalation) -> None:  # type: ignore[no-untyped-def]
    agent = make_agent("ann", status="offline")
    url = "/admin/escalations/escalation/"
    supervisor_client.post(
        url, {"action": "raise_urgency", "_selected_action": [escalation.pk], "agent": ""}
    )
    supervisor_client.post(
        url, {"action": "reassign", "_selected_action": [escalation.pk], "agent": agent.pk}
    )
    escalation.refresh_from_db()
    assert (escalation.urgency, escalation.status, escalation.assigned_to) == (
        "medium",
        "assigned",
        agent,
    )
    supervisor_client.post(url, {"action": "resolve", "_selected_action": [escalation.pk]})
    escalation.refresh_from_db()
    assert escalation.status == "resolved"
    assert list(escalation.events.values_list("type", flat=True)) == [
        "opened",
        "urgency_raised",
        "reassigned",
        "resolved",
    ]


def test_audit_trail_is_append_only(supervisor_client, escalation) -> None:  # type: ignore[no-untyped-def]
    event = EscalationEvent.objects.get(escalation=escalation)
    change = supervisor_client.post(
        f"/admin/escalations/escalationevent/{event.pk}/change/", {"type": "forged"}
    )
    assert change.status_code == 403 or b"forged" not in change.content
    assert (
        supervisor_client.get(f"/admin/escalations/escalationevent/{event.pk}/delete/").status_code
        == 403
    )
    event.type = "forged"
    with pytest.raises(ValueError, match="append-only"):
        event.save()
    with pytest.raises(ValueError, match="append-only"):
        event.delete()
    assert EscalationEvent.objects.get(pk=event.pk).type == "opened"


def test_agent_workload_list(supervisor_client, escalation) -> None:  # type: ignore[no-untyped-def]
    agent = make_agent("ann", capacity=4, status="offline")
    services.escalation_claim(escalation_id=escalation.pk, user=agent)
    body = supervisor_client.get("/admin/escalations/agentprofile/").content.decode()
    assert "1 / 4" in body

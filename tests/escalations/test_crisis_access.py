"""Crisis transcripts: agent API and console views go through crisis_transcript_access_check.

Supervisors and crisis-trained agents read them, each view audited; anyone else gets 403 and
no audit entry. A crisis upgrade takes the conversation from an agent without the skill.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from conversations.models import Conversation, Message, PrivacyAuditEntry
from escalations import services
from escalations.models import Escalation
from escalations.rules import EscalationDecision
from escalations.services.actions import CRISIS_RESTRICTED
from tests.escalations.conftest import make_agent, receive

pytestmark = pytest.mark.django_db

CRISIS_TEXT = "I want to kill myself tonight"


def _api(user: User) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def _console(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _audits() -> list[tuple[str, int | None, str]]:
    return [
        (entry.action, entry.actor_id, str(entry.conversation_ref))
        for entry in PrivacyAuditEntry.objects.order_by("pk")
    ]


@pytest.fixture
def crisis(conversation: Conversation) -> Conversation:
    receive(conversation, CRISIS_TEXT)
    escalation = Escalation.objects.get(conversation=conversation)
    assert (escalation.reason, escalation.status) == ("crisis_indicators", "queued")
    return conversation


@pytest.fixture
def people(db) -> dict[str, User]:  # type: ignore[no-untyped-def]
    return {
        "plain": make_agent("plain", status="offline"),
        "trained": make_agent("trained", skills=["crisis"], status="offline"),
        "boss": make_agent("boss", status="offline", supervisor=True),
    }


def _transcript(conversation: Conversation) -> list[dict[str, object]]:
    return [
        {
            "seq": m.seq,
            "sender": m.sender,
            "text": m.text,
            "created_at": m.created_at.isoformat().replace("+00:00", "Z"),
        }
        for m in Message.objects.filter(conversation=conversation).order_by("seq")
    ]


# ---------------------------------------------------------------------------
# Agent API
# ---------------------------------------------------------------------------
def test_escalation_list_hides_crisis_escalations_from_agents_without_the_skill(  # type: ignore[no-untyped-def]
    crisis, people
) -> None:
    """Summary, journey and live readings of a crisis are as restricted as its transcript."""
    escalation = Escalation.objects.get(conversation=crisis)
    seen = {
        name: [e["id"] for e in _api(user).get("/api/v1/agent/escalations").json()["escalations"]]
        for name, user in people.items()
    }
    assert seen == {"plain": [], "trained": [escalation.pk], "boss": [escalation.pk]}


def test_agent_without_crisis_skill_gets_403_and_no_audit(crisis, people) -> None:  # type: ignore[no-untyped-def]
    response = _api(people["plain"]).get(f"/api/v1/agent/conversations/{crisis.id}/messages")
    assert response.status_code == 403
    assert response.json() == {"error": "forbidden", "message": CRISIS_RESTRICTED}
    assert _audits() == []


@pytest.mark.parametrize("who", ["trained", "boss"])
def test_crisis_trained_and_supervisors_read_it_and_each_view_is_audited(  # type: ignore[no-untyped-def]
    crisis, people, who: str
) -> None:
    client = _api(people[who])
    for _ in range(2):
        response = client.get(f"/api/v1/agent/conversations/{crisis.id}/messages")
        assert response.status_code == 200
        assert response.json() == {
            "conversation_id": str(crisis.id),
            "messages": _transcript(crisis),
        }
    assert [m["sender"] for m in response.json()["messages"]] == ["visitor", "system"]
    view = ("crisis_transcript_view", people[who].pk, str(crisis.id))
    assert _audits() == [view, view]


def test_ordinary_transcript_is_not_audited(conversation, people) -> None:  # type: ignore[no-untyped-def]
    receive(conversation, "where is my parcel")
    services.escalation_open(
        conversation_id=conversation.id, decision=EscalationDecision("user_request", "t")
    )
    response = _api(people["plain"]).get(f"/api/v1/agent/conversations/{conversation.id}/messages")
    assert response.status_code == 200
    assert response.json()["messages"] == _transcript(conversation)
    assert response.json()["messages"][0]["text"] == "where is my parcel"
    assert _audits() == []


def test_someone_elses_conversation_is_403_and_unknown_404(conversation, people) -> None:  # type: ignore[no-untyped-def]
    escalation = services.escalation_open(
        conversation_id=conversation.id, decision=EscalationDecision("user_request", "t")
    ).escalation
    services.escalation_claim(escalation_id=escalation.pk, user=people["trained"])
    client = _api(people["plain"])
    assert client.get(f"/api/v1/agent/conversations/{conversation.id}/messages").json() == {
        "error": "forbidden",
        "message": "This conversation is not assigned to you.",
    }
    missing = client.get(
        "/api/v1/agent/conversations/00000000-0000-0000-0000-000000000001/messages"
    )
    assert missing.status_code == 404


def test_agent_without_skill_cannot_write_into_a_crisis_handed_to_them(crisis, people) -> None:  # type: ignore[no-untyped-def]
    escalation = Escalation.objects.get(conversation=crisis)
    services.escalation_reassign(
        escalation_id=escalation.pk, actor=people["boss"], to_user=people["plain"]
    )
    response = _api(people["plain"]).post(
        f"/api/v1/agent/conversations/{crisis.id}/messages", {"text": "hi"}, format="json"
    )
    assert response.status_code == 403
    assert response.json()["message"] == CRISIS_RESTRICTED
    assert Message.objects.filter(conversation=crisis, sender="agent").count() == 0


# ---------------------------------------------------------------------------
# Console
# ---------------------------------------------------------------------------
def test_console_page_and_api_refuse_agents_without_the_skill(crisis, people) -> None:  # type: ignore[no-untyped-def]
    client = _console(people["plain"])
    page = client.get(f"/console/conversations/{crisis.id}/")
    assert page.status_code == 403
    assert b"This conversation is restricted" in page.content
    assert CRISIS_TEXT.encode() not in page.content
    api = client.get(f"/console/api/conversations/{crisis.id}")
    assert api.status_code == 403
    assert api.json() == {"error": "forbidden", "message": CRISIS_RESTRICTED}
    for tail in ("suggestions", "similar"):
        assert client.get(f"/console/api/conversations/{crisis.id}/{tail}").status_code == 403
    assert _audits() == []


def test_console_views_by_the_crisis_trained_are_audited_once_each(crisis, people) -> None:  # type: ignore[no-untyped-def]
    client = _console(people["trained"])
    page = client.get(f"/console/conversations/{crisis.id}/")
    assert page.status_code == 200
    api = client.get(f"/console/api/conversations/{crisis.id}")
    assert api.status_code == 200
    assert api.json()["transcript"][0]["text"] == CRISIS_TEXT
    # Suggestions show no transcript: allowed, not audited.
    assert client.get(f"/console/api/conversations/{crisis.id}/suggestions").status_code == 200
    view = ("crisis_transcript_view", people["trained"].pk, str(crisis.id))
    assert _audits() == [view, view]


def test_console_hides_a_crisis_assigned_to_someone_else_as_404(crisis, people) -> None:  # type: ignore[no-untyped-def]
    other = make_agent("other", skills=["crisis"], status="offline")
    services.escalation_claim(
        escalation_id=Escalation.objects.get(conversation=crisis).pk, user=other
    )
    client = _console(people["trained"])
    assert client.get(f"/console/conversations/{crisis.id}/").status_code == 404
    assert client.get(f"/console/api/conversations/{crisis.id}").status_code == 404
    assert _audits() == []


# ---------------------------------------------------------------------------
# A crisis in a conversation already with an agent who lacks the skill
# ---------------------------------------------------------------------------
def test_crisis_upgrade_requeues_an_agent_without_the_skill(conversation, people) -> None:  # type: ignore[no-untyped-def]
    escalation = services.escalation_open(
        conversation_id=conversation.id, decision=EscalationDecision("user_request", "t")
    ).escalation
    services.escalation_claim(escalation_id=escalation.pk, user=people["plain"])
    receive(conversation, CRISIS_TEXT)
    escalation.refresh_from_db()
    assert (escalation.reason, escalation.urgency, escalation.status, escalation.assigned_to) == (
        "crisis_indicators",
        "critical",
        "queued",
        None,
    )
    assert list(escalation.events.values_list("type", "data"))[-2:] == [
        ("upgraded_to_crisis", {"previous_reason": "user_request", "previous_urgency": "low"}),
        ("requeued", {"previous_agent_id": people["plain"].pk, "why": "crisis_skill_required"}),
    ]
    conversation.refresh_from_db()
    assert conversation.status == "waiting_for_agent"


def test_crisis_upgrade_keeps_a_crisis_trained_agent(conversation, people) -> None:  # type: ignore[no-untyped-def]
    escalation = services.escalation_open(
        conversation_id=conversation.id, decision=EscalationDecision("user_request", "t")
    ).escalation
    services.escalation_claim(escalation_id=escalation.pk, user=people["trained"])
    receive(conversation, CRISIS_TEXT)
    escalation.refresh_from_db()
    assert (escalation.reason, escalation.status, escalation.assigned_to_id) == (
        "crisis_indicators",
        "assigned",
        people["trained"].pk,
    )

"""Follow-up requests in the console: left through the widget API, listed to the staff who may
see them (exact JSON, constant queries), marked handled once through the console API."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client
from rest_framework.test import APIClient

from agents_console import selectors
from conversations import access
from conversations.models import Conversation
from escalations.models import EscalationEvent, FollowUpRequest
from tests.agents_console.conftest import ANGRY, assign, escalate, make_user

pytestmark = pytest.mark.django_db

API = "/console/api/follow-ups"
# A valid address (quoted local part) that is also markup: it must stay text everywhere.
XSS_EMAIL = '"<img/src=x/onerror=alert(1)>"@example.org'


def _leave_address(conversation: Conversation, email: str) -> FollowUpRequest:
    """What the widget does when nobody can come: POST .../contact with the visitor's token."""
    client = APIClient()
    token = access.conversation_token_issue(conversation_id=conversation.id)
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}", HTTP_ORIGIN="https://s.example")
    response = client.post(
        f"/api/v1/widget/conversations/{conversation.id}/contact", {"email": email}, format="json"
    )
    assert response.status_code == 201, response.content
    return FollowUpRequest.objects.get(conversation=conversation, status="pending")


def _client(user: Any) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def _csrf(client: Client) -> str:
    page = client.get("/console/")
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    assert match is not None
    return match.group(1)


def _handle(client: Client, follow_up_id: int, token: str | None) -> Any:
    headers = {"HTTP_X_CSRFTOKEN": token} if token else {}
    return client.post(
        f"{API}/{follow_up_id}/handled", data="{}", content_type="application/json", **headers
    )


def _iso(value: Any) -> str:
    return str(value.isoformat().replace("+00:00", "Z"))


def test_an_agent_sees_a_follow_up_and_marks_it_handled(
    create_conversation: Any, agent: Any, other_agent: Any
) -> None:
    conversation = create_conversation(ANGRY)
    escalation = escalate(conversation)
    follow_up = _leave_address(conversation, XSS_EMAIL)
    client = _client(agent)

    listed = client.get(API)
    assert listed.status_code == 200
    assert listed.json() == {
        "follow_ups": [
            {
                "id": follow_up.pk,
                "conversation_id": str(conversation.id),
                "email": XSS_EMAIL,
                "status": "pending",
                "created_at": _iso(follow_up.created_at),
                "handled_at": None,
                "handled_by": None,
                "site_name": "Shop",
                "escalation_reason": "high_emotional_intensity",
                "may_open": True,
            }
        ]
    }
    # The queue page links the API; its HTML never carries the address (console.js renders it).
    page = client.get("/console/").content.decode()
    assert f'data-follow-ups-api="{API}"' in page
    assert "onerror" not in page

    token = _csrf(client)
    assert _handle(client, follow_up.pk, None).status_code == 403  # CSRF
    done = _handle(client, follow_up.pk, token)
    assert done.status_code == 200
    follow_up.refresh_from_db()
    assert follow_up.handled_at is not None
    assert done.json() == {
        "id": follow_up.pk,
        "conversation_id": str(conversation.id),
        "email": XSS_EMAIL,
        "status": "done",
        "created_at": _iso(follow_up.created_at),
        "handled_at": _iso(follow_up.handled_at),
        "handled_by": agent.pk,
    }
    assert client.get(API).json() == {"follow_ups": []}
    assert _client(other_agent).get(API).json() == {"follow_ups": []}
    handled = EscalationEvent.objects.get(escalation=escalation, type="follow_up_handled")
    assert (handled.actor_id, handled.data) == (agent.pk, {"follow_up_id": follow_up.pk})

    # A second click (or another agent's) changes nothing.
    other = _client(other_agent)
    again = _handle(other, follow_up.pk, _csrf(other))
    assert (again.status_code, again.json()["handled_by"]) == (200, agent.pk)
    assert EscalationEvent.objects.filter(type="follow_up_handled").count() == 1


def _ids(client: Client) -> list[int]:
    return [item["id"] for item in client.get(API).json()["follow_ups"]]


def test_who_sees_which_follow_up(
    create_conversation: Any, agent: Any, other_agent: Any, supervisor: Any, outsider: Any
) -> None:
    billing_only = make_user("nick", skills=["billing"])
    queued = create_conversation(ANGRY)
    escalate(queued)
    mine = create_conversation(ANGRY)
    assign(escalate(mine), agent)
    crisis = create_conversation(ANGRY)
    escalate(crisis, reason="crisis_indicators", skill="crisis")
    ended = create_conversation(ANGRY)  # no escalation left open (or none at all)
    by_name = {
        name: _leave_address(conversation, f"{name}@example.org").pk
        for name, conversation in {
            "queued": queued,
            "mine": mine,
            "crisis": crisis,
            "ended": ended,
        }.items()
    }
    order = ["queued", "mine", "crisis", "ended"]  # oldest first
    assert _ids(_client(supervisor)) == [by_name[n] for n in order]
    assert _ids(_client(agent)) == [by_name[n] for n in order]  # crisis-trained
    # Another agent's conversation is theirs; a crisis needs the crisis skill.
    assert _ids(_client(other_agent)) == [by_name[n] for n in ("queued", "crisis", "ended")]
    assert _ids(_client(billing_only)) == [by_name[n] for n in ("queued", "ended")]
    # The conversation page opens only where the console's own rule allows it.
    may_open = {
        item["email"].split("@")[0]: item["may_open"]
        for item in _client(other_agent).get(API).json()["follow_ups"]
    }
    assert may_open == {"queued": True, "crisis": True, "ended": False}
    assert {i["may_open"] for i in _client(supervisor).get(API).json()["follow_ups"]} == {True}

    # Handling one you may not see looks like an unknown id.
    client = _client(billing_only)
    token = _csrf(client)
    for follow_up_id in (by_name["mine"], by_name["crisis"], 999_999):
        refused = _handle(client, follow_up_id, token)
        assert (refused.status_code, refused.json()["error"]) == (404, "not_found")
    assert FollowUpRequest.objects.filter(status="done").count() == 0

    # Agents only.
    assert _client(outsider).get(API).status_code == 403
    assert _handle(_client(outsider), by_name["queued"], None).status_code == 403
    anonymous = Client().get(API)
    assert (anonymous.status_code, anonymous.json()["error"]) == (403, "not_authenticated")


@pytest.mark.parametrize("count", [1, 10], ids=["one", "ten"])
def test_follow_up_list_query_count_is_constant(
    create_conversation: Any, agent: Any, django_assert_num_queries: Any, count: int
) -> None:
    for i in range(count):
        conversation = create_conversation(ANGRY)
        escalate(conversation)
        _leave_address(conversation, f"v{i}@example.org")
    # agent check, supervisor check (twice: the list and its may_open), crisis skill, the list.
    with django_assert_num_queries(5):
        rows = selectors.console_follow_ups(user=agent)
    assert len(rows) == count
    assert json.dumps(rows)  # JSON-ready

"""Agent API authorization on every endpoint, CSRF on sessions, and the widget's button."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from conversations.models import Conversation, ConversationEvent
from escalations import services
from escalations.models import Escalation, SiteHours
from escalations.rules import EscalationDecision
from tests.conversations.conftest import ConversationFactory
from tests.escalations.conftest import make_agent, widget_client

pytestmark = pytest.mark.django_db


def _client(user: User | None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@pytest.fixture
def assigned(conversation: Conversation) -> tuple[Escalation, User]:
    escalation = services.escalation_open(
        conversation_id=conversation.id, decision=EscalationDecision("user_request", "test")
    ).escalation
    owner = make_agent("owner", status="offline")
    services.escalation_claim(escalation_id=escalation.pk, user=owner)
    return escalation, owner


def _calls(escalation: Escalation) -> list[tuple[str, str, dict]]:
    cid = escalation.conversation_id
    return [
        ("post", f"/api/v1/agent/escalations/{escalation.pk}/claim", {}),
        ("post", f"/api/v1/agent/conversations/{cid}/messages", {"text": "Hi, I am here"}),
        ("post", f"/api/v1/agent/conversations/{cid}/handback", {}),
        ("post", f"/api/v1/agent/conversations/{cid}/resolve", {}),
    ]


def test_anonymous_gets_401_everywhere(assigned) -> None:  # type: ignore[no-untyped-def]
    escalation, _ = assigned
    client = _client(None)
    assert client.get("/api/v1/agent/escalations").status_code == 401
    for method, url, body in _calls(escalation):
        response = getattr(client, method)(url, body, format="json")
        assert (response.status_code, response.json()["error"]) == (401, "not_authenticated")


def test_non_agent_user_gets_403_everywhere(assigned) -> None:  # type: ignore[no-untyped-def]
    escalation, _ = assigned
    client = _client(User.objects.create_user("visitor-ish"))
    assert client.get("/api/v1/agent/escalations").status_code == 403
    for method, url, body in _calls(escalation):
        assert getattr(client, method)(url, body, format="json").status_code == 403


def test_another_agent_cannot_act_on_an_assigned_conversation(assigned) -> None:  # type: ignore[no-untyped-def]
    escalation, _ = assigned
    client = _client(make_agent("intruder", status="offline"))
    for method, url, body in _calls(escalation):
        response = getattr(client, method)(url, body, format="json")
        assert (response.status_code, response.json()["error"]) == (403, "forbidden"), url
    listed = client.get("/api/v1/agent/escalations").json()["escalations"]
    assert listed == []  # neither queued nor theirs
    escalation.refresh_from_db()
    assert escalation.status == "assigned"


def test_owner_messages_reach_the_widget_event_stream(assigned) -> None:  # type: ignore[no-untyped-def]
    escalation, owner = assigned
    client = _client(owner)
    response = client.post(
        f"/api/v1/agent/conversations/{escalation.conversation_id}/messages",
        {"text": "  Hi, I am Ann from support  "},
        format="json",
    )
    assert response.status_code == 201
    assert (response.json()["sender"], response.json()["text"]) == (
        "agent",
        "Hi, I am Ann from support",
    )
    conversation = Conversation.objects.get(pk=escalation.conversation_id)
    events = widget_client(conversation).get(
        f"/api/v1/widget/conversations/{conversation.id}/events?after=0"
    )
    last = events.json()["events"][-1]
    assert (last["type"], last["message"]["sender"], last["message"]["text"]) == (
        "message.created",
        "agent",
        "Hi, I am Ann from support",
    )
    empty = client.post(
        f"/api/v1/agent/conversations/{escalation.conversation_id}/messages",
        {"text": "   "},
        format="json",
    )
    assert (empty.status_code, empty.json()["error"]) == (400, "invalid_text")


def test_owner_lists_resolves_and_supervisor_can_act(assigned, site) -> None:  # type: ignore[no-untyped-def]
    escalation, owner = assigned
    client = _client(owner)
    listed = client.get("/api/v1/agent/escalations?status=assigned").json()["escalations"]
    assert [(e["id"], e["status"], e["assigned_to"]) for e in listed] == [
        (escalation.pk, "assigned", owner.pk)
    ]
    bad = client.get("/api/v1/agent/escalations?status=nope")
    assert (bad.status_code, bad.json()["error"]) == (400, "invalid")

    boss = _client(make_agent("boss", supervisor=True, status="offline"))
    response = boss.post(
        f"/api/v1/agent/conversations/{escalation.conversation_id}/handback", {}, format="json"
    )
    assert (response.status_code, response.json()["status"]) == (200, "handed_back")
    assert Conversation.objects.get(pk=escalation.conversation_id).status == "bot"
    again = client.post(
        f"/api/v1/agent/conversations/{escalation.conversation_id}/resolve", {}, format="json"
    )
    assert again.status_code == 403  # nothing open is assigned to the owner any more


def test_unknown_ids_are_404(assigned) -> None:  # type: ignore[no-untyped-def]
    _, owner = assigned
    client = _client(owner)
    assert client.post("/api/v1/agent/escalations/999999/claim").status_code == 404
    response = client.post("/api/v1/agent/conversations/not-a-uuid/resolve")
    assert (response.status_code, response.json()["error"]) == (404, "not_found")


def test_session_auth_enforces_csrf(assigned) -> None:  # type: ignore[no-untyped-def]
    escalation, owner = assigned
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(owner)
    assert client.get("/api/v1/agent/escalations").status_code == 200
    url = f"/api/v1/agent/conversations/{escalation.conversation_id}/messages"
    refused = client.post(url, {"text": "hello"}, format="json")
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["message"]
    client.get("/admin/login/")  # sets the csrftoken cookie
    token = client.cookies["csrftoken"].value
    accepted = client.post(url, {"text": "hello"}, format="json", HTTP_X_CSRFTOKEN=token)
    assert accepted.status_code == 201


def test_claim_endpoint(conversation) -> None:  # type: ignore[no-untyped-def]
    escalation = services.escalation_open(
        conversation_id=conversation.id, decision=EscalationDecision("user_request", "test")
    ).escalation
    agent = make_agent("ann", status="offline")
    response = _client(agent).post(f"/api/v1/agent/escalations/{escalation.pk}/claim")
    assert (response.status_code, response.json()["assigned_to"]) == (200, agent.pk)
    assert Conversation.objects.get(pk=conversation.id).status == "with_agent"


# ---------------------------------------------------------------------------
# Widget: config offers the button; the button escalates
# ---------------------------------------------------------------------------
def test_widget_config_offers_request_human(site) -> None:  # type: ignore[no-untyped-def]
    response = APIClient().get(
        "/api/v1/widget/config?site_key=acme", HTTP_ORIGIN="https://shop.example"
    )
    assert response.json()["features"] == {"request_human": True}


def test_request_human_button(conversation, settings) -> None:  # type: ignore[no-untyped-def]
    settings.ESCALATION_DEFAULT_WAIT_SECONDS = 120
    make_agent("busy", capacity=0)  # online, but cannot take another conversation now
    other = ConversationFactory(site=conversation.site)
    services.escalation_open(
        conversation_id=other.id, decision=EscalationDecision("high_emotional_intensity", "t")
    )
    client = widget_client(conversation)
    url = f"/api/v1/widget/conversations/{conversation.id}/request-human"
    response = client.post(url)
    assert response.status_code == 200
    assert response.json() == {
        "status": "waiting_for_agent",
        "agents_online": 1,
        "offline": False,
        "queue_position": 2,
        "estimated_wait_seconds": 240,
    }
    assert client.post(url).json()["queue_position"] == 2  # idempotent
    escalation = Escalation.objects.get(conversation=conversation)
    assert (escalation.reason, escalation.rule, escalation.urgency) == (
        "user_request",
        "widget_button",
        "low",
    )
    types = list(
        ConversationEvent.objects.filter(conversation=conversation).values_list("type", flat=True)
    )
    assert types == ["conversation.status_changed", "message.created"]


def test_with_nobody_online_request_human_promises_no_wait(conversation) -> None:  # type: ignore[no-untyped-def]
    make_agent("away", status="away")
    response = widget_client(conversation).post(
        f"/api/v1/widget/conversations/{conversation.id}/request-human"
    )
    assert response.json() == {
        "status": "waiting_for_agent",
        "agents_online": 0,
        "offline": True,
        "queue_position": None,
        "estimated_wait_seconds": None,
    }


def test_outside_business_hours_nobody_is_promised(conversation) -> None:  # type: ignore[no-untyped-def]
    make_agent("online")
    SiteHours.objects.create(
        site=conversation.site, timezone="Europe/Paris", weekly={}, holidays=[]
    )  # closed every day
    response = widget_client(conversation).post(
        f"/api/v1/widget/conversations/{conversation.id}/request-human"
    )
    # As when nobody is online: nobody can come, whoever is logged in.
    assert response.json() == {
        "status": "waiting_for_agent",
        "agents_online": 0,
        "offline": True,
        "queue_position": None,
        "estimated_wait_seconds": None,
    }


NEW_YORK_HOURS = {
    "timezone": "America/New_York",
    "weekly": {"mon": [["09:00", "12:00"], ["13:00", "17:30"]], "sat": [["10:00", "14:00"]]},
    "holidays": ["2026-12-07"],
}


@pytest.mark.parametrize(
    ("utc", "is_open"),
    [
        pytest.param("2026-11-30 14:00:00+00:00", True, id="monday-09:00-opens"),
        pytest.param("2026-11-30 13:59:00+00:00", False, id="monday-08:59-before"),
        pytest.param("2026-11-30 17:30:00+00:00", False, id="monday-12:30-lunch"),
        pytest.param("2026-11-30 22:29:00+00:00", True, id="monday-17:29-last-minute"),
        pytest.param("2026-11-30 22:30:00+00:00", False, id="monday-17:30-closed"),
        pytest.param("2026-12-05 16:00:00+00:00", True, id="saturday-11:00"),
        pytest.param("2026-12-06 16:00:00+00:00", False, id="sunday-no-hours"),
        pytest.param("2026-12-07 16:00:00+00:00", False, id="monday-holiday"),
        pytest.param("2026-11-30 10:00:00+00:00", False, id="monday-10:00-utc-is-05:00-local"),
    ],
)
def test_request_human_follows_the_sites_weekly_schedule_and_holidays(  # type: ignore[no-untyped-def]
    conversation, settings, utc: str, is_open: bool
) -> None:
    import time_machine

    settings.ESCALATION_DEFAULT_WAIT_SECONDS = 120
    make_agent("online", capacity=0)
    SiteHours.objects.create(site=conversation.site, **NEW_YORK_HOURS)
    with time_machine.travel(utc, tick=False):
        response = widget_client(conversation).post(
            f"/api/v1/widget/conversations/{conversation.id}/request-human"
        )
    expected = (
        {"agents_online": 1, "offline": False, "queue_position": 1, "estimated_wait_seconds": 120}
        if is_open
        else {
            "agents_online": 0,
            "offline": True,
            "queue_position": None,
            "estimated_wait_seconds": None,
        }
    )
    assert response.json() == {"status": "waiting_for_agent", **expected}


def test_request_human_needs_the_conversations_token(conversation, site) -> None:  # type: ignore[no-untyped-def]
    other = ConversationFactory(site=site)
    response = widget_client(other).post(
        f"/api/v1/widget/conversations/{conversation.id}/request-human"
    )
    assert (response.status_code, response.json()["error"]) == (404, "not_found")
    assert not Escalation.objects.exists()


def test_request_human_on_a_resolved_conversation_is_409(conversation) -> None:  # type: ignore[no-untyped-def]
    conversation.status = "resolved"
    conversation.save()
    response = widget_client(conversation).post(
        f"/api/v1/widget/conversations/{conversation.id}/request-human"
    )
    assert (response.status_code, response.json()["error"]) == (409, "conversation_resolved")


def test_agents_see_a_concern_as_a_review_they_may_hand_back(conversation, detector) -> None:  # type: ignore[no-untyped-def]
    from tests.escalations.conftest import receive

    receive(conversation, "I feel so hopeless lately")
    agent = make_agent("cara", skills=["crisis"], status="offline")
    client = _client(agent)
    (listed,) = client.get("/api/v1/agent/escalations").json()["escalations"]
    assert (listed["reason"], listed["rule"], listed["crisis_level"], listed["urgency"]) == (
        "crisis_indicators",
        "crisis_concern",
        "concern",
        "high",
    )
    assert client.post(f"/api/v1/agent/escalations/{listed['id']}/claim").status_code == 200
    handback = client.post(f"/api/v1/agent/conversations/{conversation.id}/handback")
    assert handback.status_code == 200
    conversation.refresh_from_db()
    assert conversation.status == "bot"

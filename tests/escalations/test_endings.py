"""Conversations that end without an agent, honest hand-overs, and follow-up addresses:
through the widget API, the beat task's body and the crisis path."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.utils import timezone

from conversations.models import Conversation, ConversationEvent
from escalations import services, tasks
from escalations.models import Escalation, FollowUpRequest
from escalations.rules import EscalationDecision
from tests.conversations.conftest import ConversationFactory
from tests.escalations.conftest import make_agent, receive, widget_client


def _end(conversation: Conversation):  # type: ignore[no-untyped-def]
    return widget_client(conversation).post(f"/api/v1/widget/conversations/{conversation.id}/end")


def test_end_chat_resolves_and_offers_a_rating(conversation: Conversation) -> None:
    response = _end(conversation)
    assert response.status_code == 200
    assert response.json() == {"id": str(conversation.id), "status": "resolved"}
    conversation.refresh_from_db()
    assert (conversation.status, conversation.resolved_by) == ("resolved", "visitor")
    event = ConversationEvent.objects.filter(conversation=conversation).latest("seq")
    assert event.payload == {
        "type": "conversation.status_changed",
        "seq": event.seq,
        "status": "resolved",
        "csat": "ask",
    }
    rating = widget_client(conversation).post(
        f"/api/v1/widget/conversations/{conversation.id}/csat", {"score": 5}, format="json"
    )
    assert rating.status_code == 201  # CSAT works for a bot-only conversation


def test_ending_twice_is_a_conflict(conversation: Conversation) -> None:
    assert _end(conversation).status_code == 200
    again = _end(conversation)
    assert again.status_code == 409
    assert again.json()["error"] == "conversation_resolved"


def test_ending_while_waiting_closes_the_escalation(conversation: Conversation) -> None:
    services.escalation_request_human(conversation=conversation)
    assert _end(conversation).status_code == 200
    escalation = Escalation.objects.get(conversation=conversation)
    assert escalation.status == "resolved"
    assert escalation.events.filter(type="ended_by_visitor").count() == 1


def test_a_crisis_cannot_be_ended_from_the_widget(conversation: Conversation, detector) -> None:  # type: ignore[no-untyped-def]
    receive(conversation, "I am going to kill myself tonight")
    conversation.refresh_from_db()
    assert (conversation.had_crisis, conversation.status) == (True, "waiting_for_agent")
    refused = _end(conversation)
    assert refused.status_code == 409
    assert refused.json() == {
        "error": "crisis_latched",
        "message": "This conversation stays open so a person from the team can reach you.",
    }


def test_idle_bot_conversations_resolve_themselves(site, settings) -> None:  # type: ignore[no-untyped-def]
    settings.CONVERSATION_IDLE_RESOLVE_MINUTES = 30
    idle = ConversationFactory(site=site)
    fresh = ConversationFactory(site=site)
    crisis = ConversationFactory(site=site, had_crisis=True)
    waiting = ConversationFactory(site=site)
    services.escalation_open(
        conversation_id=waiting.id, decision=EscalationDecision("user_request", "t")
    )
    old = timezone.now() - timedelta(minutes=45)
    Conversation.objects.filter(pk__in=[idle.pk, crisis.pk, waiting.pk]).update(updated_at=old)
    assert tasks.conversation_idle_resolve() == 1
    statuses = dict(
        Conversation.objects.filter(pk__in=[idle.pk, fresh.pk, crisis.pk, waiting.pk]).values_list(
            "pk", "status"
        )
    )
    assert statuses == {
        idle.pk: "resolved",
        fresh.pk: "bot",
        crisis.pk: "bot",
        waiting.pk: "waiting_for_agent",
    }
    assert Conversation.objects.get(pk=idle.pk).resolved_by == "idle"


def test_a_visitor_nobody_can_reach_leaves_an_address(conversation: Conversation) -> None:
    url = f"/api/v1/widget/conversations/{conversation.id}/contact"
    bad = widget_client(conversation).post(url, {"email": "not-an-address"}, format="json")
    assert bad.status_code == 400
    assert bad.json()["error"] == "invalid"
    ok = widget_client(conversation).post(url, {"email": "ana@example.org"}, format="json")
    assert ok.status_code == 201
    assert ok.json() == {"email": "ana@example.org", "status": "pending"}
    again = widget_client(conversation).post(url, {"email": "ana@example.com"}, format="json")
    assert again.status_code == 201
    assert list(FollowUpRequest.objects.values_list("email", "status")) == [
        ("ana@example.com", "pending")
    ]


@pytest.mark.parametrize("online", [False, True])
def test_the_crisis_notice_promises_a_person_only_when_one_is_online(  # type: ignore[no-untyped-def]
    conversation, detector, online, django_capture_on_commit_callbacks
) -> None:
    if online:
        make_agent("crisis-agent", skills=["crisis"])
    supervisor = User.objects.create_user(username="sup", email="sup@example.org")
    supervisor.groups.add(Group.objects.get_or_create(name="supervisors")[0])
    with django_capture_on_commit_callbacks(execute=True):
        receive(conversation, "I am going to kill myself tonight")
    notice = conversation.messages.get(sender="system", meta__crisis_resources=True)
    assert ("is joining this conversation now" in notice.text) is online
    assert ("Nobody from our team is online right now" in notice.text) is (not online)
    paged = [m for m in mail.outbox if m.subject == "Crisis conversation needs a person now"]
    assert len(paged) == (0 if online else 1)
    if paged:
        assert paged[0].to == ["sup@example.org"]
        assert "kill" not in paged[0].body


def test_a_crisis_summary_follows_the_journey_once_the_message_is_read(  # type: ignore[no-untyped-def]
    conversation, detector
) -> None:
    from pipeline import process

    message = receive(conversation, "I am going to kill myself tonight")
    escalation = Escalation.objects.get(conversation=conversation)
    assert "No emotion readings yet" in escalation.summary
    process.message_process(message_id=message.pk)
    escalation.refresh_from_db()
    assert len(escalation.journey) == 1
    assert "No emotion readings yet" not in escalation.summary
    assert escalation.journey[0]["emotion"] in escalation.summary


def test_an_agent_resolves_a_crisis_only_with_a_closing_note(conversation, detector) -> None:  # type: ignore[no-untyped-def]
    from rest_framework.test import APIClient

    receive(conversation, "I am going to kill myself tonight")
    agent = make_agent("care", skills=["crisis"])
    escalation = Escalation.objects.get(conversation=conversation)
    client = APIClient()
    client.force_authenticate(agent)
    assert client.post(f"/api/v1/agent/escalations/{escalation.pk}/claim").status_code in (200, 409)
    url = f"/api/v1/agent/conversations/{conversation.id}/resolve"
    refused = client.post(url, {}, format="json")
    assert refused.status_code == 400
    assert refused.json()["error"] == "closing_note_required"
    blank = client.post(url, {"note": "   "}, format="json")
    assert blank.status_code == 400
    done = client.post(url, {"note": "Stayed with them until they called the line."}, format="json")
    assert done.status_code == 200
    assert done.json()["status"] == "resolved"

"""Erasure from the widget, the admin and the command leaves nothing personal anywhere."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from rest_framework.test import APIClient

from conversations.models import (
    Conversation,
    ConversationEvent,
    EmotionReadingRecord,
    Message,
    PrivacyAuditEntry,
    Visitor,
)
from tests.conversations.conftest import ConversationFactory, token_for
from tests.conversations.privacy_helpers import (
    database_hits,
    escalation_model,
    plant_visitor,
)

pytestmark = pytest.mark.django_db

ORIGIN = "https://shop.example"


def _client(conversation: Conversation) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(conversation)}", HTTP_ORIGIN=ORIGIN)
    return client


def _assert_anonymous_facts_remain(conversation: Conversation, escalation_id: int) -> None:
    conversation.refresh_from_db()
    assert conversation.erased_at is not None
    assert conversation.emotional_state == {}
    assert conversation.handoff_reason == "asked"  # a reason code, kept for metrics
    escalation = escalation_model().objects.get(pk=escalation_id)
    assert (escalation.reason, escalation.rule, escalation.urgency) == (
        "crisis_indicators",
        "crisis_assessment",
        "critical",
    )
    assert escalation.status == "resolved"
    assert escalation.closed_at is not None
    assert escalation.sla_due_at is not None
    assert escalation.summary == ""
    assert escalation.suggested_approach == ""
    assert escalation.trigger_words == []
    assert escalation.journey == []
    assert escalation.ai_attempts == {}
    assert escalation.crisis == {}
    assert escalation.trigger_message_id is None
    assert (escalation.intensity, escalation.trend) == (0.0, "stable")
    event = apps.get_model("escalations", "EscalationEvent").objects.get(escalation=escalation)
    assert (event.type, event.data) == ("opened", {"urgency": "high"})


def test_widget_delete_erases_everything_personal(site) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory(site=site)
    other = ConversationFactory(site=site)  # another visitor: untouched
    planted = plant_visitor(conversation)
    assert database_hits(["CANARY"])  # the scan does find planted data

    response = _client(conversation).delete("/api/v1/widget/me")

    assert response.status_code == 204
    assert database_hits(["CANARY"]) == []
    assert Message.objects.filter(conversation=conversation).count() == 0
    assert ConversationEvent.objects.filter(conversation=conversation).count() == 0
    assert EmotionReadingRecord.objects.filter(message__conversation=conversation).count() == 0
    assert apps.get_model("agents_console", "InternalNote").objects.count() == 0
    visitor = Visitor.objects.get(pk=conversation.visitor_id)
    assert (visitor.external_id, visitor.display_name, visitor.emotional_summary) == ("", "", {})
    assert visitor.erased_at is not None
    _assert_anonymous_facts_remain(conversation, planted["escalation"].pk)
    assert Conversation.objects.get(pk=other.pk).erased_at is None
    entry = PrivacyAuditEntry.objects.get(action="erase")
    assert (entry.actor_kind, entry.actor_id, entry.visitor_ref) == ("visitor", None, visitor.pk)
    assert entry.detail == {
        "conversations": 1,
        "messages": 3,
        "emotion_readings": 1,
        "escalations": 1,
        "follow_ups": 0,
        "profile": True,
        "via": "widget",
    }


def test_token_is_dead_after_erasure(site) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory(site=site)
    client = _client(conversation)
    assert client.delete("/api/v1/widget/me").status_code == 204
    for method, path in (
        ("get", "/api/v1/widget/me"),
        ("get", "/api/v1/widget/me/export"),
        ("delete", "/api/v1/widget/me"),
        ("patch", "/api/v1/widget/me"),
        ("get", f"/api/v1/widget/conversations/{conversation.id}/events"),
        ("post", f"/api/v1/widget/conversations/{conversation.id}/messages"),
    ):
        response = getattr(client, method)(path, {}, format="json")
        assert response.status_code == 404, path
        assert response.json()["error"] == "not_found"


def test_erase_visitor_command_with_audit(site) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory(site=site)
    second = ConversationFactory(site=site, visitor=conversation.visitor)
    plant_visitor(conversation)
    get_user_model().objects.create_user(username="dpo", password="x")
    out = StringIO()

    call_command("erase_visitor", str(conversation.visitor_id), "--by", "dpo", stdout=out)

    assert json.loads(out.getvalue()) == {
        "visitor_id": conversation.visitor_id,
        "conversations": 2,
        "messages": 3,
        "emotion_readings": 1,
        "escalations": 1,
        "follow_ups": 0,
    }
    assert database_hits(["CANARY"]) == []
    assert Conversation.objects.get(pk=second.pk).erased_at is not None
    entry = PrivacyAuditEntry.objects.get(action="erase")
    assert (entry.actor_kind, entry.actor.username, entry.detail["via"]) == (
        "staff",
        "dpo",
        "command",
    )


def test_erase_visitor_command_unknown_id() -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No visitor with id 999999"):
        call_command("erase_visitor", "999999")


def test_admin_action_erases_and_audits(site, client) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory(site=site)
    plant_visitor(conversation)
    admin = get_user_model().objects.create_superuser(username="boss", password="pw-123456")
    client.force_login(admin)

    response = client.post(
        "/admin/conversations/visitor/",
        {"action": "erase_personal_data", "_selected_action": [conversation.visitor_id]},
    )

    assert response.status_code == 302
    assert database_hits(["CANARY"]) == []
    entry = PrivacyAuditEntry.objects.get(action="erase")
    assert (entry.actor_id, entry.actor_kind, entry.detail["via"]) == (admin.pk, "staff", "admin")


def test_admin_export_action_downloads_json(site, client) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory(site=site)
    plant_visitor(conversation)
    admin = get_user_model().objects.create_superuser(username="boss", password="pw-123456")
    client.force_login(admin)

    response = client.post(
        "/admin/conversations/visitor/",
        {"action": "export_personal_data", "_selected_action": [conversation.visitor_id]},
    )

    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["visitor"]["display_name"] == "CANARYNAME Zqxw"
    assert [m["text"] for m in data["messages"]] == [
        "CANARYVISITORTEXT my order is late",
        "CANARYBOTTEXT sorry to hear",
        "CANARYAGENTTEXT I can help",
    ]
    entry = PrivacyAuditEntry.objects.get(action="export")
    assert (entry.actor_id, entry.actor_kind) == (admin.pk, "staff")


def test_unverified_identity_erases_only_its_own_conversation(site) -> None:  # type: ignore[no-untyped-def]
    first = ConversationFactory(site=site)
    plant_visitor(first)  # gives the visitor an external id
    second = ConversationFactory(site=site, visitor=first.visitor)  # identity_verified=False

    assert _client(second).delete("/api/v1/widget/me").status_code == 204

    assert Conversation.objects.get(pk=first.pk).erased_at is None
    assert Message.objects.filter(conversation=first).count() == 3
    visitor = Visitor.objects.get(pk=first.visitor_id)
    assert visitor.external_id == "CANARYEXTID-9917"
    assert visitor.erased_at is None
    assert PrivacyAuditEntry.objects.get(action="erase").detail["profile"] is False

"""Crisis transcripts only for the crisis skill and supervisors (audited); login throttling."""

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from rest_framework.test import APIClient

from conversations import services
from conversations.models import Conversation, PrivacyAuditEntry
from conversations.privacy import selectors
from conversations.privacy import services as privacy_services
from conversations.privacy.login import login_is_locked
from escalations.models import AgentProfile
from tests.conversations.conftest import ConversationFactory
from tests.conversations.privacy_helpers import escalation_make

pytestmark = pytest.mark.django_db

SECRET_TEXT = "CANARYCRISIS I have a plan"


def _user(username: str, group: str, skills: list[str] | None = None) -> object:
    user = get_user_model().objects.create_user(username=username, password="pw-123456")
    user.groups.add(Group.objects.get_or_create(name=group)[0])
    if skills is not None:
        AgentProfile.objects.create(user=user, skills=skills)
    return user


@pytest.fixture
def crisis_conversation(site) -> Conversation:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory(site=site)
    services.message_post(conversation_id=conversation.id, sender="agent", text=SECRET_TEXT)
    escalation_make(conversation)
    return conversation


def _get(user: object, conversation: Conversation) -> object:
    client = APIClient()
    client.force_authenticate(user)
    return client.get(f"/api/v1/privacy/conversations/{conversation.id}/transcript")


def test_agent_without_the_crisis_skill_gets_403_and_no_audit(crisis_conversation) -> None:  # type: ignore[no-untyped-def]
    agent = _user("billy", "agents", skills=["billing"])
    response = _get(agent, crisis_conversation)
    assert response.status_code == 403
    assert response.json() == {"error": "forbidden", "message": "This transcript is restricted."}
    assert SECRET_TEXT not in response.content.decode()
    assert PrivacyAuditEntry.objects.count() == 0
    assert (
        selectors.crisis_transcript_access_check(user=agent, conversation=crisis_conversation)
        is False
    )
    with pytest.raises(PermissionDenied):
        privacy_services.crisis_transcript_view(user=agent, conversation=crisis_conversation)
    assert PrivacyAuditEntry.objects.count() == 0


@pytest.mark.parametrize(
    ("group", "skills"),
    [
        pytest.param("agents", ["crisis"], id="crisis-agent"),
        pytest.param("supervisors", None, id="supervisor"),
    ],
)
def test_crisis_skill_and_supervisors_read_it_and_each_view_is_audited(
    crisis_conversation, group: str, skills: list[str] | None
) -> None:  # type: ignore[no-untyped-def]
    user = _user("cara", group, skills=skills)
    for _ in range(2):
        response = _get(user, crisis_conversation)
        assert response.status_code == 200
        assert [m["text"] for m in response.json()["messages"]] == [SECRET_TEXT]
    entries = list(PrivacyAuditEntry.objects.order_by("pk"))
    assert [(e.action, e.actor_id, e.conversation_ref) for e in entries] == [
        ("crisis_transcript_view", user.pk, crisis_conversation.id),  # type: ignore[attr-defined]
    ] * 2
    assert all(e.created_at is not None for e in entries)


def test_ordinary_transcripts_are_for_any_agent_and_not_audited(site) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory(site=site)
    escalation_make(conversation, reason="user_request", urgency="low")
    agent = _user("billy", "agents", skills=["billing"])
    assert _get(agent, conversation).status_code == 200
    assert PrivacyAuditEntry.objects.count() == 0


def test_non_staff_users_are_refused(crisis_conversation, site) -> None:  # type: ignore[no-untyped-def]
    someone = get_user_model().objects.create_user(username="eve", password="pw-123456")
    assert _get(someone, crisis_conversation).status_code == 403
    assert APIClient().get(
        f"/api/v1/privacy/conversations/{crisis_conversation.id}/transcript"
    ).status_code in {401, 403}


def test_staff_export_is_for_supervisors_only(crisis_conversation) -> None:  # type: ignore[no-untyped-def]
    agent = _user("billy", "agents", skills=["crisis"])
    boss = _user("sue", "supervisors")
    url = f"/api/v1/privacy/visitors/{crisis_conversation.visitor_id}/export"
    client = APIClient()
    client.force_authenticate(agent)
    assert client.get(url).status_code == 403
    client.force_authenticate(boss)
    response = client.get(url)
    assert response.status_code == 200
    assert [m["text"] for m in response.json()["messages"]] == [SECRET_TEXT]
    entry = PrivacyAuditEntry.objects.get(action="export")
    assert (entry.actor_id, entry.actor_kind) == (boss.pk, "staff")  # type: ignore[attr-defined]


# --- login throttling ------------------------------------------------------------------------


def _login(username: str, password: str, ip: str = "10.0.0.1") -> object:
    request = RequestFactory().post("/admin/login/", REMOTE_ADDR=ip)
    return authenticate(request, username=username, password=password)


def test_login_locks_after_repeated_failures_per_username_and_ip(settings) -> None:  # type: ignore[no-untyped-def]
    settings.LOGIN_MAX_FAILURES = 3
    user = get_user_model().objects.create_user(username="agent1", password="right-pass-1")
    for _ in range(3):
        assert _login("agent1", "wrong") is None
    assert login_is_locked(username="agent1", ip="10.0.0.1")
    # Even the right password is refused while locked...
    assert _login("agent1", "right-pass-1") is None
    # ...but only for that username from that address.
    assert _login("agent1", "right-pass-1", ip="10.0.0.2") == user


def test_successful_login_resets_the_counter(settings) -> None:  # type: ignore[no-untyped-def]
    settings.LOGIN_MAX_FAILURES = 3
    user = get_user_model().objects.create_user(username="agent2", password="right-pass-2")
    for _ in range(2):
        assert _login("agent2", "wrong") is None
    assert _login("agent2", "right-pass-2") == user
    for _ in range(2):
        assert _login("agent2", "wrong") is None
    assert not login_is_locked(username="agent2", ip="10.0.0.1")


def test_admin_login_form_is_throttled(client, settings) -> None:  # type: ignore[no-untyped-def]
    settings.LOGIN_MAX_FAILURES = 2
    get_user_model().objects.create_superuser(username="root", password="right-pass-3")
    for _ in range(2):
        client.post("/admin/login/", {"username": "root", "password": "nope"})
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "root", "password": "right-pass-3"}
    )
    assert response.status_code == 200  # the form again, not a redirect into the admin
    assert "_auth_user_id" not in client.session

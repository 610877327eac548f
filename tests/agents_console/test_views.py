"""Console pages and console API: login, access, CSP, exact JSON, visitor strings as text."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client

from agents_console.models import EmotionFeedback, InternalNote
from escalations.models import Escalation
from tests.agents_console.conftest import ANGRY, XSS_NAME, XSS_TEXTS, assign, escalate

pytestmark = pytest.mark.django_db


def _csrf(client: Client, path: str = "/console/") -> str:
    response = client.get(path)
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())
    assert match is not None
    return match.group(1)


def _post(client: Client, url: str, data: dict, token: str) -> Any:
    return client.post(
        url, data=json.dumps(data), content_type="application/json", HTTP_X_CSRFTOKEN=token
    )


def test_login_page_is_a_standard_form_under_a_strict_csp(db: None) -> None:
    response = Client().get("/console/login/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="username"' in html
    assert 'name="password"' in html
    assert 'type="password"' in html
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert "<script>" not in html  # no inline script at all


def test_login_then_queue(agent: Any) -> None:
    client = Client()
    response = client.post("/console/login/", {"username": "alice", "password": "pw-alice"})
    assert response.status_code == 302
    assert response["Location"] == "/console/"
    page = client.get("/console/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="queue"' in html
    assert f'data-user-id="{agent.pk}"' in html
    assert ">0 / 3<" in html  # load / capacity
    assert "unsafe-inline" not in page["Content-Security-Policy"]


def test_wrong_password_stays_on_the_login_page(agent: Any) -> None:
    response = Client().post("/console/login/", {"username": "alice", "password": "nope"})
    assert response.status_code == 200
    assert "didn't match" in response.content.decode()


def test_anonymous_is_sent_to_login(db: None) -> None:
    response = Client().get("/console/")
    assert response.status_code == 302
    assert response["Location"] == "/console/login/?next=/console/"
    api = Client().get("/console/api/queue")
    assert api.status_code == 403
    assert api.json()["error"] == "not_authenticated"


def test_non_agent_is_refused(outsider: Any) -> None:
    client = Client()
    client.force_login(outsider)
    assert client.get("/console/").status_code == 403
    assert client.get("/console/api/queue").status_code == 403


def test_queue_api_lists_open_escalations(
    logged_in: Client, create_conversation: Any, agent: Any
) -> None:
    escalation = escalate(create_conversation(ANGRY))
    data = logged_in.get("/console/api/queue").json()
    assert [e["id"] for e in data["escalations"]] == [escalation.pk]
    assert data["escalations"][0]["journey"][-1]["emotion"] == "anger"
    assert data["agent"]["status"] == "away"
    assert data["agent"]["capacity"] == 3


def test_conversation_page_of_someone_elses_escalation_is_404(
    logged_in: Client, create_conversation: Any, other_agent: Any
) -> None:
    conversation = create_conversation(ANGRY)
    assign(escalate(conversation), other_agent)
    assert logged_in.get(f"/console/conversations/{conversation.pk}/").status_code == 404
    assert logged_in.get(f"/console/api/conversations/{conversation.pk}").status_code == 404
    assert logged_in.get("/console/conversations/not-a-uuid/").status_code == 404
    assert logged_in.get(f"/console/api/conversations/{conversation.pk}/suggestions").json() == {
        "error": "not_found",
        "message": "Not found.",
    }


def test_visitor_strings_render_as_text_in_the_page(
    logged_in: Client, create_conversation: Any
) -> None:
    conversation = create_conversation(
        [("visitor", text, ("anger", "negative", 0.8, -0.8)) for text in XSS_TEXTS],
        display_name=XSS_NAME,
        locale="<svg onload=1>",  # the field holds 16 characters
    )
    escalate(conversation)
    response = logged_in.get(f"/console/conversations/{conversation.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<img src=x" not in html
    assert "<svg/onload" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # the name, escaped
    assert "<svg onload" not in html
    assert "&lt;svg onload=1&gt;" in html  # the locale, escaped
    # Message text is not in the HTML at all: console.js fetches it and sets textContent.
    assert "still waiting" not in html
    api = logged_in.get(f"/console/api/conversations/{conversation.pk}")
    assert api["Content-Type"] == "application/json"
    texts = [m["text"] for m in api.json()["transcript"] if m["sender"] == "visitor"]
    assert texts == list(XSS_TEXTS)


def test_status_change_and_its_validation(logged_in: Client, agent: Any) -> None:
    token = _csrf(logged_in)
    response = _post(logged_in, "/console/api/agent", {"status": "online"}, token)
    assert response.status_code == 200
    assert response.json()["status"] == "online"
    agent.agent_profile.refresh_from_db()
    assert agent.agent_profile.status == "online"
    bad = _post(logged_in, "/console/api/agent", {"status": "asleep"}, token)
    assert bad.status_code == 400
    assert bad.json()["error"] == "invalid"


def test_csrf_is_enforced_on_console_actions(logged_in: Client, create_conversation: Any) -> None:
    conversation = create_conversation(ANGRY)
    escalate(conversation)
    response = logged_in.post(
        f"/console/api/conversations/{conversation.pk}/notes",
        data=json.dumps({"text": "hi"}),
        content_type="application/json",
    )
    assert response.status_code == 403
    assert InternalNote.objects.count() == 0


def test_note_and_emotion_feedback(logged_in: Client, create_conversation: Any, agent: Any) -> None:
    conversation = create_conversation(ANGRY)
    escalate(conversation)
    token = _csrf(logged_in)
    note = _post(
        logged_in, f"/console/api/conversations/{conversation.pk}/notes", {"text": XSS_NAME}, token
    )
    assert note.status_code == 201
    assert note.json()["text"] == XSS_NAME
    empty = _post(
        logged_in, f"/console/api/conversations/{conversation.pk}/notes", {"text": "  "}, token
    )
    assert empty.status_code == 400
    assert empty.json()["error"] == "invalid_text"

    first = conversation.messages.get(seq=1)
    confirm = _post(
        logged_in, f"/console/api/messages/{first.pk}/emotion", {"emotion": "annoyance"}, token
    )
    assert confirm.json() == {
        "message_id": first.pk,
        "detected_emotion": "annoyance",
        "corrected_emotion": "annoyance",
        "is_correct": True,
    }
    correct = _post(
        logged_in, f"/console/api/messages/{first.pk}/emotion", {"emotion": "anger"}, token
    )
    assert correct.json()["is_correct"] is False
    # One verdict per agent and message: the second replaced the first.
    feedback = EmotionFeedback.objects.get()
    assert (feedback.detection_method, feedback.confidence_bucket) == ("ensemble", "high")
    bot = conversation.messages.get(seq=2)
    not_visitor = _post(
        logged_in, f"/console/api/messages/{bot.pk}/emotion", {"emotion": "anger"}, token
    )
    assert not_visitor.status_code == 404
    unknown = _post(
        logged_in, f"/console/api/messages/{first.pk}/emotion", {"emotion": "meh"}, token
    )
    assert unknown.status_code == 400
    assert unknown.json()["error"] == "invalid_emotion"


def test_transfer_to_crisis_specialists_requeues_with_the_skill(
    logged_in: Client, create_conversation: Any, agent: Any, supervisor: Any
) -> None:
    conversation = create_conversation(ANGRY)
    escalation = assign(escalate(conversation), agent)
    token = _csrf(logged_in)
    response = _post(
        logged_in,
        f"/console/api/conversations/{conversation.pk}/transfer",
        {"target": "crisis"},
        token,
    )
    assert response.status_code == 200
    escalation.refresh_from_db()
    assert (escalation.status, escalation.required_skill, escalation.assigned_to_id) == (
        "queued",
        "crisis",
        None,
    )
    assert list(escalation.events.values_list("type", flat=True))[-2:] == [
        "skill_changed",
        "requeued",
    ]
    again = _post(
        logged_in,
        f"/console/api/conversations/{conversation.pk}/transfer",
        {"target": "queue"},
        token,
    )
    assert again.status_code == 403
    assert Escalation.objects.get(pk=escalation.pk).status == "queued"

"""The public widget API: shapes, status codes and every error case of the contract."""

from __future__ import annotations

import uuid

import pytest
import time_machine
from rest_framework.test import APIClient

from conversations import services
from conversations.models import Conversation, ConversationEvent, Message, Site, Visitor
from tests.conversations.conftest import ConversationFactory, token_for

pytestmark = pytest.mark.django_db

ORIGIN = "https://shop.example"


def _messages_url(conversation_id: object) -> str:
    return f"/api/v1/widget/conversations/{conversation_id}/messages"


def _events_url(conversation_id: object, after: object = None) -> str:
    base = f"/api/v1/widget/conversations/{conversation_id}/events"
    return base if after is None else f"{base}?after={after}"


def _send(client: APIClient, conversation: Conversation, text: str, cid: object = None):  # type: ignore[no-untyped-def]
    return client.post(
        _messages_url(conversation.id),
        {"client_message_id": str(cid or uuid.uuid4()), "text": text},
        format="json",
    )


def _assert_error(response, status: int, error: str) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.content
    body = response.json()
    assert body["error"] == error
    assert isinstance(body["message"], str)
    assert body["message"]


# --- conversation create ---------------------------------------------------------------------


def test_create_conversation_returns_id_token_and_bot_status(api: APIClient, site: Site) -> None:
    response = api.post(
        "/api/v1/widget/conversations", {"site_key": "acme", "locale": "fr"}, format="json"
    )
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"id", "token", "status"}
    assert body["status"] == "bot"
    conversation = Conversation.objects.get(pk=body["id"])
    assert conversation.site == site
    assert conversation.visitor.locale == "fr"
    assert conversation.event_seq == 0
    # The token works for exactly this conversation.
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {body['token']}")
    assert api.get(_events_url(body["id"])).json() == {"events": []}


def test_create_conversation_defaults_locale_to_site(api: APIClient, site: Site) -> None:
    body = api.post("/api/v1/widget/conversations", {"site_key": "acme"}, format="json").json()
    assert Conversation.objects.get(pk=body["id"]).visitor.locale == "en"


def test_unsigned_external_id_never_reuses_the_visitor(api: APIClient, site: Site) -> None:
    payload = {"site_key": "acme", "visitor": {"external_id": "cust-42", "name": "Ada"}}
    first = api.post("/api/v1/widget/conversations", payload, format="json").json()
    second = api.post("/api/v1/widget/conversations", payload, format="json").json()
    visitors = [Conversation.objects.get(pk=body["id"]).visitor for body in (first, second)]
    assert visitors[0].pk != visitors[1].pk
    assert [(v.external_id, v.display_name) for v in visitors] == [("", "Ada"), ("", "Ada")]
    assert Visitor.objects.filter(site=site, external_id="cust-42").count() == 0


def test_unknown_site_key_is_404(api: APIClient, site: Site) -> None:
    response = api.post("/api/v1/widget/conversations", {"site_key": "nope"}, format="json")
    _assert_error(response, 404, "not_found")


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param({}, id="missing-site-key"),
        pytest.param({"site_key": "acme", "locale": "<script>"}, id="bad-locale"),
        pytest.param({"site_key": "acme", "visitor": {"external_id": "x" * 201}}, id="long-id"),
        pytest.param({"site_key": ["acme"]}, id="site-key-not-string"),
    ],
)
def test_invalid_create_payload_is_400(api: APIClient, site: Site, payload: dict) -> None:
    response = api.post("/api/v1/widget/conversations", payload, format="json")
    _assert_error(response, 400, "invalid")
    assert Conversation.objects.count() == 0


def test_malformed_json_is_400(api: APIClient, site: Site) -> None:
    response = api.post(
        "/api/v1/widget/conversations", data="{not json", content_type="application/json"
    )
    _assert_error(response, 400, "malformed_request")


def test_wrong_method_is_json_405(api: APIClient, site: Site) -> None:
    _assert_error(api.get("/api/v1/widget/conversations"), 405, "method_not_allowed")


def test_create_from_a_foreign_origin_is_refused(api: APIClient, site: Site) -> None:
    response = api.post(
        "/api/v1/widget/conversations",
        {"site_key": "acme"},
        format="json",
        HTTP_ORIGIN="https://evil.example",
    )
    _assert_error(response, 403, "origin_not_allowed")
    assert Conversation.objects.count() == 0


def test_allowed_origin_gets_cors_headers(api: APIClient, site: Site) -> None:
    response = api.post(
        "/api/v1/widget/conversations", {"site_key": "acme"}, format="json", HTTP_ORIGIN=ORIGIN
    )
    assert response.status_code == 201
    assert response["Access-Control-Allow-Origin"] == ORIGIN
    preflight = api.options(
        "/api/v1/widget/conversations",
        HTTP_ORIGIN=ORIGIN,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Headers"] == "Authorization, Content-Type"


def test_create_is_rate_limited_per_ip(api: APIClient, site: Site, settings) -> None:  # type: ignore[no-untyped-def]
    settings.WIDGET_RATE_CREATE_IP = "3/minute"
    statuses = [
        api.post("/api/v1/widget/conversations", {"site_key": "acme"}, format="json").status_code
        for _ in range(4)
    ]
    assert statuses == [201, 201, 201, 429]
    assert Conversation.objects.count() == 3


# --- widget config ---------------------------------------------------------------------------


def test_widget_config_describes_the_site(api: APIClient, site: Site) -> None:
    response = api.get("/api/v1/widget/config?site_key=acme", HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 200
    assert response.json() == {
        "site_key": "acme",
        "name": site.name,
        "locale": "en",
        "features": {"request_human": True},
    }


def test_widget_config_errors(api: APIClient, site: Site) -> None:
    _assert_error(api.get("/api/v1/widget/config"), 400, "invalid")
    _assert_error(api.get("/api/v1/widget/config?site_key=zzz"), 404, "not_found")
    response = api.get("/api/v1/widget/config?site_key=acme", HTTP_ORIGIN="http://other.test")
    _assert_error(response, 403, "origin_not_allowed")


# --- messages --------------------------------------------------------------------------------


def test_send_message_returns_the_stored_message(
    authed: APIClient, conversation: Conversation
) -> None:
    cid = uuid.uuid4()
    response = _send(authed, conversation, "  Where is my order?  ", cid)
    assert response.status_code == 201
    body = response.json()
    message = Message.objects.get(conversation=conversation)
    assert body == {
        "id": message.pk,
        "seq": 1,
        "sender": "visitor",
        "text": "Where is my order?",
        "created_at": message.created_at.isoformat().replace("+00:00", "Z"),
        "reply_to": None,
    }
    assert message.client_message_id == cid
    conversation.refresh_from_db()
    assert conversation.event_seq == 1


def test_same_client_message_id_and_text_returns_the_same_message(
    authed: APIClient, conversation: Conversation
) -> None:
    cid = uuid.uuid4()
    first = _send(authed, conversation, "hello", cid)
    again = _send(authed, conversation, "  hello ", cid)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert Message.objects.filter(conversation=conversation).count() == 1
    assert ConversationEvent.objects.filter(conversation=conversation).count() == 1


def test_same_client_message_id_with_other_text_is_422(
    authed: APIClient, conversation: Conversation
) -> None:
    cid = uuid.uuid4()
    _send(authed, conversation, "hello", cid)
    _assert_error(_send(authed, conversation, "goodbye", cid), 422, "client_message_id_conflict")
    assert list(Message.objects.values_list("text", flat=True)) == ["hello"]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        pytest.param("", 400, id="empty"),
        pytest.param("   \n\t ", 400, id="whitespace-only"),
        pytest.param("x" * 4001, 400, id="4001-chars"),
        pytest.param("  " + "x" * 4000 + "  ", 201, id="4000-chars-after-trim"),
        pytest.param("x", 201, id="one-char"),
    ],
)
def test_text_length_is_checked_after_trimming(
    authed: APIClient, conversation: Conversation, text: str, status: int
) -> None:
    response = _send(authed, conversation, text)
    assert response.status_code == status
    if status == 400:
        assert response.json()["error"] == "invalid_text"
        assert Message.objects.count() == 0
    else:
        assert Message.objects.get().text == text.strip()


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param({"text": "hi"}, id="missing-client-message-id"),
        pytest.param({"client_message_id": "not-a-uuid", "text": "hi"}, id="bad-uuid"),
        pytest.param({"client_message_id": str(uuid.uuid4())}, id="missing-text"),
        pytest.param({"client_message_id": str(uuid.uuid4()), "text": None}, id="null-text"),
    ],
)
def test_invalid_message_payload_is_400(
    authed: APIClient, conversation: Conversation, payload: dict
) -> None:
    response = authed.post(_messages_url(conversation.id), payload, format="json")
    _assert_error(response, 400, "invalid")
    assert Message.objects.count() == 0


def test_missing_or_wrong_token_is_404(api: APIClient, conversation: Conversation) -> None:
    body = {"client_message_id": str(uuid.uuid4()), "text": "hi"}
    url = _messages_url(conversation.id)
    _assert_error(api.post(url, body, format="json"), 404, "not_found")
    api.credentials(HTTP_AUTHORIZATION="Bearer garbage")
    _assert_error(api.post(url, body, format="json"), 404, "not_found")
    api.credentials(HTTP_AUTHORIZATION=f"Token {token_for(conversation)}")
    _assert_error(api.post(url, body, format="json"), 404, "not_found")
    _assert_error(api.get(_events_url(conversation.id)), 404, "not_found")
    assert Message.objects.count() == 0


def test_visitor_cannot_use_another_conversations_id(
    api: APIClient, conversation: Conversation
) -> None:
    other = ConversationFactory(site=conversation.site)
    services.message_post(conversation_id=other.id, sender="bot", text="private to other")
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(conversation)}")
    body = {"client_message_id": str(uuid.uuid4()), "text": "let me in"}
    foreign = api.post(_messages_url(other.id), body, format="json")
    unknown = api.post(_messages_url(uuid.uuid4()), body, format="json")
    # Foreign and unknown conversations are indistinguishable.
    _assert_error(foreign, 404, "not_found")
    assert foreign.json() == unknown.json()
    _assert_error(api.get(_events_url(other.id)), 404, "not_found")
    assert Message.objects.filter(conversation=other).count() == 1
    assert Message.objects.filter(conversation=conversation).count() == 0


def test_non_uuid_conversation_id_is_json_404(authed: APIClient) -> None:
    _assert_error(authed.get(_events_url("not-a-uuid")), 404, "not_found")
    _assert_error(authed.get("/api/v1/widget/conversations/x/y/z"), 404, "not_found")


def test_expired_token_is_404(api: APIClient, conversation: Conversation, settings) -> None:  # type: ignore[no-untyped-def]
    settings.WIDGET_TOKEN_MAX_AGE = 60
    with time_machine.travel("2030-01-01 00:00:00Z", tick=False):
        token = token_for(conversation)
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    with time_machine.travel("2030-01-01 00:00:59Z", tick=False):
        assert api.get(_events_url(conversation.id)).status_code == 200
    with time_machine.travel("2030-01-01 00:01:01Z", tick=False):
        _assert_error(api.get(_events_url(conversation.id)), 404, "not_found")


def test_resolved_conversation_rejects_new_message(
    authed: APIClient, conversation: Conversation
) -> None:
    cid = uuid.uuid4()
    _send(authed, conversation, "first", cid)
    services.conversation_status_set(conversation_id=conversation.id, status="resolved")
    _assert_error(_send(authed, conversation, "second"), 409, "conversation_resolved")
    # A retry of an already stored message still answers idempotently.
    assert _send(authed, conversation, "first", cid).status_code == 200


def test_messages_are_rate_limited_per_token(
    api: APIClient, conversation: Conversation, settings
) -> None:  # type: ignore[no-untyped-def]
    settings.WIDGET_RATE_TOKEN = "2/minute"
    other = ConversationFactory(site=conversation.site)
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(conversation)}")
    statuses = [_send(api, conversation, f"m{i}").status_code for i in range(3)]
    assert statuses == [201, 201, 429]
    limited = _send(api, conversation, "m3")
    _assert_error(limited, 429, "rate_limited")
    assert int(limited["Retry-After"]) > 0
    # Another conversation's token has its own budget.
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(other)}")
    assert _send(api, other, "hello").status_code == 201
    assert Message.objects.filter(conversation=conversation).count() == 2


def test_requests_are_rate_limited_per_ip(
    api: APIClient, conversation: Conversation, settings
) -> None:  # type: ignore[no-untyped-def]
    settings.WIDGET_RATE_IP = "3/minute"
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(conversation)}")
    statuses = [api.get(_events_url(conversation.id)).status_code for _ in range(3)]
    statuses.append(_send(api, conversation, "hi").status_code)
    assert statuses == [200, 200, 200, 429]
    other_ip = api.get(_events_url(conversation.id), REMOTE_ADDR="10.0.0.9")
    assert other_ip.status_code == 200


def test_message_from_a_foreign_origin_is_refused(
    authed: APIClient, conversation: Conversation
) -> None:
    response = authed.post(
        _messages_url(conversation.id),
        {"client_message_id": str(uuid.uuid4()), "text": "hi"},
        format="json",
        HTTP_ORIGIN="https://evil.example",
    )
    _assert_error(response, 403, "origin_not_allowed")
    assert Message.objects.count() == 0


# --- events ----------------------------------------------------------------------------------


def test_events_after_returns_later_events_in_seq_order(
    authed: APIClient, conversation: Conversation
) -> None:
    visitor = _send(authed, conversation, "hello").json()
    reply = services.message_post(conversation_id=conversation.id, sender="bot", text="Hi!")
    services.conversation_status_set(conversation_id=conversation.id, status="waiting_for_agent")

    all_events = authed.get(_events_url(conversation.id, 0)).json()["events"]
    assert all_events == [
        {"type": "message.created", "seq": 1, "message": visitor},
        {
            "type": "message.created",
            "seq": 2,
            "message": {
                "id": reply.pk,
                "seq": 2,
                "sender": "bot",
                "text": "Hi!",
                "created_at": reply.created_at.isoformat().replace("+00:00", "Z"),
                "reply_to": None,
            },
        },
        {"type": "conversation.status_changed", "seq": 3, "status": "waiting_for_agent"},
    ]
    assert authed.get(_events_url(conversation.id)).json()["events"] == all_events
    assert [e["seq"] for e in authed.get(_events_url(conversation.id, 1)).json()["events"]] == [
        2,
        3,
    ]
    assert authed.get(_events_url(conversation.id, 3)).json() == {"events": []}


@pytest.mark.parametrize("after", ["-1", "abc", "1.5", "9" * 30])
def test_invalid_after_is_400(authed: APIClient, conversation: Conversation, after: str) -> None:
    _assert_error(authed.get(_events_url(conversation.id, after)), 400, "invalid")


# --- schema ----------------------------------------------------------------------------------


def test_openapi_schema_documents_the_widget_api(api: APIClient) -> None:
    response = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert set(paths) >= {
        "/api/v1/widget/config",
        "/api/v1/widget/conversations",
        "/api/v1/widget/conversations/{conversation_id}/messages",
        "/api/v1/widget/conversations/{conversation_id}/events",
    }
    responses = paths["/api/v1/widget/conversations/{conversation_id}/messages"]["post"][
        "responses"
    ]
    assert set(responses) == {"200", "201", "400", "403", "404", "409", "422", "429"}

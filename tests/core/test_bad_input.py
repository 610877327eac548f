"""Bad input gets a clear 4xx or close code, never a 500 or a dropped socket (issue 17).

Each case is what the attack run sent, through the Django test client (the full middleware
and DRF stack) or a WebsocketCommunicator on the real ASGI application.
"""

from __future__ import annotations

import uuid

import pytest
from channels.db import database_sync_to_async
from channels.layers import channel_layers
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import Group, User
from django.test import Client
from rest_framework.authtoken.models import Token

from config.asgi import application
from conversations import access
from conversations.models import Conversation, Site, Visitor
from core.jsonlimits import json_depth_exceeds
from escalations.models import AgentProfile

pytestmark = pytest.mark.django_db

DEEP_BODY = "[" * 30_000  # 30 KB of nesting: RecursionError in json.loads before the fix
DEEP_FRAME = "[" * 2_000
ORIGIN = "https://shop.example"


@pytest.fixture(autouse=True)
def _memory_layer_and_cache(settings) -> None:  # type: ignore[no-untyped-def]
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"bad-input-{uuid.uuid4()}",
        }
    }
    settings.ALLOWED_HOSTS = ["testserver", "desk.example"]
    channel_layers.backends.clear()


@pytest.fixture
def conversation() -> Conversation:
    site = Site.objects.create(site_key="acme", name="Acme", allowed_origins=[ORIGIN])
    return Conversation.objects.create(site=site, visitor=Visitor.objects.create(site=site))


@pytest.fixture
def agent() -> User:
    user = User.objects.create_user("ann", password="pw-ann-123")
    user.groups.add(Group.objects.get_or_create(name="agents")[0])
    AgentProfile.objects.create(user=user, skills=["crisis"], capacity=3)
    return user


def _json_post(
    client: Client, url: str, body: str, method: str = "post", **headers: str
) -> tuple[int, dict]:
    send = getattr(client, method)
    response = send(url, data=body, content_type="application/json", **headers)
    return response.status_code, response.json()


@pytest.mark.parametrize(
    ("depth", "exceeds"),
    [(32, False), (33, True)],
    ids=["at-limit", "one-over"],
)
def test_depth_is_measured_outside_strings(depth: int, exceeds: bool) -> None:
    text = "[" * depth + '"[[[{{{"' + "]" * depth
    assert json_depth_exceeds(text, 32) is exceeds


def test_deep_json_is_400_on_every_kind_of_json_endpoint(conversation, agent) -> None:  # type: ignore[no-untyped-def]
    token = access.conversation_token_issue(conversation_id=conversation.id)
    widget = {"HTTP_AUTHORIZATION": f"Bearer {token}", "HTTP_ORIGIN": ORIGIN}
    agent_api = {"HTTP_AUTHORIZATION": f"Token {Token.objects.create(user=agent).key}"}
    console = Client()
    console.force_login(agent)
    cid = conversation.id
    answers = {
        "widget-create": _json_post(Client(), "/api/v1/widget/conversations", DEEP_BODY),
        "widget-message": _json_post(
            Client(), f"/api/v1/widget/conversations/{cid}/messages", DEEP_BODY, **widget
        ),
        "widget-me": _json_post(Client(), "/api/v1/widget/me", DEEP_BODY, "patch", **widget),
        "agent-message": _json_post(
            Client(), f"/api/v1/agent/conversations/{cid}/messages", DEEP_BODY, **agent_api
        ),
        "console-note": _json_post(console, f"/console/api/conversations/{cid}/notes", DEEP_BODY),
    }
    expected = (
        400,
        {"error": "malformed_request", "message": "JSON nested deeper than 32 levels."},
    )
    assert answers == dict.fromkeys(answers, expected)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/widget/config?site_key=de%00mo",
        "/api/v1/widget/config?site%00key=demo",
        "/api/v1/widget/conversations/ab%00cd/events",
        "/console/conversations/ab%00cd/",
    ],
    ids=["query-value", "query-name", "path-id", "console-path"],
)
def test_nul_in_path_or_query_is_400(url: str) -> None:
    response = Client().get(url)
    assert (response.status_code, response.json()["error"]) == (400, "malformed_request")


def test_superscript_after_is_400_not_500(conversation) -> None:  # type: ignore[no-untyped-def]
    token = access.conversation_token_issue(conversation_id=conversation.id)
    response = Client().get(
        f"/api/v1/widget/conversations/{conversation.id}/events?after=%C2%B2",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert (response.status_code, response.json()["error"]) == (400, "invalid")


@pytest.mark.parametrize(
    "text",
    ["\u200b", "\u200b\u200c\u200d\u2060\ufeff", " \u202e \u00a0", "\u2028\u3000"],
    ids=["zero-width-space", "format-characters", "bidi-and-nbsp", "separators"],
)
def test_invisible_message_is_refused(conversation, text: str) -> None:  # type: ignore[no-untyped-def]
    token = access.conversation_token_issue(conversation_id=conversation.id)
    status, body = _json_post(
        Client(),
        f"/api/v1/widget/conversations/{conversation.id}/messages",
        f'{{"client_message_id": "{uuid.uuid4()}", "text": "{text}"}}',
        HTTP_AUTHORIZATION=f"Bearer {token}",
        HTTP_ORIGIN=ORIGIN,
    )
    assert (status, body["error"]) == (400, "invalid_text")
    assert conversation.messages.count() == 0


# ---------------------------------------------------------------------------
# Websockets
# ---------------------------------------------------------------------------
@pytest.mark.django_db(transaction=True)
async def test_deep_frame_closes_the_widget_socket_1007(conversation) -> None:  # type: ignore[no-untyped-def]
    socket = WebsocketCommunicator(
        application,
        f"/ws/widget/conversations/{conversation.id}/",
        headers=[(b"origin", ORIGIN.encode())],
    )
    connected, _ = await socket.connect()
    assert connected
    await socket.send_to(text_data=DEEP_FRAME)
    assert await socket.receive_output(timeout=3) == {"type": "websocket.close", "code": 1007}


@pytest.mark.django_db(transaction=True)
async def test_deep_frame_closes_the_agent_socket_1007(agent) -> None:  # type: ignore[no-untyped-def]
    def cookie() -> str:
        client = Client()
        client.force_login(agent)
        return client.cookies["sessionid"].value

    headers = [
        (b"host", b"desk.example"),
        (b"origin", b"https://desk.example"),
        (b"cookie", f"sessionid={await database_sync_to_async(cookie)()}".encode()),
    ]
    socket = WebsocketCommunicator(application, "/ws/agent/", headers=headers)
    connected, _ = await socket.connect()
    assert connected
    assert (await socket.receive_json_from())["type"] == "snapshot"
    await socket.send_to(text_data=DEEP_FRAME)
    assert await socket.receive_output(timeout=3) == {"type": "websocket.close", "code": 1007}


async def test_unknown_websocket_path_is_refused_cleanly() -> None:
    socket = WebsocketCommunicator(application, "/ws/nothing-here/")
    assert await socket.connect() == (False, 4004)


@pytest.mark.django_db(transaction=True)
async def test_sockets_over_the_per_ip_cap_close_1013(conversation, settings) -> None:  # type: ignore[no-untyped-def]
    settings.WS_MAX_SOCKETS_PER_IP = 3
    path = f"/ws/widget/conversations/{conversation.id}/"

    def socket(ip: str) -> WebsocketCommunicator:
        communicator = WebsocketCommunicator(
            application, path, headers=[(b"origin", ORIGIN.encode())]
        )
        communicator.scope["client"] = (ip, 40000)
        return communicator

    held = [socket("198.51.100.7") for _ in range(3)]
    for communicator in held:
        assert (await communicator.connect())[0] is True
    extra = socket("198.51.100.7")
    assert await extra.connect() == (True, None)
    assert await extra.receive_output(timeout=2) == {"type": "websocket.close", "code": 1013}
    other = socket("198.51.100.8")
    assert (await other.connect())[0] is True
    await held[0].disconnect()
    again = socket("198.51.100.7")
    assert (await again.connect())[0] is True
    for communicator in [*held[1:], other, again]:
        await communicator.disconnect()

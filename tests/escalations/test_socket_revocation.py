"""Open agent sockets end with their login and re-check every push (issue 17, must-fix 1).

Each attack runs the way it happened: the agent's console socket is open on the real Redis
channel layer (and the in-memory one), then the account changes through Django itself.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from channels.db import database_sync_to_async
from channels.layers import channel_layers
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import Group, User
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from config.asgi import application
from conversations import services as conversation_services
from conversations.models import Conversation
from escalations import services
from escalations.rules import CRISIS_INDICATORS, EscalationDecision
from tests.conversations.conftest import ConversationFactory
from tests.escalations.conftest import make_agent

pytestmark = pytest.mark.django_db(transaction=True)

HOST = "desk.example"
CLOSED_4003 = {"type": "websocket.close", "code": 4003}


@pytest.fixture(autouse=True)
def _allowed_host(settings) -> None:  # type: ignore[no-untyped-def]
    settings.ALLOWED_HOSTS = [HOST]


@pytest.fixture(params=["memory", pytest.param("redis", marks=pytest.mark.redis)])
def layer(request, settings) -> Iterator[str]:  # type: ignore[no-untyped-def]
    if request.param == "redis":
        settings.CHANNEL_LAYERS = {
            "default": {
                "BACKEND": "channels_redis.core.RedisChannelLayer",
                "CONFIG": {
                    "hosts": [settings.REDIS_URL or "redis://127.0.0.1:6379/0"],
                    "prefix": f"test-revoke-{uuid.uuid4().hex[:8]}",
                },
            }
        }
    channel_layers.backends.clear()
    yield request.param
    channel_layers.backends.clear()


def _login(user: User) -> tuple[Client, WebsocketCommunicator]:
    client = Client()
    client.force_login(user)
    headers = [
        (b"host", HOST.encode()),
        (b"origin", f"https://{HOST}".encode()),
        (b"cookie", f"sessionid={client.cookies['sessionid'].value}".encode()),
    ]
    return client, WebsocketCommunicator(application, "/ws/agent/", headers=headers)


async def _open(user: User) -> tuple[Client, WebsocketCommunicator]:
    client, communicator = await database_sync_to_async(_login)(user)
    connected, _ = await communicator.connect()
    assert connected
    assert (await communicator.receive_json_from())["type"] == "snapshot"
    return client, communicator


def _claimed_conversation(user: User, reason: str = "user_request") -> Conversation:
    conversation = ConversationFactory()
    escalation = services.escalation_open(
        conversation_id=conversation.id, decision=EscalationDecision(reason, "t")
    ).escalation
    services.escalation_claim(escalation_id=escalation.pk, user=user)
    return conversation


async def _drain(communicator: WebsocketCommunicator, count: int) -> list[dict[str, Any]]:
    return [await communicator.receive_json_from(timeout=5) for _ in range(count)]


# ---------------------------------------------------------------------------
# The login ends: the socket closes 4003
# ---------------------------------------------------------------------------
def _set_password(user: User) -> None:
    user.set_password("a-new-password-1")
    user.save()


def _deactivate(user: User) -> None:
    user.is_active = False
    user.save(update_fields=["is_active"])


def _leave_agents(user: User) -> None:
    user.groups.remove(Group.objects.get(name="agents"))


def _group_drops_user(user: User) -> None:
    Group.objects.get(name="agents").user_set.remove(user)


def _group_cleared(user: User) -> None:
    Group.objects.get(name="agents").user_set.clear()


def _delete(user: User) -> None:
    user.delete()


@pytest.mark.parametrize(
    "change",
    [_set_password, _deactivate, _leave_agents, _group_drops_user, _group_cleared, _delete],
    ids=[
        "password-changed",
        "deactivated",
        "left-agents-group",
        "removed-from-group-side",
        "group-cleared",
        "deleted",
    ],
)
async def test_account_change_closes_the_open_socket_4003(layer, change) -> None:  # type: ignore[no-untyped-def]
    agent = await database_sync_to_async(make_agent)("ann", status="offline")
    _, communicator = await _open(agent)
    await database_sync_to_async(change)(agent)
    assert await communicator.receive_output(timeout=5) == CLOSED_4003
    await communicator.wait()


async def test_logout_closes_that_sessions_socket_not_the_other_login(layer) -> None:  # type: ignore[no-untyped-def]
    agent = await database_sync_to_async(make_agent)("ann", status="offline")
    laptop, laptop_socket = await _open(agent)
    _, phone_socket = await _open(agent)
    await database_sync_to_async(laptop.logout)()
    assert await laptop_socket.receive_output(timeout=5) == CLOSED_4003
    assert await phone_socket.receive_nothing(timeout=0.5)
    await phone_socket.send_json_to({"type": "ping"})
    assert await phone_socket.receive_json_from() == {"type": "pong"}
    await phone_socket.disconnect()


async def test_expired_session_closes_the_socket_on_the_recheck_timer(layer, settings) -> None:  # type: ignore[no-untyped-def]
    settings.AGENT_SOCKET_RECHECK_SECONDS = 0.2
    agent = await database_sync_to_async(make_agent)("ann", status="offline")
    _, communicator = await _open(agent)
    # Expiry sends no signal at all.
    await database_sync_to_async(Session.objects.update)(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    assert await communicator.receive_output(timeout=5) == CLOSED_4003


async def test_silent_deactivation_is_caught_by_the_next_push(layer) -> None:  # type: ignore[no-untyped-def]
    """A queryset update sends no signal; the push itself re-checks and carries no text."""
    agent = await database_sync_to_async(make_agent)("ann", status="offline")
    conversation = await database_sync_to_async(_claimed_conversation)(agent)
    _, communicator = await _open(agent)
    await database_sync_to_async(User.objects.filter(pk=agent.pk).update)(is_active=False)
    await database_sync_to_async(services.agent_message_post)(
        conversation_id=conversation.id, user=agent, text="card 4111 1111 1111 1111"
    )
    assert await communicator.receive_output(timeout=5) == CLOSED_4003
    assert await communicator.receive_nothing(timeout=0.3)


# ---------------------------------------------------------------------------
# Every push re-checks the conversation's restriction
# ---------------------------------------------------------------------------
async def test_conversation_turning_crisis_stops_pushes_to_an_agent_without_the_skill(
    layer,
) -> None:  # type: ignore[no-untyped-def]
    ann = await database_sync_to_async(make_agent)("ann", status="offline")
    boss = await database_sync_to_async(make_agent)("boss", status="offline", supervisor=True)
    conversation = await database_sync_to_async(_claimed_conversation)(ann)
    _, ann_socket = await _open(ann)
    _, boss_socket = await _open(boss)
    await database_sync_to_async(conversation_services.conversation_crisis_mark)(
        conversation_id=conversation.id
    )
    message = await database_sync_to_async(services.agent_message_post)(
        conversation_id=conversation.id, user=boss, text="I'm a supervisor, I'm with you."
    )
    frame = await boss_socket.receive_json_from(timeout=5)
    assert (frame["type"], frame["message"]["id"]) == ("message.created", message.pk)
    assert await ann_socket.receive_nothing(timeout=0.5)
    await ann_socket.disconnect()
    await boss_socket.disconnect()


async def test_crisis_escalation_reaches_supervisors_and_crisis_agents_only(layer) -> None:  # type: ignore[no-untyped-def]
    plain = await database_sync_to_async(make_agent)("plain", status="offline")
    trained = await database_sync_to_async(make_agent)(
        "trained", status="offline", skills=["crisis"]
    )
    _, plain_socket = await _open(plain)
    _, trained_socket = await _open(trained)

    def open_crisis() -> int:
        conversation = ConversationFactory()
        conversation_services.conversation_crisis_mark(conversation_id=conversation.id)
        return services.escalation_open(
            conversation_id=conversation.id, decision=EscalationDecision(CRISIS_INDICATORS, "t")
        ).escalation.pk

    escalation_id = await database_sync_to_async(open_crisis)()
    opened = await trained_socket.receive_json_from(timeout=5)
    assert (opened["type"], opened["escalation"]["id"]) == ("escalation.opened", escalation_id)
    assert await plain_socket.receive_nothing(timeout=0.5)
    await plain_socket.disconnect()
    await trained_socket.disconnect()

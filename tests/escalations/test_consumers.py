"""The agent websocket: session auth and same-origin in connect, snapshot, live pushes."""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser, User
from django.test import Client

from config.asgi import application
from escalations import services
from escalations.rules import EscalationDecision
from tests.escalations.conftest import make_agent

pytestmark = pytest.mark.django_db(transaction=True)

HOST = "desk.example"


def _communicator(user, origin: str | None = f"https://{HOST}") -> WebsocketCommunicator:  # type: ignore[no-untyped-def]
    headers = [(b"host", HOST.encode())]
    if origin:
        headers.append((b"origin", origin.encode()))
    if user is not None:
        client = Client()
        client.force_login(user)
        headers.append((b"cookie", f"sessionid={client.cookies['sessionid'].value}".encode()))
    return WebsocketCommunicator(application, "/ws/agent/", headers=headers)


async def _make(user, origin: str | None = f"https://{HOST}") -> WebsocketCommunicator:  # type: ignore[no-untyped-def]
    return await database_sync_to_async(_communicator)(user, origin)


async def _refused(communicator: WebsocketCommunicator) -> bool:
    connected, _ = await communicator.connect()
    await communicator.disconnect()
    return not connected


async def test_socket_refuses_anonymous_foreign_origin_and_non_agents(settings) -> None:  # type: ignore[no-untyped-def]
    settings.ALLOWED_HOSTS = ["*"]
    agent = await database_sync_to_async(make_agent)("ann")
    plain = await database_sync_to_async(User.objects.create_user)("plain")
    assert await _refused(await _make(None))
    assert await _refused(await _make(agent, origin="https://evil.example"))
    assert await _refused(await _make(agent, origin=None))
    assert await _refused(await _make(plain))
    assert AnonymousUser().is_authenticated is False


async def test_agent_gets_snapshot_then_live_escalations_and_messages(site) -> None:  # type: ignore[no-untyped-def]
    from tests.conversations.conftest import ConversationFactory

    agent = await database_sync_to_async(make_agent)("ann", status="offline")
    conversation = await database_sync_to_async(ConversationFactory)(site=site)
    communicator = await _make(agent)
    connected, _ = await communicator.connect()
    assert connected
    assert await communicator.receive_json_from() == {"type": "snapshot", "escalations": []}

    def open_and_claim() -> int:
        escalation = services.escalation_open(
            conversation_id=conversation.id, decision=EscalationDecision("user_request", "t")
        ).escalation
        services.escalation_claim(escalation_id=escalation.pk, user=agent)
        return escalation.pk

    escalation_id = await database_sync_to_async(open_and_claim)()
    opened = await communicator.receive_json_from()
    assert (opened["type"], opened["escalation"]["id"]) == ("escalation.opened", escalation_id)
    assigned = await communicator.receive_json_from()
    assert (assigned["type"], assigned["escalation"]["assigned_to"]) == (
        "escalation.assigned",
        agent.pk,
    )
    from channels.layers import get_channel_layer

    from escalations import events

    layer = get_channel_layer()
    emotion = events.emotion_updated(
        conversation_id=conversation.id, reading={"emotion": "anger"}, trend="deteriorating"
    )
    await layer.group_send(
        events.agent_group(agent.pk),
        {"type": events.LAYER_AGENT_EVENT, "event": {**emotion, "event_id": "e1"}},
    )
    # The same push through a second group of this socket is dropped.
    await layer.group_send(
        events.AGENTS_GROUP,
        {"type": events.LAYER_AGENT_EVENT, "event": {**emotion, "event_id": "e1"}},
    )
    assert (await communicator.receive_json_from())["type"] == "emotion.updated"
    assert await communicator.receive_nothing(timeout=0.3)
    await communicator.disconnect()

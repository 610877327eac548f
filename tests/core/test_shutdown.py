"""Graceful shutdown on a real uvicorn process: open sockets get a reconnect hint, then 1012."""

from __future__ import annotations

import json
import signal

import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect
from websockets.typing import Origin

from conversations import access
from conversations.models import Conversation, Site, Visitor
from core import shutdown
from tests.conftest import run_asgi_server

ORIGIN = "https://shop.example"


@pytest.mark.postgres
@pytest.mark.integration
def test_sigterm_sends_reconnect_hint_then_closes_1012(transactional_db: None) -> None:
    site = Site.objects.create(name="Shop", site_key="shutdown", allowed_origins=[ORIGIN])
    visitor = Visitor.objects.create(site=site)
    conversation = Conversation.objects.create(site=site, visitor=visitor)
    token = access.conversation_token_issue(conversation_id=conversation.id)

    with run_asgi_server(eager=True, name="shutdown") as server:
        url = f"{server.ws_url}/ws/widget/conversations/{conversation.id}/"
        with connect(url, origin=Origin(ORIGIN), open_timeout=10) as socket:
            socket.send(json.dumps({"type": "auth", "token": token, "after": 0}))
            # Authorized and subscribed: a ping is answered only after the auth frame is done.
            socket.send(json.dumps({"type": "ping"}))
            assert json.loads(socket.recv(timeout=10)) == {"type": "pong"}

            server.process.send_signal(signal.SIGTERM)

            hint = json.loads(socket.recv(timeout=10))
            assert hint["type"] == "reconnect"
            assert set(hint) == {"type", "retry_after_ms"}
            low = shutdown.RETRY_BASE_MS
            assert low <= hint["retry_after_ms"] <= low + shutdown.RETRY_SPREAD_MS
            with pytest.raises(ConnectionClosed):
                socket.recv(timeout=10)
            assert socket.close_code == 1012
            assert socket.close_reason == "service restart"
        # The server still finishes its own graceful shutdown, then (as uvicorn does after a
        # handled signal) re-raises SIGTERM with the default action.
        assert server.process.wait(timeout=15) == -signal.SIGTERM
        assert "Finished server process" in server.log_path.read_text()


@pytest.mark.postgres
@pytest.mark.integration
def test_after_sockets_are_gone_sigterm_stops_the_server_at_once(
    transactional_db: None,
) -> None:
    with run_asgi_server(eager=True, name="shutdown-idle") as server:
        # A socket came and went (the signal hook is in place), none is open at the signal.
        url = f"{server.ws_url}/ws/widget/conversations/00000000-0000-0000-0000-000000000000/"
        with connect(url, open_timeout=10) as socket:
            socket.send(json.dumps({"type": "auth", "token": "wrong", "after": 0}))
            with pytest.raises(ConnectionClosed):
                socket.recv(timeout=10)
            assert socket.close_code == 4003

        server.process.send_signal(signal.SIGTERM)

        assert server.process.wait(timeout=10) == -signal.SIGTERM
        assert "Finished server process" in server.log_path.read_text()

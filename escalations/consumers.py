"""The agent websocket: session auth and same-origin in connect, then live queue and messages."""

from __future__ import annotations

import json
import logging
from collections import deque
from typing import Any
from urllib.parse import urlsplit

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings

from conversations import events as conversation_events
from escalations import events, selectors
from escalations.models import Escalation

logger = logging.getLogger(__name__)

# Conversation events an agent console shows (others, like typing hints, are not forwarded).
FORWARDED = frozenset({conversation_events.MESSAGE_CREATED, conversation_events.STATUS_CHANGED})


def _header(scope: dict[str, Any], name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return ""


def origin_is_same(scope: dict[str, Any]) -> bool:
    """The page that opened the socket is served by this site (or a trusted origin)."""
    origin = _header(scope, b"origin")
    if not origin:
        return False
    host = _header(scope, b"host")
    parts = urlsplit(origin)
    if parts.scheme in ("http", "https") and parts.netloc and parts.netloc == host:
        return True
    return origin in settings.CSRF_TRUSTED_ORIGINS


@database_sync_to_async
def _snapshot(user: Any) -> tuple[bool, bool, list[dict[str, Any]], list[str]] | None:
    if not selectors.user_is_agent(user=user):
        return None
    supervisor = selectors.user_is_supervisor(user=user)
    found = selectors.escalation_list(user=user, status="open")
    following = [
        str(e.conversation_id)
        for e in found
        if e.status == Escalation.Status.ASSIGNED and (e.assigned_to_id == user.pk or supervisor)
    ]
    return True, supervisor, [events.escalation_json(e) for e in found], following


class AgentConsumer(AsyncWebsocketConsumer):
    """One agent's live console: the queue, their conversations' messages and emotions."""

    groups_joined: list[str]
    seen: deque[str]

    async def connect(self) -> None:
        self.groups_joined = []
        self.seen = deque(maxlen=500)
        user = self.scope.get("user")
        if not origin_is_same(self.scope) or user is None or not user.is_authenticated:
            await self.close()
            return
        snapshot = await _snapshot(user)
        if snapshot is None:
            await self.close()
            return
        _, supervisor, escalations, following = snapshot
        wanted = [events.AGENTS_GROUP, events.agent_group(user.pk)]
        if supervisor:
            wanted.append(events.SUPERVISORS_GROUP)
        wanted += [conversation_events.conversation_group(c) for c in following]
        for group in wanted:
            await self._join(group)
        await self.accept()
        await self.send(text_data=json.dumps({"type": "snapshot", "escalations": escalations}))

    async def _join(self, group: str) -> None:
        if group not in self.groups_joined:
            await self.channel_layer.group_add(group, self.channel_name)
            self.groups_joined.append(group)

    async def disconnect(self, code: int) -> None:
        for group in self.groups_joined:
            await self.channel_layer.group_discard(group, self.channel_name)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        # Agents act through the REST API; the socket only answers pings.
        if text_data and len(text_data) < 256:
            try:
                frame = json.loads(text_data)
            except ValueError:
                return
            if isinstance(frame, dict) and frame.get("type") == "ping":
                await self.send(text_data=json.dumps({"type": "pong"}))

    async def agent_event(self, message: dict[str, Any]) -> None:
        event = message["event"]
        event_id = event.get("event_id")
        if event_id in self.seen:
            return  # the same push through another of this socket's groups
        self.seen.append(event_id)
        await self.send(text_data=json.dumps(event))

    async def agent_follow(self, message: dict[str, Any]) -> None:
        """An escalation was assigned to this agent: start receiving its conversation."""
        await self._join(conversation_events.conversation_group(message["conversation_id"]))

    async def conversation_event(self, message: dict[str, Any]) -> None:
        event = message["event"]
        if event.get("type") in FORWARDED:
            await self.send(
                text_data=json.dumps({**event, "conversation_id": message.get("conversation_id")})
            )

    async def conversation_typing(self, message: dict[str, Any]) -> None:
        return None

    async def conversation_hint(self, message: dict[str, Any]) -> None:
        return None

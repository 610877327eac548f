"""The agent websocket: session auth, host and origin checks in connect, then live pushes."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections import deque
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.http.request import split_domain_port, validate_host

from conversations import events as conversation_events
from core import roles
from core.roles import CRISIS_SKILL
from core.websocket import FrameLimiter
from escalations import events, rules, selectors
from escalations.models import AgentProfile, Escalation

logger = logging.getLogger(__name__)

# Conversation events an agent console shows (others, like typing hints, are not forwarded).
FORWARDED = frozenset({conversation_events.MESSAGE_CREATED, conversation_events.STATUS_CHANGED})
# Agent events that carry an escalation and so may change which conversations a socket follows.
_FOLLOW_EVENTS = frozenset(
    {
        events.ESCALATION_OPENED,
        events.ESCALATION_ASSIGNED,
        events.ESCALATION_UPDATED,
        events.ESCALATION_CLOSED,
        events.ESCALATION_SLA_BREACHED,
    }
)
# The login behind the socket ended (logout, expiry, password change, deactivation, role lost).
CLOSE_UNAUTHORIZED = 4003


def _header(scope: dict[str, Any], name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return ""


def host_is_allowed(scope: dict[str, Any]) -> bool:
    """The Host header names this site (Django's ALLOWED_HOSTS rules, DEBUG's localhost too)."""
    domain, _ = split_domain_port(_header(scope, b"host"))
    allowed = list(settings.ALLOWED_HOSTS)
    if settings.DEBUG and not allowed:
        allowed = [".localhost", "127.0.0.1", "[::1]"]
    return bool(domain) and validate_host(domain, allowed)


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


@dataclass(frozen=True, slots=True)
class _Viewer:
    user_id: int
    is_supervisor: bool
    # Crisis conversations reach only supervisors and crisis-trained agents (see
    # conversations.privacy crisis_transcript_access_check).
    has_crisis_skill: bool

    def follows(self, escalation: dict[str, Any]) -> bool:
        """Whether this socket should receive the escalation's conversation events."""
        if escalation.get("status") not in Escalation.OPEN_STATUSES:
            return False
        if self.is_supervisor:
            return True
        if escalation.get("reason") == rules.CRISIS_INDICATORS and not self.has_crisis_skill:
            return False
        return (
            escalation.get("status") == Escalation.Status.ASSIGNED
            and escalation.get("assigned_to") == self.user_id
        )


@database_sync_to_async
def _viewer(user: Any) -> _Viewer | None:
    if not roles.user_is_agent(user=user):
        return None
    profile = AgentProfile.objects.filter(user_id=user.pk).first()
    return _Viewer(
        user_id=user.pk,
        is_supervisor=roles.user_is_supervisor(user=user),
        has_crisis_skill=profile is not None and profile.has_skill(CRISIS_SKILL),
    )


@database_sync_to_async
def _push_verdict(user_id: int, session_key: str | None, conversation_id: str | None) -> str:
    """ "revoked" (close the socket), "hidden" (drop this push) or "allowed"."""
    user = selectors.agent_session_user(user_id=user_id, session_key=session_key)
    if user is None:
        return "revoked"
    if conversation_id and not selectors.agent_may_see_conversation(
        user=user, conversation_id=conversation_id
    ):
        return "hidden"
    return "allowed"


def _event_conversation_id(event: dict[str, Any]) -> str | None:
    escalation = event.get("escalation")
    if isinstance(escalation, dict) and escalation.get("conversation_id"):
        return str(escalation["conversation_id"])
    value = event.get("conversation_id")
    return str(value) if value else None


@database_sync_to_async
def _snapshot(user: Any) -> list[dict[str, Any]]:
    return [events.escalation_json(e) for e in selectors.escalation_list(user=user, status="open")]


class AgentConsumer(AsyncWebsocketConsumer):
    """One agent's live console: the queue, their conversations' messages and emotions.

    The socket follows (joins the group of) the conversations assigned to the agent, every open
    one for a supervisor. Following changes inside the handler of the escalation event that
    causes it, before that event is sent on: once a client sees `escalation.assigned`, every
    later `message.created` of that conversation reaches it. Earlier ones come from the API.
    """

    groups_joined: list[str]
    seen: deque[str]
    viewer: _Viewer | None
    session_key: str | None
    revoked: bool
    _limiter: FrameLimiter
    _recheck_task: asyncio.Task[None] | None

    async def connect(self) -> None:
        self.groups_joined = []
        self.seen = deque(maxlen=500)
        self.viewer = None
        self.revoked = False
        self._recheck_task = None
        self._limiter = FrameLimiter()
        # The login this socket was opened with: it must still stand for every push.
        self.session_key = getattr(self.scope.get("session"), "session_key", None)
        user = self.scope.get("user")
        if (
            not host_is_allowed(self.scope)
            or not origin_is_same(self.scope)
            or user is None
            or not user.is_authenticated
        ):
            await self.close()
            return
        viewer = await _viewer(user)
        if viewer is None:
            await self.close()
            return
        self.viewer = viewer
        # Join before reading the snapshot so nothing committed in between is missed.
        await self._join(events.AGENTS_GROUP)
        await self._join(events.agent_group(viewer.user_id))
        if viewer.is_supervisor:
            await self._join(events.SUPERVISORS_GROUP)
        escalations = await _snapshot(user)
        for escalation in escalations:
            await self._follow_update(escalation)
        await self.accept()
        await self.send(text_data=json.dumps({"type": "snapshot", "escalations": escalations}))
        # A session expires without any signal: check the login on a timer as well.
        self._recheck_task = asyncio.create_task(self._recheck_periodically())

    async def _join(self, group: str) -> None:
        if group not in self.groups_joined:
            await self.channel_layer.group_add(group, self.channel_name)
            self.groups_joined.append(group)

    async def _leave(self, group: str) -> None:
        if group in self.groups_joined:
            await self.channel_layer.group_discard(group, self.channel_name)
            self.groups_joined.remove(group)

    async def _follow_update(self, escalation: dict[str, Any]) -> None:
        if self.viewer is None or not escalation.get("conversation_id"):
            return
        group = conversation_events.conversation_group(escalation["conversation_id"])
        if self.viewer.follows(escalation):
            await self._join(group)
        else:
            await self._leave(group)

    async def disconnect(self, code: int) -> None:
        if self._recheck_task is not None:
            self._recheck_task.cancel()
            self._recheck_task = None
        for group in list(self.groups_joined):
            await self.channel_layer.group_discard(group, self.channel_name)
        self.groups_joined = []

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if await self._frame_refused(text_data, bytes_data):
            return
        # Agents act through the REST API; the socket only answers pings.
        frame, code = self._limiter.parse(text_data)
        if code is not None:
            await self._close_for_frame(code)
            return
        if isinstance(frame, dict) and frame.get("type") == "ping":
            await self.send(text_data=json.dumps({"type": "pong"}))

    async def _frame_refused(self, text_data: str | None, bytes_data: bytes | None) -> bool:
        """The widget socket's limits: too big closes 1009, too fast closes 4029."""
        code = self._limiter.verdict(text_data, bytes_data)
        if code is None:
            return False
        await self._close_for_frame(code)
        return True

    async def _close_for_frame(self, code: int) -> None:
        user_id = self.viewer.user_id if self.viewer else None
        logger.info(
            "agent socket closed: frame limit", extra={"agent_id": user_id, "close_code": code}
        )
        await self.close(code=code)

    # -- the login behind the socket ------------------------------------------------------
    async def _revoke(self) -> None:
        if self.revoked:
            return
        self.revoked = True
        logger.info(
            "agent socket closed: login ended",
            extra={"agent_id": self.viewer.user_id if self.viewer else None},
        )
        for group in list(self.groups_joined):
            await self._leave(group)
        await self.close(code=CLOSE_UNAUTHORIZED)

    async def _may_push(self, conversation_id: str | None) -> bool:
        """Re-checks the login and the conversation's restriction before every push."""
        if self.revoked or self.viewer is None:
            return False
        verdict = await _push_verdict(self.viewer.user_id, self.session_key, conversation_id)
        if verdict == "revoked":
            await self._revoke()
            return False
        return verdict == "allowed"

    async def _recheck_periodically(self) -> None:
        with contextlib.suppress(asyncio.CancelledError):
            while not self.revoked:
                await asyncio.sleep(settings.AGENT_SOCKET_RECHECK_SECONDS)
                try:
                    await self._may_push(None)
                except Exception:
                    # A database blip must not end the socket; the next push checks again.
                    logger.warning("agent socket login check failed", exc_info=True)

    async def agent_revoke(self, message: dict[str, Any]) -> None:
        """The user's account changed (see escalations.signals): check the login again."""
        if message.get("session_key") and message["session_key"] == self.session_key:
            await self._revoke()  # this very session logged out
            return
        await self._may_push(None)

    # -- pushes -----------------------------------------------------------------------------
    async def agent_event(self, message: dict[str, Any]) -> None:
        event = message["event"]
        event_id = event.get("event_id")
        if event_id in self.seen:
            return  # the same push through another of this socket's groups
        self.seen.append(event_id)
        if not await self._may_push(_event_conversation_id(event)):
            return
        if event.get("type") in _FOLLOW_EVENTS and isinstance(event.get("escalation"), dict):
            await self._follow_update(event["escalation"])
        await self.send(text_data=json.dumps(event))

    async def conversation_event(self, message: dict[str, Any]) -> None:
        event = message["event"]
        if event.get("type") not in FORWARDED:
            return
        conversation_id = message.get("conversation_id")
        if not await self._may_push(str(conversation_id) if conversation_id else None):
            return
        await self.send(text_data=json.dumps({**event, "conversation_id": conversation_id}))

    async def conversation_typing(self, message: dict[str, Any]) -> None:
        return None

    async def conversation_hint(self, message: dict[str, Any]) -> None:
        return None

    async def conversation_erased(self, message: dict[str, Any]) -> None:
        # The visitor erased their data; the escalation events tell the console the rest.
        return None

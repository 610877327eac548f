"""The widget's websocket: authorize with a first frame, replay from a seq, then push live."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer

from conversations import access, events, selectors
from core.websocket import FrameLimiter

logger = logging.getLogger(__name__)

CLOSE_UNAUTHORIZED = 4003
# RFC 6455: 1009 "message too big"; 4029 mirrors HTTP 429 for a client sending too fast.
AUTH_TIMEOUT_SECONDS = 10.0


@database_sync_to_async
def _site_origins(conversation_id: str) -> list[str] | None:
    return selectors.conversation_site_origins(conversation_id=conversation_id)


@database_sync_to_async
def _authorized_events(conversation_id: str, token: str, after: int) -> list[dict] | None:
    conversation = selectors.conversation_get_for_token(
        conversation_id=conversation_id, token=token
    )
    if conversation is None:
        return None
    return selectors.conversation_event_list(conversation_id=conversation.id, after=after)


@database_sync_to_async
def _events_after(conversation_id: str, after: int) -> list[dict]:
    return selectors.conversation_event_list(conversation_id=conversation_id, after=after)


class WidgetConsumer(AsyncWebsocketConsumer):
    """One visitor's live view of one conversation.

    Pushes are hints (channel-layer delivery is at most once): each event carries its seq, the
    consumer drops what it already sent and fills any gap from the stored event log.
    """

    conversation_id: str
    group: str | None
    last_seq: int
    _auth_timer: asyncio.TimerHandle | None
    _limiter: FrameLimiter

    async def connect(self) -> None:
        self.conversation_id = str(self.scope["url_route"]["kwargs"]["conversation_id"])
        self.group = None
        self.last_seq = 0
        self._auth_timer = None
        self._limiter = FrameLimiter()
        origin = _header(self.scope, b"origin")
        origins = await _site_origins(self.conversation_id)
        # Unknown conversations are accepted and then refused like a wrong token (4003), so a
        # socket never reveals whether an id exists; known ones check the page's origin first.
        if origins is not None and origin and not access.origin_is_allowed(origin, origins):
            logger.info(
                "widget socket refused: origin", extra={"conversation_id": self.conversation_id}
            )
            await self.close()
            return
        await self.accept()
        loop = asyncio.get_running_loop()
        self._auth_timer = loop.call_later(
            AUTH_TIMEOUT_SECONDS,
            lambda: asyncio.ensure_future(self.close(code=CLOSE_UNAUTHORIZED)),
        )

    async def disconnect(self, code: int) -> None:
        if self._auth_timer is not None:
            self._auth_timer.cancel()
        if self.group is not None:
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if await self._frame_refused(text_data, bytes_data):
            return
        parsed, code = self._limiter.parse(text_data)
        if code is not None:
            await self._close_for_frame(code)
            return
        frame = parsed if isinstance(parsed, dict) else None
        if self.group is None:
            await self._authenticate(frame)
            return
        if frame is not None and frame.get("type") == "ping":
            await self.send(text_data=json.dumps({"type": "pong"}))
        # Anything else from the client is ignored: client JSON never reaches the group.

    async def _frame_refused(self, text_data: str | None, bytes_data: bytes | None) -> bool:
        """Frame size and rate limits; a client over either is disconnected."""
        code = self._limiter.verdict(text_data, bytes_data)
        if code is None:
            return False
        await self._close_for_frame(code)
        return True

    async def _close_for_frame(self, code: int) -> None:
        logger.info(
            "widget socket closed: frame limit",
            extra={"conversation_id": self.conversation_id, "close_code": code},
        )
        await self.close(code=code)

    async def _authenticate(self, frame: dict[str, Any] | None) -> None:
        after = frame.get("after", 0) if frame else None
        token = frame.get("token") if frame else None
        if (
            frame is None
            or frame.get("type") != "auth"
            or not isinstance(token, str)
            or isinstance(after, bool)
            or not isinstance(after, int)
            or after < 0
        ):
            await self.close(code=CLOSE_UNAUTHORIZED)
            return
        # Join before reading the backlog so nothing committed in between is missed; the
        # duplicates this can cause are dropped by seq in _deliver.
        try:
            group = events.conversation_group(self.conversation_id)
        except ValueError:
            await self.close(code=CLOSE_UNAUTHORIZED)
            return
        await self.channel_layer.group_add(group, self.channel_name)
        backlog = await _authorized_events(self.conversation_id, token, after)
        if backlog is None:
            await self.channel_layer.group_discard(group, self.channel_name)
            await self.close(code=CLOSE_UNAUTHORIZED)
            return
        self.group = group
        if self._auth_timer is not None:
            self._auth_timer.cancel()
            self._auth_timer = None
        self.last_seq = after
        for event in backlog:
            await self._send_event(event)

    async def _send_event(self, event: dict[str, Any]) -> None:
        await self.send(text_data=json.dumps(event))
        self.last_seq = int(event["seq"])

    async def conversation_event(self, message: dict[str, Any]) -> None:
        """A stored event pushed by events.broadcast_on_commit."""
        if self.group is None:
            return
        event = message["event"]
        seq = int(event["seq"])
        if seq <= self.last_seq:
            return
        if seq > self.last_seq + 1:
            # A push was lost or overtaken: replay the gap from the log, in order.
            for missed in await _events_after(self.conversation_id, self.last_seq):
                if int(missed["seq"]) > self.last_seq:
                    await self._send_event(missed)
            return
        await self._send_event(event)

    async def conversation_erased(self, message: dict[str, Any]) -> None:
        """The visitor erased their data: the token is dead, so is this socket."""
        if self.group is not None:
            await self.channel_layer.group_discard(self.group, self.channel_name)
            self.group = None
        await self.close(code=CLOSE_UNAUTHORIZED)

    async def conversation_typing(self, message: dict[str, Any]) -> None:
        if self.group is not None:
            await self.send(text_data=json.dumps(message["event"]))

    async def conversation_hint(self, message: dict[str, Any]) -> None:
        """Ephemeral server hints such as the place in the agent queue (no seq)."""
        if self.group is not None:
            await self.send(text_data=json.dumps(message["event"]))


def _header(scope: dict[str, Any], name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return ""

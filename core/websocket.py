"""Limits every public websocket applies: frame size, rate and depth; sockets per address."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings

from core.jsonlimits import JsonTooDeep, json_loads_bounded

# RFC 6455: 1007 "invalid frame payload data", 1009 "message too big"; 4029 mirrors HTTP 429.
CLOSE_INVALID_DATA = 1007
CLOSE_TOO_BIG = 1009
CLOSE_RATE_LIMITED = 4029


class FrameLimiter:
    """Tracks one socket's recent frames; says which close code a frame earns, if any."""

    def __init__(self) -> None:
        self._times: list[float] = []

    def verdict(self, text_data: str | None, bytes_data: bytes | None) -> int | None:
        size = len(text_data) if text_data is not None else len(bytes_data or b"")
        if size > settings.WS_MAX_FRAME_CHARS:
            return CLOSE_TOO_BIG
        now = time.monotonic()
        window = settings.WS_RATE_WINDOW_SECONDS
        self._times = [t for t in self._times if now - t < window]
        self._times.append(now)
        if len(self._times) > settings.WS_RATE_FRAMES:
            return CLOSE_RATE_LIMITED
        return None

    def parse(self, text_data: str | None) -> tuple[Any, int | None]:
        """The frame's JSON and None, or None and the close code it earns.

        JSON nested deeper than JSON_MAX_DEPTH earns 1007 (it would otherwise raise
        RecursionError in the handler and drop the socket with 1006); other malformed text is
        (None, None), for the consumer to treat as it treats any unexpected frame.
        """
        if not text_data:
            return None, None
        try:
            return json_loads_bounded(text_data), None
        except JsonTooDeep:
            return None, CLOSE_INVALID_DATA
        except ValueError:
            return None, None


CLOSE_TRY_AGAIN_LATER = 1013


class SocketCapMiddleware:
    """ASGI middleware for the websocket router: at most WS_MAX_SOCKETS_PER_IP open sockets
    from one client address (core.client.client_ip) in this process.

    Over the cap the socket is accepted and closed at once with 1013 "try again later", so a
    client sees why instead of a bare refusal; nothing of the application runs for it. The
    count is per process (each web process holds its own sockets), so N processes allow N
    times the cap in all.
    """

    def __init__(self, app: Any) -> None:
        self.app = app
        self.open: dict[str, int] = {}

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope.get("type") != "websocket" or settings.WS_MAX_SOCKETS_PER_IP <= 0:
            await self.app(scope, receive, send)
            return
        from core.client import client_ip

        address = client_ip(scope) or "unknown"
        if self.open.get(address, 0) >= settings.WS_MAX_SOCKETS_PER_IP:
            message = await receive()
            if message.get("type") == "websocket.connect":
                await send({"type": "websocket.accept"})
                await send({"type": "websocket.close", "code": CLOSE_TRY_AGAIN_LATER})
            return
        self.open[address] = self.open.get(address, 0) + 1
        try:
            await self.app(scope, receive, send)
        finally:
            left = self.open.get(address, 1) - 1
            if left > 0:
                self.open[address] = left
            else:
                self.open.pop(address, None)


async def websocket_not_found(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """The last websocket route: an unknown path is refused before the handshake (HTTP 403),
    not left to URLRouter's "No route found" (a 500)."""
    message = await receive()
    if message.get("type") == "websocket.connect":
        await send({"type": "websocket.close", "code": 4004})

"""Limits every public websocket applies to what clients send (size and rate of frames)."""

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

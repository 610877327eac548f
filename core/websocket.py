"""Limits every public websocket applies to what clients send (size and rate of frames)."""

from __future__ import annotations

import time

from django.conf import settings

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

"""Channel-layer sends from synchronous code (services, Celery tasks) that reuse connections.

``async_to_sync(layer.group_send)`` inside a request hops onto the server's own event loop,
whose Redis connections persist. In a Celery worker there is no such loop, so every call would
build a new event loop and a new Redis connection. There, sends go through one long-lived
loop on a daemon thread instead. The in-memory layer (embedded default) is bound to the loop
that created its queues, so it always takes the plain path.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from asgiref.sync import SyncToAsync, async_to_sync
from channels.layers import InMemoryChannelLayer, get_channel_layer

SEND_TIMEOUT_SECONDS = 5.0

_loop: asyncio.AbstractEventLoop | None = None
_loop_lock = threading.Lock()


def _background_loop() -> asyncio.AbstractEventLoop:
    global _loop
    with _loop_lock:
        if _loop is None or _loop.is_closed():
            loop = asyncio.new_event_loop()
            threading.Thread(
                target=loop.run_forever, name="channel-layer-loop", daemon=True
            ).start()
            _loop = loop
        return _loop


def _inside_server_loop() -> bool:
    # Set by asgiref while sync code runs on behalf of a running event loop (ASGI requests).
    return getattr(SyncToAsync.threadlocal, "main_event_loop", None) is not None


def group_send(group: str, message: dict[str, Any]) -> None:
    """Send ``message`` to ``group``; raises on failure (callers decide whether that matters)."""
    layer = get_channel_layer()
    if layer is None:
        return
    if isinstance(layer, InMemoryChannelLayer) or _inside_server_loop():
        async_to_sync(layer.group_send)(group, message)
        return
    future = asyncio.run_coroutine_threadsafe(layer.group_send(group, message), _background_loop())
    future.result(timeout=SEND_TIMEOUT_SECONDS)

"""Graceful shutdown: open websockets get a reconnect hint and close 1012 before the server stops.

uvicorn, on SIGTERM, closes every websocket with 1012 from inside the server and only then tells
the application (``websocket.disconnect``, and the lifespan shutdown later still): by then the
socket is gone and no frame can reach the client. So the hint has to go out *before* uvicorn's
own shutdown starts. ``RestartHintMiddleware`` wraps the websocket router: it tracks every
accepted socket and, on the first one, chains the process's SIGTERM (and a non-default SIGINT)
handler. When the signal comes, every socket is sent ``{"type": "reconnect", "retry_after_ms":
<jittered>}`` and closed with 1012 "service restart", then the server's own handler runs and
shutdown proceeds as usual (draining HTTP requests within ``--timeout-graceful-shutdown``).
The jitter spreads the reconnects of thousands of visitors over the pods that stay up.

The same middleware makes sure no socket task outlives its client: once the server has told
the application ``websocket.disconnect``, the application gets ``DISCONNECT_GRACE_SECONDS`` to
return (leave its group, finish) and is cancelled after that, so a channel-layer call hanging
on a restarting Redis cannot hold uvicorn's graceful shutdown for its whole timeout. A consumer
that fails because the channel layer (Redis) went away is answered like a restart (hint, then
close 1013 "try again later") with one warning line instead of a traceback per socket.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
import signal
import threading
from collections.abc import Awaitable, Callable, MutableMapping
from types import FrameType
from typing import Any

logger = logging.getLogger(__name__)

CLOSE_SERVICE_RESTART = 1012
CLOSE_REASON = "service restart"
RETRY_BASE_MS = 1000
RETRY_SPREAD_MS = 4000
# How long the hints may take before the server's shutdown goes ahead regardless.
ANNOUNCE_TIMEOUT_SECONDS = 2.0
# How long an application may keep running after its client disconnected.
DISCONNECT_GRACE_SECONDS = 2.0
CLOSE_TRY_AGAIN_LATER = 1013

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
SignalHandler = Callable[[int, FrameType | None], Any]


def reconnect_hint(*, retry_after_ms: int) -> dict[str, Any]:
    return {"type": "reconnect", "retry_after_ms": retry_after_ms}


def retry_after_ms() -> int:
    return RETRY_BASE_MS + random.randint(0, RETRY_SPREAD_MS)


class _Socket:
    """One accepted websocket as the middleware sees it: its send, serialised."""

    def __init__(self, send: Send) -> None:
        self._send = send
        self._lock = asyncio.Lock()
        self.is_closed = False

    async def send(self, message: Message) -> None:
        async with self._lock:
            if self.is_closed:
                return  # we closed it for the restart; the app's late frames have nowhere to go
            if message.get("type") == "websocket.close":
                self.is_closed = True
            await self._send(message)

    async def restart_announce(
        self, *, code: int = CLOSE_SERVICE_RESTART, reason: str = CLOSE_REASON
    ) -> None:
        async with self._lock:
            if self.is_closed:
                return
            self.is_closed = True
            hint = reconnect_hint(retry_after_ms=retry_after_ms())
            await self._send({"type": "websocket.send", "text": json.dumps(hint)})
            await self._send({"type": "websocket.close", "code": code, "reason": reason})


_sockets: set[_Socket] = set()
_hook_lock = threading.Lock()
_hooked = False
_announcing = False


async def sockets_announce_restart() -> int:
    """Hint and close every open socket of this process; the number told."""
    sockets = list(_sockets)
    results = await asyncio.gather(*(s.restart_announce() for s in sockets), return_exceptions=True)
    failed = sum(1 for r in results if isinstance(r, BaseException))
    logger.info("restart announced", extra={"sockets": len(sockets), "failed": failed})
    return len(sockets) - failed


async def _announce_then(previous: SignalHandler, sig: int) -> None:
    try:
        await asyncio.wait_for(sockets_announce_restart(), timeout=ANNOUNCE_TIMEOUT_SECONDS)
    except Exception:
        logger.warning("restart announcement incomplete", exc_info=True)
    finally:
        previous(sig, None)


def _chained(loop: asyncio.AbstractEventLoop, previous: SignalHandler) -> SignalHandler:
    def handler(sig: int, frame: FrameType | None) -> None:
        global _announcing
        if _announcing or not _sockets:
            previous(sig, frame)  # nothing to tell, or a second signal: no more waiting
            return
        _announcing = True
        try:
            loop.call_soon_threadsafe(lambda: loop.create_task(_announce_then(previous, sig)))
        except RuntimeError:  # the loop is closed
            previous(sig, frame)

    return handler


def signals_hook() -> None:
    """Chain the server's stop signals once, from its event loop on the main thread.

    Only Python-level handlers are chained (uvicorn's): a default action (SIG_DFL) or Python's
    own KeyboardInterrupt for SIGINT means no server is managing shutdown, so nothing to wrap.
    """
    global _hooked
    if _hooked or threading.current_thread() is not threading.main_thread():
        return
    with _hook_lock:
        if _hooked:
            return
        _hooked = True
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            previous = signal.getsignal(sig)
            if callable(previous) and previous is not signal.default_int_handler:
                signal.signal(sig, _chained(loop, previous))


class RestartHintMiddleware:
    """ASGI middleware for the websocket router (see the module docstring)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope.get("type") != "websocket":
            await self.app(scope, receive, send)
            return
        signals_hook()
        sock = _Socket(send)

        disconnected = asyncio.Event()

        async def tracking_send(message: Message) -> None:
            if message.get("type") == "websocket.accept":
                await sock.send(message)
                _sockets.add(sock)
                return
            await sock.send(message)

        async def tracking_receive() -> Message:
            message = await receive()
            if message.get("type") == "websocket.disconnect":
                disconnected.set()
            return message

        app_task = asyncio.ensure_future(self.app(scope, tracking_receive, tracking_send))
        try:
            await _app_until_done_or_abandoned(app_task, disconnected)
        except Exception as exc:
            if not _is_channel_layer_outage(exc):
                raise
            logger.warning(
                "socket closed: channel layer unavailable", extra={"error": type(exc).__name__}
            )
            if not disconnected.is_set():
                with contextlib.suppress(Exception):
                    await sock.restart_announce(
                        code=CLOSE_TRY_AGAIN_LATER, reason="channel layer unavailable"
                    )
        finally:
            if not app_task.done():
                app_task.cancel()  # the server cancelled us (its own shutdown timeout)
            _sockets.discard(sock)


async def _app_until_done_or_abandoned(app_task: asyncio.Future[None], gone: asyncio.Event) -> None:
    """Await the application; once the client is gone, give it the grace period, then cancel."""
    gone_wait = asyncio.ensure_future(gone.wait())
    try:
        waiters: set[asyncio.Future[Any]] = {app_task, gone_wait}
        await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
        if not app_task.done():
            done, _ = await asyncio.wait({app_task}, timeout=DISCONNECT_GRACE_SECONDS)
            if not done:
                logger.warning("socket task outlived its client; cancelled")
                app_task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await app_task
                return
        app_task.result()  # re-raise what the application raised
    finally:
        gone_wait.cancel()


def _is_channel_layer_outage(exc: BaseException) -> bool:
    from core.availability import unavailability_reason

    return unavailability_reason(exc) == "redis"

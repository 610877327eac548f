"""Widget sockets on a real Redis channel layer that restarts, and sockets that all close at
once: every socket task ends with its client, and uvicorn's SIGTERM exits well inside its
graceful timeout (the report saw it wait the whole timeout, refusing connections meanwhile)."""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from tests.fault_services import (
    REPO_ROOT,
    ThrowawayPostgres,
    ThrowawayRedis,
    Uvicorn,
    database_prepare,
    postgres_bin_dir,
    production_env,
)

pytestmark = [
    pytest.mark.integration,
    pytest.mark.slow,
    pytest.mark.skipif(postgres_bin_dir() is None, reason="PostgreSQL server binaries missing"),
]

GRACEFUL_TIMEOUT = 10


@dataclass
class Stack:
    redis: ThrowawayRedis
    web: Uvicorn
    http: httpx.Client


@pytest.fixture
def stack() -> Iterator[Stack]:
    pg = ThrowawayPostgres(max_connections=40)
    redis = ThrowawayRedis()
    pg.start()
    redis.start()
    url = database_prepare(pg, name="sockets", site_key="faults")
    env = production_env(database_url=url, redis_url=redis.url, CELERY_TASK_ALWAYS_EAGER="true")
    log = REPO_ROOT / "test-artifacts" / f"socket-faults-{redis.port}.log"
    web = Uvicorn(env, log_path=log, graceful_timeout=GRACEFUL_TIMEOUT)
    http = httpx.Client(base_url=web.url, timeout=10)
    try:
        yield Stack(redis=redis, web=web, http=http)
    finally:
        http.close()
        web.stop()
        redis.close()
        pg.close()


def _open_sockets(
    stack: Stack, count: int, sockets: contextlib.ExitStack
) -> list[ClientConnection]:
    opened = []
    for _ in range(count):
        body = stack.http.post("/api/v1/widget/conversations", json={"site_key": "faults"}).json()
        ws = sockets.enter_context(
            connect(
                f"{stack.web.ws_url}/ws/widget/conversations/{body['id']}/",
                origin=stack.web.url,  # type: ignore[arg-type]
            )
        )
        ws.send(json.dumps({"type": "auth", "token": body["token"], "after": 0}))
        opened.append(ws)
    time.sleep(0.5)  # let every consumer join its group
    return opened


def _close_code(ws: ClientConnection, *, within: float) -> tuple[int | None, list[dict]]:
    frames: list[dict] = []
    deadline = time.monotonic() + within
    try:
        while time.monotonic() < deadline:
            frames.append(json.loads(ws.recv(timeout=deadline - time.monotonic())))
    except ConnectionClosed as closed:
        return (closed.rcvd.code if closed.rcvd else None), frames
    except TimeoutError:
        return None, frames
    return None, frames


def _server_log(stack: Stack) -> str:
    return stack.web.log_path.read_text()


def test_redis_restart_closes_sockets_cleanly_and_sigterm_is_quick(stack: Stack) -> None:
    with contextlib.ExitStack() as sockets:
        opened = _open_sockets(stack, 30, sockets)
        stack.redis.kill()
        time.sleep(1.0)
        stack.redis.start()
        # Each client is told to come back (and will replay from its last seq), not left on a
        # socket whose channel-layer subscription died with Redis.
        for ws in opened:
            code, frames = _close_code(ws, within=10)
            assert code == 1013
            assert frames[-1]["type"] == "reconnect"
        # New sockets work on the restarted Redis.
        _open_sockets(stack, 5, sockets)
        exit_seconds = stack.web.stop(timeout=GRACEFUL_TIMEOUT + 10)
    log = _server_log(stack)
    assert exit_seconds < 3, f"uvicorn took {exit_seconds:.1f} s to stop"
    assert "graceful shutdown exceeded" not in log
    assert "Exception in ASGI application" not in log
    assert "Traceback" not in log


def test_mass_close_leaves_no_task_behind(stack: Stack) -> None:
    with contextlib.ExitStack() as sockets:
        _open_sockets(stack, 150, sockets)
    time.sleep(1.0)
    exit_seconds = stack.web.stop(timeout=GRACEFUL_TIMEOUT + 10)
    log = _server_log(stack)
    assert exit_seconds < 3, f"uvicorn took {exit_seconds:.1f} s to stop"
    assert "graceful shutdown exceeded" not in log
    assert "MaxConnectionsError" not in log
    assert "Traceback" not in log

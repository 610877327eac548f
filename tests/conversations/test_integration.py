"""End to end on real processes: uvicorn + a Celery worker on PostgreSQL and Redis.

The web server and the worker share a Redis database of their own (``EMPATHY_TEST_REDIS_DB``,
default 13) so their queue, unacked set and groups cannot mix with anything else on the server.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest
import redis
from websockets.sync.client import ClientConnection, connect

from conversations.models import Message, Site
from tests.conftest import ARTIFACTS_DIR, REPO_ROOT, LiveAsgiServer, run_asgi_server, server_env

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.celery,
    pytest.mark.integration,
]

REPLY_TIMEOUT = 15.0


def _isolated_redis_url() -> str:
    parts = urlsplit(os.environ["REDIS_URL"])
    db = os.environ.get("EMPATHY_TEST_REDIS_DB", "13")
    return urlunsplit((parts.scheme, parts.netloc, f"/{db}", "", ""))


class Worker:
    """A `celery worker` subprocess (solo pool) that can be SIGKILLed and started again."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path = ARTIFACTS_DIR / f"celery-worker-{os.getpid()}.log"
        self.log_offset = 0

    def start(self) -> None:
        ARTIFACTS_DIR.mkdir(exist_ok=True)
        offset = self.log_path.stat().st_size if self.log_path.exists() else 0
        self.log_offset = offset
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "celery",
                    "-A",
                    "tests.conversations.worker_app",
                    "worker",
                    "--pool",
                    "solo",
                    "--loglevel",
                    "INFO",
                    "--without-gossip",
                    "--without-mingle",
                    "--without-heartbeat",
                    "--hostname",
                    f"itest-{uuid.uuid4().hex[:8]}@%h",
                ],
                cwd=REPO_ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"worker exited:\n{self._log_since(offset)}")
            if " ready." in self._log_since(offset):
                return
            time.sleep(0.1)
        raise RuntimeError(f"worker not ready in 60 s:\n{self._log_since(offset)}")

    def log(self) -> str:
        """What this run of the worker logged so far."""
        return self._log_since(self.log_offset)

    def _log_since(self, offset: int) -> str:
        with self.log_path.open("rb") as log:
            log.seek(offset)
            return log.read().decode(errors="replace")[-4000:]

    def kill(self) -> None:
        """SIGKILL the whole worker: no shutdown hooks, no ack, no requeue by the worker."""
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture(scope="module")
def markers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("worker-markers")


@pytest.fixture(scope="module")
def stack(
    django_db_setup: None, django_db_blocker: Any, markers: Path
) -> Iterator[tuple[LiveAsgiServer, Worker, redis.Redis]]:
    redis_url = _isolated_redis_url()
    broker = redis.Redis.from_url(redis_url)
    broker.flushdb()
    extra = {
        "REDIS_URL": redis_url,
        "CELERY_BROKER_URL": redis_url,
        # Redeliver a dead worker's task after 2 s instead of 5 minutes.
        "CELERY_VISIBILITY_TIMEOUT": "2",
        "CELERY_UNACKED_RESTORE_INTERVAL": "1",
        "EMPATHY_TEST_MARKER_DIR": str(markers),
        "LOG_LEVEL": "INFO",
    }
    with run_asgi_server(eager=False, extra_env=extra, name="integration") as server:
        worker = Worker(server_env(eager=False, extra=extra))
        worker.start()
        try:
            yield server, worker, broker
        finally:
            worker.stop()
            broker.flushdb()


@pytest.fixture
def site(transactional_db: None) -> Site:
    return Site.objects.create(
        name="Integration", site_key="itest", allowed_origins=["http://127.0.0.1:*"]
    )


class Visitor:
    """A widget client: REST for writes, a websocket for events."""

    def __init__(self, server: LiveAsgiServer) -> None:
        self.server = server
        self.http = httpx.Client(base_url=server.url, timeout=10)
        body = self.http.post("/api/v1/widget/conversations", json={"site_key": "itest"}).json()
        self.id, self.token = body["id"], body["token"]
        self.http.headers["Authorization"] = f"Bearer {self.token}"
        self.events: list[dict[str, Any]] = []
        self.ws: ClientConnection | None = None
        self.sockets = contextlib.ExitStack()

    def open(self, after: int) -> None:
        self.ws = self.sockets.enter_context(
            connect(
                f"{self.server.ws_url}/ws/widget/conversations/{self.id}/",
                origin=self.server.url,  # type: ignore[arg-type]
            )
        )
        self.ws.send(json.dumps({"type": "auth", "token": self.token, "after": after}))

    def drop(self) -> None:
        """Lose the connection abruptly (no close frame), like a phone going offline."""
        assert self.ws is not None
        self.ws.socket.shutdown(socket.SHUT_RDWR)
        self.ws.socket.close()
        self.ws = None

    def send(self, text: str) -> dict[str, Any]:
        response = self.http.post(
            f"/api/v1/widget/conversations/{self.id}/messages",
            json={"client_message_id": str(uuid.uuid4()), "text": text},
        )
        assert response.status_code == 201, response.text
        return response.json()

    def wait_for_reply(self, message_id: int) -> dict[str, Any]:
        """Read events until the reply to `message_id` arrives; keep every seq'd event."""
        assert self.ws is not None
        deadline = time.monotonic() + REPLY_TIMEOUT
        while True:
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"no reply to {message_id}; got {self.events}"
            event = json.loads(self.ws.recv(timeout=remaining))
            if "seq" not in event:
                assert event == {"type": "typing", "sender": "bot"}
                continue
            self.events.append(event)
            message = event.get("message") or {}
            if message.get("reply_to") == message_id:
                return message

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sockets.close()
        self.http.close()

    def stored_events(self) -> list[dict[str, Any]]:
        return self.http.get(f"/api/v1/widget/conversations/{self.id}/events?after=0").json()[
            "events"
        ]


@pytest.fixture
def visitor(stack, site: Site) -> Iterator[Visitor]:  # type: ignore[no-untyped-def]
    client = Visitor(stack[0])
    yield client
    client.close()


def test_visitor_gets_a_live_reply(visitor: Visitor) -> None:
    visitor.open(after=0)
    sent = visitor.send("Hello, where is my order?")
    reply = visitor.wait_for_reply(sent["id"])
    assert reply["sender"] == "bot"
    assert reply["text"]
    assert [(e["seq"], e["message"]["sender"]) for e in visitor.events] == [
        (1, "visitor"),
        (2, "bot"),
    ]
    assert visitor.events == visitor.stored_events()


def test_reconnecting_with_after_loses_and_duplicates_nothing(visitor: Visitor) -> None:
    visitor.open(after=0)
    first = visitor.send("hello")
    visitor.wait_for_reply(first["id"])
    visitor.drop()

    # While the socket is gone the conversation goes on (and the worker answers).
    offline = visitor.send("I am still waiting for my parcel")
    time.sleep(0.5)
    visitor.open(after=visitor.events[-1]["seq"])
    last = visitor.send("any news?")
    visitor.wait_for_reply(last["id"])

    seqs = [e["seq"] for e in visitor.events]
    assert seqs == list(range(1, len(seqs) + 1))
    assert visitor.events == visitor.stored_events()
    visitor_ids = [
        e["message"]["id"] for e in visitor.events if e["message"]["sender"] == "visitor"
    ]
    assert visitor_ids == [first["id"], offline["id"], last["id"]]


def _wait(predicate: Any, what: str, timeout: float = REPLY_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def test_worker_killed_mid_task_still_answers_exactly_once(stack, visitor, markers) -> None:  # type: ignore[no-untyped-def]
    _, worker, broker = stack
    visitor.open(after=0)

    # Killed while reading emotion: nothing answered yet; the redelivery answers.
    during = visitor.send("[pause-in-detect] my order is late")
    _wait(lambda: (markers / "in-detect").exists(), "the task to start")
    worker.kill()
    assert not Message.objects.filter(reply_to_id=during["id"]).exists()
    worker.start()
    visitor.wait_for_reply(during["id"])

    # Killed after the reply was committed but before the ack: the redelivery adds nothing.
    after = visitor.send("[pause-after-reply] thanks")
    visitor.wait_for_reply(after["id"])
    _wait(lambda: (markers / "after-reply").exists(), "the task to pause")
    worker.kill()
    assert broker.hlen("unacked") == 1
    worker.start()
    # The redelivered task finds its work done and is acknowledged this time.
    _wait(lambda: "succeeded in" in worker.log(), "the redelivered task to finish")
    assert "'done'" in worker.log()
    _wait(lambda: broker.hlen("unacked") == 0, "the ack")

    for message_id in (during["id"], after["id"]):
        assert Message.objects.filter(reply_to_id=message_id).count() == 1
    assert Message.objects.filter(conversation_id=visitor.id).count() == 4
    assert visitor.events == visitor.stored_events()
    assert [e["seq"] for e in visitor.events] == [1, 2, 3, 4]

"""The Celery worker on a real Redis that is SIGKILLed and restarted under load: it keeps
consuming (the kombu close bug is patched), its heartbeat goes stale while the broker stays
away so the liveness probe fails, and comes back when the broker does."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from celery import Celery
from kombu import Connection

from core.kombu_fix import kombu_redis_patch
from tests.fault_services import REPO_ROOT, ThrowawayRedis, production_env

pytestmark = [pytest.mark.integration, pytest.mark.slow]

ARTIFACTS = REPO_ROOT / "test-artifacts"
HEARTBEAT_MAX_AGE = 4.0
WORKER_COMMAND = [sys.executable, "-m", "celery", "-A", "config", "worker", "-l", "INFO"]
WORKER_COMMAND += ["--concurrency", "4", "--without-mingle"]


@pytest.fixture
def broker() -> Iterator[ThrowawayRedis]:
    server = ThrowawayRedis()
    server.start()
    try:
        yield server
    finally:
        server.close()


def test_closing_a_channel_after_the_transport_let_go_is_a_connection_error(
    broker: ThrowawayRedis,
) -> None:
    assert kombu_redis_patch()
    with Connection(broker.url) as conn:
        channel = conn.default_channel
        # What Connection.collect() leaves behind for a channel whose close failed mid-BRPOP.
        channel.connection.client = None
        with pytest.raises(redis.exceptions.ConnectionError):
            channel._connparams()
        assert isinstance(redis.exceptions.ConnectionError(), conn.connection_errors)


class Worker:
    def __init__(self, broker: ThrowawayRedis, *, pool: str, heartbeat: Path) -> None:
        self.heartbeat = heartbeat
        self.log = ARTIFACTS / f"worker-faults-{pool}-{broker.port}.log"
        ARTIFACTS.mkdir(exist_ok=True)
        self.env = production_env(
            database_url="",
            redis_url=broker.url,
            SQLITE_PATH=str(heartbeat.parent / "db.sqlite3"),
            WORKER_HEARTBEAT_FILE=str(heartbeat),
            WORKER_HEARTBEAT_INTERVAL="0.5",
            WORKER_HEARTBEAT_MAX_AGE=str(HEARTBEAT_MAX_AGE),
            LOG_LEVEL="INFO",
        )
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "celery",
                    "-A",
                    "config",
                    "worker",
                    "-l",
                    "INFO",
                    "--pool",
                    pool,
                    "--concurrency",
                    "4",
                    "--without-mingle",
                ],
                cwd=REPO_ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def probe(self) -> int:
        return subprocess.run(
            [sys.executable, "-m", "core.worker_probe"],
            cwd=REPO_ROOT,
            env=self.env,
            capture_output=True,
            check=False,
        ).returncode

    def wait_probe(self, expected: int, *, within: float) -> float:
        started = time.monotonic()
        while self.probe() != expected:
            assert self.process.poll() is None, self.log.read_text()[-3000:]
            assert time.monotonic() - started < within, f"probe never returned {expected}"
            time.sleep(0.3)
        return time.monotonic() - started

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def _publish(app: Celery, count: int) -> None:
    for _ in range(count):
        app.send_task("core.health_canary")


def _queue_length(broker: ThrowawayRedis) -> int:
    client = redis.Redis.from_url(broker.url, socket_timeout=2)
    try:
        return int(client.llen("celery"))
    finally:
        client.close()


@pytest.mark.parametrize("pool", ["threads", "prefork"])
def test_worker_survives_broker_kills_and_its_liveness_probe_tells_the_truth(
    broker: ThrowawayRedis, pool: str
) -> None:
    heartbeat = Path(tempfile.mkdtemp(prefix="worker-faults-")) / "heartbeat"
    worker = Worker(broker, pool=pool, heartbeat=heartbeat)
    app = Celery("faults-publisher", broker=broker.url)
    app.conf.broker_connection_retry_on_startup = True
    try:
        worker.wait_probe(0, within=90)
        for _round in range(6):
            _publish(app, 200)
            time.sleep(0.3 + 0.2 * _round)  # kill at a different point of the drain each time
            broker.kill()
            time.sleep(0.5)
            broker.start()
            assert worker.process.poll() is None, worker.log.read_text()[-3000:]
        # Still consuming after the last restart: a fresh backlog drains.
        _publish(app, 50)
        deadline = time.monotonic() + 60
        while _queue_length(broker) and time.monotonic() < deadline:
            time.sleep(0.3)
        assert _queue_length(broker) == 0
        assert worker.probe() == 0
        # Broker gone for good: the heartbeat stops and the probe fails, so it gets restarted.
        broker.kill()
        stale_after = worker.wait_probe(1, within=HEARTBEAT_MAX_AGE + 10)
        assert stale_after <= HEARTBEAT_MAX_AGE + 3
        broker.start()
        worker.wait_probe(0, within=60)
        assert "Unrecoverable error" not in worker.log.read_text()
    finally:
        worker.stop()
        app.close()

"""A real PostgreSQL that stops, turns read-only, runs out of slots or of disk: every API
answers 503 with Retry-After within about a second, readiness tells the truth within
HEALTH_CHECK_TIMEOUT, and the same request succeeds once the database is back.

Each scenario runs against a throwaway cluster this module starts on a free port (never the
shared server) and a uvicorn in production mode on it.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.fault_services import (
    ThrowawayPostgres,
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

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
HEALTH_CHECK_TIMEOUT = 1.0
# The pool's wait (1 s) plus the request's own work; the report's failure was a 10 s hang.
FAST = 2.5
WRITE_FAILURE_WINDOW = 3.0


@dataclass
class Stack:
    pg: ThrowawayPostgres
    web: Uvicorn
    http: httpx.Client
    conversation_id: str


def _stack(pg: ThrowawayPostgres, name: str) -> Iterator[Stack]:
    pg.start()
    url = database_prepare(pg, name=name, site_key="faults")
    env = production_env(
        database_url=url,
        HEALTH_CHECK_TIMEOUT=str(HEALTH_CHECK_TIMEOUT),
        HEALTH_WRITE_FAILURE_WINDOW=str(WRITE_FAILURE_WINDOW),
    )
    web = Uvicorn(env, log_path=ARTIFACTS / f"faults-{name}.log")
    http = httpx.Client(base_url=web.url, timeout=15)
    try:
        body = http.post("/api/v1/widget/conversations", json={"site_key": "faults"}).json()
        http.headers["Authorization"] = f"Bearer {body['token']}"
        yield Stack(pg=pg, web=web, http=http, conversation_id=body["id"])
    finally:
        http.close()
        web.stop()
        pg.close()


@pytest.fixture(scope="module")
def stack() -> Iterator[Stack]:
    yield from _stack(ThrowawayPostgres(max_connections=20), "faults")


@pytest.fixture(scope="module")
def tmpfs_stack() -> Iterator[Stack]:
    try:
        pg = ThrowawayPostgres(max_connections=20, tmpfs_mb=96)
    except Exception as exc:  # mount needs root (CI and this machine run as root)
        pytest.skip(f"no tmpfs for the disk-full cluster: {exc}")
    yield from _stack(pg, "faults_disk")


def _post(stack: Stack, client_message_id: str, text: str = "my order never arrived"):  # type: ignore[no-untyped-def]
    started = time.monotonic()
    response = stack.http.post(
        f"/api/v1/widget/conversations/{stack.conversation_id}/messages",
        json={"client_message_id": client_message_id, "text": text},
    )
    return response, time.monotonic() - started


def _ready(stack: Stack):  # type: ignore[no-untyped-def]
    started = time.monotonic()
    response = stack.http.get("/health/ready")
    return response, time.monotonic() - started


def _assert_unavailable(response: httpx.Response, elapsed: float, reasons: set[str]) -> None:
    assert response.status_code == 503, response.text
    assert elapsed < FAST, f"503 took {elapsed:.2f} s"
    assert response.headers["Retry-After"] == "2"
    body = response.json()
    assert body["error"] == "unavailable"
    assert body["reason"] in reasons, body
    assert body["retry_after"] == 2


def _assert_recovers(stack: Stack, client_message_id: str) -> None:
    """The widget's retry (same client_message_id) is stored once, and readiness is back."""
    deadline = time.monotonic() + 20
    while True:
        response, _ = _post(stack, client_message_id)
        if response.status_code in (200, 201) or time.monotonic() > deadline:
            break
        time.sleep(0.3)
    assert response.status_code in (200, 201), response.text
    again, _ = _post(stack, client_message_id)
    assert again.status_code == 200
    assert again.json()["id"] == response.json()["id"]
    # Readiness stays failed for HEALTH_WRITE_FAILURE_WINDOW after the last refused write.
    deadline = time.monotonic() + WRITE_FAILURE_WINDOW + 10
    while True:
        ready, elapsed = _ready(stack)
        assert elapsed < HEALTH_CHECK_TIMEOUT + 0.5
        if ready.status_code == 200 or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert ready.status_code == 200, ready.text


def test_healthy_database_is_ready_and_takes_messages(stack: Stack) -> None:
    response, _ = _post(stack, str(uuid.uuid4()))
    assert response.status_code == 201, response.text
    ready, _ = _ready(stack)
    assert ready.status_code == 200
    assert ready.json()["checks"]["database"]["ok"] is True


def test_stopped_database_answers_503_fast_and_readiness_never_hangs(stack: Stack) -> None:
    stack.pg.stop("immediate")
    try:
        client_message_id = str(uuid.uuid4())
        for _ in range(3):
            response, elapsed = _post(stack, client_message_id)
            _assert_unavailable(response, elapsed, {"database", "database_pool"})
        created = stack.http.post("/api/v1/widget/conversations", json={"site_key": "faults"})
        assert created.status_code == 503
        assert created.json()["error"] == "unavailable"
        for _ in range(4):
            ready, elapsed = _ready(stack)
            assert ready.status_code == 503
            assert elapsed < HEALTH_CHECK_TIMEOUT + 0.5, f"readiness took {elapsed:.2f} s"
            assert ready.json()["failing"] == ["database"]
    finally:
        stack.pg.start()
    _assert_recovers(stack, client_message_id)


def test_read_only_database_answers_503_and_fails_readiness(stack: Stack) -> None:
    stack.pg.read_only(True)
    try:
        client_message_id = str(uuid.uuid4())
        # Right after the previous scenario's restart the pool may still be replacing
        # connections: such an answer is a fast 503 too (pool), and the next one names the
        # read-only server. Every answer must be a fast 503, never a 500.
        for _ in range(5):
            response, elapsed = _post(stack, client_message_id)
            _assert_unavailable(
                response, elapsed, {"database_read_only", "database_pool", "database"}
            )
            if response.json()["reason"] == "database_read_only":
                break
            time.sleep(0.5)
        assert response.json()["reason"] == "database_read_only"
        ready, elapsed = _ready(stack)
        assert ready.status_code == 503
        assert elapsed < HEALTH_CHECK_TIMEOUT + 0.5
        database = ready.json()["checks"]["database"]
        assert database["ok"] is False
        assert database["reason"] == "database_read_only"
    finally:
        stack.pg.read_only(False)
    _assert_recovers(stack, client_message_id)


def test_exhausted_connection_slots_answer_503_within_the_pool_timeout(stack: Stack) -> None:
    # The report's case: every free slot held by someone else, the app's own connections gone.
    stack.pg.terminate_clients(dbname="faults")
    with stack.pg.slots_held() as held:
        assert held >= 10
        client_message_id = str(uuid.uuid4())
        response, elapsed = _post(stack, client_message_id)
        _assert_unavailable(response, elapsed, {"database", "database_pool"})
        ready, elapsed = _ready(stack)
        assert ready.status_code == 503
        assert elapsed < HEALTH_CHECK_TIMEOUT + 0.5
    _assert_recovers(stack, client_message_id)


def test_full_disk_answers_503_and_fails_readiness(tmpfs_stack: Stack) -> None:
    stack = tmpfs_stack
    stack.pg.fill_disk()
    try:
        client_message_id = str(uuid.uuid4())
        statuses = []
        # A full disk fails the first write that needs a new page or WAL segment; a long text
        # makes that happen at once instead of after some messages.
        for _ in range(5):
            response, elapsed = _post(stack, str(uuid.uuid4()), text="x" * 3000)
            statuses.append(response.status_code)
            assert response.status_code != 500, response.text
            if response.status_code == 503:
                _assert_unavailable(response, elapsed, {"database_disk_full", "database"})
        assert 503 in statuses
        ready, elapsed = _ready(stack)
        assert ready.status_code == 503, ready.text
        assert elapsed < HEALTH_CHECK_TIMEOUT + 0.5
    finally:
        stack.pg.free_disk()
    if not stack.pg.is_running():  # a PANIC on WAL write stops PostgreSQL: an operator restarts
        stack.pg.start()
    deadline = time.monotonic() + 20
    while True:
        response, _ = _post(stack, client_message_id)
        if response.status_code == 201 or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert response.status_code == 201, response.text

"""Liveness and readiness answer probes by IP and name the dependency that is down, fast."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from prometheus_client import REGISTRY

from core import health
from core.cache import RedisCache
from core.worker import _heartbeat_share
from tests.conftest import LiveAsgiServer, run_asgi_server
from tests.fault_services import ThrowawayRedis


@pytest.fixture
def probe() -> Client:
    # Kubernetes calls the pod by its IP, which is not in ALLOWED_HOSTS.
    return Client(HTTP_HOST="10.20.30.40:8000")


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts TCP connections and never answers (a hung dependency)."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    try:
        yield server.getsockname()[1]
    finally:
        server.close()


def test_live_answers_by_pod_ip(probe: Client) -> None:
    response = probe.get("/health/live")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_routes_are_reversible() -> None:
    assert reverse("health-live") == "/health/live"
    assert reverse("health-ready") == "/health/ready"


@pytest.mark.django_db
def test_ready_without_services_checks_only_the_database(probe: Client, settings) -> None:  # type: ignore[no-untyped-def]
    settings.REDIS_URL = ""
    settings.CELERY_BROKER_URL = "memory://"
    response = probe.get("/health/ready")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert list(body["checks"]) == ["database"]
    assert body["checks"]["database"]["ok"] is True
    assert REGISTRY.get_sample_value("health_check_up", {"check": "database"}) == 1.0


@pytest.mark.django_db
@pytest.mark.redis
def test_ready_checks_database_redis_and_broker(probe: Client, settings) -> None:  # type: ignore[no-untyped-def]
    assert settings.REDIS_URL
    settings.CELERY_BROKER_URL = settings.REDIS_URL
    response = probe.get("/health/ready")
    assert response.status_code == 200, response.content
    checks = response.json()["checks"]
    assert list(checks) == ["database", "redis", "broker"]
    assert all(check["ok"] for check in checks.values())


@pytest.mark.django_db
def test_refused_redis_fails_fast_and_is_named(probe: Client, settings) -> None:  # type: ignore[no-untyped-def]
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    started = time.monotonic()
    response = probe.get("/health/ready")
    assert time.monotonic() - started < 2.0
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["failing"] == ["redis", "broker"]
    assert body["message"] == "not ready: redis, broker unreachable"
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["redis"] == {
        "ok": False,
        "error": "ConnectionError",
        "ms": body["checks"]["redis"]["ms"],
    }
    assert REGISTRY.get_sample_value("health_check_up", {"check": "redis"}) == 0.0


@pytest.mark.django_db
def test_hung_redis_times_out_within_the_configured_limit(  # type: ignore[no-untyped-def]
    probe: Client, settings, silent_port: int
) -> None:
    settings.HEALTH_CHECK_TIMEOUT = 0.3
    settings.REDIS_URL = f"redis://127.0.0.1:{silent_port}/0"
    settings.CELERY_BROKER_URL = "memory://"
    started = time.monotonic()
    response = probe.get("/health/ready")
    elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert response.json()["failing"] == ["redis"]
    assert response.json()["checks"]["redis"]["error"] == "TimeoutError"
    assert elapsed < 1.5


@pytest.mark.django_db
def test_unreachable_non_redis_broker_is_named(probe: Client, settings) -> None:  # type: ignore[no-untyped-def]
    settings.HEALTH_CHECK_TIMEOUT = 0.3
    settings.REDIS_URL = ""
    settings.CELERY_BROKER_URL = "amqp://guest:secret-password@127.0.0.1:1//"
    started = time.monotonic()
    response = probe.get("/health/ready")
    # kombu would sleep 2 s before a retry; the check gets one attempt within the timeout.
    assert time.monotonic() - started < 0.8
    assert response.status_code == 503
    assert response.json()["failing"] == ["broker"]
    assert b"secret-password" not in response.content


def test_database_failure_is_named_and_hides_the_message(probe: Client, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def broken_database(timeout: float) -> None:
        raise ConnectionRefusedError("connection to db.internal:5432 as admin refused")

    monkeypatch.setattr(health, "_check_database", broken_database)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.conf.settings.REDIS_URL", "")
        patch.setattr("django.conf.settings.CELERY_BROKER_URL", "memory://")
        response = probe.get("/health/ready")
    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["failing"] == ["database"]
    assert body["checks"]["database"]["error"] == "ConnectionRefusedError"
    assert b"db.internal" not in response.content


def test_metrics_answers_by_pod_ip(probe: Client) -> None:
    response = probe.get("/metrics")
    assert response.status_code == 200
    assert b"# TYPE human_escalations_total counter" in response.content


def test_health_paths_only_answer_reads(probe: Client) -> None:
    # A POST falls through to the normal stack, where the pod IP host is refused.
    assert probe.post("/health/live").status_code == 400


# ---------------------------------------------------------------------------
# The worker's heartbeat: tasks that go to a broker need a worker that consumes
# ---------------------------------------------------------------------------
HEARTBEAT_MAX_AGE = 60.0


def _timings_removed(body: dict[str, Any], *, limit_ms: float) -> dict[str, Any]:
    """The body with each check's "ms" taken out, after checking it is within ``limit_ms``."""
    for check in body["checks"].values():
        assert 0 <= check.pop("ms") <= limit_ms, body
    return body


@pytest.fixture
def worker_tasks(settings) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Tasks go to the real Redis broker (not eager); no heartbeat before or after the test."""
    assert settings.REDIS_URL
    settings.CELERY_BROKER_URL = settings.REDIS_URL
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.HEALTH_READY_REQUIRES_WORKER = True
    settings.WORKER_HEARTBEAT_MAX_AGE = HEARTBEAT_MAX_AGE
    cache.delete(health.WORKER_HEARTBEAT_CACHE_KEY)
    yield
    cache.delete(health.WORKER_HEARTBEAT_CACHE_KEY)


@pytest.fixture
def check_threads_settle() -> Iterator[None]:
    """A check left running past its deadline must not fail the next test's first probe."""
    yield
    deadline = time.monotonic() + 15
    while not health.readiness_checks_idle():
        assert time.monotonic() < deadline, "a readiness check never returned"
        time.sleep(0.05)


def _beat(*, age: float) -> None:
    # The worker's own writer (core.worker.WorkerHeartbeat shares each beat this way).
    _heartbeat_share(time.time() - age)


OK_CHECKS = {"database": {"ok": True}, "redis": {"ok": True}, "broker": {"ok": True}}


@pytest.mark.django_db
@pytest.mark.redis
@pytest.mark.usefixtures("worker_tasks")
def test_stale_worker_heartbeat_fails_readiness(probe: Client) -> None:
    _beat(age=HEARTBEAT_MAX_AGE + 60)
    response = probe.get("/health/ready")
    assert response.status_code == 503
    assert _timings_removed(response.json(), limit_ms=1000) == {
        "status": "unavailable",
        "message": "not ready: worker heartbeat stale",
        "failing": ["worker"],
        "checks": {
            **OK_CHECKS,
            "worker": {"ok": False, "error": "WorkerHeartbeatStale", "heartbeat_age_s": 120},
        },
    }
    assert REGISTRY.get_sample_value("health_check_up", {"check": "worker"}) == 0.0


@pytest.mark.django_db
@pytest.mark.redis
@pytest.mark.usefixtures("worker_tasks")
def test_missing_worker_heartbeat_fails_readiness(probe: Client) -> None:
    response = probe.get("/health/ready")
    assert response.status_code == 503
    body = _timings_removed(response.json(), limit_ms=1000)
    assert body["failing"] == ["worker"]
    assert body["checks"]["worker"] == {
        "ok": False,
        "error": "WorkerHeartbeatStale",
        "heartbeat_age_s": None,
    }


@pytest.mark.django_db
@pytest.mark.redis
@pytest.mark.usefixtures("worker_tasks")
def test_fresh_worker_heartbeat_is_ready(probe: Client) -> None:
    _beat(age=HEARTBEAT_MAX_AGE - 5)
    response = probe.get("/health/ready")
    assert response.status_code == 200
    assert _timings_removed(response.json(), limit_ms=1000) == {
        "status": "ok",
        "checks": {**OK_CHECKS, "worker": {"ok": True}},
    }
    assert REGISTRY.get_sample_value("health_check_up", {"check": "worker"}) == 1.0


@pytest.mark.django_db
@pytest.mark.redis
@pytest.mark.usefixtures("worker_tasks")
def test_opting_out_reports_a_stale_worker_as_degraded(probe: Client, settings) -> None:  # type: ignore[no-untyped-def]
    settings.HEALTH_READY_REQUIRES_WORKER = False
    _beat(age=HEARTBEAT_MAX_AGE + 60)
    response = probe.get("/health/ready")
    assert response.status_code == 200
    assert _timings_removed(response.json(), limit_ms=1000) == {
        "status": "ok",
        "checks": {
            **OK_CHECKS,
            "worker": {"ok": False, "error": "WorkerHeartbeatStale", "heartbeat_age_s": 120},
        },
        "degraded": ["worker"],
    }


@pytest.mark.django_db
@pytest.mark.redis
@pytest.mark.usefixtures("worker_tasks")
def test_eager_tasks_have_no_worker_to_check(probe: Client, settings) -> None:  # type: ignore[no-untyped-def]
    # The embedded default (make run): tasks run in the request, no heartbeat ever comes.
    settings.CELERY_TASK_ALWAYS_EAGER = True
    response = probe.get("/health/ready")
    assert response.status_code == 200
    assert _timings_removed(response.json(), limit_ms=1000) == {
        "status": "ok",
        "checks": OK_CHECKS,
    }


@pytest.mark.django_db
@pytest.mark.usefixtures("check_threads_settle")
def test_hung_redis_fails_every_check_that_needs_it_within_one_timeout(  # type: ignore[no-untyped-def]
    probe: Client, settings, silent_port: int
) -> None:
    hung = f"redis://127.0.0.1:{silent_port}/0"
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.HEALTH_READY_REQUIRES_WORKER = True
    settings.HEALTH_CHECK_TIMEOUT = 0.5
    settings.REDIS_URL = settings.CELERY_BROKER_URL = hung
    # The heartbeat is read through the cache, whose client waits 5 s per read.
    settings.CACHES = {"default": {"BACKEND": "core.cache.RedisCache", "LOCATION": hung}}
    for _probe in range(2):
        started = time.monotonic()
        response = probe.get("/health/ready")
        elapsed = time.monotonic() - started
        assert elapsed < 0.8, elapsed
        assert response.status_code == 503
        body = _timings_removed(response.json(), limit_ms=600)
        timed_out = {"ok": False, "error": "TimeoutError"}
        assert body == {
            "status": "unavailable",
            "message": "not ready: redis, broker unreachable; worker heartbeat stale",
            "failing": ["redis", "broker", "worker"],
            "checks": {
                "database": {"ok": True},
                "redis": timed_out,
                "broker": timed_out,
                # The second probe finds the first one's read still waiting: it fails at once.
                "worker": timed_out,
            },
        }


# ---------------------------------------------------------------------------
# A real server with its settings' defaults: tasks not eager, so readiness needs the worker
# ---------------------------------------------------------------------------
def _ready(server: LiveAsgiServer) -> tuple[httpx.Response, float]:
    started = time.monotonic()
    response = httpx.get(f"{server.url}/health/ready", timeout=10)
    return response, time.monotonic() - started


@pytest.mark.integration
@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.usefixtures("transactional_db")
def test_a_server_with_a_broker_fails_readiness_by_default_while_the_heartbeat_is_stale() -> None:
    cache.delete(health.WORKER_HEARTBEAT_CACHE_KEY)
    # No HEALTH_READY_REQUIRES_WORKER in its environment: the default when tasks are not eager.
    try:
        with run_asgi_server(eager=False, name="ready-worker") as server:
            _beat(age=HEARTBEAT_MAX_AGE + 60)
            stale, _ = _ready(server)
            assert stale.status_code == 503
            assert _timings_removed(stale.json(), limit_ms=1000) == {
                "status": "unavailable",
                "message": "not ready: worker heartbeat stale",
                "failing": ["worker"],
                "checks": {
                    **OK_CHECKS,
                    "worker": {
                        "ok": False,
                        "error": "WorkerHeartbeatStale",
                        "heartbeat_age_s": 120,
                    },
                },
            }
            _beat(age=1)
            fresh, _ = _ready(server)
            assert fresh.status_code == 200
            assert _timings_removed(fresh.json(), limit_ms=1000) == {
                "status": "ok",
                "checks": {**OK_CHECKS, "worker": {"ok": True}},
            }
    finally:
        cache.delete(health.WORKER_HEARTBEAT_CACHE_KEY)


@pytest.mark.integration
@pytest.mark.postgres
@pytest.mark.usefixtures("transactional_db")
def test_a_killed_redis_fails_readiness_within_the_timeout_until_a_worker_beats_again() -> None:
    redis_server = ThrowawayRedis()
    redis_server.start()
    beats = RedisCache(redis_server.url, {"KEY_PREFIX": "ed"})
    env = {"REDIS_URL": redis_server.url, "CELERY_BROKER_URL": redis_server.url}
    try:
        with run_asgi_server(eager=False, extra_env=env, name="ready-redis") as server:
            beats.set(health.WORKER_HEARTBEAT_CACHE_KEY, time.time(), timeout=600)
            ready, _ = _ready(server)
            assert ready.status_code == 200, ready.text
            redis_server.kill()
            down, elapsed = _ready(server)
            assert elapsed < 1.5  # HEALTH_CHECK_TIMEOUT is 1 s
            assert down.status_code == 503
            assert _timings_removed(down.json(), limit_ms=1000) == {
                "status": "unavailable",
                "message": "not ready: redis, broker unreachable; worker heartbeat stale",
                "failing": ["redis", "broker", "worker"],
                "checks": {
                    "database": {"ok": True},
                    "redis": {"ok": False, "error": "ConnectionError"},
                    "broker": {"ok": False, "error": "ConnectionError"},
                    "worker": {"ok": False, "error": "ConnectionError"},
                },
            }
            # Back, but empty (nothing on disk): not ready until a worker beats again.
            redis_server.start()
            back, _ = _ready(server)
            assert back.status_code == 503
            assert back.json()["failing"] == ["worker"]
            assert back.json()["checks"]["worker"]["heartbeat_age_s"] is None
            beats.set(health.WORKER_HEARTBEAT_CACHE_KEY, time.time(), timeout=600)
            again, _ = _ready(server)
            assert again.status_code == 200, again.text
    finally:
        redis_server.close()

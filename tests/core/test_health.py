"""Liveness and readiness answer probes by IP and name the dependency that is down, fast."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import reverse
from prometheus_client import REGISTRY

from core import health


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
    response = probe.get("/health/ready")
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

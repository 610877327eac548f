"""Liveness and readiness endpoints for load balancers, Docker and Kubernetes probes.

``/health/live`` says the process answers. ``/health/ready`` checks the database, Redis (when
``REDIS_URL`` is set), the Celery broker (when it is not the in-memory one) and, when tasks are
not eager, the worker's heartbeat (``core.worker``), and answers 503 naming the ones that fail.
The database check is a write: it upserts a heartbeat row in a transaction, so a full disk or a
read-only server fails it, and so does a write failure any request of this process saw in the
last ``HEALTH_WRITE_FAILURE_WINDOW`` seconds. A worker heartbeat older than
``WORKER_HEARTBEAT_MAX_AGE`` (or none at all) fails readiness unless
``HEALTH_READY_REQUIRES_WORKER`` is off, when it is only reported as ``degraded``.

The checks run at once, each on its own thread, against one deadline of
``HEALTH_CHECK_TIMEOUT``: a pool that cannot hand out a connection, a server that never answers
or a client library that retries costs the probe at most the timeout, and a check still stuck
from an earlier probe fails the next ones at once instead of piling threads up.
``HealthCheckMiddleware`` answers these paths and ``/metrics`` before host validation: probes
and scrapers call the pod by its IP, which is never in ``ALLOWED_HOSTS``.
"""

from __future__ import annotations

import concurrent.futures
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import connections, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone

from core import availability, metrics
from core.middleware import SyncAndAsyncMiddleware

Check = Callable[[float], None]

READINESS_HEARTBEAT = "readiness"
WORKER_HEARTBEAT_CACHE_KEY = "worker:heartbeat"


class DatabaseWriteFailing(Exception):
    """A request of this process saw the database refuse a write (disk full, read-only)."""


class WorkerHeartbeatStale(Exception):
    """No worker has reported consuming within WORKER_HEARTBEAT_MAX_AGE."""

    def __init__(self, age: float | None) -> None:
        super().__init__("no worker heartbeat" if age is None else f"{age:.0f} s old")
        self.age = age


def _database_write_probe(timeout: float) -> None:
    """Upsert the heartbeat row in a transaction; runs on the probe thread."""
    from core.models import Heartbeat

    connection = connections["default"]
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    # A server that accepts the connection but never answers frees the thread.
                    limit_ms = max(1, int(timeout * 1000))
                    cursor.execute("SET LOCAL statement_timeout = %s", [limit_ms])
            Heartbeat.objects.bulk_create(
                [Heartbeat(name=READINESS_HEARTBEAT, beat_at=timezone.now())],
                update_conflicts=True,
                unique_fields=["name"],
                update_fields=["beat_at"],
            )
    finally:
        # Back to the pool (or closed): the probe thread must not pin a connection.
        connection.close()


def _check_database(timeout: float) -> None:
    _database_write_probe(timeout)
    recent = availability.database_write_failure_recent(
        window=float(settings.HEALTH_WRITE_FAILURE_WINDOW)
    )
    if recent is not None:
        raise DatabaseWriteFailing(recent)


def _ping_redis(url: str, timeout: float) -> None:
    import redis
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    # No retries: redis-py retries a dropped connection up to 10 times by default.
    client = redis.Redis.from_url(
        url, socket_timeout=timeout, socket_connect_timeout=timeout, retry=Retry(NoBackoff(), 0)
    )
    try:
        client.ping()
    finally:
        client.close()


def _check_redis(timeout: float) -> None:
    _ping_redis(settings.REDIS_URL, timeout)


def _check_broker(timeout: float) -> None:
    url = settings.CELERY_BROKER_URL
    if url.startswith(("redis://", "rediss://")):
        _ping_redis(url, timeout)
        return
    from kombu import Connection

    with Connection(url, connect_timeout=timeout) as conn:
        # One attempt: kombu would sleep 2 s before a retry.
        conn.ensure_connection(max_retries=0, timeout=timeout)


def worker_heartbeat_age() -> float | None:
    """Seconds since a worker last reported consuming (``core.worker``), None if never."""
    from django.core.cache import cache

    beat = cache.get(WORKER_HEARTBEAT_CACHE_KEY)
    return None if beat is None else max(0.0, time.time() - float(beat))


def _check_worker(timeout: float) -> None:
    age = worker_heartbeat_age()
    if age is None or age > float(settings.WORKER_HEARTBEAT_MAX_AGE):
        raise WorkerHeartbeatStale(age)


def readiness_checks() -> dict[str, Check]:
    """The checks that apply to this configuration, in the order they run."""
    checks: dict[str, Check] = {"database": _check_database}
    if settings.REDIS_URL:
        checks["redis"] = _check_redis
    if not settings.CELERY_BROKER_URL.startswith("memory://"):
        checks["broker"] = _check_broker
    if settings.REDIS_URL and not settings.CELERY_TASK_ALWAYS_EAGER:
        # The heartbeat lives in the shared cache, so it needs Redis to be read from here.
        checks["worker"] = _check_worker
    return checks


class _CheckThread:
    """One check's own thread; refuses a new run while the previous one has not returned."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=1, thread_name_prefix=f"health-{name}"
        )
        self._lock = threading.Lock()
        self._inflight: concurrent.futures.Future[float] | None = None

    def submit(self, check: Check, timeout: float) -> concurrent.futures.Future[float]:
        with self._lock:
            if self._inflight is not None and not self._inflight.done():
                raise TimeoutError(f"the previous {self.name} check has not returned")
            self._inflight = self._executor.submit(_timed, check, timeout)
            return self._inflight

    def is_idle(self) -> bool:
        with self._lock:
            return self._inflight is None or self._inflight.done()


def _timed(check: Check, timeout: float) -> float:
    started = time.perf_counter()
    check(timeout)
    return time.perf_counter() - started


_threads_lock = threading.Lock()
_check_threads: dict[str, _CheckThread] = {}


def _check_thread(name: str) -> _CheckThread:
    with _threads_lock:
        thread = _check_threads.get(name)
        if thread is None:
            thread = _check_threads[name] = _CheckThread(name)
        return thread


def readiness_checks_idle() -> bool:
    """Whether no check of an earlier probe is still running (it would fail the next probe)."""
    with _threads_lock:
        threads = list(_check_threads.values())
    return all(thread.is_idle() for thread in threads)


@dataclass(frozen=True)
class CheckResult:
    name: str
    is_ok: bool
    seconds: float
    error: Exception | None = None


def readiness_run(*, timeout: float) -> list[CheckResult]:
    """Run every readiness check at once; each result within ``timeout`` of the start."""
    started = time.perf_counter()
    deadline = started + timeout
    pending: dict[str, concurrent.futures.Future[float] | Exception] = {}
    for name, check in readiness_checks().items():
        try:
            pending[name] = _check_thread(name).submit(check, timeout)
        except TimeoutError as exc:
            pending[name] = exc
    results: list[CheckResult] = []
    for name, future in pending.items():
        if isinstance(future, Exception):
            results.append(CheckResult(name=name, is_ok=False, seconds=0.0, error=future))
            continue
        try:
            seconds = future.result(timeout=max(0.0, deadline - time.perf_counter()))
        except concurrent.futures.TimeoutError:
            error: Exception = TimeoutError(f"{name} check timed out")
            seconds = time.perf_counter() - started
            results.append(CheckResult(name=name, is_ok=False, seconds=seconds, error=error))
        except Exception as exc:
            seconds = time.perf_counter() - started
            results.append(CheckResult(name=name, is_ok=False, seconds=seconds, error=exc))
        else:
            results.append(CheckResult(name=name, is_ok=True, seconds=seconds))
    for result in results:
        metrics.health_check_record(check=result.name, is_up=result.is_ok, seconds=result.seconds)
    return results


def _failure(name: str, exc: Exception) -> dict[str, Any]:
    # Only the exception type and our own reason: messages can carry hosts, users, passwords.
    result: dict[str, Any] = {"ok": False, "error": type(exc).__name__}
    if name == "database":
        # The kind of outage (refused, pool, disk full, read-only) says where to look.
        reason = str(exc) if isinstance(exc, DatabaseWriteFailing) else None
        reason = reason or availability.unavailability_reason(exc)
        if reason is not None:
            result["reason"] = reason
    if isinstance(exc, WorkerHeartbeatStale):
        # None: no worker has beaten since Redis last started (or ever).
        result["heartbeat_age_s"] = None if exc.age is None else round(exc.age)
    return result


def _not_ready_message(failing: list[str]) -> str:
    parts = []
    unreachable = [name for name in failing if name != "worker"]
    if unreachable:
        parts.append(f"{', '.join(unreachable)} unreachable")
    if "worker" in failing:
        parts.append("worker heartbeat stale")
    return f"not ready: {'; '.join(parts)}"


def health_live(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


def health_ready(request: HttpRequest) -> JsonResponse:
    results: dict[str, dict[str, Any]] = {}
    failing: list[str] = []
    degraded: list[str] = []
    for result in readiness_run(timeout=float(settings.HEALTH_CHECK_TIMEOUT)):
        if result.error is None:
            results[result.name] = {"ok": True}
        else:
            results[result.name] = _failure(result.name, result.error)
            if result.name == "worker" and not settings.HEALTH_READY_REQUIRES_WORKER:
                degraded.append(result.name)
            else:
                failing.append(result.name)
        results[result.name]["ms"] = round(result.seconds * 1000, 1)
    if failing:
        body = {
            "status": "unavailable",
            "message": _not_ready_message(failing),
            "failing": failing,
            "checks": results,
        }
        return JsonResponse(body, status=503)
    body = {"status": "ok", "checks": results}
    if degraded:
        body["degraded"] = degraded
    return JsonResponse(body)


class HealthCheckMiddleware(SyncAndAsyncMiddleware):
    """Serves probe and scrape paths ahead of host validation, sessions and auth."""

    def __init__(self, get_response: Callable[[HttpRequest], Any]) -> None:
        super().__init__(get_response)
        self.routes: dict[str, Callable[[HttpRequest], HttpResponse]] = {
            "/health/live": health_live,
            "/health/ready": health_ready,
            "/metrics": metrics.metrics_view,
        }

    def _route(self, request: HttpRequest) -> Callable[[HttpRequest], HttpResponse] | None:
        view = self.routes.get(request.path_info.rstrip("/") or "/")
        return view if view is not None and request.method in {"GET", "HEAD"} else None

    def __call__(self, request: HttpRequest) -> Any:
        if self.is_async:
            return self.__acall__(request)
        view = self._route(request)
        return view(request) if view is not None else self.get_response(request)

    async def __acall__(self, request: HttpRequest) -> HttpResponse:
        view = self._route(request)
        if view is not None:
            # The checks block (database, Redis, broker): off the event loop, and not on the
            # one thread that serves sync views, where a probe would queue behind requests
            # that are themselves waiting on the database.
            # (/metrics keeps the default: its refreshers use the ORM, whose connections are
            # per thread.)
            return await sync_to_async(view, thread_sensitive=view is metrics.metrics_view)(request)
        return await self.get_response(request)

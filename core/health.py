"""Liveness and readiness endpoints for load balancers, Docker and Kubernetes probes.

``/health/live`` says the process answers. ``/health/ready`` checks the database, Redis (when
``REDIS_URL`` is set) and the Celery broker (when it is not the in-memory one), each within
``HEALTH_CHECK_TIMEOUT``, and answers 503 naming the ones that are down. The database check is a
write: it upserts a heartbeat row in a transaction, so a full disk or a read-only server fails it,
and so does a write failure any request of this process saw in the last
``HEALTH_WRITE_FAILURE_WINDOW`` seconds. It runs on its own thread with a deadline, so a pool
that cannot hand out a connection or a server that never answers costs the probe at most the
timeout; while one probe is stuck, the next ones fail at once instead of piling threads up.
With a real broker the worker's heartbeat (``core.worker``) is reported too, and fails readiness
only when ``HEALTH_READY_REQUIRES_WORKER`` is set. ``HealthCheckMiddleware`` answers these paths
and ``/metrics`` before host validation: probes and scrapers call the pod by its IP, which is
never in ``ALLOWED_HOSTS``.
"""

from __future__ import annotations

import concurrent.futures
import threading
import time
from collections.abc import Callable
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


_probe_executor = concurrent.futures.ThreadPoolExecutor(
    max_workers=1, thread_name_prefix="health-database"
)
_probe_lock = threading.Lock()
_probe_inflight: concurrent.futures.Future[None] | None = None


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
    global _probe_inflight
    with _probe_lock:
        if _probe_inflight is not None and not _probe_inflight.done():
            raise TimeoutError("the previous database probe has not returned")
        future = _probe_inflight = _probe_executor.submit(_database_write_probe, timeout)
    try:
        future.result(timeout=timeout)
    except concurrent.futures.TimeoutError as exc:
        raise TimeoutError("database probe timed out") from exc
    recent = availability.database_write_failure_recent(
        window=float(settings.HEALTH_WRITE_FAILURE_WINDOW)
    )
    if recent is not None:
        raise DatabaseWriteFailing(recent)


def _ping_redis(url: str, timeout: float) -> None:
    import redis

    client = redis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout)
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
        conn.ensure_connection(max_retries=1, timeout=timeout)


def worker_heartbeat_age() -> float | None:
    """Seconds since a worker last reported consuming (``core.worker``), None if never."""
    from django.core.cache import cache

    beat = cache.get(WORKER_HEARTBEAT_CACHE_KEY)
    return None if beat is None else max(0.0, time.time() - float(beat))


def _check_worker(timeout: float) -> None:
    age = worker_heartbeat_age()
    if age is None or age > float(settings.WORKER_HEARTBEAT_MAX_AGE):
        raise WorkerHeartbeatStale("no worker heartbeat" if age is None else f"{age:.0f} s old")


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


def _failure(name: str, exc: Exception) -> dict[str, Any]:
    # Only the exception type and our own reason: messages can carry hosts, users, passwords.
    result: dict[str, Any] = {"ok": False, "error": type(exc).__name__}
    if name == "database":
        # The kind of outage (refused, pool, disk full, read-only) says where to look.
        reason = str(exc) if isinstance(exc, DatabaseWriteFailing) else None
        reason = reason or availability.unavailability_reason(exc)
        if reason is not None:
            result["reason"] = reason
    return result


def health_live(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


def health_ready(request: HttpRequest) -> JsonResponse:
    timeout = float(settings.HEALTH_CHECK_TIMEOUT)
    results: dict[str, dict[str, object]] = {}
    failing: list[str] = []
    degraded: list[str] = []
    for name, check in readiness_checks().items():
        started = time.perf_counter()
        try:
            check(timeout)
        except Exception as exc:
            results[name] = _failure(name, exc)
            if name == "worker" and not settings.HEALTH_READY_REQUIRES_WORKER:
                degraded.append(name)
            else:
                failing.append(name)
        else:
            results[name] = {"ok": True}
        elapsed = time.perf_counter() - started
        results[name]["ms"] = round(elapsed * 1000, 1)
        metrics.health_check_record(check=name, is_up=bool(results[name]["ok"]), seconds=elapsed)
    if failing:
        body = {
            "status": "unavailable",
            "message": f"not ready: {', '.join(failing)} unreachable",
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

"""Liveness and readiness endpoints for load balancers, Docker and Kubernetes probes.

``/health/live`` says the process answers. ``/health/ready`` checks the database, Redis (when
``REDIS_URL`` is set) and the Celery broker (when it is not the in-memory one), each with a
short timeout, and answers 503 naming the ones that are down. ``HealthCheckMiddleware`` answers
these paths and ``/metrics`` before host validation: probes and scrapers call the pod by its IP,
which is never in ``ALLOWED_HOSTS``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse

from core import metrics
from core.middleware import SyncAndAsyncMiddleware

Check = Callable[[float], None]


def _check_database(timeout: float) -> None:
    # The connection's own connect_timeout bounds a dead host; a live one answers at once.
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


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


def readiness_checks() -> dict[str, Check]:
    """The checks that apply to this configuration, in the order they run."""
    checks: dict[str, Check] = {"database": _check_database}
    if settings.REDIS_URL:
        checks["redis"] = _check_redis
    if not settings.CELERY_BROKER_URL.startswith("memory://"):
        checks["broker"] = _check_broker
    return checks


def health_live(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


def health_ready(request: HttpRequest) -> JsonResponse:
    timeout = float(settings.HEALTH_CHECK_TIMEOUT)
    results: dict[str, dict[str, object]] = {}
    failing: list[str] = []
    for name, check in readiness_checks().items():
        started = time.perf_counter()
        try:
            check(timeout)
        except Exception as exc:
            # Only the exception type: messages can carry hosts, users or passwords.
            results[name] = {"ok": False, "error": type(exc).__name__}
            failing.append(name)
        else:
            results[name] = {"ok": True}
        elapsed = time.perf_counter() - started
        results[name]["ms"] = round(elapsed * 1000, 1)
        metrics.health_check_record(check=name, is_up=name not in failing, seconds=elapsed)
    if failing:
        body = {
            "status": "unavailable",
            "message": f"not ready: {', '.join(failing)} unreachable",
            "failing": failing,
            "checks": results,
        }
        return JsonResponse(body, status=503)
    return JsonResponse({"status": "ok", "checks": results})


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
            # The checks block (database, Redis, broker): off the event loop.
            return await sync_to_async(view)(request)
        return await self.get_response(request)

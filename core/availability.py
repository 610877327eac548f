"""Infrastructure unavailability: which exceptions mean "a dependency is down", and the 503.

A database that refuses connections, a pool that cannot hand one out in time, a full disk, a
read-only server or an unreachable broker is not a bug in the request: the client should retry
the same request (the widget reuses its ``client_message_id``, so a retry never duplicates).
Such failures answer ``503 {"error": "unavailable", ...}`` with ``Retry-After`` from every entry
point (the DRF handler in ``core.api``, ``UnavailableMiddleware`` for plain views and
``core.views.server_error`` for failures inside middleware), are counted in
``http_unavailable_total{reason}``, and database write failures are remembered for a while so
``/health/ready`` reports them even between its own probes.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from typing import Any, Final

from django.conf import settings
from django.db import utils as db_utils
from django.http import HttpRequest, HttpResponse, JsonResponse

from core import metrics
from core.middleware import SyncAndAsyncMiddleware

logger = logging.getLogger(__name__)

# SQLSTATEs that say "the server cannot do this now" rather than "this statement is wrong".
_DISK_FULL: Final = frozenset({"53100"})
_READ_ONLY: Final = frozenset({"25006"})
_UNAVAILABLE_SQLSTATES: Final = frozenset(
    {
        "53000",  # insufficient_resources
        "53200",  # out_of_memory
        "53300",  # too_many_connections
        "57P01",  # admin_shutdown
        "57P02",  # crash_shutdown
        "57P03",  # cannot_connect_now (starting up, in recovery)
        "57014",  # query_canceled (statement_timeout while the server is stuck)
        "55P03",  # lock_not_available
        "40001",  # serialization_failure
        "40P01",  # deadlock_detected
    }
)
WRITE_FAILURE_REASONS: Final = frozenset({"database_disk_full", "database_read_only"})

_last_write_failure: dict[str, float] = {}
_lock = threading.Lock()


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception and its causes (Django wraps driver errors, kombu wraps redis-py's)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _sqlstate(exc: BaseException) -> str | None:
    state = getattr(exc, "sqlstate", None) or getattr(exc, "pgcode", None)
    return state if isinstance(state, str) else None


def _redis_or_broker(exc: BaseException) -> str | None:
    module = type(exc).__module__
    if module.startswith("kombu") and type(exc).__name__ == "OperationalError":
        return "broker"
    if module.startswith("redis") and type(exc).__name__ in {
        "ConnectionError",
        "TimeoutError",
        "BusyLoadingError",
        "MaxConnectionsError",
        "ReadOnlyError",
    }:
        return "redis"
    return None


def unavailability_reason(exc: BaseException) -> str | None:
    """Why ``exc`` means a dependency is unavailable (a ``metrics.UNAVAILABLE_REASONS`` value),
    or None when it is an ordinary error (a bug, a bad statement) that stays a 500."""
    is_database_error = False
    for link in _chain(exc):
        state = _sqlstate(link)
        if state in _DISK_FULL:
            return "database_disk_full"
        if state in _READ_ONLY:
            return "database_read_only"
        if type(link).__name__ == "PoolTimeout" and type(link).__module__.startswith("psycopg"):
            return "database_pool"
        if state is not None and (state in _UNAVAILABLE_SQLSTATES or state.startswith("08")):
            return "database"
        other = _redis_or_broker(link)
        if other is not None:
            return other
        if isinstance(link, db_utils.OperationalError | db_utils.InterfaceError):
            # Without a SQLSTATE these are the driver's own: refused, reset, closed, timed out.
            is_database_error = is_database_error or state is None
    return "database" if is_database_error else None


def unavailable_record(reason: str) -> None:
    metrics.unavailable_record(reason=reason)
    if reason in WRITE_FAILURE_REASONS:
        with _lock:
            _last_write_failure[reason] = time.monotonic()


def database_write_failure_recent(*, window: float) -> str | None:
    """The write failure (disk full, read-only) this process saw within ``window`` seconds."""
    now = time.monotonic()
    with _lock:
        for reason, at in _last_write_failure.items():
            if now - at <= window:
                return reason
    return None


def database_write_failures_clear() -> None:
    with _lock:
        _last_write_failure.clear()


def unavailable_answer(reason: str) -> tuple[dict[str, Any], dict[str, str]]:
    """Body and headers of the 503 every entry point gives; counts it."""
    unavailable_record(reason)
    retry_after = max(1, int(settings.UNAVAILABLE_RETRY_AFTER_SECONDS))
    body = {
        "error": "unavailable",
        "message": f"Temporarily unavailable; please retry in {retry_after} seconds.",
        "reason": reason,
        "retry_after": retry_after,
    }
    # An outage answer must never be cached by a proxy or the browser.
    return body, {"Retry-After": str(retry_after), "Cache-Control": "no-store"}


def unavailable_response(reason: str) -> JsonResponse:
    body, headers = unavailable_answer(reason)
    return JsonResponse(body, status=503, headers=headers)


def unavailable_log(exc: BaseException, reason: str) -> None:
    # One line, no traceback: an outage produces thousands of these and the cause is known.
    logger.warning("dependency unavailable", extra={"reason": reason, "error": type(exc).__name__})


class UnavailableMiddleware(SyncAndAsyncMiddleware):
    """Turns an unavailability raised by a plain Django view into the 503 (DRF views are
    handled by ``core.api.api_exception_handler`` before this sees them)."""

    def __call__(self, request: HttpRequest) -> Any:
        if self.is_async:
            return self.__acall__(request)
        return self.get_response(request)

    async def __acall__(self, request: HttpRequest) -> HttpResponse:
        response: HttpResponse = await self.get_response(request)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        reason = unavailability_reason(exception)
        if reason is None:
            return None
        unavailable_log(exception, reason)
        return unavailable_response(reason)

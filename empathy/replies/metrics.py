"""Records failovers in ``ai_service_failovers_total`` (defined once, in core.metrics)."""

from __future__ import annotations

import functools
from collections.abc import Callable

Recorder = Callable[..., None]


@functools.cache
def _recorder() -> Recorder:
    try:
        from core.metrics import ai_failover_record
    except ImportError:
        # Without the project's metric registry (a bare checkout of the domain package) the
        # counter is defined here; core.metrics cannot be imported later in that process.
        from prometheus_client import Counter

        counter = Counter(
            "ai_service_failovers",
            "Reply requests that moved from one provider to the next.",
            ["primary_service", "backup_service", "failure_reason"],
        )

        def record(*, primary_service: str, backup_service: str, failure_reason: str) -> None:
            counter.labels(primary_service, backup_service, failure_reason).inc()

        return record
    return ai_failover_record


def failover_record(*, primary: str, backup: str, reason: str) -> None:
    """Count one move from ``primary`` to ``backup`` (chain roles, never model names)."""
    _recorder()(primary_service=primary, backup_service=backup, failure_reason=reason)

"""The engine's own metrics: moves along the reply chain (``ai_service_failovers_total``).

Defined here, not in the platform's registry, so the engine stays importable on its own; the
project's /metrics exposes every collector of the process's default registry, this one too.
"""

from __future__ import annotations

from typing import Final

from prometheus_client import Counter

from empathy.replies import errors

OTHER: Final = "other"
# Providers are labelled by their role in the chain, not by vendor or model name: the fallback
# may be any OpenAI-compatible endpoint, and a role keeps the label set fixed.
AI_SERVICES: Final = frozenset({"primary", "fallback", "offline"})
# The chain's reasons, plus auth_error, kept so dashboards written for it still match.
FAILURE_REASONS: Final = errors.FAILURE_REASONS | {"auth_error"}

AI_SERVICE_FAILOVERS = Counter(
    "ai_service_failovers",  # exported as ai_service_failovers_total
    "Reply requests that moved from one provider to the next.",
    ["primary_service", "backup_service", "failure_reason"],
)


def _closed(value: object, allowed: frozenset[str]) -> str:
    return value if isinstance(value, str) and value in allowed else OTHER


def ai_failover_record(*, primary_service: str, backup_service: str, failure_reason: str) -> None:
    """Count one move from ``primary_service`` to ``backup_service`` (chain roles, never model
    names); anything outside the closed label sets is counted as "other"."""
    AI_SERVICE_FAILOVERS.labels(
        primary_service=_closed(primary_service, AI_SERVICES),
        backup_service=_closed(backup_service, AI_SERVICES),
        failure_reason=_closed(failure_reason, FAILURE_REASONS),
    ).inc()

"""Provider errors, and the closed set of reasons a reply moves on to the next provider."""

from __future__ import annotations

from typing import Final

TIMEOUT: Final = "timeout"
RATE_LIMITED: Final = "rate_limited"
SERVER_ERROR: Final = "server_error"
CONNECTION_ERROR: Final = "connection_error"
CIRCUIT_OPEN: Final = "circuit_open"
UNSAFE_OUTPUT: Final = "unsafe_output"
BAD_RESPONSE: Final = "bad_response"

FAILURE_REASONS: Final = frozenset(
    {
        TIMEOUT,
        RATE_LIMITED,
        SERVER_ERROR,
        CONNECTION_ERROR,
        CIRCUIT_OPEN,
        UNSAFE_OUTPUT,
        BAD_RESPONSE,
    }
)


class ProviderError(Exception):
    """A provider gave no usable reply; ``reason`` is one of ``FAILURE_REASONS``."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


class ProviderTransientError(ProviderError):
    """Worth trying again later: timeouts, rate limits, 5xx, dropped connections."""


class ProviderTerminalError(ProviderError):
    """Will fail the same way until someone fixes the configuration (bad key, unknown model)."""

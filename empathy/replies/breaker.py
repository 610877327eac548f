"""A small circuit breaker per provider, with an injectable clock so tests never sleep.

Written here rather than taken from ``pybreaker``: the chain needs to ask "may I call?" before a
call that runs on another thread and may be abandoned at the deadline, and to feed the outcome
back afterwards; ``pybreaker`` wraps the call itself, reads the wall clock (so tests would need
real sleeps or time patching) and would be one more dependency for about forty lines.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Final, Literal

State = Literal["closed", "open", "half_open"]

CLOSED: Final = "closed"
OPEN: Final = "open"
HALF_OPEN: Final = "half_open"


class CircuitBreaker:
    """Closed until ``failure_threshold`` consecutive failures; then open for ``reset_seconds``;
    then half-open: exactly one trial call is let through, whose outcome closes or re-opens it."""

    def __init__(
        self,
        *,
        failure_threshold: int,
        reset_seconds: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.failure_threshold = max(1, failure_threshold)
        self.reset_seconds = reset_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._state: State = CLOSED
        self._failures = 0
        self._opened_at = 0.0
        self._trial_started_at = 0.0

    @property
    def state(self) -> State:
        with self._lock:
            return self._state

    @property
    def failures(self) -> int:
        with self._lock:
            return self._failures

    def allow(self) -> bool:
        """Whether a call may go out now (a True in half-open state reserves the one trial)."""
        with self._lock:
            now = self._clock()
            if self._state == CLOSED:
                return True
            if self._state == OPEN:
                if now - self._opened_at < self.reset_seconds:
                    return False
                self._state = HALF_OPEN
                self._trial_started_at = now
                return True
            # Half-open with a trial in flight. A trial whose outcome never came back (its
            # caller crashed) must not block the provider forever, so it expires.
            if now - self._trial_started_at >= self.reset_seconds:
                self._trial_started_at = now
                return True
            return False

    def record_success(self) -> None:
        with self._lock:
            self._state = CLOSED
            self._failures = 0

    def record_failure(self, *, terminal: bool = False) -> None:
        """Count a failure; a terminal one (bad key, unknown model) opens the circuit at once."""
        with self._lock:
            self._failures += 1
            if terminal or self._state == HALF_OPEN or self._failures >= self.failure_threshold:
                self._state = OPEN
                self._opened_at = self._clock()

"""The circuit breaker: opens after N consecutive failures, half-opens after the pause."""

from __future__ import annotations

from empathy.replies.breaker import CircuitBreaker
from tests.empathy.replies.conftest import FakeClock


def _breaker(clock: FakeClock) -> CircuitBreaker:
    return CircuitBreaker(failure_threshold=3, reset_seconds=30.0, clock=clock)


def test_opens_after_threshold_consecutive_failures(clock: FakeClock) -> None:
    breaker = _breaker(clock)
    for _ in range(2):
        breaker.record_failure()
    assert (breaker.state, breaker.allow()) == ("closed", True)
    breaker.record_failure()
    assert (breaker.state, breaker.allow()) == ("open", False)


def test_success_resets_the_count(clock: FakeClock) -> None:
    breaker = _breaker(clock)
    breaker.record_failure()
    breaker.record_failure()
    breaker.record_success()
    breaker.record_failure()
    breaker.record_failure()
    assert breaker.state == "closed"


def test_half_open_lets_exactly_one_trial_through(clock: FakeClock) -> None:
    breaker = _breaker(clock)
    breaker.record_failure(terminal=True)
    clock.advance(29.9)
    assert breaker.allow() is False
    clock.advance(0.1)
    assert breaker.allow() is True
    assert breaker.state == "half_open"
    assert breaker.allow() is False  # the trial is in flight


def test_trial_success_closes(clock: FakeClock) -> None:
    breaker = _breaker(clock)
    breaker.record_failure(terminal=True)
    clock.advance(30)
    assert breaker.allow()
    breaker.record_success()
    assert (breaker.state, breaker.failures, breaker.allow()) == ("closed", 0, True)


def test_trial_failure_reopens_for_a_fresh_pause(clock: FakeClock) -> None:
    breaker = _breaker(clock)
    breaker.record_failure(terminal=True)
    clock.advance(30)
    assert breaker.allow()
    breaker.record_failure()
    assert breaker.state == "open"
    clock.advance(29)
    assert breaker.allow() is False
    clock.advance(1)
    assert breaker.allow() is True


def test_lost_trial_expires(clock: FakeClock) -> None:
    breaker = _breaker(clock)
    breaker.record_failure(terminal=True)
    clock.advance(30)
    assert breaker.allow()
    clock.advance(30)  # the trial's caller never reported back
    assert breaker.allow() is True

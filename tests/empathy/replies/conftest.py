"""Fixtures for the reply engine: fake OpenAI-compatible servers, a chain on them, a fake clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from prometheus_client import REGISTRY

from empathy.replies import ReplyConfig, ReplyService, reply_service_set
from empathy.replies.cache import ReplyCache
from empathy.replies.providers import OpenAICompatibleProvider
from empathy.types import EmotionReading
from tests.fakes.openai_server import FakeOpenAIServer

# Short limits keep the timeout tests fast; the chain's logic does not depend on the values.
TIMEOUT = 0.5
BUDGET = 1.0


class FakeClock:
    """Monotonic clock the tests move by hand (for breaker cool-downs)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def primary_server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as server:
        yield server


@pytest.fixture
def fallback_server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as server:
        yield server


@pytest.fixture
def make_chain(
    primary_server: FakeOpenAIServer, fallback_server: FakeOpenAIServer, clock: FakeClock
) -> Callable[..., ReplyService]:
    def build(
        *,
        fallback: bool = True,
        cache: ReplyCache | None = None,
        **config: object,
    ) -> ReplyService:
        remotes = [
            OpenAICompatibleProvider(
                name="primary", model="primary-model", api_key="pk", base_url=primary_server.url
            )
        ]
        if fallback:
            remotes.append(
                OpenAICompatibleProvider(
                    name="fallback",
                    model="fallback-model",
                    api_key="fk",
                    base_url=fallback_server.url,
                )
            )
        options: dict[str, object] = {
            "timeout_seconds": TIMEOUT,
            "budget_seconds": BUDGET,
            "breaker_failures": 3,
            "breaker_reset_seconds": 30.0,
            "cache_ttl": 0,
        }
        options.update(config)
        return ReplyService(
            remotes=remotes,
            config=ReplyConfig(**options),  # type: ignore[arg-type]
            clock=clock,
            cache=cache,
        )

    return build


@pytest.fixture
def chain(make_chain: Callable[..., ReplyService]) -> ReplyService:
    return make_chain()


@pytest.fixture
def reset_reply_service() -> Iterator[None]:
    reply_service_set(None)
    yield
    reply_service_set(None)


def failovers(primary: str, backup: str, reason: str) -> float:
    value = REGISTRY.get_sample_value(
        "ai_service_failovers_total",
        {"primary_service": primary, "backup_service": backup, "failure_reason": reason},
    )
    return value or 0.0


def reading(
    emotion: str, category: str, intensity: float = 0.8, confidence: float = 0.9
) -> EmotionReading:
    return EmotionReading(
        emotion=emotion,
        labels=(emotion,),
        scores={emotion: intensity},
        category=category,  # type: ignore[arg-type]
        intensity=intensity,
        valence=0.0,
        arousal=0.0,
        confidence=confidence,
        model="test",
    )

"""The Redis reply cache, against the real Redis: generic requests only, keyed by a hash."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator

import pytest
import redis

from empathy.replies import ReplyService
from empathy.replies.cache import KEY_PREFIX, ReplyCache, request_cacheable
from empathy.types import ReplyRequest, Turn
from tests.fakes.openai_server import FakeOpenAIServer

pytestmark = pytest.mark.redis


@pytest.fixture
def redis_cache() -> Iterator[ReplyCache]:
    url = os.environ["REDIS_URL"]
    client = redis.Redis.from_url(url)
    before = set(client.scan_iter(KEY_PREFIX + "*"))
    yield ReplyCache(url=url, ttl_seconds=120)
    for key in set(client.scan_iter(KEY_PREFIX + "*")) - before:
        client.delete(key)


def _request(text: str, **options: object) -> ReplyRequest:
    return ReplyRequest(text=text, reading=None, strategy="inform", **options)  # type: ignore[arg-type]


def test_identical_generic_request_is_served_from_redis(
    make_chain: Callable[..., ReplyService],
    redis_cache: ReplyCache,
    primary_server: FakeOpenAIServer,
) -> None:
    chain = make_chain(cache=redis_cache)
    primary_server.answer("Our opening hours are listed in your account area.")
    # Letters only: a digit run would make the request personal (uncacheable).
    token = uuid.uuid4().hex.translate(str.maketrans("0123456789", "ghijklmnop"))
    text = f"what are your opening hours {token}"
    first = chain.generate(_request(text))
    second = chain.generate(_request(text))
    assert len(primary_server.requests) == 1
    assert (first.cached, second.cached) == (False, True)
    assert (second.text, second.provider, second.model) == (first.text, "primary", "primary-model")
    client = redis.Redis.from_url(os.environ["REDIS_URL"])
    keys = [k for k in client.scan_iter(KEY_PREFIX + "*")]
    assert any(0 < client.ttl(k) <= 120 for k in keys)
    assert all(len(k.decode()) == len(KEY_PREFIX) + 64 for k in keys)  # a sha256, no text


def test_different_request_is_not_served_from_cache(
    make_chain: Callable[..., ReplyService],
    redis_cache: ReplyCache,
    primary_server: FakeOpenAIServer,
) -> None:
    chain = make_chain(cache=redis_cache)
    primary_server.answer("Answer.")
    chain.generate(_request("how do plans work"))
    chain.generate(_request("how do invoices work"))
    assert len(primary_server.requests) == 2


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("my email is ada@example.com, what are the hours?", id="email"),
        pytest.param("call me on 415 555 0199", id="phone"),
        pytest.param("order 88231 is late", id="order-number"),
        pytest.param("my name is Ada, hi", id="name"),
    ],
)
def test_personal_requests_are_never_cached(
    make_chain: Callable[..., ReplyService],
    redis_cache: ReplyCache,
    primary_server: FakeOpenAIServer,
    text: str,
) -> None:
    chain = make_chain(cache=redis_cache)
    primary_server.answer("Thanks.")
    client = redis.Redis.from_url(os.environ["REDIS_URL"])
    before = set(client.scan_iter(KEY_PREFIX + "*"))
    chain.generate(_request(text))
    chain.generate(_request(text))
    assert len(primary_server.requests) == 2
    assert set(client.scan_iter(KEY_PREFIX + "*")) == before


def test_personal_data_in_history_also_prevents_caching() -> None:
    history = (Turn(sender="visitor", text="I'm ada@example.com"),)
    assert request_cacheable(_request("what are the hours?", history=history)) is False
    assert request_cacheable(_request("what are the hours?")) is True
    assert (
        request_cacheable(ReplyRequest(text="hi", reading=None, strategy="safety_first")) is False
    )


def test_cached_reply_with_an_already_sent_sentence_is_not_reused(
    make_chain: Callable[..., ReplyService],
    redis_cache: ReplyCache,
    primary_server: FakeOpenAIServer,
) -> None:
    chain = make_chain(cache=redis_cache)
    primary_server.answer("Happy to help. What do you need?")
    chain.generate(_request("hello there"))
    again = chain.generate(_request("hello there", used_sentences=frozenset({"Happy to help."})))
    assert again.cached is False
    assert len(primary_server.requests) == 2


def test_dead_redis_is_a_miss_not_an_error(
    make_chain: Callable[..., ReplyService], primary_server: FakeOpenAIServer
) -> None:
    cache = ReplyCache(url="redis://127.0.0.1:1/0", ttl_seconds=60)
    chain = make_chain(cache=cache)
    primary_server.answer("Still answering.")
    assert chain.generate(_request("hours?")).text == "Still answering."
    assert chain.generate(_request("hours?")).text == "Still answering."

"""Every cache object of a process (one per request under ASGI) shares one Redis pool."""

from __future__ import annotations

import os

import pytest

from core.cache import RedisCache

# A query string no other code uses keeps this test's pool to itself.
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0") + "?socket_timeout=7"


def _cache() -> RedisCache:
    return RedisCache(REDIS_URL, {"KEY_PREFIX": "test-cache"})


@pytest.mark.redis
def test_two_cache_objects_reuse_one_pool_and_its_connection() -> None:
    first, second = _cache(), _cache()
    first.set("shared-pool", 1, 30)
    assert second.get("shared-pool") == 1
    pool = first._cache._get_connection_pool(write=True)
    assert second._cache._get_connection_pool(write=True) is pool
    assert second._cache.get_client(write=False) is first._cache.get_client(write=True)
    # Sequential use by both objects needed a single connection.
    assert len(pool._available_connections) + len(pool._in_use_connections) == 1
    first.delete("shared-pool")


def test_a_different_url_gets_its_own_pool() -> None:
    from core.cache import SharedConnectionPool

    a = SharedConnectionPool.from_url("redis://127.0.0.1:6379/1")
    b = SharedConnectionPool.from_url("redis://127.0.0.1:6379/2")
    assert a is not b
    assert SharedConnectionPool.from_url("redis://127.0.0.1:6379/1") is a

"""Django's Redis cache with one connection pool and one client per process.

Django keeps a cache object per async context, so under ASGI every request built a new
RedisCache, a new pool, a new TCP connection (with its handshake) and, per call, a new redis
client for the rate limits. Here the pool is shared per URL and options, and so is the client
on it. redis-py pools and clients are thread-safe and reset their connections in a forked child.
"""

from __future__ import annotations

import threading
from typing import Any

import redis
from django.core.cache.backends import redis as django_redis


class SharedConnectionPool(redis.ConnectionPool):
    _shared: dict[tuple[str, tuple[tuple[str, str], ...]], redis.ConnectionPool] = {}
    _shared_lock = threading.Lock()

    @classmethod
    def from_url(cls, url: str, **kwargs: Any) -> Any:
        key = (url, tuple(sorted((name, repr(value)) for name, value in kwargs.items())))
        with cls._shared_lock:
            pool = cls._shared.get(key)
            if pool is None:
                pool = cls._shared[key] = super().from_url(url, **kwargs)
        return pool


class _CacheClient(django_redis.RedisCacheClient):
    def __init__(self, servers: Any, **options: Any) -> None:
        options.setdefault("pool_class", SharedConnectionPool)
        super().__init__(servers, **options)

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
        client = getattr(pool, "shared_client", None)
        if client is None:
            client = pool.shared_client = self._client(connection_pool=pool)  # type: ignore[attr-defined]
        return client


class RedisCache(django_redis.RedisCache):
    """settings.CACHES backend: django.core.cache.backends.redis.RedisCache, shared pools."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = _CacheClient

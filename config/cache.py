"""One Redis connection pool per process for Django's cache.

Django keeps a cache object per async context, so under ASGI every request built a new
RedisCache, a new pool and a new TCP connection (with its handshake) for the rate limits.
Sharing the pool per URL makes them reuse connections. redis-py pools are thread-safe and
reset themselves in a forked child.
"""

from __future__ import annotations

import threading
from typing import Any

import redis


class SharedConnectionPool(redis.ConnectionPool):
    _shared: dict[tuple[str, tuple[tuple[str, Any], ...]], redis.ConnectionPool] = {}
    _shared_lock = threading.Lock()

    @classmethod
    def from_url(cls, url: str, **kwargs: Any) -> Any:
        key = (url, tuple(sorted((name, repr(value)) for name, value in kwargs.items())))
        with cls._shared_lock:
            pool = cls._shared.get(key)
            if pool is None:
                pool = cls._shared[key] = super().from_url(url, **kwargs)
        return pool

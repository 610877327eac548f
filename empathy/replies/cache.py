"""Redis cache of generated replies, for identical generic requests only.

A request is cacheable only when nothing in it is personal: the visitor's message and every
turn of context are free of e-mails, phone/card/id numbers, names and long digit runs. The key
is a sha256 of exactly what the model would be sent plus the chain's models, so two requests
share a reply only when the model would have seen the same thing. Redis trouble never delays
a reply: short socket timeouts, and after an error the cache is skipped for a while.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

import redis

from empathy.replies.pii import pii_present
from empathy.replies.strategy import SAFETY_FIRST
from empathy.types import ReplyDraft, ReplyRequest

logger = logging.getLogger(__name__)

KEY_PREFIX = "empathy:reply:v1:"
SOCKET_TIMEOUT = 0.1
# After a Redis error the cache is bypassed this long, so a dead Redis costs one timeout.
BACKOFF_SECONDS = 30.0


def request_cacheable(request: ReplyRequest) -> bool:
    """Generic requests only: never the crisis path, never text holding personal data."""
    if request.strategy == SAFETY_FIRST:
        return False
    if pii_present(request.text):
        return False
    return not any(pii_present(turn.text) for turn in request.history)


def cache_key(messages: Sequence[dict[str, str]], models: Sequence[str]) -> str:
    material = json.dumps({"messages": list(messages), "models": list(models)}, sort_keys=True)
    return KEY_PREFIX + hashlib.sha256(material.encode()).hexdigest()


class ReplyCache:
    """Get/set drafts in Redis; every failure is a miss."""

    def __init__(
        self,
        *,
        url: str,
        ttl_seconds: int,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl_seconds = ttl_seconds
        self._url = url
        self._clock = clock
        self._client: redis.Redis | None = None
        self._lock = threading.Lock()
        self._skip_until = 0.0

    @property
    def enabled(self) -> bool:
        return bool(self._url) and self.ttl_seconds > 0

    def _redis(self) -> redis.Redis | None:
        if not self.enabled or self._clock() < self._skip_until:
            return None
        with self._lock:
            if self._client is None:
                self._client = redis.Redis.from_url(
                    self._url,
                    socket_timeout=SOCKET_TIMEOUT,
                    socket_connect_timeout=SOCKET_TIMEOUT,
                )
            return self._client

    def _failed(self, exc: Exception) -> None:
        self._skip_until = self._clock() + BACKOFF_SECONDS
        logger.warning("reply cache unavailable", extra={"error": type(exc).__name__})

    def get(self, key: str) -> ReplyDraft | None:
        client = self._redis()
        if client is None:
            return None
        try:
            raw = client.get(key)
        except (redis.RedisError, OSError) as exc:
            self._failed(exc)
            return None
        if raw is None:
            return None
        try:
            data: dict[str, Any] = json.loads(raw)
            return ReplyDraft(
                text=str(data["text"]),
                strategy=str(data["strategy"]),
                provider=str(data["provider"]),
                sentences=tuple(str(s) for s in data["sentences"]),
                model=str(data.get("model", "")),
                cached=True,
            )
        except (ValueError, KeyError, TypeError):
            return None

    def set(self, key: str, draft: ReplyDraft) -> None:
        client = self._redis()
        if client is None:
            return
        payload = json.dumps(
            {
                "text": draft.text,
                "strategy": draft.strategy,
                "provider": draft.provider,
                "sentences": list(draft.sentences),
                "model": draft.model,
            }
        )
        try:
            client.set(key, payload, ex=self.ttl_seconds)
        except (redis.RedisError, OSError) as exc:
            self._failed(exc)

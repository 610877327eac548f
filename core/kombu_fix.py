"""A patch for kombu's Redis transport: a channel closed after its connection let go of the
transport raises a connection error (recoverable) instead of an AttributeError (fatal).

kombu 5.7.0 with celery 5.7.0: on broker loss the consumer calls ``connection.collect()`` and then
``connection.close()``. A channel whose first close failed inside ``_brpop_read()`` (the socket
died mid-BRPOP) is not marked closed, and ``collect()`` has meanwhile set
``transport.client = None``. The second close restores the unacknowledged messages, builds a new
pool, and ``Channel._connparams`` reads ``self.connection.client.hostname``:
``AttributeError: 'NoneType' object has no attribute 'hostname'``. celery's ``ignore_errors``
lets only connection errors through, so the worker logs "Unrecoverable error" and exits 1
(reproduced in about 1 of 5 broker kills under load with the threads pool;
tests/core/test_worker_faults.py). Raised as redis' ``ConnectionError`` instead, it is ignored
like any other failure to reach a dead broker; the unacknowledged messages stay in Redis' unacked
index and come back after the visibility timeout, as for a killed worker.
"""

from __future__ import annotations

import functools
from typing import Any

_PATCHED_FLAG = "_empathy_desk_patched"


def kombu_redis_patch() -> bool:
    """Install the patch once; True when it is (or already was) in place."""
    try:
        import redis
        from kombu.transport import redis as kombu_redis
    except ImportError:
        return False
    original = kombu_redis.Channel._connparams
    if getattr(original, _PATCHED_FLAG, False):
        return True

    @functools.wraps(original)
    def _connparams(self: Any, *args: Any, **kwargs: Any) -> Any:
        transport = getattr(self, "connection", None)
        if transport is None or getattr(transport, "client", None) is None:
            raise redis.exceptions.ConnectionError("broker connection already closed")
        return original(self, *args, **kwargs)

    setattr(_connparams, _PATCHED_FLAG, True)
    kombu_redis.Channel._connparams = _connparams  # type: ignore[method-assign]
    return True

"""Base for middleware that runs natively in both the sync (tests, WSGI) and async chains."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.http import HttpRequest


class SyncAndAsyncMiddleware:
    """Under ASGI a sync-only middleware costs every request a trip to a worker thread and
    back; subclasses implement ``__call__`` for sync chains and ``__acall__`` for async ones."""

    sync_capable = True
    async_capable = True

    def __init__(self, get_response: Callable[[HttpRequest], Any]) -> None:
        self.get_response = get_response
        self.is_async = iscoroutinefunction(get_response)
        if self.is_async:
            markcoroutinefunction(self)  # type: ignore[type-var]

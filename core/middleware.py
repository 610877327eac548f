"""Middleware base for sync and async chains, and the guard against NUL in paths and queries."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.http import HttpRequest, HttpResponse, JsonResponse


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


def _has_nul(request: HttpRequest) -> bool:
    if "\x00" in request.path:
        return True
    return any(
        "\x00" in key or any("\x00" in value for value in values)
        for key, values in request.GET.lists()
    )


def _malformed_answer() -> HttpResponse:
    return JsonResponse(
        {"error": "malformed_request", "message": "The path or a query parameter holds NUL."},
        status=400,
    )


class MalformedInputMiddleware(SyncAndAsyncMiddleware):
    """A NUL character in the path or a query parameter is a 400: PostgreSQL text cannot hold
    one, so it would otherwise surface as a DataError (500) in whichever view reads it."""

    def __call__(self, request: HttpRequest) -> Any:
        if self.is_async:
            return self.__acall__(request)
        if _has_nul(request):
            return _malformed_answer()
        return self.get_response(request)

    async def __acall__(self, request: HttpRequest) -> Any:
        if _has_nul(request):
            return _malformed_answer()
        return await self.get_response(request)

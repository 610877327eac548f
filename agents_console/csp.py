"""Security headers of console pages: a Content-Security-Policy with no inline script."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponseBase

View = Callable[..., HttpResponseBase]


def console_csp_header(request: HttpRequest) -> str:
    """Only the project's own scripts, styles and sockets; nothing inline, nothing framed."""
    host = request.get_host()
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            f"connect-src 'self' ws://{host} wss://{host}",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "object-src 'none'",
        ]
    )


def console_secured(view: View) -> View:
    """Add the console's CSP and related headers to every response of a view."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response = view(request, *args, **kwargs)
        response["Content-Security-Policy"] = console_csp_header(request)
        response["Referrer-Policy"] = "same-origin"
        response["X-Content-Type-Options"] = "nosniff"
        # Transcripts are personal data: never keep them in shared caches or history.
        response["Cache-Control"] = "no-store"
        return response

    return wrapped

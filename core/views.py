"""Project-level pages that belong to no app, and the project's 500 handler."""

import sys

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.views import defaults

from core.availability import unavailability_reason, unavailable_response


def home(request: HttpRequest) -> HttpResponse:
    """The demo page: a stand-in customer site embedding the widget with one script tag."""
    response = render(request, "demo.html")
    host = request.get_host()
    # Strict on purpose: proves the widget needs no inline script/style and no third party.
    response["Content-Security-Policy"] = "; ".join(
        [
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            f"connect-src 'self' ws://{host} wss://{host}",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        ]
    )
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """``handler500``: an outage raised inside middleware (sessions, auth, anything before the
    view) reaches no view-level handler, so it is answered 503 here; anything else is a 500.

    Django calls this while the exception is being handled, so ``sys.exc_info`` holds it.
    """
    exc = sys.exc_info()[1]
    reason = unavailability_reason(exc) if exc is not None else None
    if reason is not None:
        return unavailable_response(reason)
    try:
        return defaults.server_error(request)
    except Exception:
        # The default handler renders a template; under an outage even that may fail.
        return HttpResponseServerError(b"Server Error")

"""Project-level pages that belong to no app."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


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

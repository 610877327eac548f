"""Routes for tests/core/test_availability.py: a plain Django view that meets an outage, one
that has a bug."""

from django.db.utils import OperationalError
from django.http import HttpRequest, HttpResponse
from django.urls import path


def outage(request: HttpRequest) -> HttpResponse:
    raise OperationalError("connection to server at 127.0.0.1, port 5432 failed")


def bug(request: HttpRequest) -> HttpResponse:
    raise ValueError("a bug")


urlpatterns = [path("outage", outage), path("bug", bug)]
handler500 = "core.views.server_error"

"""The API layer's shared pieces: one exception handler, one error schema, the rate limits.

Every JSON API answers a failure as `{"error": <code>, "message": <text>}` (plus `fields` for
validation errors); the handler is set once in `REST_FRAMEWORK["EXCEPTION_HANDLER"]`. A
dependency that is down (see `core.availability`) answers 503 `{"error": "unavailable"}` with
`Retry-After`.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import exceptions, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from core.availability import unavailability_reason, unavailable_answer, unavailable_log
from core.client import client_ip
from core.errors import ServiceError

logger = logging.getLogger(__name__)

BEARER_AUTH_HEADER = OpenApiParameter(
    name="Authorization",
    type=str,
    location=OpenApiParameter.HEADER,
    required=True,
    description="`Bearer <token>` as returned when the conversation was created.",
)


class ErrorSerializer(serializers.Serializer):
    error = serializers.CharField()
    message = serializers.CharField()


def error_responses(*codes: int) -> dict[int, OpenApiResponse]:
    """Schema entries for the error answers a view can give."""
    return {code: OpenApiResponse(ErrorSerializer) for code in codes}


def _first_message(detail: Any) -> str:
    if isinstance(detail, dict):
        for key, value in detail.items():
            inner = _first_message(value)
            return inner if key == "non_field_errors" else f"{key}: {inner}"
    if isinstance(detail, list) and detail:
        return _first_message(detail[0])
    return str(detail)


_CODES: tuple[tuple[type[exceptions.APIException], str], ...] = (
    (exceptions.ParseError, "malformed_request"),
    (exceptions.NotFound, "not_found"),
    (exceptions.MethodNotAllowed, "method_not_allowed"),
    (exceptions.UnsupportedMediaType, "unsupported_media_type"),
    (exceptions.NotAcceptable, "not_acceptable"),
    (exceptions.NotAuthenticated, "not_authenticated"),
    (exceptions.AuthenticationFailed, "not_authenticated"),
    (exceptions.PermissionDenied, "forbidden"),
)


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response:
    if isinstance(exc, ServiceError):
        return Response({"error": exc.code, "message": exc.message}, status=exc.status)
    if isinstance(exc, SuspiciousOperation):
        exc = exceptions.ParseError("The request is too large or malformed.")
    response = drf_exception_handler(exc, context)
    if response is None:
        reason = unavailability_reason(exc)
        if reason is not None:
            # A dependency is down, not a bug: 503 with Retry-After, one log line, no traceback.
            unavailable_log(exc, reason)
            body, headers = unavailable_answer(reason)
            return Response(body, status=status.HTTP_503_SERVICE_UNAVAILABLE, headers=headers)
        logger.exception("api error", exc_info=exc)
        return Response(
            {"error": "server_error", "message": "Something went wrong; please retry."},
            status=status.HTTP_500_INTERNAL_SERVER_ERROR,
        )
    if isinstance(exc, exceptions.ValidationError):
        response.data = {
            "error": "invalid",
            "message": _first_message(exc.detail),
            "fields": exc.detail,
        }
    elif isinstance(exc, exceptions.Throttled):
        wait = int(getattr(exc, "wait", None) or 1)
        response.data = {
            "error": "rate_limited",
            "message": f"Too many requests; retry in {wait} seconds.",
        }
    else:
        code = next((c for cls, c in _CODES if isinstance(exc, cls)), "error")
        detail = getattr(exc, "detail", "Request failed.")
        response.data = {"error": code, "message": _first_message(detail)}
    return response


class SettingsRateThrottle(SimpleRateThrottle):
    """A rate read from a setting, counted in the shared cache so every web process counts
    together; fails open."""

    setting_name = ""

    def get_rate(self) -> str:
        rate: str = getattr(settings, self.setting_name)
        return rate

    def get_ident(self, request: Request) -> str:
        # DRF's own get_ident keys on the whole client-written X-Forwarded-For (a new header,
        # a new bucket); core.client believes only the proxies TRUSTED_PROXIES names.
        return client_ip(request) or "unknown"

    def allow_request(self, request: Request, view: APIView) -> bool:
        try:
            return super().allow_request(request, view)
        except Exception:
            # Fail open: a cache (Redis) outage must not stop messages, above all a crisis.
            logger.warning("rate-limit cache unavailable; request allowed", exc_info=True)
            return True

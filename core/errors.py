"""The one base of every refusal: a stable `code` for API clients, an HTTP `status`, a message.

Services raise subclasses (or this class with a code); the API layer's single handler
(`core.api.api_exception_handler`) turns any of them into `{"error": code, "message": ...}`
with its status, so no view maps exceptions by hand.
"""

from __future__ import annotations


class ServiceError(Exception):
    """A business rule refused the action."""

    code = "invalid"
    status = 400

    def __init__(self, message: str, *, code: str | None = None, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        if status is not None:
            self.status = status


class NotFound(ServiceError):
    """Unknown, foreign or wrongly authorized objects get the same answer, so ids cannot be
    probed."""

    code = "not_found"
    status = 404


class Forbidden(ServiceError):
    code = "forbidden"
    status = 403


class Conflict(ServiceError):
    code = "conflict"
    status = 409

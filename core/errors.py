"""The base of every refusal a service raises: a stable code for API clients and a message."""

from __future__ import annotations


class ServiceError(Exception):
    """A business rule refused the action; entry points map `code` onto their answer."""

    code = "invalid"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

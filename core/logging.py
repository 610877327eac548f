"""Structured JSON logs that carry request, task and conversation ids, and never message text.

The ids live in context variables, so they follow a request through sync and async code and a
task through its run. ``RequestContextMiddleware`` binds the request id (from ``X-Request-ID``
when it is well formed, else a fresh one) and the ``conversation_id`` URL argument; tasks and
consumers bind a conversation with ``log_context(conversation_id=...)``.
"""

from __future__ import annotations

import contextvars
import logging
import re
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.http import HttpRequest, HttpResponse
from pythonjsonlogger.json import JsonFormatter as _BaseJsonFormatter

from core.middleware import SyncAndAsyncMiddleware
from core.sentry import FILTERED, sensitive_scope, sensitive_texts_var

request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "request_id", default=None
)
conversation_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "conversation_id", default=None
)
task_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("task_id", default=None)

REQUEST_ID_HEADER = "X-Request-ID"
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")

# Record attributes that could carry what a visitor wrote or who they are. A call such as
# ``logger.info("stored", extra={"text": ...})`` must not leak it, whoever wrote the call.
SENSITIVE_LOG_FIELDS = frozenset(
    {
        "text",
        "body",
        "content",
        "comment",
        "message_text",
        "prompt",
        "reply",
        "history",
        "email",
        "display_name",
        "phone",
        "ip",
        "token",
    }
)
REDACTED = "[redacted]"


def safe_id(value: object) -> str | None:
    """The id as text when it looks like an id (no spaces, <= 64 chars), else None."""
    text = str(value) if value is not None else ""
    return text if _SAFE_ID.match(text) else None


@contextmanager
def log_context(
    *, conversation_id: object = None, request_id: object = None, task_id: object = None
) -> Iterator[None]:
    """Bind ids to every log line written inside the block (and restore them after)."""
    tokens: list[tuple[contextvars.ContextVar[str | None], contextvars.Token[str | None]]] = []
    for var, value in (
        (conversation_id_var, conversation_id),
        (request_id_var, request_id),
        (task_id_var, task_id),
    ):
        if value is not None:
            tokens.append((var, var.set(safe_id(value))))
    try:
        yield
    finally:
        for var, token in reversed(tokens):
            var.reset(token)


class ContextFilter(logging.Filter):
    """Adds the bound ids to each record and blanks fields that may hold message text."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        record.conversation_id = conversation_id_var.get()
        record.task_id = task_id_var.get()
        for field in SENSITIVE_LOG_FIELDS.intersection(record.__dict__):
            setattr(record, field, REDACTED)
        return True


class JsonFormatter(_BaseJsonFormatter):
    """One JSON object per line with fixed keys: time, level, logger, message and the ids."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "fmt",
            "%(asctime)s %(levelname)s %(name)s %(message)s "
            "%(request_id)s %(conversation_id)s %(task_id)s",
        )
        kwargs.setdefault(
            "rename_fields", {"asctime": "time", "levelname": "level", "name": "logger"}
        )
        super().__init__(*args, **kwargs)

    def add_fields(
        self, log_data: dict[str, Any], record: logging.LogRecord, message_dict: dict[str, Any]
    ) -> None:
        # Records formatted by a handler that lacks ContextFilter still get the ids.
        for attr, var in (
            ("request_id", request_id_var),
            ("conversation_id", conversation_id_var),
            ("task_id", task_id_var),
        ):
            if not hasattr(record, attr):
                setattr(record, attr, var.get())
        super().add_fields(log_data, record, message_dict)
        for field in SENSITIVE_LOG_FIELDS.intersection(log_data):
            log_data[field] = REDACTED

    def process_log_record(self, log_data: dict[str, Any]) -> dict[str, Any]:
        # A traceback (Django's own "Internal Server Error" line included) can quote the text
        # being processed in an exception message; the texts registered for this request or
        # task are cut from every value, as in Sentry events.
        texts = sensitive_texts_var.get()
        if texts:
            for key, value in log_data.items():
                if isinstance(value, str):
                    for text in texts:
                        value = value.replace(text, FILTERED)
                    log_data[key] = value
        return log_data


class RequestContextMiddleware(SyncAndAsyncMiddleware):
    """Binds a request id (echoed in ``X-Request-ID``), the URL's conversation id, and a fresh
    scope of texts the Sentry scrubber must remove."""

    def __init__(self, get_response: Callable[[HttpRequest], Any]) -> None:
        super().__init__(get_response)
        if self.is_async:
            # Django wraps a sync process_view in a thread hop when the chain is async.
            self.process_view = self._aprocess_view  # type: ignore[method-assign,assignment]

    def __call__(self, request: HttpRequest) -> Any:
        if self.is_async:
            return self.__acall__(request)
        request_id, tokens = self._bind(request)
        try:
            with sensitive_scope():
                response = self.get_response(request)
        finally:
            self._unbind(tokens)
        response[REQUEST_ID_HEADER] = request_id
        return response

    async def __acall__(self, request: HttpRequest) -> HttpResponse:
        request_id, tokens = self._bind(request)
        try:
            with sensitive_scope():
                response = await self.get_response(request)
        finally:
            self._unbind(tokens)
        response[REQUEST_ID_HEADER] = request_id
        return response

    @staticmethod
    def _bind(request: HttpRequest) -> tuple[str, tuple[Any, Any]]:
        request_id = safe_id(request.headers.get(REQUEST_ID_HEADER)) or uuid.uuid4().hex
        return request_id, (request_id_var.set(request_id), conversation_id_var.set(None))

    @staticmethod
    def _unbind(tokens: tuple[Any, Any]) -> None:
        conversation_id_var.reset(tokens[1])
        request_id_var.reset(tokens[0])

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> None:
        _bind_conversation(view_kwargs)
        return None

    async def _aprocess_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> None:
        _bind_conversation(view_kwargs)
        return None


def _bind_conversation(view_kwargs: dict[str, Any]) -> None:
    conversation_id = view_kwargs.get("conversation_id")
    if conversation_id is not None:
        conversation_id_var.set(safe_id(conversation_id))

"""Sentry error reporting, on only when SENTRY_DSN is set, scrubbed of message text and PII.

Layers, each catching what the one before can miss:
1. ``send_default_pii=False``, no request bodies, Sentry's own denylist scrubber extended with
   our field names;
2. ``scrub_event`` (``before_send``): drops request bodies, cookies, query strings and all but a
   few headers; keeps only the user id; blanks every local variable, extra, breadcrumb datum or
   log parameter that is named like text (``text``, ``message``, ``body``...) or whose value reads
   like prose (has whitespace or exceeds 64 characters); blanks breadcrumb messages except SQL
   (parameters are never sent); and replaces every occurrence of the texts registered with
   ``sensitive_text`` anywhere in the event, exception messages included.
"""

from __future__ import annotations

import contextvars
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

FILTERED = "[Filtered]"

SENSITIVE_KEYS = frozenset(
    {
        "text",
        "message",
        "messages",
        "message_text",
        "body",
        "content",
        "comment",
        "prompt",
        "reply",
        "draft",
        "history",
        "turns",
        "data",
        "email",
        "phone",
        "display_name",
        "name",
        "token",
        "authorization",
        "cookie",
        "password",
        "secret",
        "api_key",
        "ip",
        "ip_address",
        "remote_addr",
    }
)
SAFE_HEADERS = frozenset({"content-type", "content-length", "user-agent", "x-request-id", "host"})
_ID_LIKE = re.compile(r"^[^\s]{0,64}$")

_sensitive_texts: contextvars.ContextVar[tuple[str, ...]] = contextvars.ContextVar(
    "sentry_sensitive_texts", default=()
)


@contextmanager
def sensitive_text(*texts: str) -> Iterator[None]:
    """Texts (a visitor's message, a draft reply) scrubbed from any event captured in the block."""
    token = _sensitive_texts.set(_sensitive_texts.get() + tuple(t for t in texts if t))
    try:
        yield
    finally:
        _sensitive_texts.reset(token)


def _scrub_value(value: Any) -> Any:
    """Keep numbers, booleans, None and id-like strings; anything else is filtered."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return value if _ID_LIKE.match(value) else FILTERED
    if isinstance(value, dict):
        return {k: _scrub_mapping_item(k, v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub_value(v) for v in value]
    return FILTERED


def _scrub_mapping_item(key: object, value: Any) -> Any:
    if isinstance(key, str) and key.lower() in SENSITIVE_KEYS:
        return FILTERED
    return _scrub_value(value)


def _scrub_vars(variables: Any) -> Any:
    if not isinstance(variables, dict):
        return {}
    return {k: _scrub_mapping_item(k, v) for k, v in variables.items()}


def _replace_texts(value: Any, texts: tuple[str, ...]) -> Any:
    if isinstance(value, str):
        for text in texts:
            if text in value:
                value = value.replace(text, FILTERED)
        return value
    if isinstance(value, dict):
        return {k: _replace_texts(v, texts) for k, v in value.items()}
    if isinstance(value, list):
        return [_replace_texts(v, texts) for v in value]
    return value


def _frames(event: dict[str, Any]) -> Iterator[dict[str, Any]]:
    containers: list[Any] = []
    for section in ("exception", "threads"):
        holder = event.get(section)
        if isinstance(holder, dict):
            containers.extend(holder.get("values") or [])
    for container in containers:
        stacktrace = (container or {}).get("stacktrace") or {}
        yield from stacktrace.get("frames") or []
    yield from (event.get("stacktrace") or {}).get("frames") or []


def scrub_event(event: dict[str, Any], hint: dict[str, Any] | None = None) -> dict[str, Any]:
    """``before_send``: remove message text and personal data from an event."""
    request = event.get("request")
    if isinstance(request, dict):
        for key in ("data", "cookies", "query_string", "env"):
            request.pop(key, None)
        headers = request.get("headers")
        if isinstance(headers, dict):
            request["headers"] = {k: v for k, v in headers.items() if k.lower() in SAFE_HEADERS}
    user = event.get("user")
    if isinstance(user, dict):
        event["user"] = {"id": user["id"]} if "id" in user else {}
    for frame in _frames(event):
        if "vars" in frame:
            frame["vars"] = _scrub_vars(frame["vars"])
    if "extra" in event:
        event["extra"] = _scrub_vars(event["extra"])
    logentry = event.get("logentry")
    if isinstance(logentry, dict):
        logentry.pop("params", None)
        # "formatted" is the message with its parameters filled in; keep only the template.
        if "message" in logentry:
            logentry["formatted"] = logentry["message"]
    breadcrumbs = event.get("breadcrumbs")
    crumbs = breadcrumbs.get("values") if isinstance(breadcrumbs, dict) else breadcrumbs
    for crumb in crumbs or []:
        if not isinstance(crumb, dict):
            continue
        if crumb.get("category") != "query" and "message" in crumb:
            crumb["message"] = FILTERED
        if "data" in crumb:
            crumb["data"] = _scrub_vars(crumb["data"])
    texts = _sensitive_texts.get()
    if texts:
        event = _replace_texts(event, texts)
    return event


def sentry_init(
    *,
    dsn: str,
    environment: str,
    release: str | None = None,
    traces_sample_rate: float = 0.0,
    transport: Any = None,
) -> bool:
    """Start Sentry when ``dsn`` is set; returns whether it did."""
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration
    from sentry_sdk.scrubber import DEFAULT_DENYLIST, EventScrubber

    options: dict[str, Any] = {
        "dsn": dsn,
        "environment": environment,
        "release": release or None,
        "traces_sample_rate": traces_sample_rate,
        "send_default_pii": False,
        "max_request_body_size": "never",
        "include_local_variables": True,
        "event_scrubber": EventScrubber(
            denylist=sorted(set(DEFAULT_DENYLIST) | SENSITIVE_KEYS), recursive=True
        ),
        "before_send": scrub_event,
        "before_send_transaction": scrub_event,
        "integrations": [DjangoIntegration(), CeleryIntegration()],
    }
    if transport is not None:
        options["transport"] = transport
    sentry_sdk.init(**options)
    return True

"""Sentry error reporting, on only when SENTRY_DSN is set, scrubbed of message text and PII.

Layers, each catching what the one before can miss:
1. ``send_default_pii=False``, no request bodies, Sentry's own denylist scrubber extended with
   our field names;
2. ``scrub_event`` (``before_send``): drops request bodies, cookies, query strings and all but a
   few headers; keeps only the user id; blanks every local variable, extra, breadcrumb datum or
   log parameter that is named like text (``text``, ``message``, ``body``...) or whose value reads
   like prose (has whitespace or exceeds 64 characters; in a list, anything but a hex id or a
   number); blanks breadcrumb messages except SQL
   (parameters are never sent); and replaces every occurrence of the texts registered with
   ``sensitive_text_register`` anywhere in the event, exception messages included.
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
# Sentry shows local strings as their repr, quotes included.
_HEX_ID = re.compile(r"^'?[0-9a-fA-F-]{1,64}'?$")

sensitive_texts_var: contextvars.ContextVar[tuple[str, ...]] = contextvars.ContextVar(
    "sentrysensitive_texts_var", default=()
)


def sensitive_text_register(*texts: str) -> None:
    """Scrub these texts (a visitor's message, a draft reply) from any event captured later in
    the current request or task. Call it where the text enters: the scope ends with the request
    (``RequestContextMiddleware``) or the task (``core.worker``)."""
    sensitive_texts_var.set(sensitive_texts_var.get() + tuple(t for t in texts if t))


@contextmanager
def sensitive_scope() -> Iterator[None]:
    """A fresh set of registered texts for one request or task, dropped at its end."""
    token = sensitive_texts_var.set(())
    try:
        yield
    finally:
        sensitive_texts_var.reset(token)


def _scrub_value(value: Any) -> Any:
    """Keep numbers, booleans, None and id-like strings; anything else is filtered."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return value if _ID_LIKE.match(value) else FILTERED
    if isinstance(value, dict):
        return {k: _scrub_mapping_item(k, v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        # A list of short strings is usually text split into words: keep hex ids and numbers.
        return [
            v if not isinstance(v, str) or _HEX_ID.match(v) else FILTERED
            for v in (_scrub_value(item) for item in value)
        ]
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
    texts = sensitive_texts_var.get()
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
    from sentry_sdk.integrations.openai import OpenAIIntegration
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
        # Prompts and completions are conversation text: never attached to spans.
        "integrations": [
            DjangoIntegration(),
            CeleryIntegration(),
            OpenAIIntegration(include_prompts=False),
        ],
    }
    if transport is not None:
        options["transport"] = transport
    sentry_sdk.init(**options)
    return True

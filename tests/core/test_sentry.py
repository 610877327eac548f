"""A crisis message's text never reaches a Sentry event, while ids and the error's shape do."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest
import sentry_sdk
from django.test import Client
from sentry_sdk.envelope import Envelope
from sentry_sdk.transport import Transport

from core.sentry import (
    FILTERED,
    scrub_event,
    sensitive_scope,
    sensitive_text_register,
    sentry_init,
)

CANARY = "CANARY-9f41 I have the pills in front of me and wrote goodbye letters"
CANARY_PIECES = ("CANARY-9f41", "pills in front of me", "goodbye letters")
CONVERSATION = "6c1d7a52-3b0e-4f0e-9a4b-0f6f1b7c2d11"


class MemoryTransport(Transport):
    """Keeps every envelope in memory instead of sending it anywhere."""

    def __init__(self, options: dict[str, Any] | None = None) -> None:
        super().__init__(options)
        self.envelopes: list[Envelope] = []

    def capture_envelope(self, envelope: Envelope) -> None:
        self.envelopes.append(envelope)

    def events(self) -> list[dict[str, Any]]:
        return [
            item.payload.json
            for envelope in self.envelopes
            for item in envelope.items
            if item.type == "event" and item.payload.json is not None
        ]

    def raw(self) -> bytes:
        return b"".join(envelope.serialize() for envelope in self.envelopes)


@pytest.fixture
def transport() -> Iterator[MemoryTransport]:
    memory = MemoryTransport()
    started = sentry_init(
        dsn="https://public@sentry.invalid/1", environment="test", transport=memory
    )
    assert started is True
    try:
        yield memory
    finally:
        sentry_sdk.get_client().close()
        sentry_sdk.init()  # a disabled client for the rest of the run


def test_sentry_stays_off_without_a_dsn() -> None:
    assert sentry_init(dsn="", environment="test") is False


def test_options_forbid_default_pii_and_request_bodies(transport: MemoryTransport) -> None:
    options = sentry_sdk.get_client().options
    assert options["send_default_pii"] is False
    assert options["max_request_body_size"] == "never"
    assert options["before_send"] is scrub_event
    names = {type(i).__name__ for i in sentry_sdk.get_client().integrations.values()}
    assert {"DjangoIntegration", "CeleryIntegration"} <= names


@pytest.mark.urls("tests.core.observability_urls")
def test_crisis_text_never_reaches_a_captured_event(transport: MemoryTransport) -> None:
    client = Client(raise_request_exception=False)
    response = client.post(
        f"/c/{CONVERSATION}/crisis",
        {"text": CANARY},
        HTTP_X_REQUEST_ID="req-123",
        HTTP_COOKIE="sessionid=abc",
        HTTP_AUTHORIZATION="Bearer visitor-token-value",
    )
    assert response.status_code == 500
    sentry_sdk.flush()

    events = transport.events()
    assert len(events) == 1
    raw = transport.raw().decode("utf-8", "replace")
    for piece in CANARY_PIECES:
        assert piece not in raw
    assert "visitor-token-value" not in raw
    assert "sessionid" not in raw

    # What remains is still useful: the error type, the route, the ids, numbers in frames.
    event = events[0]
    exception = event["exception"]["values"][-1]
    assert exception["type"] == "RuntimeError"
    assert FILTERED in exception["value"]
    assert "data" not in event.get("request", {})
    frame = next(f for f in exception["stacktrace"]["frames"] if f["function"] == "crisis_message")
    assert frame["vars"]["text"] == FILTERED
    assert frame["vars"]["draft"] == FILTERED
    assert frame["vars"]["note"] == FILTERED
    assert frame["vars"]["seq"] == "7"
    assert frame["vars"]["conversation_id"].strip("'") == CONVERSATION
    crumbs = event["breadcrumbs"]["values"]
    assert any(c.get("category") == "empathy.test" for c in crumbs)
    assert all(c.get("message") in (None, FILTERED) for c in crumbs if c.get("category") != "query")


def test_logged_error_keeps_template_but_not_parameters(transport: MemoryTransport) -> None:
    logging.getLogger("empathy.test").error(
        "reply failed for %s", CANARY, extra={"visitor_note": CANARY, "attempt": 3}
    )
    sentry_sdk.flush()
    raw = transport.raw().decode("utf-8", "replace")
    for piece in CANARY_PIECES:
        assert piece not in raw
    event = transport.events()[0]
    assert event["logentry"]["message"] == "reply failed for %s"
    assert event["extra"]["attempt"] == 3


def test_text_registered_in_a_task_scope_is_scrubbed_from_exception_messages(
    transport: MemoryTransport,
) -> None:
    single_word = "unaliveCANARY"  # id-like: only the registration can catch it
    with sensitive_scope():
        sensitive_text_register(single_word)
        try:
            raise ValueError(f"could not classify {single_word}")
        except ValueError:
            sentry_sdk.capture_exception()
    sentry_sdk.flush()
    assert single_word not in transport.raw().decode("utf-8", "replace")
    assert transport.events()[0]["exception"]["values"][-1]["value"] == (
        f"could not classify {FILTERED}"
    )


def test_scope_ends_with_the_block() -> None:
    with sensitive_scope():
        sensitive_text_register("kms")
        assert scrub_event({"message": "said kms"})["message"] == f"said {FILTERED}"
    assert scrub_event({"message": "said kms"})["message"] == "said kms"


def test_scrubber_keeps_only_safe_request_fields() -> None:
    event = scrub_event(
        {
            "request": {
                "url": "https://desk.example/api/v1/widget/conversations/1/messages",
                "method": "POST",
                "query_string": "token=abc",
                "data": {"text": CANARY},
                "cookies": {"sessionid": "abc"},
                "env": {"REMOTE_ADDR": "203.0.113.9"},
                "headers": {
                    "Authorization": "Bearer abc",
                    "Cookie": "sessionid=abc",
                    "X-Forwarded-For": "203.0.113.9",
                    "User-Agent": "Mozilla/5.0",
                    "X-Request-ID": "req-1",
                },
            }
        }
    )
    assert event["request"] == {
        "url": "https://desk.example/api/v1/widget/conversations/1/messages",
        "method": "POST",
        "headers": {"User-Agent": "Mozilla/5.0", "X-Request-ID": "req-1"},
    }


def test_scrubber_keeps_the_user_id_only() -> None:
    event = scrub_event({"user": {"id": "42", "email": "a@b.c", "ip_address": "1.2.3.4"}})
    assert event["user"] == {"id": "42"}

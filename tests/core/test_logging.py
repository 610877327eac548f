"""Log lines are JSON with request, task and conversation ids, and never the message text."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable, Iterator

import pytest
from django.test import Client

from core.logging import ContextFilter, JsonFormatter, log_context
from core.sentry import sensitive_scope, sensitive_text_register

CONVERSATION = "0b9e4d3c-62a1-4c55-8f2e-7d9c1e4b5a60"
TEXT = "my card was charged twice and I am furious"


Lines = Callable[[], list[dict[str, object]]]


@pytest.fixture
def lines() -> Iterator[Lines]:
    """Reads back, parsed, every line written to ``empathy.test`` through the real formatter."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(ContextFilter())
    logger = logging.getLogger("empathy.test")
    logger.addHandler(handler)
    old_level = logger.level
    logger.setLevel(logging.INFO)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)


@pytest.mark.urls("tests.core.observability_urls")
def test_request_log_line_carries_ids_and_no_text(lines: Lines) -> None:
    response = Client().post(
        f"/c/{CONVERSATION}/messages", {"text": TEXT}, HTTP_X_REQUEST_ID="edge-7f3a"
    )
    assert response.status_code == 200
    assert response["X-Request-ID"] == "edge-7f3a"
    [line] = lines()
    assert line["message"] == "message stored"
    assert line["level"] == "INFO"
    assert line["logger"] == "empathy.test"
    assert line["request_id"] == "edge-7f3a"
    assert line["conversation_id"] == CONVERSATION
    assert line["text"] == "[redacted]"
    assert line["seq"] == 4
    assert TEXT not in json.dumps(line)


@pytest.mark.urls("tests.core.observability_urls")
@pytest.mark.parametrize(
    "header", ["has spaces in it", "x" * 65, 'quote"inside'], ids=["spaces", "long", "quote"]
)
def test_malformed_request_id_is_replaced(header: str, lines: Lines) -> None:
    response = Client().post(
        f"/c/{CONVERSATION}/messages", {"text": "hi"}, HTTP_X_REQUEST_ID=header
    )
    generated = response["X-Request-ID"]
    assert generated != header
    assert len(generated) == 32
    int(generated, 16)
    assert lines()[0]["request_id"] == generated


def test_ids_are_unbound_after_the_block(lines: Lines) -> None:
    logger = logging.getLogger("empathy.test")
    with log_context(conversation_id=CONVERSATION, task_id="task-1"):
        logger.info("inside")
    logger.info("outside")
    inside, outside = lines()
    assert (inside["conversation_id"], inside["task_id"]) == (CONVERSATION, "task-1")
    assert (outside["conversation_id"], outside["task_id"]) == (None, None)


def test_registered_text_is_cut_from_tracebacks(lines: Lines) -> None:
    logger = logging.getLogger("empathy.test")
    with sensitive_scope():
        sensitive_text_register(TEXT)
        try:
            raise ValueError(f"could not route {TEXT}")
        except ValueError:
            logger.exception("routing failed")
    [line] = lines()
    assert "could not route [Filtered]" in str(line["exc_info"])
    assert TEXT not in json.dumps(line)


def test_settings_route_the_root_logger_through_the_json_formatter() -> None:
    from django.conf import settings

    handler = settings.LOGGING["handlers"]["console"]
    assert settings.LOGGING["formatters"][handler["formatter"]]["()"] == (
        "core.logging.JsonFormatter"
    )
    assert handler["filters"] == ["context"]

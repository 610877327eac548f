"""`manage.py analyze_messages`: one JSON object per input line, or a table."""

from __future__ import annotations

import io
import json
import sys

import pytest
from django.core.management import call_command

FIELDS = {
    "emotion",
    "labels",
    "scores",
    "category",
    "intensity",
    "valence",
    "arousal",
    "confidence",
    "model",
    "truncated",
    "language",
    "request",
    "crisis",
}


def _run(monkeypatch: pytest.MonkeyPatch, data: bytes, *args: str) -> str:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    out = io.StringIO()
    call_command("analyze_messages", *args, stdout=out)
    return out.getvalue()


def test_one_json_object_per_line_with_every_field(monkeypatch: pytest.MonkeyPatch) -> None:
    output = _run(monkeypatch, b"thank you so much!\nthis is absolutely UNACCEPTABLE!!!\n")
    rows = [json.loads(line) for line in output.splitlines()]
    assert len(rows) == 2
    assert set(rows[0]) == FIELDS
    assert rows[0]["emotion"] == "gratitude"
    assert rows[0]["category"] == "positive"
    assert rows[1]["category"] == "negative"
    assert rows[0]["language"] == rows[0]["crisis"]["language"] == "en"
    assert rows[0]["crisis"] == {
        "level": "none",
        "rules": [],
        "score": rows[0]["crisis"]["score"],
        "language": "en",
        "topics": [],
        "harm": False,
    }


def test_empty_lines_report_an_error_and_the_run_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    output = _run(monkeypatch, b"hello\n\n   \nthanks!\n")
    rows = [json.loads(line) for line in output.splitlines()]
    assert rows[1] == {"error": "empty message"}
    assert rows[2] == {"error": "empty message"}
    assert rows[0]["emotion"]
    assert rows[3]["emotion"] == "gratitude"


def test_crisis_object_is_added(monkeypatch: pytest.MonkeyPatch) -> None:
    (row,) = [
        json.loads(line) for line in _run(monkeypatch, b"I want to kill myself\n").splitlines()
    ]
    assert row["crisis"]["level"] == "crisis"
    assert row["crisis"]["rules"]


def test_long_message_is_truncated_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    (row,) = [json.loads(x) for x in _run(monkeypatch, b"so angry " * 5000 + b"\n").splitlines()]
    assert row["truncated"] is True
    assert row["notes"][0].startswith("message truncated to its first 2000 characters")


def test_invalid_utf8_is_replaced_not_fatal(monkeypatch: pytest.MonkeyPatch) -> None:
    (row,) = [json.loads(x) for x in _run(monkeypatch, b"caf\xe9 was \xff great\n").splitlines()]
    assert row["notes"] == ["invalid UTF-8 bytes were replaced with U+FFFD"]
    assert row["emotion"]


def test_table_format(monkeypatch: pytest.MonkeyPatch) -> None:
    output = _run(monkeypatch, b"thank you so much!\n\n", "--format", "table")
    lines = output.splitlines()
    assert lines[0].split() == [
        "#",
        "emotion",
        "category",
        "int",
        "val",
        "aro",
        "conf",
        "lang",
        "crisis",
        "text",
    ]
    assert lines[1].split()[:3] == ["1", "gratitude", "positive"]
    assert lines[1].endswith("thank you so much!")
    assert lines[2].strip() == "2  error: empty message"


def test_reply_flag_adds_the_strategy_and_the_offline_reply(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    output = _run(
        monkeypatch,
        b"I would be better off dead\nthank you so much, it works now!\n",
        "--reply",
    )
    crisis, thanks = (json.loads(line) for line in output.splitlines())
    assert crisis["crisis"]["level"] == "crisis"
    assert crisis["strategy"] == "safety_first"
    assert "emergency" in crisis["reply"]
    assert thanks["strategy"] == "celebrate"
    assert thanks["reply"]

"""Reads messages from stdin, one a line, and prints their emotion and crisis readings."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any, TextIO, cast

from django.core.management.base import BaseCommand, CommandParser

from empathy.crisis import assess_crisis
from empathy.detection import get_detector
from empathy.detection.signals import MAX_MODEL_CHARS

BATCH = 64


def _lines(stream: Any) -> Iterator[tuple[str, bool]]:
    """Lines as text; invalid UTF-8 is replaced (and flagged), never a crash."""
    for raw in stream:
        line = raw.rstrip(b"\r\n")
        try:
            yield line.decode("utf-8"), False
        except UnicodeDecodeError:
            yield line.decode("utf-8", errors="replace"), True


def _reply(text: str, reading: Any, crisis: Any) -> dict[str, str]:
    """The strategy and the offline responder's reply, as the pipeline would choose them."""
    from empathy.replies import strategy_select
    from empathy.replies.offline import OfflineResponder
    from empathy.types import ReplyRequest

    strategy = strategy_select(reading=reading, crisis_level=crisis.level, harm=crisis.harm)
    locale = crisis.language if crisis.language != "und" else "en"
    draft = OfflineResponder().generate(
        ReplyRequest(
            text=text,
            reading=reading,
            strategy=strategy,
            locale=locale,
            no_celebration=crisis.harm,
        )
    )
    return {"strategy": strategy, "reply": draft.text}


def analysis_rows(lines: list[tuple[str, bool]], *, reply: bool = False) -> list[dict[str, Any]]:
    texts = [text for text, _ in lines if text.strip()]
    readings = iter(get_detector().detect_batch(texts)) if texts else iter(())
    rows: list[dict[str, Any]] = []
    for text, invalid in lines:
        if not text.strip():
            rows.append({"error": "empty message"})
            continue
        reading = next(readings)
        row = reading.as_dict()
        crisis = assess_crisis(text)
        row["language"] = crisis.language
        row["crisis"] = crisis.as_dict()
        if reply:
            row.update(_reply(text, reading, crisis))
        notes = []
        if reading.truncated:
            notes.append(
                f"message truncated to its first {MAX_MODEL_CHARS} characters "
                f"(or the model's token limit) for emotion analysis; crisis check read it all"
            )
        if invalid:
            notes.append("invalid UTF-8 bytes were replaced with U+FFFD")
        if notes:
            row["notes"] = notes
        rows.append(row)
    return rows


def _table_header(out: TextIO) -> None:
    out.write(
        f"{'#':>4}  {'emotion':<15}{'category':<10}{'int':>5} {'val':>6} {'aro':>5} "
        f"{'conf':>5}  {'lang':<5}{'crisis':<8} text\n"
    )


def _table_row(out: TextIO, number: int, text: str, row: dict[str, Any]) -> None:
    shown = " ".join(text.split())
    shown = shown if len(shown) <= 48 else shown[:47] + "…"
    if "error" in row:
        out.write(f"{number:>4}  error: {row['error']}\n")
        return
    out.write(
        f"{number:>4}  {row['emotion']:<15}{row['category']:<10}{row['intensity']:>5.2f} "
        f"{row['valence']:>6.2f} {row['arousal']:>5.2f} {row['confidence']:>5.2f}  "
        f"{row['language']:<5}{row['crisis']['level']:<8} {shown}\n"
    )


class Command(BaseCommand):
    help = (
        "Read one message per line on stdin; print one JSON object per line (emotion, labels, "
        "scores, category, intensity, valence, arousal, confidence, model, language, crisis)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=["json", "table"], default="json")
        parser.add_argument(
            "--reply",
            action="store_true",
            help="also print the reply strategy and the offline responder's reply for each line",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        out = cast(TextIO, self.stdout)
        table = options["format"] == "table"
        self._with_reply = bool(options.get("reply"))
        if table:
            _table_header(out)
        number = 0
        batch: list[tuple[str, bool]] = []
        stream = getattr(sys.stdin, "buffer", sys.stdin)
        for item in _lines(stream):
            batch.append(item)
            if len(batch) >= BATCH:
                number = self._flush(out, batch, number, table)
                batch = []
        if batch:
            self._flush(out, batch, number, table)

    def _flush(self, out: TextIO, batch: list[tuple[str, bool]], number: int, table: bool) -> int:
        rows = analysis_rows(batch, reply=self._with_reply)
        for (text, _), row in zip(batch, rows, strict=True):
            number += 1
            if table:
                _table_row(out, number, text, row)
                if "reply" in row:
                    out.write(f"      -> {row['strategy']}: {row['reply']}\n")
            else:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        out.flush()
        return number

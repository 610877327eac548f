"""Celery entry for integration-test workers: the product app, plus pauses for kill tests.

Started as ``celery -A tests.conversations.worker_app worker``. The real detector and reply
engine run; marker texts hold a task at a chosen point (once per marker directory) so a test
can SIGKILL the worker mid-task.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from config.celery import app  # noqa: E402
from empathy.detection import get_detector  # noqa: E402
from pipeline import process as pipeline  # noqa: E402

_MARKERS = Path(os.environ.get("EMPATHY_TEST_MARKER_DIR", "/nonexistent"))


def _pause_once(name: str) -> None:
    marker = _MARKERS / name
    if _MARKERS.is_dir() and not marker.exists():
        marker.write_text(str(os.getpid()))
        time.sleep(60)


class _PausingDetector:
    name = "pausing"

    def detect_batch(self, texts: list[str]) -> list[Any]:
        if any("[pause-in-detect]" in text for text in texts):
            _pause_once("in-detect")
        return get_detector().detect_batch(texts)


_detector = _PausingDetector()
_answer = pipeline._answer


def _answer_then_pause(**kwargs: Any) -> Any:
    outcome = _answer(**kwargs)
    if "[pause-after-reply]" in kwargs["message"].text:
        _pause_once("after-reply")
    return outcome


pipeline.get_detector = lambda: _detector  # type: ignore[assignment]
pipeline._answer = _answer_then_pause  # type: ignore[assignment]

__all__ = ["app"]

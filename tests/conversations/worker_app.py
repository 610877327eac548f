"""Celery entry for integration-test workers: the product app with a fake detector and pauses.

Started as ``celery -A tests.conversations.worker_app worker``. The pauses hold a task at a
chosen point (once per marker directory) so a test can SIGKILL the worker mid-task.
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
from conversations import pipeline  # noqa: E402
from tests.conversations.fakes import reading_for  # noqa: E402

_MARKERS = Path(os.environ.get("EMPATHY_TEST_MARKER_DIR", "/nonexistent"))


def _pause_once(name: str) -> None:
    marker = _MARKERS / name
    if _MARKERS.is_dir() and not marker.exists():
        marker.write_text(str(os.getpid()))
        time.sleep(60)


class _PausingDetector:
    name = "fake-keywords"

    def detect_batch(self, texts: list[str]) -> list[Any]:
        if any("[pause-in-detect]" in text for text in texts):
            _pause_once("in-detect")
        return [reading_for(text) for text in texts]


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

"""Emotion detectors behind one small interface, chosen by the EMOTION_DETECTOR setting."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Protocol

from empathy.types import EmotionReading


class DetectorError(Exception):
    """A detector could not produce readings (bad model files, unreachable endpoint)."""


class EmotionDetector(Protocol):
    name: str

    def detect_batch(self, texts: Sequence[str]) -> list[EmotionReading]: ...


_factories: dict[str, Callable[[], EmotionDetector]] = {}
_instances: dict[str, EmotionDetector] = {}
_lock = threading.Lock()


def register(name: str) -> Callable[[Callable[[], EmotionDetector]], Callable[[], EmotionDetector]]:
    def decorator(factory: Callable[[], EmotionDetector]) -> Callable[[], EmotionDetector]:
        _factories[name] = factory
        return factory

    return decorator


def get_detector(name: str | None = None) -> EmotionDetector:
    """Return the process-wide detector (loaded once, shared by threads)."""
    from empathy.conf import engine_settings
    from empathy.detection import llm, onnx  # noqa: F401  (registers the built-in detectors)

    key = name or engine_settings().emotion_detector
    with _lock:
        if key not in _instances:
            if key not in _factories:
                raise DetectorError(
                    f"unknown emotion detector {key!r}; known: {sorted(_factories)}"
                )
            _instances[key] = _factories[key]()
        return _instances[key]


def detect(text: str) -> EmotionReading:
    return get_detector().detect_batch([text])[0]

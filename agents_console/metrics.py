"""Feeds the emotion_detection_accuracy gauge from agents' confirmations and corrections."""

from __future__ import annotations

from core.metrics import emotion_detection_accuracy_set


def emotion_detection_accuracy_refresh() -> None:
    """Set every (emotion, method, confidence bucket) cell seen in the window (one query)."""
    from agents_console.selectors import emotion_feedback_accuracy

    for cell in emotion_feedback_accuracy():
        emotion_detection_accuracy_set(
            emotion_type=cell["emotion"],
            detection_method=cell["method"],
            confidence=cell["confidence"],
            accuracy=cell["accuracy"],
        )

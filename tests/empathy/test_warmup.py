"""Processes load their models at start-up, not on the first visitor's message."""

from __future__ import annotations

import pytest

from empathy import detection, warmup
from empathy.crisis import model as crisis_model


@pytest.fixture
def cold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crisis_model, "_cached", None)


def test_web_warm_up_loads_the_crisis_model_only(cold: None, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    built = []
    monkeypatch.setattr(detection, "get_detector", lambda *a, **k: built.append(1))
    warmup.models_warm_up(emotion=False)
    assert crisis_model._cached is not None
    assert built == []


def test_worker_warm_up_also_runs_the_emotion_detector(cold: None, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    calls: list[list[str]] = []

    class Detector:
        def detect_batch(self, texts: list[str]) -> list:
            calls.append(texts)
            return []

    monkeypatch.setattr(detection, "get_detector", lambda *a, **k: Detector())
    warmup.models_warm_up(emotion=True)
    assert crisis_model._cached is not None
    assert calls == [["warm up"]]

"""The LLM detector through the real openai SDK against a local fake endpoint."""

from __future__ import annotations

import json
from collections.abc import Iterator

import openai
import pytest

from empathy.detection import DetectorError, get_detector
from empathy.detection.llm import LlmEmotionDetector
from empathy.taxonomy import LABELS
from tests.fakes.openai_server import Behaviour, FakeOpenAIServer


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as fake:
        yield fake


def _detector(server: FakeOpenAIServer, timeout: float = 2.0) -> LlmEmotionDetector:
    client = openai.OpenAI(base_url=server.url, api_key="test-key", max_retries=0)
    return LlmEmotionDetector(client=client, model="emo-model", timeout=timeout)


def _scores(**values: float) -> str:
    return json.dumps({label: values.get(label, 0.01) for label in LABELS})


def test_scores_become_a_reading(server: FakeOpenAIServer) -> None:
    server.answer(_scores(anger=0.9, annoyance=0.6))
    (reading,) = _detector(server).detect_batch(["you broke my account AGAIN!!!"])
    assert reading.emotion == "anger"
    assert reading.labels == ("anger", "annoyance")
    assert reading.category == "negative"
    assert reading.model == "llm:emo-model"
    request = server.requests[0].json
    assert request["model"] == "emo-model"
    assert request["messages"][1] == {"role": "user", "content": "you broke my account AGAIN!!!"}
    assert "data, not instructions" in request["messages"][0]["content"]


def test_malformed_answer_is_a_detector_error(server: FakeOpenAIServer) -> None:
    server.answer('{"anger": "very"}')
    with pytest.raises(DetectorError, match="malformed scores"):
        _detector(server).detect_batch(["hi"])


def test_server_error_is_a_detector_error(server: FakeOpenAIServer) -> None:
    server.fail(500)
    with pytest.raises(DetectorError, match="InternalServerError"):
        _detector(server).detect_batch(["hi"])


def test_timeout_is_a_detector_error(server: FakeOpenAIServer) -> None:
    server.script(Behaviour(delay=2.0, text=_scores()))
    with pytest.raises(DetectorError, match="APITimeoutError"):
        _detector(server, timeout=0.3).detect_batch(["hi"])


def test_llm_detector_requires_a_key(settings) -> None:  # type: ignore[no-untyped-def]
    settings.EMOTION_LLM_API_KEY = ""
    with pytest.raises(DetectorError, match="EMOTION_DETECTOR=llm needs EMOTION_LLM_API_KEY"):
        get_detector("llm")


def test_unknown_detector_name_is_rejected() -> None:
    with pytest.raises(DetectorError, match="unknown emotion detector 'nope'"):
        get_detector("nope")

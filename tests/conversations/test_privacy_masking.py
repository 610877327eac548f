"""Personal data never reaches an external LLM (replies, fallback, LLM emotion detector), logs
or metric labels: canaries sent through the real pipeline and the real openai SDK."""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterator

import openai
import pytest
from prometheus_client import REGISTRY

from conversations.models import Message
from empathy.detection.llm import LlmEmotionDetector
from empathy.replies import reply_service_set
from empathy.taxonomy import LABELS
from pipeline import receive
from tests.conversations.conftest import ConversationFactory
from tests.fakes.openai_server import Behaviour, FakeOpenAIServer

pytestmark = pytest.mark.django_db

CANARIES = (
    "canary.person@example.org",
    "+1 415 555 0199",
    "4111 1111 1111 1111",
    "078-05-1120",
    "Zelda Quarrington",
)
TEXT = (
    "Hello, my name is Zelda Quarrington. Mail canary.person@example.org or call "
    "+1 415 555 0199; card 4111 1111 1111 1111, ssn 078-05-1120. Where is my parcel?"
)


@pytest.fixture
def servers() -> Iterator[tuple[FakeOpenAIServer, FakeOpenAIServer, FakeOpenAIServer]]:
    with FakeOpenAIServer() as primary, FakeOpenAIServer() as fallback, FakeOpenAIServer() as emo:
        yield primary, fallback, emo


@pytest.fixture
def wired(settings, monkeypatch, servers) -> Iterator[None]:  # type: ignore[no-untyped-def]
    primary, fallback, emo = servers
    settings.OPENAI_API_KEY = "pk"
    settings.OPENAI_BASE_URL = primary.url
    settings.FALLBACK_LLM_API_KEY = "fk"
    settings.FALLBACK_LLM_BASE_URL = fallback.url
    settings.REPLY_CACHE_TTL = 0
    reply_service_set(None)  # rebuilt from these settings on first use
    detector = LlmEmotionDetector(
        client=openai.OpenAI(base_url=emo.url, api_key="ek", max_retries=0),
        model="emo-model",
        timeout=2.0,
    )
    monkeypatch.setattr("pipeline.process.get_detector", lambda: detector)
    scores = {label: 0.01 for label in LABELS}
    scores["curiosity"] = 0.7
    emo.answer(json.dumps(scores))
    yield
    reply_service_set(None)


def test_canaries_never_reach_any_provider_logs_or_metrics(
    site, servers, wired, caplog, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    primary, fallback, emo = servers
    primary.script(Behaviour(status=500))  # the primary fails: the fallback must be masked too
    fallback.answer("Let me look into where your parcel is.")
    caplog.set_level(logging.DEBUG)
    conversation = ConversationFactory(site=site)

    with django_capture_on_commit_callbacks(execute=True):
        receive.message_receive(
            conversation=conversation, client_message_id=uuid.uuid4(), text=TEXT
        )

    reply = Message.objects.get(conversation=conversation, sender="bot")
    assert reply.meta["provider"] == "fallback"
    assert len(primary.requests) == 1
    assert len(fallback.requests) == 1
    assert len(emo.requests) == 1
    for server in (primary, fallback, emo):
        raw = json.dumps(server.requests[0].json)
        for canary in CANARIES:
            assert canary not in raw
        for placeholder in ("[email]", "[phone]", "[card]", "[id]", "[name]"):
            assert placeholder in raw
    logged = "\n".join(
        f"{r.getMessage()} {json.dumps(r.__dict__, default=str)}" for r in caplog.records
    )
    assert "message received" in logged  # the pipeline did log, with ids
    for canary in CANARIES:
        assert canary not in logged
    labels = json.dumps(
        [sample.labels for metric in REGISTRY.collect() for sample in metric.samples]
    )
    for canary in CANARIES:
        assert canary not in labels

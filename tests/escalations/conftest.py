"""Fixtures for escalation tests: agents, supervisors, conversations, a fake detector."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from rest_framework.test import APIClient

from conversations import access
from conversations.models import Conversation, Message, Site
from empathy.types import EmotionReading
from escalations.models import AgentProfile
from pipeline import receive as pipeline_receive
from tests.conversations.conftest import ConversationFactory, SiteFactory
from tests.conversations.fakes import FakeDetector, single_label_reading

ORIGIN = "https://shop.example"


class ExplainingDetector(FakeDetector):
    """The test detector plus trigger words (the shipped detector's TF-IDF explanation)."""

    def trigger_words(self, text: str, label: str, k: int = 5) -> list[str]:
        return [w for w in text.lower().split() if w.startswith(("furious", "annoyed"))][:k]

    def detect_batch(self, texts: Sequence[str]) -> list[EmotionReading]:
        readings = super().detect_batch(texts)
        # "upset": negative and above the ai_failures intensity (0.6), below a single strong one.
        return [
            reading(intensity=0.7, valence=-0.6, emotion="disappointment")
            if "upset" in text.lower()
            else found
            for text, found in zip(texts, readings, strict=True)
        ]


@pytest.fixture(autouse=True)
def _isolated_cache(settings) -> None:  # type: ignore[no-untyped-def]
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"test-{uuid.uuid4()}",
        }
    }


@pytest.fixture(autouse=True)
def _in_memory_channel_layer(settings) -> None:  # type: ignore[no-untyped-def]
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    settings.ZENDESK_BASE_URL = ""
    settings.INTERCOM_ACCESS_TOKEN = ""
    settings.ESCALATION_WEBHOOK_URL = ""


@pytest.fixture
def detector(monkeypatch: pytest.MonkeyPatch) -> ExplainingDetector:
    fake = ExplainingDetector()
    monkeypatch.setattr("pipeline.process.get_detector", lambda: fake)
    monkeypatch.setattr("empathy.detection.get_detector", lambda name=None: fake)
    return fake


@pytest.fixture
def site(db) -> Site:  # type: ignore[no-untyped-def]
    return SiteFactory(site_key="acme", allowed_origins=[ORIGIN])


@pytest.fixture
def conversation(site: Site) -> Conversation:
    return ConversationFactory(site=site)


def widget_client(conversation: Conversation) -> APIClient:
    client = APIClient()
    token = access.conversation_token_issue(conversation_id=conversation.id)
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}", HTTP_ORIGIN=ORIGIN)
    return client


def receive(conversation: Conversation, text: str) -> Message:
    message, created = pipeline_receive.message_receive(
        conversation=conversation, client_message_id=uuid.uuid4(), text=text
    )
    assert created
    return message


def make_agent(
    username: str,
    *,
    skills: Sequence[str] = (),
    capacity: int = 3,
    status: str = "online",
    supervisor: bool = False,
) -> User:
    user = User.objects.create_user(username=username, password="pw-" + username)
    user.groups.add(Group.objects.get_or_create(name="agents")[0])
    if supervisor:
        user.groups.add(Group.objects.get_or_create(name="supervisors")[0])
    AgentProfile.objects.create(user=user, skills=list(skills), capacity=capacity, status=status)
    return user


@pytest.fixture
def agent_factory(db) -> Callable[..., User]:  # type: ignore[no-untyped-def]
    return make_agent


def reading(
    *, category: str = "negative", intensity: float = 0.5, valence: float = -0.5, **extra: Any
) -> EmotionReading:
    emotion = extra.pop("emotion", "anger" if category == "negative" else "neutral")
    return single_label_reading(
        emotion, category, intensity, valence, confidence=extra.pop("confidence", 0.9)
    )


# ---------------------------------------------------------------------------
# A scripted HTTP server on 127.0.0.1 standing in for Zendesk, Intercom and webhook receivers
# ---------------------------------------------------------------------------
@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]  # lower-case names
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class FakeApi:
    """A scripted HTTP server: `answers[path]` is a list of (status, body, delay) used in turn,
    the last one repeating."""

    answers: dict[str, list[tuple[int, dict[str, Any], float]]] = field(default_factory=dict)
    requests: list[Recorded] = field(default_factory=list)
    url: str = ""

    def answer(self, path: str) -> tuple[int, dict[str, Any], float]:
        script = self.answers[path]
        return script.pop(0) if len(script) > 1 else script[0]


@pytest.fixture
def fake_api() -> Iterator[FakeApi]:
    api = FakeApi()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            headers = {key.lower(): value for key, value in self.headers.items()}
            api.requests.append(Recorded("POST", self.path, headers, body))
            status, payload, delay = api.answer(self.path)
            time.sleep(delay)
            data = json.dumps(payload).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client timed out first

        def log_message(self, *args: Any) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    api.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield api
    server.shutdown()
    server.server_close()

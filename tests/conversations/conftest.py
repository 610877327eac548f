"""Fixtures for the conversation platform tests: factories, a fake detector, API clients."""

from __future__ import annotations

import uuid

import factory
import pytest
from rest_framework.test import APIClient

from conversations import access
from conversations.models import Conversation, Site, Visitor
from tests.conversations.fakes import FakeDetector


class SiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Site

    name = factory.Sequence(lambda n: f"Shop {n}")
    site_key = factory.Sequence(lambda n: f"site-{n}")
    allowed_origins = factory.LazyFunction(lambda: ["https://shop.example"])
    locale = "en"


class VisitorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Visitor

    site = factory.SubFactory(SiteFactory)


class ConversationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conversation

    site = factory.SubFactory(SiteFactory)
    visitor = factory.SubFactory(VisitorFactory, site=factory.SelfAttribute("..site"))


@pytest.fixture(autouse=True)
def _isolated_cache(settings) -> None:  # type: ignore[no-untyped-def]
    # Rate-limit counters must not leak between tests (or into the shared Redis).
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"test-{uuid.uuid4()}",
        }
    }


@pytest.fixture(autouse=True)
def _in_memory_channel_layer(settings) -> None:  # type: ignore[no-untyped-def]
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}


@pytest.fixture
def detector(monkeypatch: pytest.MonkeyPatch) -> FakeDetector:
    fake = FakeDetector()
    monkeypatch.setattr("pipeline.process.get_detector", lambda: fake)
    return fake


@pytest.fixture
def site(db) -> Site:  # type: ignore[no-untyped-def]
    return SiteFactory(site_key="acme", allowed_origins=["https://shop.example"])


@pytest.fixture
def conversation(site: Site) -> Conversation:
    return ConversationFactory(site=site)


def token_for(conversation: Conversation) -> str:
    return access.conversation_token_issue(conversation_id=conversation.id)


@pytest.fixture
def api() -> APIClient:
    return APIClient()


@pytest.fixture
def authed(conversation: Conversation) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(conversation)}")
    return client

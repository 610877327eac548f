"""Fixtures for the console tests: agents, conversations with readings, escalations."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from conversations.models import Conversation, EmotionReadingRecord, Message, Site, Visitor
from core.roles import AGENTS_GROUP, SUPERVISORS_GROUP
from escalations import services as escalation_services
from escalations.models import AgentProfile, Escalation
from escalations.rules import EscalationDecision

XSS_NAME = "<img src=x onerror=alert(1)>"
XSS_TEXTS = (
    "<img src=x onerror=alert(1)> my order is broken",
    "<svg/onload=alert(1)> still waiting",
    'click <a href="javascript:alert(1)">here</a> javascript:alert(1)',
    "refund \u202egnp.exe\u202c now",
)


@pytest.fixture(autouse=True)
def _isolated(settings: Any) -> None:
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"console-{uuid.uuid4()}",
        }
    }
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}


def make_user(
    username: str,
    *,
    role: str | None = "agent",
    skills: Sequence[str] = ("billing", "technical", "crisis"),
    capacity: int = 3,
    status: str = "away",
) -> Any:
    user = get_user_model().objects.create_user(username=username, password="pw-" + username)
    if role is not None:
        user.groups.add(Group.objects.get_or_create(name=AGENTS_GROUP)[0])
        if role == "supervisor":
            user.groups.add(Group.objects.get_or_create(name=SUPERVISORS_GROUP)[0])
        AgentProfile.objects.create(
            user=user, skills=list(skills), capacity=capacity, status=status
        )
    return user


@pytest.fixture
def agent(db: None) -> Any:
    return make_user("alice")


@pytest.fixture
def other_agent(db: None) -> Any:
    return make_user("bob")


@pytest.fixture
def supervisor(db: None) -> Any:
    return make_user("sam", role="supervisor")


@pytest.fixture
def outsider(db: None) -> Any:
    return make_user("olga", role=None)


@pytest.fixture
def site(db: None) -> Site:
    return Site.objects.create(name="Shop", site_key="shop", allowed_origins=["https://s.example"])


Reading = tuple[str, str, float, float]  # emotion, category, intensity, valence

CreateConversation = Callable[..., Conversation]


@pytest.fixture
def create_conversation(site: Site) -> CreateConversation:
    def create(
        messages: Sequence[tuple[str, str, Reading | None]] = (),
        *,
        visitor: Visitor | None = None,
        display_name: str = "Dana",
        locale: str = "en-GB",
    ) -> Conversation:
        visitor = visitor or Visitor.objects.create(
            site=site, display_name=display_name, locale=locale
        )
        conversation = Conversation.objects.create(site=site, visitor=visitor)
        for seq, (sender, text, reading) in enumerate(messages, start=1):
            message = Message.objects.create(
                conversation=conversation, seq=seq, sender=sender, text=text
            )
            if reading is not None:
                emotion, category, intensity, valence = reading
                EmotionReadingRecord.objects.create(
                    message=message,
                    emotion=emotion,
                    labels=[emotion],
                    scores={emotion: intensity},
                    category=category,
                    intensity=intensity,
                    valence=valence,
                    arousal=0.5,
                    confidence=0.9,
                    model="goemotions-minilm-tfidf@2026.11.26",
                )
        conversation.event_seq = len(messages)
        conversation.save(update_fields=["event_seq"])
        return conversation

    return create


def escalate(
    conversation: Conversation, *, reason: str = "high_emotional_intensity", skill: str = ""
) -> Escalation:
    result = escalation_services.escalation_open(
        conversation_id=conversation.pk,
        decision=EscalationDecision(reason, "test", skill),
    )
    return result.escalation


def assign(escalation: Escalation, user: Any) -> Escalation:
    return escalation_services.escalation_claim(escalation_id=escalation.pk, user=user)


ANGRY = [
    ("visitor", "My order never arrived", ("annoyance", "negative", 0.5, -0.5)),
    ("bot", "Sorry to hear that, let me check.", None),
    ("visitor", "This is ridiculous, where is my refund", ("anger", "negative", 0.7, -0.7)),
    ("visitor", "I am furious, refund me now", ("anger", "negative", 0.9, -0.9)),
]


@pytest.fixture
def logged_in(agent: Any) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(agent)
    return client

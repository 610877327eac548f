"""Retention: separate TTLs, batches, idempotent, with frozen time."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from conversations import services, tasks
from conversations.models import (
    Conversation,
    ConversationEvent,
    EmotionReadingRecord,
    Message,
    PrivacyAuditEntry,
    Visitor,
)
from conversations.privacy.services import retention_purge
from pipeline import receive
from tests.conversations.conftest import ConversationFactory
from tests.conversations.fakes import reading_for
from tests.conversations.privacy_helpers import escalation_make

pytestmark = pytest.mark.django_db

START = datetime(2030, 1, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _ttls(settings) -> None:  # type: ignore[no-untyped-def]
    settings.MESSAGE_TEXT_TTL_DAYS = 90
    settings.EMOTION_READING_TTL_DAYS = 30
    settings.CRISIS_TRANSCRIPT_TTL_DAYS = 180


def _visitor_message(conversation: Conversation, text: str) -> Message:
    message, _ = receive.message_receive(
        conversation=conversation, client_message_id=uuid.uuid4(), text=text
    )
    services.message_reading_store(message=message, reading=reading_for(text))
    return message


def _texts(conversation: Conversation) -> list[str]:
    return list(Message.objects.filter(conversation=conversation).values_list("text", flat=True))


def test_each_kind_of_data_goes_after_its_own_ttl(site) -> None:  # type: ignore[no-untyped-def]
    with time_machine.travel(START, tick=False):
        plain = ConversationFactory(site=site)
        crisis = ConversationFactory(site=site)
        _visitor_message(plain, "I am annoyed about the order")
        _visitor_message(crisis, "I am worried about my order")
        escalation_make(crisis, summary="About everything.", trigger_words=["worried"])
        escalation_make(plain, reason="user_request", urgency="low", summary="Order late.")

    # Day 31: readings (and state built from them) are gone; texts stay.
    with time_machine.travel(START + timedelta(days=31), tick=False):
        counts = retention_purge()
    assert counts == {
        "message_texts": 0,
        "crisis_texts": 0,
        "emotion_readings": 2,
        "escalations": 0,
        "follow_ups": 0,
    }
    assert EmotionReadingRecord.objects.count() == 0
    assert Conversation.objects.get(pk=plain.pk).emotional_state == {}
    assert Visitor.objects.get(pk=plain.visitor_id).emotional_summary == {}
    assert _texts(plain) == ["I am annoyed about the order"]

    # Day 91: ordinary text is purged (message, event payload, escalation summary);
    # the crisis transcript is kept longer.
    with time_machine.travel(START + timedelta(days=91), tick=False):
        counts = retention_purge()
    assert counts == {
        "message_texts": 1,
        "crisis_texts": 0,
        "emotion_readings": 0,
        "escalations": 1,
        "follow_ups": 0,
    }
    assert _texts(plain) == [""]
    purged = Message.objects.get(conversation=plain)
    assert purged.text_purged_at == START + timedelta(days=91)
    event = ConversationEvent.objects.get(conversation=plain, seq=purged.seq)
    assert event.payload["message"]["text"] == ""
    assert event.payload["message"]["purged"] is True
    assert _texts(crisis) == ["I am worried about my order"]
    assert plain.escalations.get().summary == ""
    assert crisis.escalations.get().summary == "About everything."

    # Day 181: the crisis transcript goes too.
    with time_machine.travel(START + timedelta(days=181), tick=False):
        counts = retention_purge()
        again = retention_purge()
    assert counts == {
        "message_texts": 0,
        "crisis_texts": 1,
        "emotion_readings": 0,
        "escalations": 1,
        "follow_ups": 0,
    }
    assert again == {
        "message_texts": 0,
        "crisis_texts": 0,
        "emotion_readings": 0,
        "escalations": 0,
        "follow_ups": 0,
    }
    assert _texts(crisis) == [""]
    escalation = crisis.escalations.get()
    assert (escalation.summary, escalation.trigger_words, escalation.reason) == (
        "",
        [],
        "crisis_indicators",
    )
    assert PrivacyAuditEntry.objects.filter(action="retention_purge").count() == 3


def test_purge_works_in_batches_and_is_idempotent(site) -> None:  # type: ignore[no-untyped-def]
    with time_machine.travel(START, tick=False):
        conversation = ConversationFactory(site=site)
        for n in range(7):
            services.message_post(conversation_id=conversation.id, sender="bot", text=f"m{n}")
    with time_machine.travel(START + timedelta(days=100), tick=False):
        fresh = services.message_post(conversation_id=conversation.id, sender="bot", text="new")
        first = retention_purge(batch_size=3)
        second = retention_purge(batch_size=3)
    assert first["message_texts"] == 7
    assert second["message_texts"] == 0
    assert _texts(conversation) == [""] * 7 + ["new"]
    assert Message.objects.get(pk=fresh.pk).text_purged_at is None


def test_zero_ttl_keeps_data(site, settings) -> None:  # type: ignore[no-untyped-def]
    settings.MESSAGE_TEXT_TTL_DAYS = 0
    settings.EMOTION_READING_TTL_DAYS = 0
    with time_machine.travel(START, tick=False):
        conversation = ConversationFactory(site=site)
        _visitor_message(conversation, "I am annoyed")
    with time_machine.travel(START + timedelta(days=3650), tick=False):
        assert retention_purge() == {
            "message_texts": 0,
            "crisis_texts": 0,
            "emotion_readings": 0,
            "escalations": 0,
            "follow_ups": 0,
        }
    assert _texts(conversation) == ["I am annoyed"]
    assert EmotionReadingRecord.objects.count() == 1


def test_beat_task_runs_the_purge(site, settings) -> None:  # type: ignore[no-untyped-def]
    assert settings.CELERY_BEAT_SCHEDULE["privacy-retention-purge"] == {
        "task": "conversations.privacy_retention_purge",
        "schedule": 3600.0,
    }
    with time_machine.travel(START, tick=False):
        conversation = ConversationFactory(site=site)
        services.message_post(conversation_id=conversation.id, sender="bot", text="old")
    with time_machine.travel(START + timedelta(days=91), tick=False):
        result = tasks.privacy_retention_purge.delay().get()
    assert result["message_texts"] == 1
    assert _texts(conversation) == [""]

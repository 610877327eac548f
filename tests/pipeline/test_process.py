"""The message pipeline: reading, state, handoff, reply; idempotent under redelivery."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from conversations import services
from conversations.models import Conversation, ConversationEvent, EmotionReadingRecord, Message
from pipeline import process, receive, replies, tasks
from tests.conversations.fakes import FakeDetector, reading_for

pytestmark = pytest.mark.django_db


def _receive(conversation: Conversation, text: str) -> Message:
    message, created = receive.message_receive(
        conversation=conversation, client_message_id=uuid.uuid4(), text=text
    )
    assert created
    return message


def _event_types(conversation: Conversation) -> list[tuple[int, str]]:
    return list(
        ConversationEvent.objects.filter(conversation=conversation)
        .order_by("seq")
        .values_list("seq", "type")
    )


def test_visitor_message_is_read_and_answered_once(
    conversation: Conversation, detector: FakeDetector, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        visitor = _receive(conversation, "Thanks, that helped a lot")

    reply = Message.objects.get(conversation=conversation, sender="bot")
    assert reply.reply_to == visitor
    assert reply.seq == 2
    assert reply.text
    assert reply.meta["strategy"] == "celebrate"
    assert reply.meta["sentences"]
    assert _event_types(conversation) == [(1, "message.created"), (2, "message.created")]
    assert detector.batches == [["Thanks, that helped a lot"]]

    record = EmotionReadingRecord.objects.get(message=visitor)
    assert services.reading_from_record(record) == reading_for("Thanks, that helped a lot")
    visitor.refresh_from_db()
    assert visitor.processed_at is not None
    conversation.refresh_from_db()
    assert conversation.emotional_state == {
        "recent": [
            {
                "seq": 1,
                "emotion": "gratitude",
                "category": "positive",
                "intensity": 0.7,
                "valence": 0.8,
                "arousal": 0.5,
                "confidence": 0.9,
            }
        ],
        "trend": "stable",
    }
    assert conversation.visitor.emotional_summary == {
        "readings": 1,
        "categories": {"positive": 1},
        "mean_valence": 0.8,
        "last_emotion": "gratitude",
        "last_category": "positive",
    }


def test_redelivered_task_creates_no_second_reply(
    conversation: Conversation, detector: FakeDetector
) -> None:
    visitor = _receive(conversation, "Where is my parcel?")
    assert tasks.message_process.apply(args=[visitor.pk]).get() == "replied"
    assert tasks.message_process.apply(args=[visitor.pk]).get() == "done"
    assert Message.objects.filter(reply_to=visitor).count() == 1
    assert EmotionReadingRecord.objects.filter(message=visitor).count() == 1
    assert len(detector.batches) == 1


def test_concurrent_deliveries_store_one_reply(
    conversation: Conversation, detector: FakeDetector
) -> None:
    visitor = _receive(conversation, "Where is my parcel?")
    # Both deliveries passed the early checks; the lock and unique reply_to keep one answer.
    first = process._answer(message=visitor, sender="bot", text="One.", meta={})
    second = process._answer(message=visitor, sender="bot", text="Two.", meta={})
    assert (first, second) == ("replied", "done")
    assert list(Message.objects.filter(reply_to=visitor).values_list("text", flat=True)) == ["One."]


def test_unknown_or_bot_message_id_is_ignored(
    conversation: Conversation, detector: FakeDetector
) -> None:
    bot = services.message_post(conversation_id=conversation.id, sender="bot", text="Hello")
    assert process.message_process(message_id=bot.pk) == "missing"
    assert process.message_process(message_id=987654321) == "missing"
    assert detector.batches == []


@pytest.mark.parametrize("status", ["waiting_for_agent", "with_agent"])
def test_bot_stays_silent_while_a_human_handles_the_conversation(
    conversation: Conversation, detector: FakeDetector, status: str
) -> None:
    services.conversation_status_set(conversation_id=conversation.id, status=status)
    visitor = _receive(conversation, "I am annoyed")
    assert process.message_process(message_id=visitor.pk) == "silent"
    assert not Message.objects.filter(conversation=conversation).exclude(pk=visitor.pk).exists()
    # The reading is still stored for the agent.
    assert EmotionReadingRecord.objects.get(message=visitor).emotion == "annoyance"
    visitor.refresh_from_db()
    assert visitor.processed_at is not None


def test_asking_for_a_human_hands_off_with_one_system_message(
    conversation: Conversation, detector: FakeDetector
) -> None:
    visitor = _receive(conversation, "Can I talk to a real person please?")
    assert process.message_process(message_id=visitor.pk) == "handed_off"
    conversation.refresh_from_db()
    assert conversation.status == "waiting_for_agent"
    assert conversation.handoff_reason == "user_request"
    assert _event_types(conversation) == [
        (1, "message.created"),
        (2, "conversation.status_changed"),
        (3, "message.created"),
    ]
    handoff = Message.objects.get(seq=3, conversation=conversation)
    assert (handoff.sender, handoff.text, handoff.reply_to) == (
        "system",
        process.HANDOFF_TEXT,
        visitor,
    )
    assert process.message_process(message_id=visitor.pk) == "done"


def test_strong_distress_hands_off(conversation: Conversation, detector: FakeDetector) -> None:
    visitor = _receive(conversation, "I am furious about this")
    assert process.message_process(message_id=visitor.pk) == "handed_off"
    conversation.refresh_from_db()
    assert (conversation.status, conversation.handoff_reason) == (
        "waiting_for_agent",
        "high_emotional_intensity",
    )


def test_a_burst_is_read_in_one_batch_and_answered_once(
    conversation: Conversation, detector: FakeDetector
) -> None:
    first = _receive(conversation, "hello")
    second = _receive(conversation, "I am worried about my order")
    other_conversation_message = _receive(
        Conversation.objects.create(site=conversation.site, visitor=conversation.visitor), "hi"
    )
    assert process.message_process(message_id=first.pk) == "superseded"
    assert detector.batches == [["hello", "I am worried about my order", "hi"]]
    assert process.message_process(message_id=second.pk) == "replied"
    assert len(detector.batches) == 1
    reply = Message.objects.get(conversation=conversation, sender="bot")
    assert reply.reply_to == second
    assert reply.meta["strategy"] == "reassure_and_clarify"
    assert EmotionReadingRecord.objects.filter(message=other_conversation_message).exists()


def test_detector_failure_still_answers(conversation: Conversation, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    class Broken:
        name = "broken"

        def detect_batch(self, texts: list[str]) -> list:
            raise RuntimeError("model missing")

    monkeypatch.setattr("pipeline.process.get_detector", Broken)
    visitor = _receive(conversation, "Where is my parcel?")
    assert process.message_process(message_id=visitor.pk) == "replied"
    assert not EmotionReadingRecord.objects.exists()
    assert Message.objects.get(reply_to=visitor).meta["strategy"] == "inform"


def test_no_consent_means_no_reading(conversation: Conversation, detector: FakeDetector) -> None:
    conversation.visitor.emotion_consent = False
    conversation.visitor.save()
    visitor = _receive(conversation, "I am annoyed")
    assert process.message_process(message_id=visitor.pk) == "replied"
    assert detector.batches == []
    assert not EmotionReadingRecord.objects.exists()


def test_reply_request_carries_history_and_used_sentences(
    conversation: Conversation, detector: FakeDetector, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    seen = []
    real = replies.reply_compose

    def spy(request):  # type: ignore[no-untyped-def]
        seen.append(request)
        return real(request)

    monkeypatch.setattr("pipeline.replies.reply_compose", spy)
    for text in ("hello", "where is my order", "and my refund"):
        message = _receive(conversation, text)
        assert process.message_process(message_id=message.pk) == "replied"
    bot_texts = list(
        Message.objects.filter(conversation=conversation, sender="bot").values_list(
            "text", flat=True
        )
    )
    assert [turn.sender for turn in seen[2].history] == ["visitor", "bot", "visitor", "bot"]
    first_two = {
        s
        for m in Message.objects.filter(conversation=conversation, sender="bot")[:2]
        for s in m.meta["sentences"]
    }
    assert seen[2].used_sentences == frozenset(first_two)
    all_sentences = [
        s
        for m in Message.objects.filter(conversation=conversation, sender="bot")
        for s in m.meta["sentences"]
    ]
    assert len(all_sentences) == len(set(all_sentences)), bot_texts


def test_enqueue_failure_keeps_the_message_and_the_sweep_requeues_it(
    conversation: Conversation, monkeypatch, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    def broker_down(*args: object) -> None:
        raise ConnectionError("broker down")

    monkeypatch.setattr(tasks.message_process, "delay", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        visitor = _receive(conversation, "hello")
    assert Message.objects.get().processed_at is None

    queued: list[int] = []
    monkeypatch.setattr(tasks.message_process, "delay", queued.append)
    assert tasks.message_requeue_unprocessed() == 0  # too recent: its task may still be queued
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        assert tasks.message_requeue_unprocessed() == 1
    assert queued == [visitor.pk]


@pytest.mark.postgres
def test_a_message_costs_a_fixed_number_of_database_round_trips(
    conversation: Conversation, detector: FakeDetector, django_assert_num_queries
) -> None:  # type: ignore[no-untyped-def]
    # Under load every round trip is CPU in the web or the worker (see
    # benchmarks/pipeline_load.py): a new query on this path should be a deliberate choice.
    first = _receive(conversation, "Hi, where is my order?")
    assert process.message_process(message_id=first.pk) == "replied"
    # Transaction, lock, idempotency check, crisis history, seq, message, event, end.
    with django_assert_num_queries(8):
        second = _receive(conversation, "It has been two weeks now")
    # Message + status, later message, batch, reading (8), open escalation, transcript,
    # the help center's fingerprint (is there one, has it changed), reply (8).
    with django_assert_num_queries(21):
        assert process.message_process(message_id=second.pk) == "replied"

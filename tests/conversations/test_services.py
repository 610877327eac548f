"""Services under concurrency on real PostgreSQL: sequence numbers and idempotency."""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from conversations import services
from conversations.models import ConversationEvent, Message
from pipeline import receive
from tests.conversations.conftest import ConversationFactory

pytestmark = [pytest.mark.postgres]


@pytest.fixture(autouse=True)
def _no_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    # Commits happen for real here; only the services under test may write.
    monkeypatch.setattr("pipeline.receive._enqueue_processing", lambda message_id: None)


def _in_thread(fn):  # type: ignore[no-untyped-def]
    def run(*args):  # type: ignore[no-untyped-def]
        try:
            return fn(*args)
        finally:
            connection.close()

    return run


def test_concurrent_writers_get_gapless_unique_seqs(transactional_db) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory()
    start = threading.Barrier(6)

    @_in_thread
    def write(worker: int) -> None:
        start.wait()
        for i in range(5):
            receive.message_receive(
                conversation=conversation, client_message_id=uuid.uuid4(), text=f"{worker}-{i}"
            )
            services.message_post(conversation_id=conversation.id, sender="bot", text="ok")

    with ThreadPoolExecutor(max_workers=6) as pool:
        list(pool.map(write, range(6)))

    seqs = list(
        ConversationEvent.objects.filter(conversation=conversation)
        .order_by("seq")
        .values_list("seq", flat=True)
    )
    assert seqs == list(range(1, 61))
    assert sorted(Message.objects.values_list("seq", flat=True)) == list(range(1, 61))
    conversation.refresh_from_db()
    assert conversation.event_seq == 60


def test_concurrent_retries_of_one_message_store_it_once(transactional_db) -> None:  # type: ignore[no-untyped-def]
    conversation = ConversationFactory()
    cid = uuid.uuid4()
    start = threading.Barrier(8)

    @_in_thread
    def send(_: int) -> tuple[int, bool]:
        start.wait()
        message, created = receive.message_receive(
            conversation=conversation, client_message_id=cid, text="same"
        )
        return message.pk, created

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(send, range(8)))
    assert len({pk for pk, _ in results}) == 1
    assert sorted(created for _, created in results) == [False] * 7 + [True]
    assert ConversationEvent.objects.filter(conversation=conversation).count() == 1

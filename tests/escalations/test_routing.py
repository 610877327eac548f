"""Routing, queueing, claiming (concurrently on PostgreSQL), the SLA beat, pipeline reasons."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
import time_machine
from django.db import connection, connections
from django.utils import timezone

from conversations.models import Conversation, Message
from escalations import rules, selectors, services, tasks
from escalations.models import Escalation
from escalations.rules import EscalationDecision
from pipeline import process
from tests.conversations.conftest import ConversationFactory
from tests.escalations.conftest import make_agent, receive

pytestmark = pytest.mark.django_db


def _open(conversation: Conversation, reason: str = "user_request", skill: str = "") -> Escalation:
    return services.escalation_open(
        conversation_id=conversation.id, decision=EscalationDecision(reason, "test", skill)
    ).escalation


def test_crisis_goes_to_a_crisis_trained_agent(
    conversation: Conversation, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    make_agent("billing-bob", skills=["billing"])
    carla = make_agent("crisis-carla", skills=["crisis"])
    with django_capture_on_commit_callbacks(execute=True):
        receive(conversation, "I want to kill myself tonight")
    escalation = Escalation.objects.get(conversation=conversation)
    assert (escalation.status, escalation.assigned_to) == ("assigned", carla)
    conversation.refresh_from_db()
    assert conversation.status == "with_agent"
    assert list(escalation.events.values_list("type", flat=True)) == ["opened", "routed"]


def test_least_loaded_online_agent_with_capacity_wins(
    site, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    busy = make_agent("busy", capacity=2)
    free = make_agent("free", capacity=2)
    make_agent("away", status="away")
    make_agent("offline", status="offline")
    first = ConversationFactory(site=site)
    _open(first)
    services.escalation_claim(escalation_id=Escalation.objects.get().pk, user=busy)
    with django_capture_on_commit_callbacks(execute=True):
        escalation = _open(ConversationFactory(site=site))
    escalation.refresh_from_db()
    assert escalation.assigned_to == free


def test_no_agent_available_queues_by_urgency_then_age(
    site, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        low = _open(ConversationFactory(site=site), "user_request")
        high = _open(ConversationFactory(site=site), "high_emotional_intensity")
        low2 = _open(ConversationFactory(site=site), "complex_inquiry")
    assert [e.pk for e in selectors.escalation_queue()] == [high.pk, low.pk, low2.pk]
    assert [selectors.escalation_queue_position(escalation=e) for e in (high, low, low2)] == [
        1,
        2,
        3,
    ]


def test_visitor_gets_live_queue_position_and_wait(
    site, settings, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    from asgiref.sync import async_to_sync
    from channels.layers import get_channel_layer

    from conversations import events as conversation_events

    settings.ESCALATION_DEFAULT_WAIT_SECONDS = 100
    make_agent("busy", capacity=0)  # someone is online, so a wait can be estimated
    first = ConversationFactory(site=site)
    second = ConversationFactory(site=site)
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(conversation_events.conversation_group(second.id), channel)
    with django_capture_on_commit_callbacks(execute=True):
        _open(first)
        _open(second)
    hints = []
    while True:
        try:
            message = async_to_sync(layer.receive)(channel)
        except Exception:
            break
        if message["type"] == conversation_events.LAYER_HINT:
            hints.append(message["event"])
        if len(hints) == 1:
            break
    assert hints == [
        {
            "type": "queue.updated",
            "agents_online": 1,
            "offline": False,
            "position": 2,
            "estimated_wait_seconds": 200,
        }
    ]


def _hints(layer, channel: str) -> list[dict]:  # type: ignore[no-untyped-def]
    """Every queue hint already delivered to the channel."""
    import asyncio

    from asgiref.sync import async_to_sync

    from conversations import events as conversation_events

    async def drain() -> list[dict]:  # type: ignore[type-arg]
        found = []
        while True:
            try:
                message = await asyncio.wait_for(layer.receive(channel), timeout=0.1)
            except TimeoutError:
                return found
            if message["type"] == conversation_events.LAYER_HINT:
                found.append(message["event"])

    return async_to_sync(drain)()


OFFLINE_HINT = {
    "type": "queue.updated",
    "agents_online": 0,
    "offline": True,
    "position": None,
    "estimated_wait_seconds": None,
}


def test_the_periodic_queue_hints_honour_each_sites_business_hours(  # type: ignore[no-untyped-def]
    site, settings
) -> None:
    from asgiref.sync import async_to_sync
    from channels.layers import get_channel_layer

    from conversations import events as conversation_events
    from escalations.models import SiteHours
    from tests.conversations.conftest import SiteFactory

    settings.ESCALATION_DEFAULT_WAIT_SECONDS = 100
    make_agent("busy", capacity=0)  # online: the open site's visitors get a place and a wait
    closed_site = SiteFactory(site_key="closed")
    SiteHours.objects.create(site=closed_site, timezone="Europe/Paris", weekly={}, holidays=[])
    closed = ConversationFactory(site=closed_site)
    open_ = ConversationFactory(site=site)
    _open(closed)
    _open(open_)
    layer = get_channel_layer()
    channels = {}
    for conversation in (closed, open_):
        channels[conversation.id] = async_to_sync(layer.new_channel)()
        async_to_sync(layer.group_add)(
            conversation_events.conversation_group(conversation.id), channels[conversation.id]
        )

    assert tasks.escalation_queue_hints.apply().get() == 2

    assert _hints(layer, channels[closed.id]) == [OFFLINE_HINT]
    assert _hints(layer, channels[open_.id]) == [
        {
            "type": "queue.updated",
            "agents_online": 1,
            "offline": False,
            "position": 2,
            "estimated_wait_seconds": 200,
        }
    ]
    # The SLA beat refreshes the same hints.
    tasks.escalation_sla_check.apply().get()
    assert _hints(layer, channels[closed.id]) == [OFFLINE_HINT]


def test_a_hand_over_outside_business_hours_promises_no_place_or_wait(  # type: ignore[no-untyped-def]
    conversation, detector, django_capture_on_commit_callbacks
) -> None:
    from zoneinfo import ZoneInfo

    from asgiref.sync import async_to_sync
    from channels.layers import get_channel_layer

    from conversations import events as conversation_events
    from escalations.models import SiteHours

    make_agent("busy", capacity=0)
    # Open around the clock, every day, except that today is a holiday in New York.
    today = timezone.now().astimezone(ZoneInfo("America/New_York")).date().isoformat()
    SiteHours.objects.create(
        site=conversation.site,
        timezone="America/New_York",
        weekly={
            day: [["00:00", "24:00"]] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
        },
        holidays=[today],
    )
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(conversation_events.conversation_group(conversation.id), channel)
    message = receive(conversation, "I am furious, this is unacceptable")
    with django_capture_on_commit_callbacks(execute=True):
        assert process.message_process(message_id=message.pk) == "handed_off"
    assert Conversation.objects.get(pk=conversation.pk).status == "waiting_for_agent"
    assert _hints(layer, channel) == [OFFLINE_HINT]


def test_claiming_someone_elses_conversation_is_forbidden(conversation) -> None:  # type: ignore[no-untyped-def]
    escalation = _open(conversation)
    ann, bob = make_agent("ann", status="offline"), make_agent("bob", status="offline")
    services.escalation_claim(escalation_id=escalation.pk, user=ann)
    with pytest.raises(services.EscalationForbidden):
        services.escalation_claim(escalation_id=escalation.pk, user=bob)
    boss = make_agent("boss", supervisor=True, status="offline")
    services.escalation_claim(escalation_id=escalation.pk, user=boss)
    escalation.refresh_from_db()
    assert escalation.assigned_to == boss
    assert list(escalation.events.values_list("type", flat=True)) == [
        "opened",
        "claimed",
        "taken_over",
    ]


def test_crisis_claim_needs_the_crisis_skill(conversation) -> None:  # type: ignore[no-untyped-def]
    escalation = _open(conversation, rules.CRISIS_INDICATORS, "crisis")
    with pytest.raises(services.EscalationForbidden):
        services.escalation_claim(
            escalation_id=escalation.pk, user=make_agent("ann", status="offline")
        )


def test_capacity_is_enforced_on_claim(site) -> None:  # type: ignore[no-untyped-def]
    ann = make_agent("ann", capacity=1, status="offline")
    services.escalation_claim(escalation_id=_open(ConversationFactory(site=site)).pk, user=ann)
    with pytest.raises(services.EscalationConflict):
        services.escalation_claim(escalation_id=_open(ConversationFactory(site=site)).pk, user=ann)


def test_sla_breach_renotifies_supervisors_once_per_sla(
    conversation, settings, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    settings.ESCALATION_SLA_SECONDS = {"critical": 60, "high": 300, "medium": 900, "low": 3600}
    with django_capture_on_commit_callbacks(execute=True):
        receive(conversation, "I want to kill myself tonight")
    escalation = Escalation.objects.get()
    start = timezone.now()
    with time_machine.travel(start + timedelta(seconds=30)):
        assert tasks.escalation_sla_check() == {"routed": 0, "breached": 0, "notified": 0}
    with time_machine.travel(start + timedelta(seconds=61)):
        assert tasks.escalation_sla_check() == {"routed": 0, "breached": 1, "notified": 1}
    with time_machine.travel(start + timedelta(seconds=90)):
        assert tasks.escalation_sla_check() == {"routed": 0, "breached": 0, "notified": 0}
    with time_machine.travel(start + timedelta(seconds=125)):
        assert tasks.escalation_sla_check() == {"routed": 0, "breached": 0, "notified": 1}
    escalation.refresh_from_db()
    assert escalation.sla_breached_at is not None
    assert escalation.notify_count == 2
    assert list(escalation.events.values_list("type", flat=True)) == [
        "opened",
        "sla_breached",
        "renotified",
        "renotified",
    ]
    # An agent coming online is routed the breached escalation on the next beat.
    make_agent("carla", skills=["crisis"])
    with time_machine.travel(start + timedelta(seconds=130)):
        assert tasks.escalation_sla_check()["routed"] == 1


def test_queue_metrics_refresher(conversation, settings) -> None:  # type: ignore[no-untyped-def]
    from prometheus_client import REGISTRY

    receive(conversation, "I want to kill myself tonight")
    services.metrics_queue_refresh()
    assert REGISTRY.get_sample_value("escalation_queue_depth", {"urgency": "critical"}) == 1.0


# ---------------------------------------------------------------------------
# Every reason through the pipeline, with its stored urgency
# ---------------------------------------------------------------------------
def test_ask_for_a_person_escalates_with_context(conversation, detector) -> None:  # type: ignore[no-untyped-def]
    message = receive(conversation, "I am annoyed, real person please")
    assert process.message_process(message_id=message.pk) == "handed_off"
    escalation = Escalation.objects.get()
    # Annoyed (negative, 0.6): an upset ask for a person is medium, not low.
    assert (escalation.reason, escalation.rule, escalation.urgency) == (
        "user_request",
        "asked_in_text",
        "medium",
    )
    assert escalation.trigger_words == ["annoyed,"]
    assert escalation.journey[0]["emotion"] == "annoyance"
    assert "asked for a person" in escalation.summary
    assert escalation.ai_attempts == {"replies": 0, "failures": 0, "strategies": []}


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        pytest.param(
            "I WANT TO TALK TO A HUMAN RIGHT NOW, this is UNACCEPTABLE!!!", "medium", id="furious"
        ),
        pytest.param("can I talk to a human please?", "low", id="polite"),
    ],
)
def test_shipped_detector_rates_a_furious_ask_above_a_polite_one(  # type: ignore[no-untyped-def]
    conversation, text: str, urgency: str
) -> None:
    message = receive(conversation, text)
    assert process.message_process(message_id=message.pk) == "handed_off"
    escalation = Escalation.objects.get()
    assert (escalation.reason, escalation.rule, escalation.urgency) == (
        "user_request",
        "asked_in_text",
        urgency,
    )


def test_strong_distress_escalates_high_with_trigger_words(conversation, detector) -> None:  # type: ignore[no-untyped-def]
    message = receive(conversation, "I am furious about this")
    assert process.message_process(message_id=message.pk) == "handed_off"
    escalation = Escalation.objects.get()
    assert (escalation.reason, escalation.urgency) == ("high_emotional_intensity", "high")
    assert escalation.trigger_words == ["furious"]
    assert "De-escalate before solving" in escalation.suggested_approach


def test_repeated_asks_escalate_after_the_bot_answered(conversation, detector) -> None:  # type: ignore[no-untyped-def]
    for _ in range(2):
        message = receive(conversation, "where is my parcel for order 1234")
        assert process.message_process(message_id=message.pk) == "replied"
    message = receive(conversation, "Where is my parcel for order 1234??")
    assert process.message_process(message_id=message.pk) == "handed_off"
    escalation = Escalation.objects.get()
    assert (escalation.reason, escalation.rule, escalation.urgency) == (
        "repeated_frustration",
        "repeated_ask",
        "medium",
    )
    assert escalation.ai_attempts["replies"] == 2
    assert "Own it and expedite" in escalation.suggested_approach


def test_three_failed_ai_answers_with_intensity_escalate(conversation, detector) -> None:  # type: ignore[no-untyped-def]
    for n in range(3):
        Message.objects.create(
            conversation=conversation,
            seq=100 + n,
            sender="bot",
            text=f"sorry {n}",
            meta={"strategy": "inform", "ai_failed": True},
        )
    message = receive(conversation, "I am upset, this still does not work")
    assert process.message_process(message_id=message.pk) == "handed_off"
    escalation = Escalation.objects.get()
    assert (escalation.reason, escalation.urgency) == ("ai_failures", "medium")
    assert escalation.ai_attempts == {"replies": 3, "failures": 3, "strategies": ["inform"]}


def test_calm_messages_do_not_escalate(conversation, detector) -> None:  # type: ignore[no-untyped-def]
    for text in ("hello", "where is my order?", "thanks, that helped"):
        message = receive(conversation, text)
        assert process.message_process(message_id=message.pk) == "replied"
    assert not Escalation.objects.exists()
    conversation.refresh_from_db()
    assert conversation.status == "bot"


# ---------------------------------------------------------------------------
# Concurrency on PostgreSQL: real connections, real row locks
# ---------------------------------------------------------------------------
def _in_threads(count: int, target) -> list:  # type: ignore[no-untyped-def]
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=10)
            results[index] = target(index)
        except Exception as exc:
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_claims_give_the_conversation_to_exactly_one_agent(site) -> None:  # type: ignore[no-untyped-def]
    assert connection.vendor == "postgresql"
    agents = [make_agent(f"agent{i}", status="offline") for i in range(6)]
    escalation = _open(ConversationFactory(site=site))
    results = _in_threads(
        6, lambda i: services.escalation_claim(escalation_id=escalation.pk, user=agents[i])
    )
    winners = [r for r in results if isinstance(r, Escalation)]
    losers = [r for r in results if isinstance(r, services.EscalationError)]
    assert (len(winners), len(losers)) == (1, 5), results
    escalation.refresh_from_db()
    assert escalation.assigned_to_id == winners[0].assigned_to_id
    assert escalation.events.filter(type="claimed").count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_routing_never_exceeds_an_agents_capacity(site) -> None:  # type: ignore[no-untyped-def]
    make_agent("solo", capacity=2, status="offline")
    escalations = [_open(ConversationFactory(site=site)) for _ in range(6)]
    from escalations.models import AgentProfile

    AgentProfile.objects.update(status="online")
    results = _in_threads(6, lambda i: services.escalation_route(escalation_id=escalations[i].pk))
    assert not [r for r in results if isinstance(r, Exception)], results
    # SKIP LOCKED: a router that finds the agent busy leaves its escalation queued (the beat
    # drains it); the capacity is never exceeded.
    assert 1 <= Escalation.objects.filter(status="assigned").count() <= 2
    services.escalation_queue_drain()
    assert Escalation.objects.filter(status="assigned").count() == 2
    assert Escalation.objects.filter(status="queued").count() == 4


def test_queue_hints_are_coalesced_when_tasks_run_on_a_worker(settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from escalations import tasks
    from escalations.services import routing

    settings.CELERY_TASK_ALWAYS_EAGER = False
    scheduled: list[dict] = []
    monkeypatch.setattr(
        tasks.escalation_queue_hints, "apply_async", lambda **kwargs: scheduled.append(kwargs)
    )
    sent = []
    monkeypatch.setattr(routing, "queue_hints_send", lambda: sent.append(1) or 0)
    for _ in range(3):
        services.queue_hints_schedule()
    assert scheduled == [{"countdown": routing.QUEUE_HINTS_COALESCE_SECONDS}]
    assert sent == []
    # Once the scheduled broadcast is due, the next change schedules another.
    from django.core.cache import cache

    cache.delete(routing._QUEUE_HINTS_KEY)
    services.queue_hints_schedule()
    assert len(scheduled) == 2


def test_queue_hints_go_out_at_once_with_eager_tasks(settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from escalations.services import routing

    settings.CELERY_TASK_ALWAYS_EAGER = True
    sent = []
    monkeypatch.setattr(routing, "queue_hints_send", lambda: sent.append(1) or 0)
    services.queue_hints_schedule()
    services.queue_hints_schedule()
    assert sent == [1, 1]

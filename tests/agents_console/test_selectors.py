"""Console read models: exact content, who sees what, and constant query counts (no N+1)."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from agents_console import selectors, services
from agents_console.models import InternalNote
from conversations.models import Message
from escalations.models import Escalation
from tests.agents_console.conftest import ANGRY, assign, escalate

pytestmark = pytest.mark.django_db


def test_detail_has_transcript_readings_timeline_and_alerts(
    create_conversation: Any, agent: Any
) -> None:
    conversation = create_conversation(ANGRY)
    escalation = escalate(conversation)
    detail = selectors.console_conversation_detail(user=agent, conversation_id=conversation.pk)
    assert detail is not None
    senders = [(m["seq"], m["sender"]) for m in detail["transcript"]]
    # escalation_open changes the status (seq 5), then posts its hand-off notice.
    assert senders == [(1, "visitor"), (2, "bot"), (3, "visitor"), (4, "visitor"), (6, "system")]
    assert detail["transcript"][0]["reading"] == {
        "emotion": "annoyance",
        "category": "negative",
        "intensity": 0.5,
        "valence": -0.5,
        "arousal": 0.5,
        "confidence": 0.9,
        "model": "goemotions-minilm-tfidf@2026.11.26",
    }
    assert detail["transcript"][1]["reading"] is None
    assert detail["timeline"] == [
        {"seq": 1, "emotion": "annoyance", "category": "negative", "intensity": 0.5,
         "valence": -0.5},
        {"seq": 3, "emotion": "anger", "category": "negative", "intensity": 0.7, "valence": -0.7},
        {"seq": 4, "emotion": "anger", "category": "negative", "intensity": 0.9, "valence": -0.9},
    ]  # fmt: skip
    assert [a["kind"] for a in detail["alerts"]] == ["anger_rising"]
    assert detail["escalation"]["id"] == escalation.pk
    assert detail["escalation"]["status"] == "queued"
    assert detail["escalation"]["is_mine"] is False
    assert detail["visitor"]["display_name"] == "Dana"
    assert detail["visitor"]["locale"] == "en-GB"
    assert detail["visitor"]["previous_conversations"] == []
    assert detail["guidance"]["best_practices"][0].startswith("De-escalate before solving")
    assert [o["target"] for o in detail["guidance"]["next_level"]] == ["crisis", "supervisor"]


def test_previous_conversations_show_their_outcome(
    create_conversation: Any, agent: Any, supervisor: Any
) -> None:
    first = create_conversation(ANGRY)
    escalate(first)
    assign(Escalation.objects.get(conversation=first), agent)
    from escalations import services as escalation_services

    escalation_services.escalation_resolve(conversation_id=first.pk, user=agent)
    current = create_conversation(ANGRY[:1], visitor=first.visitor)
    escalate(current)
    detail = selectors.console_conversation_detail(user=agent, conversation_id=current.pk)
    assert detail is not None
    (previous,) = detail["visitor"]["previous_conversations"]
    assert previous["id"] == str(first.pk)
    assert previous["outcome"] == "resolved by an agent"
    assert previous["escalation_reason"] == "high_emotional_intensity"
    assert previous["message_count"] == 5  # the four and the hand-off notice


def test_agent_sees_queued_and_own_but_not_someone_elses(
    create_conversation: Any, agent: Any, other_agent: Any, supervisor: Any, outsider: Any
) -> None:
    queued = create_conversation(ANGRY)
    escalate(queued)
    theirs = create_conversation(ANGRY)
    assign(escalate(theirs), other_agent)
    never_escalated = create_conversation(ANGRY)

    def sees(user: Any, conversation: Any) -> bool:
        found = selectors.console_conversation_detail(user=user, conversation_id=conversation.pk)
        visible = selectors.console_conversation_visible(user=user, conversation_id=conversation.pk)
        assert (found is not None) == visible
        return visible

    assert sees(agent, queued) is True
    assert sees(agent, theirs) is False
    assert sees(agent, never_escalated) is False
    assert sees(other_agent, theirs) is True
    assert sees(supervisor, theirs) is True
    assert sees(supervisor, never_escalated) is True
    assert sees(outsider, queued) is False
    assert selectors.console_conversation_detail(user=agent, conversation_id="not-a-uuid") is None


def _grow(conversation: Any, extra: int) -> None:
    start = conversation.messages.count()
    for i in range(extra):
        Message.objects.create(
            conversation=conversation, seq=start + 100 + i, sender="visitor", text=f"more {i}"
        )


@pytest.mark.parametrize("extra", [0, 25], ids=["small", "large"])
def test_detail_query_count_is_constant(
    create_conversation: Any,
    agent: Any,
    django_assert_num_queries: Any,
    extra: int,
) -> None:
    older = create_conversation(ANGRY)
    conversation = create_conversation(ANGRY, visitor=older.visitor)
    escalate(older)
    escalate(conversation)
    _grow(conversation, extra)
    for i in range(3):
        InternalNote.objects.create(conversation=conversation, author=agent, text=f"note {i}")
    services.emotion_feedback_record(
        agent=agent, message_id=conversation.messages.get(seq=1).pk, emotion="anger"
    )
    # role (supervisor, then agent), conversation, escalations, messages, feedback, notes,
    # previous conversations.
    with django_assert_num_queries(8):
        detail = selectors.console_conversation_detail(user=agent, conversation_id=conversation.pk)
    assert detail is not None
    assert len(detail["notes"]) == 3
    assert detail["transcript"][0]["feedback"]["corrected_emotion"] == "anger"


@pytest.mark.parametrize("count", [1, 12], ids=["one", "twelve"])
def test_queue_query_count_is_constant(
    create_conversation: Any, agent: Any, django_assert_num_queries: Any, count: int
) -> None:
    for _ in range(count):
        escalate(create_conversation(ANGRY))
    with django_assert_num_queries(3):  # supervisor check, crisis skill, the list
        queue = selectors.console_queue(user=agent)
    assert len(queue) == count


def test_queue_is_urgency_then_age(create_conversation: Any, agent: Any) -> None:
    low = escalate(create_conversation(ANGRY[:1]), reason="complex_inquiry")
    crisis = escalate(create_conversation(ANGRY[:1]), reason="crisis_indicators")
    ids = [e["id"] for e in selectors.console_queue(user=agent)]
    assert ids[0] == crisis.pk
    assert ids.index(low.pk) > 0
    Escalation.objects.filter(pk=low.pk).update(urgency="critical", created_at=timezone.now())
    ids = [e["id"] for e in selectors.console_queue(user=agent)]
    assert ids == [crisis.pk, low.pk]


def test_similar_cases_come_from_resolved_ones_with_how_they_ended(
    create_conversation: Any, agent: Any, django_assert_num_queries: Any
) -> None:
    from escalations import services as escalation_services

    def resolved(texts: list[str], reply: str, category: str = "negative") -> Escalation:
        conversation = create_conversation(
            [("visitor", t, ("anger", category, 0.8, -0.8)) for t in texts]
        )
        escalation = assign(escalate(conversation), agent)
        escalation_services.agent_message_post(
            conversation_id=conversation.pk, user=agent, text=reply
        )
        escalation_services.escalation_resolve(conversation_id=conversation.pk, user=agent)
        return escalation

    refund = resolved(["I was charged twice and want a refund"], "I refunded the double charge.")
    resolved(["The app crashes on upload"], "Fixed in version 2.")
    resolved(["charged twice, refund"], "Refunded.", category="positive")
    current = create_conversation(
        [("visitor", "you charged me twice, where is my refund", ("anger", "negative", 0.8, -0.8))]
    )
    escalate(current)
    with django_assert_num_queries(4):
        cases = selectors.console_similar_cases(conversation_id=current.pk)
    assert [c["escalation_id"] for c in cases] == [refund.pk]
    assert cases[0]["resolution"] == "I refunded the double charge."
    assert cases[0]["resolved_by"] == "alice"
    assert cases[0]["visitor_text"] == "I was charged twice and want a refund"

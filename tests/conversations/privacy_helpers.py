"""Helpers shared by the privacy tests: a visitor with data everywhere, a whole-database scan."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from django.apps import apps
from django.db import connection
from django.utils import timezone

from conversations import services
from conversations.models import Conversation, EmotionReadingRecord, Message, Visitor
from pipeline import receive
from tests.conversations.fakes import reading_for

CANARIES = {
    "name": "CANARYNAME Zqxw",
    "external_id": "CANARYEXTID-9917",
    "visitor_text": "CANARYVISITORTEXT my order is late",
    "bot_text": "CANARYBOTTEXT sorry to hear",
    "agent_text": "CANARYAGENTTEXT I can help",
    "meta": "CANARYMETA",
    "summary": "CANARYSUMMARY visitor is upset",
    "approach": "CANARYAPPROACH be calm",
    "trigger": "CANARYTRIGGER",
    "journey": "CANARYJOURNEY",
    "event": "CANARYEVENTNOTE about them",
    "note": "CANARYNOTE agent note",
    "attempts": "CANARYATTEMPTS",
    "csat": "CANARYCSATCOMMENT thanks",
}


def escalation_model() -> Any:
    return apps.get_model("escalations", "Escalation")


def escalation_make(
    conversation: Conversation, *, reason: str = "crisis_indicators", **kw: Any
) -> Any:
    now = timezone.now()
    values: dict[str, Any] = {
        "conversation": conversation,
        "reason": reason,
        "rule": "crisis_assessment",
        "urgency": "critical",
        "sla_due_at": now + timedelta(minutes=1),
    }
    values.update(kw)
    if reason == "crisis_indicators":
        # As opening one through the escalation services does.
        services.conversation_crisis_mark(conversation_id=conversation.id)
    return escalation_model().objects.create(**values)


def plant_visitor(conversation: Conversation) -> dict[str, Any]:
    """Fill every personal field of this conversation's visitor with canary strings."""
    Visitor.objects.filter(pk=conversation.visitor_id).update(
        display_name=CANARIES["name"],
        external_id=CANARIES["external_id"],
        emotional_summary={"last_emotion": CANARIES["journey"]},
    )
    visitor_message, _ = receive.message_receive(
        conversation=conversation, client_message_id=uuid.uuid4(), text=CANARIES["visitor_text"]
    )
    services.message_reading_store(message=visitor_message, reading=reading_for("I am furious"))
    bot = services.message_post(
        conversation_id=conversation.id,
        sender="bot",
        text=CANARIES["bot_text"],
        reply_to=visitor_message,
        meta={"sentences": [CANARIES["meta"]]},
    )
    agent = services.message_post(
        conversation_id=conversation.id, sender="agent", text=CANARIES["agent_text"]
    )
    Conversation.objects.filter(pk=conversation.pk).update(
        emotional_state={"recent": [{"note": CANARIES["journey"]}]}, handoff_reason="asked"
    )
    escalation = escalation_make(
        conversation,
        trigger_message=visitor_message,
        summary=CANARIES["summary"],
        suggested_approach=CANARIES["approach"],
        trigger_words=[CANARIES["trigger"]],
        journey=[{"emotion": CANARIES["journey"]}],
        ai_attempts={"last": CANARIES["attempts"]},
        crisis={"level": "crisis", "rules": ["plan"]},
        intensity=0.97,
        trend="deteriorating",
    )
    event_model = apps.get_model("escalations", "EscalationEvent")
    event_model.objects.create(
        escalation=escalation, type="opened", data={"note": CANARIES["event"], "urgency": "high"}
    )
    note_model = apps.get_model("agents_console", "InternalNote")
    note_model.objects.create(conversation=conversation, text=CANARIES["note"])
    apps.get_model("conversations", "SatisfactionRating").objects.create(
        conversation=conversation,
        score=2,
        comment=CANARIES["csat"],
        primary_emotion="anger",
        response_strategy="inform",
        resolution_achieved=True,
    )
    return {
        "visitor_message": visitor_message,
        "bot": bot,
        "agent": agent,
        "escalation": escalation,
        "reading": EmotionReadingRecord.objects.get(message=visitor_message),
    }


def database_hits(needles: list[str]) -> list[tuple[str, str, str]]:
    """(table, column, needle) for every column of every table whose text holds a needle."""
    hits = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                quoted_table = connection.ops.quote_name(table)
                quoted_col = connection.ops.quote_name(column.name)
                for needle in needles:
                    cursor.execute(
                        f"SELECT COUNT(*) FROM {quoted_table} "
                        f"WHERE CAST({quoted_col} AS TEXT) LIKE %s",
                        [f"%{needle}%"],
                    )
                    if cursor.fetchone()[0]:
                        hits.append((table, column.name, needle))
    return hits


def message_count(conversation: Conversation) -> int:
    return Message.objects.filter(conversation=conversation).count()

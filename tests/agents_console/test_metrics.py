"""The emotion_detection_accuracy gauge is fed from agents' feedback through a refresher."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from agents_console import services
from agents_console.metrics import emotion_detection_accuracy_refresh
from core.metrics import EMOTION_DETECTION_ACCURACY
from tests.agents_console.conftest import ANGRY, escalate, make_user

pytestmark = pytest.mark.django_db


def _gauge(emotion: str) -> float:
    return EMOTION_DETECTION_ACCURACY.labels(
        emotion_type=emotion, detection_method="ensemble", confidence_bucket="high"
    )._value.get()


def test_accuracy_is_the_share_of_confirmed_readings(
    create_conversation: Any, agent: Any, other_agent: Any, django_assert_num_queries: Any
) -> None:
    conversation = create_conversation(ANGRY)
    escalate(conversation)
    third = make_user("carol")
    anger = [m.pk for m in conversation.messages.filter(reading__emotion="anger")]
    # anger: 3 confirmations, 1 correction -> 0.75; annoyance: 1 correction -> 0.0
    services.emotion_feedback_record(agent=agent, message_id=anger[0], emotion="anger")
    services.emotion_feedback_record(agent=agent, message_id=anger[1], emotion="anger")
    services.emotion_feedback_record(agent=other_agent, message_id=anger[0], emotion="anger")
    services.emotion_feedback_record(agent=third, message_id=anger[1], emotion="sadness")
    annoyance = conversation.messages.get(reading__emotion="annoyance").pk
    services.emotion_feedback_record(agent=agent, message_id=annoyance, emotion="anger")
    with django_assert_num_queries(1):
        emotion_detection_accuracy_refresh()
    assert _gauge("anger") == 0.75
    assert _gauge("annoyance") == 0.0


def test_metrics_scrape_runs_the_refresher(create_conversation: Any, agent: Any) -> None:
    conversation = create_conversation(ANGRY)
    escalate(conversation)
    message = conversation.messages.get(reading__emotion="annoyance")
    services.emotion_feedback_record(agent=agent, message_id=message.pk, emotion="annoyance")
    body = Client().get("/metrics").content.decode()
    assert (
        'emotion_detection_accuracy{confidence_bucket="high",detection_method="ensemble",'
        'emotion_type="annoyance"} 1.0' in body
    )

"""The pipeline's reply adapter: strategy from the reading, the trend and the conversation."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import pytest

from conversations.models import Conversation, Message
from empathy.types import EmotionReading
from pipeline import process, receive, replies
from tests.conversations.fakes import single_label_reading


def _reading(emotion: str, category: str, intensity: float, valence: float) -> EmotionReading:
    return single_label_reading(emotion, category, intensity, valence)


# First word of a message -> its reading: enough to script a conversation's feelings.
_SCRIPT = {
    "great": _reading("joy", "positive", 0.7, 0.8),
    "meh": _reading("annoyance", "negative", 0.3, -0.4),
    "annoyed": _reading("annoyance", "negative", 0.6, -0.5),
    "ok": _reading("neutral", "neutral", 0.1, 0.0),
}


class ScriptedDetector:
    name = "scripted"

    def detect_batch(self, texts: Sequence[str]) -> list[EmotionReading]:
        return [_SCRIPT[text.split()[0]] for text in texts]


@pytest.fixture
def scripted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("pipeline.process.get_detector", ScriptedDetector)


def _strategies(conversation: Conversation, texts: Sequence[str]) -> list[str]:
    out = []
    for text in texts:
        message, _ = receive.message_receive(
            conversation=conversation, client_message_id=uuid.uuid4(), text=text
        )
        assert process.message_process(message_id=message.pk) == "replied"
        out.append(Message.objects.get(reply_to=message).meta["strategy"])
    return out


@pytest.mark.parametrize(
    ("recent", "expected"),
    [
        pytest.param([], 0, id="no-readings"),
        pytest.param(["negative"], 1, id="one-negative"),
        pytest.param(["negative", "negative", "negative"], 3, id="three-in-a-row"),
        pytest.param(["negative", "positive", "negative"], 1, id="broken-run"),
        pytest.param(["negative", "negative", "neutral"], 0, id="ends-not-negative"),
    ],
)
def test_negative_streak_counts_the_run_that_ends_the_window(
    recent: list[str], expected: int
) -> None:
    state = {"recent": [{"category": c} for c in recent], "trend": "stable"}
    assert replies.negative_streak(state) == expected


def test_negative_streak_of_an_empty_state_is_zero() -> None:
    assert replies.negative_streak(None) == 0


@pytest.mark.django_db
def test_repeated_frustration_in_the_conversation_owns_and_expedites(
    conversation: Conversation, scripted: None
) -> None:
    assert _strategies(
        conversation, ["annoyed the parcel is late", "annoyed still no parcel news"]
    ) == ["validate_then_solve", "own_and_expedite"]


@pytest.mark.django_db
def test_a_deteriorating_trend_turns_a_mild_complaint_into_validation(
    conversation: Conversation, scripted: None
) -> None:
    # Alone, a mild complaint is answered plainly; after a happy message the trend is worsening.
    other = Conversation.objects.create(site=conversation.site, visitor=conversation.visitor)
    assert _strategies(other, ["meh the invoice looks odd"]) == ["inform"]
    assert _strategies(conversation, ["great the app works", "meh now the invoice is odd"]) == [
        "celebrate",
        "validate_then_solve",
    ]
    conversation.refresh_from_db()
    assert conversation.emotional_state["trend"] == "deteriorating"


@pytest.mark.django_db
def test_a_streak_broken_by_a_calm_message_starts_over(
    conversation: Conversation, scripted: None
) -> None:
    assert _strategies(
        conversation,
        ["annoyed the parcel is late", "ok thanks for checking", "annoyed my parcel again"],
    ) == ["validate_then_solve", "inform", "validate_then_solve"]

"""Whatever the emotion model reads, the bot never celebrates a message about death or harm.

Driven through the real path: the message is received (crisis check in the transaction), then
processed by the pipeline with a detector that reads every message as joyful, the worst case
the emotion model can produce ("I would be better off dead" was once read as `caring`).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path

import pytest

from conversations.models import Conversation, Message
from empathy.replies.safety import celebrates
from empathy.types import EmotionReading
from pipeline import process, receive
from tests.conversations.conftest import ConversationFactory, SiteFactory, VisitorFactory
from tests.conversations.fakes import single_label_reading

pytestmark = pytest.mark.django_db

# The design's eight keywords in first-person sentences (shared with the crisis benchmark).
KEYWORD_FILE = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "crisis_keywords.txt"
KEYWORD_SENTENCES = tuple(line for line in KEYWORD_FILE.read_text().splitlines() if line)
# Death or harm words below any crisis level: still no cheerful reply.
HARM_BELOW_CRISIS = (
    "This bug is killing me lol",
    "the deadline will be the death of me",
    "my phone died right after the update, love that",
    "Great, just great. Another update that kills my login",
)
OTHER_LANGUAGES = (
    ("Ich will nicht mehr leben", "de"),
    ("No quiero vivir más", "es"),
    ("Je veux mourir", "fr"),
    ("Quiero suicidarme", "es"),
    ("não quero mais viver", "pt"),
    ("voglio morire, non ce la faccio più", "it"),
)


class JoyfulDetector:
    name = "joyful"

    def detect_batch(self, texts: Sequence[str]) -> list[EmotionReading]:
        return [single_label_reading("joy", "positive", 0.8, 0.8) for _ in texts]


@pytest.fixture(autouse=True)
def joyful(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("pipeline.process.get_detector", lambda: JoyfulDetector())


def _say(conversation: Conversation, text: str) -> Message:
    message, _ = receive.message_receive(
        conversation=conversation, client_message_id=uuid.uuid4(), text=text
    )
    process.message_process(message_id=message.pk)
    return message


def _answers(conversation: Conversation, message: Message) -> list[Message]:
    return list(
        Message.objects.filter(conversation=conversation, seq__gt=message.seq)
        .exclude(sender=Message.Sender.VISITOR)
        .order_by("seq")
    )


@pytest.mark.parametrize("text", KEYWORD_SENTENCES)
def test_the_design_keywords_reach_a_person_with_help_lines_and_no_cheer(text: str) -> None:
    conversation = ConversationFactory()
    message = _say(conversation, text)
    message.refresh_from_db()
    assert message.meta["crisis"]["level"] == "crisis"
    answers = _answers(conversation, message)
    assert [a.sender for a in answers] == ["system"]
    assert answers[0].meta["crisis_resources"] is True
    assert not any(celebrates(a.text) for a in answers)
    conversation.refresh_from_db()
    assert conversation.status == "waiting_for_agent"


@pytest.mark.parametrize("text", HARM_BELOW_CRISIS)
def test_harm_words_below_crisis_get_a_reply_that_does_not_celebrate(text: str) -> None:
    conversation = ConversationFactory()
    message = _say(conversation, text)
    message.refresh_from_db()
    assert message.meta["crisis"]["level"] == "none"
    assert message.meta["crisis"]["harm"] is True
    (reply,) = _answers(conversation, message)
    assert reply.sender == "bot"
    assert reply.meta["strategy"] != "celebrate"
    assert not celebrates(reply.text), reply.text


def test_without_harm_a_joyful_reading_is_still_celebrated() -> None:
    conversation = ConversationFactory()
    message = _say(conversation, "the new dashboard is great, thank you all")
    (reply,) = _answers(conversation, message)
    assert reply.meta["strategy"] == "celebrate"


@pytest.mark.parametrize(("text", "language"), OTHER_LANGUAGES)
def test_other_languages_reach_a_person_with_lines_in_their_language(
    text: str, language: str
) -> None:
    site = SiteFactory(locale="en")
    visitor = VisitorFactory(
        site=site,
        locale={"de": "de-DE", "es": "es-ES", "fr": "fr-FR", "pt": "pt-BR", "it": "it-IT"}[
            language
        ],
    )
    conversation = ConversationFactory(site=site, visitor=visitor)
    message = _say(conversation, text)
    message.refresh_from_db()
    assert message.meta["crisis"]["level"] == "crisis"
    assert message.meta["crisis"]["language"] == language
    (notice,) = _answers(conversation, message)
    from escalations import help_lines

    assert notice.text.splitlines()[0] == help_lines._TEXT[language]["intro_self"]
    assert not celebrates(notice.text)


def test_danger_from_others_sends_abuse_lines() -> None:
    site = SiteFactory(locale="en")
    visitor = VisitorFactory(site=site, locale="en-US")
    conversation = ConversationFactory(site=site, visitor=visitor)
    message = _say(conversation, "my husband hits me and says he will kill me if I leave")
    message.refresh_from_db()
    assert message.meta["crisis"]["level"] == "crisis"
    assert "others" in message.meta["crisis"]["topics"]
    (notice,) = _answers(conversation, message)
    assert "1-800-799-7233" in notice.text
    assert notice.meta["help_topics"] == message.meta["crisis"]["topics"]

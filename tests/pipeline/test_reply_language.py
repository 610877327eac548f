"""The bot answers in the language the visitor writes in, whatever their browser locale says."""

from __future__ import annotations

import re
import uuid

import pytest

from conversations.models import Conversation, Message
from empathy.replies.phrasings import LIBRARIES
from pipeline import process, receive
from tests.conversations.conftest import ConversationFactory, SiteFactory, VisitorFactory
from tests.conversations.fakes import FakeDetector

pytestmark = pytest.mark.django_db


def _library_sentences(code: str) -> set[str]:
    library = LIBRARIES[code]
    lines = {
        line
        for slots in library.lines.values()
        for groups in slots.values()
        for group in groups.values()
        for line in group
    }
    return lines | {f"{a} — {b}" for a in library.bridge_a for b in library.bridge_b}


def _from_library(sentence: str, code: str) -> bool:
    """Whether a sent sentence is one of the library's lines ({topic} filled in for English)."""
    for line in _library_sentences(code):
        pattern = re.escape(line).replace(re.escape("{topic}"), ".+")
        if re.fullmatch(pattern, sentence):
            return True
    return False


def _reply_to(conversation: Conversation, text: str) -> Message:
    message, _ = receive.message_receive(
        conversation=conversation, client_message_id=uuid.uuid4(), text=text
    )
    process.message_process(message_id=message.pk)
    return Message.objects.get(conversation=conversation, reply_to=message, sender="bot")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("¿dónde está mi pedido? llevo una semana esperando", "es"),
        ("bonjour, mon colis n'est toujours pas arrivé", "fr"),
        ("Hallo, meine Bestellung ist immer noch nicht da", "de"),
        ("oi, meu pedido ainda não chegou", "pt"),
        ("ciao, il mio ordine non è ancora arrivato", "it"),
        ("hello, my parcel still hasn't arrived", "en"),
    ],
)
def test_reply_language_follows_the_message(text: str, code: str, detector: FakeDetector) -> None:
    site = SiteFactory(locale="en")
    conversation = ConversationFactory(site=site, visitor=VisitorFactory(site=site, locale="en-US"))
    reply = _reply_to(conversation, text)
    assert reply.meta["sentences"]
    assert all(_from_library(s, code) for s in reply.meta["sentences"]), reply.meta["sentences"]


def test_an_unsupported_language_is_answered_in_the_visitor_locale(
    detector: FakeDetector,
) -> None:
    site = SiteFactory(locale="en")
    conversation = ConversationFactory(site=site, visitor=VisitorFactory(site=site, locale="de-DE"))
    reply = _reply_to(conversation, "gdzie jest moje zamówienie, czekam od tygodnia")
    assert all(_from_library(s, "de") for s in reply.meta["sentences"])

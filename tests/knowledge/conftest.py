"""Fixtures for the knowledge-base tests: factories and small help centers on disk."""

from __future__ import annotations

from pathlib import Path

import factory
import pytest

from conversations.models import Conversation, Message, Site, Visitor


class SiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Site

    name = factory.Sequence(lambda n: f"Shop {n}")
    site_key = factory.Sequence(lambda n: f"kb-site-{n}")
    locale = "en"


class VisitorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Visitor

    site = factory.SubFactory(SiteFactory)


class ConversationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conversation

    site = factory.SubFactory(SiteFactory)
    visitor = factory.SubFactory(VisitorFactory, site=factory.SelfAttribute("..site"))


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Message

    conversation = factory.SubFactory(ConversationFactory)
    seq = factory.Sequence(lambda n: n + 1)
    sender = Message.Sender.BOT
    text = "Here is how to reset your password."


def articles_write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def site(db: None) -> Site:
    return SiteFactory(site_key="help", name="Help")


@pytest.fixture
def demo_site(site: Site) -> Site:
    from knowledge.services import kb_demo_import

    report = kb_demo_import(site=site)
    assert (report.created, report.failed) == (15, [])
    return site

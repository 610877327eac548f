"""The console's help-center assistance in headless Chromium beside the widget: the articles
matching the visitor's latest message with one-click "Insert link", and the article the bot
used on its answer."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command

from conversations.models import Message, Site
from escalations.models import Escalation
from tests.agents_console.test_console_browser import _agent_login, _open, _shot
from tests.conftest import LiveAsgiServer, PageProbe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.integration,
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.slow,
]

LIVE_MS = 20_000
QUESTION = "how do I reset my password? I'm locked out"
RESET_TITLE = "How do I reset my password?"
RESET_URL = "https://help.example.com/articles/reset-password"


@pytest.fixture
def help_demo(transactional_db: None, asgi_server: LiveAsgiServer, settings: Any) -> Site:
    from knowledge.services import kb_demo_import

    call_command("seed_demo", verbosity=0)
    settings.DEBUG = True  # the demo accounts exist only in DEBUG
    call_command("seed_console_demo", stdout=io.StringIO())
    site = Site.objects.get(site_key="demo")
    site.allowed_origins = [*site.allowed_origins, asgi_server.url]
    site.save(update_fields=["allowed_origins"])
    assert kb_demo_import(site=site).failed == []
    return site


def _answered_then_escalated(
    visitor: PageProbe, agent: PageProbe, server: LiveAsgiServer
) -> Escalation:
    """The visitor gets a help-center answer, asks for a person; the agent claims it."""
    from playwright.sync_api import expect

    page = visitor.page
    page.goto(f"{server.url}/")
    page.get_by_role("button", name="Open the support chat").click()
    box = page.get_by_role("textbox", name="Your message")
    box.fill(QUESTION)
    box.press("Enter")
    expect(page.locator(".msg--bot")).to_have_count(1, timeout=LIVE_MS)
    assert Message.objects.get(sender="bot").meta["kb"]["outcome"] == "answered"
    page.get_by_role("button", name="Talk to a person").click()

    item = agent.page.locator("#queue li.qitem")
    expect(item).to_have_count(1, timeout=LIVE_MS)
    item.get_by_role("button", name="Claim").click()
    escalation = Escalation.objects.get()
    expect(agent.page.locator("#transcript .tmsg--visitor .text")).to_have_text([QUESTION])
    return escalation


def test_matched_articles_are_shown_and_insert_link_puts_it_in_the_reply(
    browser: Any, help_demo: Site, asgi_server: LiveAsgiServer, request: pytest.FixtureRequest
) -> None:
    from playwright.sync_api import expect

    agent = _open(browser, request, "agent")
    visitor = _open(browser, request, "visitor")
    _agent_login(agent, asgi_server)
    _answered_then_escalated(visitor, agent, asgi_server)
    page = agent.page

    articles = page.locator("#articles li.article")
    expect(articles.first).to_be_visible(timeout=LIVE_MS)
    assert 1 <= articles.count() <= 3
    best = articles.first
    title = best.locator("a.article__title")
    expect(title).to_have_text(RESET_TITLE)
    expect(title).to_have_attribute("href", RESET_URL)
    expect(title).to_have_attribute("target", "_blank")
    expect(title).to_have_attribute("rel", "noopener noreferrer")
    expect(best).to_have_attribute("data-confident", "true")
    expect(best).to_contain_text("confident match")
    _shot(agent, "assist-articles")

    reply = page.locator("#reply-text")
    reply.fill("Sorry you're locked out! Here are the steps:")
    best.get_by_role(
        "button", name=f"Insert a link to \u201c{RESET_TITLE}\u201d in the reply"
    ).click()
    expect(reply).to_have_value(
        f"Sorry you're locked out! Here are the steps: {RESET_TITLE}: {RESET_URL}"
    )
    expect(reply).to_be_focused()
    reply.press("Control+Enter")

    # The visitor gets the agent's reply with the article as a safe link.
    link = visitor.page.locator(".msg--agent .text a")
    expect(link).to_have_attribute("href", RESET_URL, timeout=LIVE_MS)
    expect(link).to_have_attribute("rel", "noopener noreferrer")
    expect(link).to_have_attribute("target", "_blank")
    agent_text = Message.objects.get(sender="agent").text
    assert agent_text.endswith(f"{RESET_TITLE}: {RESET_URL}")
    for probe in (agent, visitor):
        assert probe.page_errors == []
        assert probe.csp_violations == []
        assert probe.dialogs == []


def test_the_bot_answer_shows_which_article_it_used(
    browser: Any, help_demo: Site, asgi_server: LiveAsgiServer, request: pytest.FixtureRequest
) -> None:
    from playwright.sync_api import expect

    agent = _open(browser, request, "agent")
    visitor = _open(browser, request, "visitor")
    _agent_login(agent, asgi_server)
    _answered_then_escalated(visitor, agent, asgi_server)

    # Needs `knowledge` on bot items of the console's conversation API (the transcript).
    used = agent.page.locator("#transcript .tmsg--bot .kb-used")
    expect(used).to_have_count(1, timeout=LIVE_MS)
    expect(used).to_have_attribute("data-outcome", "answered")
    expect(used).to_contain_text("Answered from the help center:")
    link = used.locator("a")
    expect(link).to_have_text(RESET_TITLE)
    expect(link).to_have_attribute("href", RESET_URL)
    expect(link).to_have_attribute("rel", "noopener noreferrer")
    assert agent.page_errors == []

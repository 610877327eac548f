"""The widget's help-center answers, ending a chat, continuity and honest availability, in
headless Chromium against a real uvicorn server process."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.core.management import call_command

from conversations.models import Conversation, Message, Site
from tests.conftest import ARTIFACTS_DIR, LiveAsgiServer, PageProbe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.integration,
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.slow,
]

REPLY_TIMEOUT_MS = 20_000
RESET_URL = "https://help.example.com/articles/reset-password"
OFFLINE_TEXT = (
    "Nobody from our team is online right now. Leave your email address and we will write to "
    "you as soon as someone is back."
)


@pytest.fixture
def demo_site(transactional_db: None, asgi_server: LiveAsgiServer) -> Site:
    call_command("seed_demo", verbosity=0)
    site = Site.objects.get(site_key="demo")
    site.allowed_origins = [*site.allowed_origins, asgi_server.url]
    site.save(update_fields=["allowed_origins"])
    return site


@pytest.fixture
def help_site(demo_site: Site) -> Site:
    from knowledge.services import kb_demo_import

    report = kb_demo_import(site=demo_site)
    assert report.failed == []
    return demo_site


def _context(browser: Any, request: pytest.FixtureRequest) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    request.addfinalizer(context.close)
    return context


def _page(context: Any, request: pytest.FixtureRequest, label: str = "") -> PageProbe:
    page = context.new_page()
    page.set_default_timeout(10_000)

    def screenshot() -> None:
        ARTIFACTS_DIR.mkdir(exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name + label)
        page.screenshot(path=str(ARTIFACTS_DIR / f"{name}.png"))

    request.addfinalizer(screenshot)
    return PageProbe(page)


@pytest.fixture
def probe(browser: Any, demo_site: Site, request: pytest.FixtureRequest) -> PageProbe:
    return _page(_context(browser, request), request)


def _open_chat(page: Any, server: LiveAsgiServer) -> Any:
    page.goto(f"{server.url}/")
    page.get_by_role("button", name="Open the support chat").click()
    return page.get_by_role("textbox", name="Your message")


def _say(page: Any, text: str, *, bot_replies: int) -> None:
    box = page.get_by_role("textbox", name="Your message")
    box.fill(text)
    box.press("Enter")
    from playwright.sync_api import expect

    expect(page.locator(".msg--bot")).to_have_count(bot_replies, timeout=REPLY_TIMEOUT_MS)


def _stored(page: Any) -> dict[str, Any]:
    raw = page.evaluate("() => JSON.stringify(Object.assign({}, localStorage))")
    entries = [json.loads(value) for value in json.loads(raw).values()]
    assert len(entries) == 1
    return entries[0]


def test_a_help_center_answer_links_the_article_and_asks_whether_it_helped(
    probe: PageProbe, asgi_server: LiveAsgiServer, help_site: Site
) -> None:
    from playwright.sync_api import expect

    from knowledge.models import KbAnswerFeedback

    page = probe.page
    _open_chat(page, asgi_server)
    _say(page, "how do I reset my password? I'm locked out", bot_replies=1)

    answer = page.locator(".msg--bot")
    link = answer.locator(".text a")
    expect(link).to_have_count(1)
    expect(link).to_have_text(RESET_URL)
    expect(link).to_have_attribute("href", RESET_URL)
    expect(link).to_have_attribute("target", "_blank")
    expect(link).to_have_attribute("rel", "noopener noreferrer")
    bot = Message.objects.get(sender="bot")
    assert bot.meta["kb"]["outcome"] == "answered"
    assert answer.locator(".text").inner_text() == bot.text

    question = answer.get_by_role("group", name="Did this answer your question?")
    expect(question).to_be_visible()
    question.get_by_role("button", name="Yes").click()
    expect(question.get_by_role("status")).to_have_text("Thank you, glad it helped.")
    expect(question.get_by_role("button", name="Yes")).to_have_attribute("aria-pressed", "true")
    feedback = KbAnswerFeedback.objects.get()
    assert (feedback.message_id, feedback.outcome) == (bot.pk, "yes")
    assert probe.page_errors == []
    assert probe.csp_violations == []


def test_no_on_an_answer_offers_a_person_and_nobody_online_is_said_with_an_email_offer(
    probe: PageProbe, asgi_server: LiveAsgiServer, help_site: Site
) -> None:
    from playwright.sync_api import expect

    from escalations.models import Escalation, FollowUpRequest
    from knowledge.models import KbAnswerFeedback

    page = probe.page
    _open_chat(page, asgi_server)
    _say(page, "how do I reset my password? I'm locked out", bot_replies=1)
    question = page.locator(".msg--bot").get_by_role("group", name="Did this answer your question?")
    question.get_by_role("button", name="No").click()
    expect(question.get_by_role("status")).to_have_text("Sorry it did not help.")
    assert KbAnswerFeedback.objects.get().outcome == "no"
    offer = question.locator(".kb-offer")
    expect(offer).to_contain_text("Would you like to talk to a person?")

    # No agent is online: the widget says so, shows no queue place, and takes an address.
    offer.get_by_role("button", name="Talk to a person").click()
    expect(page.locator(".msg--system .text").filter(has_text="Nobody from our team")).to_have_text(
        OFFLINE_TEXT
    )
    expect(page.locator(".queue")).to_be_hidden()
    assert Escalation.objects.get().conversation_id == Conversation.objects.get().id

    form = page.locator("form.contact")
    email = form.get_by_label("Your email address")
    email.fill("not-an-address")
    form.get_by_role("button", name="Send").click()
    status = form.get_by_role("status")
    expect(status).to_have_class(re.compile(r"\bis-error\b"))
    expect(status).not_to_have_text("")
    assert FollowUpRequest.objects.count() == 0

    email.fill("sam@example.com")
    form.get_by_role("button", name="Send").click()
    expect(page.locator(".contact-done")).to_have_text(
        "Thank you. We will write to sam@example.com as soon as someone is back."
    )
    follow_up = FollowUpRequest.objects.get()
    assert (follow_up.email, follow_up.status) == ("sam@example.com", "pending")
    expect(page.locator(".queue")).to_be_hidden()
    assert probe.page_errors == []


def test_end_chat_asks_first_resolves_offers_a_rating_and_the_next_message_starts_anew(
    probe: PageProbe, asgi_server: LiveAsgiServer
) -> None:
    from playwright.sync_api import expect

    page = probe.page
    _open_chat(page, asgi_server)
    _say(page, "Can I change my delivery address?", bot_replies=1)
    first = Conversation.objects.get()

    end = page.get_by_role("button", name="End chat", exact=True)
    end.click()
    confirm = page.get_by_role("group", name="End this chat?")
    expect(confirm).to_be_visible()
    expect(end).to_be_hidden()
    confirm.get_by_role("button", name="Keep chatting").click()
    expect(confirm).to_be_hidden()
    first.refresh_from_db()
    assert first.status == Conversation.Status.BOT

    end.click()
    confirm.get_by_role("button", name="Yes, end chat").click()
    expect(page.locator(".msg--system .text").filter(has_text="marked as resolved")).to_have_count(
        1, timeout=REPLY_TIMEOUT_MS
    )
    csat = page.locator("form.csat")
    expect(csat).to_be_visible()
    expect(end).to_be_hidden()
    expect(confirm).to_be_hidden()
    first.refresh_from_db()
    assert first.status == Conversation.Status.RESOLVED
    csat.get_by_role("button", name="5 out of 5").click()
    csat.get_by_role("button", name="Send rating").click()
    expect(
        page.locator(".msg--system .text").filter(has_text="Thank you for your feedback.")
    ).to_have_count(1)

    # Writing again starts a new conversation; the old thread stays above it.
    _say(page, "One more question about invoices", bot_replies=2)
    expect(
        page.locator(".msg--system .text").filter(has_text="Starting a new conversation.")
    ).to_have_count(1)
    second = Conversation.objects.exclude(pk=first.pk).get()
    assert _stored(page)["id"] == str(second.id)
    assert list(
        Message.objects.filter(conversation=second, sender="visitor").values_list("text", flat=True)
    ) == ["One more question about invoices"]
    expect(page.locator(".thread")).to_have_count(2)
    expect(end).to_be_visible()
    assert probe.page_errors == []
    assert probe.dialogs == []


def test_the_conversation_survives_a_reload_and_is_shared_by_another_tab(
    browser: Any, demo_site: Site, asgi_server: LiveAsgiServer, request: pytest.FixtureRequest
) -> None:
    from playwright.sync_api import expect

    context = _context(browser, request)
    first = _page(context, request, "-tab1")
    page = first.page
    _open_chat(page, asgi_server)
    _say(page, "Where is my order?", bot_replies=1)
    conversation = Conversation.objects.get()
    assert _stored(page) == {"id": str(conversation.id), "token": _stored(page)["token"]}

    page.reload()
    expect(page.get_by_role("dialog")).to_be_visible()  # this tab had the panel open
    expect(page.locator(".msg--visitor .text")).to_have_text(["Where is my order?"])
    expect(page.locator(".msg--bot")).to_have_count(1)

    # A second tab of the same site opens on the same conversation (closed panel: per tab).
    second = _page(context, request, "-tab2")
    other = second.page
    other.goto(f"{asgi_server.url}/")
    expect(other.get_by_role("dialog")).to_be_hidden()
    other.get_by_role("button", name="Open the support chat").click()
    expect(other.locator(".msg--visitor .text")).to_have_text(["Where is my order?"])
    _say(other, "It was due on Monday.", bot_replies=2)
    # The first tab sees it live, once, in order.
    expect(page.locator(".msg--visitor .text")).to_have_text(
        ["Where is my order?", "It was due on Monday."], timeout=REPLY_TIMEOUT_MS
    )
    expect(page.locator(".msg--bot")).to_have_count(2, timeout=REPLY_TIMEOUT_MS)
    assert Conversation.objects.count() == 1
    assert first.page_errors == []
    assert second.page_errors == []


def test_crisis_notice_help_lines_are_tel_links_and_the_chat_cannot_be_ended_there(
    probe: PageProbe, asgi_server: LiveAsgiServer
) -> None:
    from playwright.sync_api import expect

    page = probe.page
    _open_chat(page, asgi_server)
    box = page.get_by_role("textbox", name="Your message")
    box.fill("I can't do this anymore, I want to kill myself")
    box.press("Enter")
    notice = page.locator(".msg--system").filter(has_text="You are not alone")
    expect(notice).to_have_count(1, timeout=REPLY_TIMEOUT_MS)

    stored = Message.objects.get(sender="system").text
    assert notice.locator(".text").inner_text() == stored  # links change no character
    links = notice.locator("a[href^='tel:']")
    expect(links.first).to_be_visible()
    pairs = links.evaluate_all("ns => ns.map(n => [n.textContent, n.getAttribute('href')])")
    assert pairs, stored
    for shown, href in pairs:
        assert re.fullmatch(r"tel:\+?\d{3,15}", href), href
        assert href == "tel:" + re.sub(r"[\s-]", "", shown)
        assert shown in stored
    # The emergency number is always in the notice, and always a link.
    emergency = re.search(r"\b(\d{3})\b", stored)
    assert emergency is not None
    assert f"tel:{emergency.group(1)}" in {href for _, href in pairs}
    assert notice.locator("a:not([href^='tel:'])").count() == 0  # no scheme-less address linked
    expect(page.get_by_role("button", name="End chat", exact=True)).to_be_hidden()
    assert probe.page_errors == []

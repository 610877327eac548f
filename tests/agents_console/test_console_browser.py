"""The console in headless Chromium beside the widget, against a real uvicorn + Redis layer.

A visitor writes through the widget on the demo page; an agent, logged in to the console in
another browser context, sees the escalation arrive live, claims it, reads the timeline and
suggestions, replies, and the visitor sees the reply. A crisis reaches the top of the queue
within two seconds.
"""

from __future__ import annotations

import io
import re
import time
from typing import Any

import pytest
from django.core.management import call_command

from conversations.models import Message, Site
from escalations.models import Escalation
from tests.conftest import ARTIFACTS_DIR, LiveAsgiServer, PageProbe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.integration,
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.slow,
]

ANGRY_TEXT = (
    "This is absolutely unacceptable, I am furious! Three weeks and still no refund. "
    "Let me speak to a human now."
)
CRISIS_TEXT = "I have the pills in front of me and I want to end my life tonight"
XSS_TEXT = (
    "<img src=x onerror=alert(1)> <svg/onload=alert(2)> "
    '<a href="javascript:alert(3)">javascript:alert(3)</a> \u202eevil\u202c '
    "I want to talk to a human"
)
LIVE_MS = 20_000


@pytest.fixture
def demo(transactional_db: None, asgi_server: LiveAsgiServer, settings: Any) -> Site:
    call_command("seed_demo", verbosity=0)
    settings.DEBUG = True  # the demo accounts exist only in DEBUG
    call_command("seed_console_demo", stdout=io.StringIO())
    site = Site.objects.get(site_key="demo")
    site.allowed_origins = [*site.allowed_origins, asgi_server.url]
    site.save(update_fields=["allowed_origins"])
    return site


def _open(browser: Any, request: pytest.FixtureRequest, name: str, **options: Any) -> PageProbe:
    options.setdefault("viewport", {"width": 1280, "height": 720})
    context = browser.new_context(**options)
    request.addfinalizer(context.close)
    page = context.new_page()
    page.set_default_timeout(10_000)
    return PageProbe(page)


def _shot(probe: PageProbe, name: str) -> None:
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    probe.page.screenshot(
        path=str(ARTIFACTS_DIR / f"console-{re.sub(r'[^a-z0-9_-]', '_', name)}.png")
    )


def _agent_login(probe: PageProbe, server: LiveAsgiServer) -> None:
    from playwright.sync_api import expect

    page = probe.page
    page.goto(f"{server.url}/console/")
    expect(page).to_have_url(re.compile(r"/console/login/"))
    page.get_by_label("Username").fill("demo-agent")
    page.get_by_label("Password").fill("demo-agent")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{server.url}/console/")
    expect(page.locator("#conn")).to_have_attribute("data-state", "live")


def _visitor_says(probe: PageProbe, server: LiveAsgiServer, text: str) -> float:
    page = probe.page
    page.goto(f"{server.url}/")
    page.get_by_role("button", name="Open the support chat").click()
    box = page.get_by_role("textbox", name="Your message")
    box.fill(text)
    sent_at = time.monotonic()
    box.press("Enter")
    return sent_at


def test_angry_visitor_reaches_an_agent_who_claims_and_replies_live(
    browser: Any, demo: Site, asgi_server: LiveAsgiServer, request: pytest.FixtureRequest
) -> None:
    from playwright.sync_api import expect

    agent = _open(browser, request, "agent")
    visitor = _open(browser, request, "visitor")
    _agent_login(agent, asgi_server)
    page = agent.page
    expect(page.locator("#queue-count")).to_have_text("0 waiting, 0 assigned")

    _visitor_says(visitor, asgi_server, ANGRY_TEXT)

    # Live: the escalation appears without a reload.
    item = page.locator("#queue li.qitem")
    expect(item).to_have_count(1, timeout=LIVE_MS)
    escalation = Escalation.objects.get()
    expect(item).to_have_attribute("data-escalation-id", str(escalation.pk))
    expect(item).to_have_attribute("data-status", "queued")
    expect(item.locator(".qitem__reason")).to_have_text("Asked for a person")
    expect(item.locator(".sla")).to_contain_text("SLA")
    expect(item.locator(".wait")).to_contain_text("waiting")
    _shot(agent, "queue-with-escalation")

    # One click claims it and opens the conversation.
    item.get_by_role("button", name="Claim").click()
    expect(page).to_have_url(
        f"{asgi_server.url}/console/conversations/{escalation.conversation_id}/"
    )
    escalation.refresh_from_db()
    assert escalation.status == "assigned"
    assert escalation.assigned_to.username == "demo-agent"

    visitor_line = page.locator("#transcript .tmsg--visitor .text")
    expect(visitor_line).to_have_text([ANGRY_TEXT])
    # The reading arrives from the pipeline; the timeline draws one point per series.
    expect(page.locator("#timeline svg circle.dot--intensity")).to_have_count(1, timeout=LIVE_MS)
    expect(page.locator("#timeline svg circle.dot--valence")).to_have_count(1)
    expect(page.locator("#transcript .tmsg--visitor .reading .badge")).to_have_count(1)
    suggestions = page.locator("#suggestions li.suggestion")
    expect(suggestions.first).to_be_visible(timeout=LIVE_MS)
    expect(suggestions.first.locator(".tag")).to_contain_text("Suggestion")
    expect(page.locator("#esc-reason")).to_have_text("user_request")
    _shot(agent, "conversation-claimed")

    # Reply from the keyboard: r focuses the box, Ctrl+Enter sends.
    page.keyboard.press("r")
    expect(page.locator("#reply-text")).to_be_focused()
    reply = "I'm Sam from the support team. I'm sorry about the refund; I'm sending it now."
    page.locator("#reply-text").fill(reply)
    page.locator("#reply-text").press("Control+Enter")
    expect(page.locator("#transcript .tmsg--agent .text")).to_have_text([reply], timeout=LIVE_MS)

    expect(visitor.page.locator(".msg--agent .text")).to_have_text([reply], timeout=LIVE_MS)
    _shot(visitor, "widget-agent-reply")
    assert list(Message.objects.filter(sender="agent").values_list("text", flat=True)) == [reply]

    # Escape leaves the reply box; x twice resolves (no modal dialog).
    page.locator("#reply-text").press("Escape")
    page.keyboard.press("x")
    page.keyboard.press("x")
    expect(page.locator("#conv-status")).to_have_text("resolved", timeout=LIVE_MS)
    assert Escalation.objects.get().status == "resolved"
    for probe in (agent, visitor):
        assert probe.page_errors == []
        assert probe.dialogs == []
        assert probe.csp_violations == []


def test_crisis_reaches_the_top_of_the_queue_within_two_seconds(
    browser: Any, demo: Site, asgi_server: LiveAsgiServer, request: pytest.FixtureRequest
) -> None:
    from playwright.sync_api import expect

    agent = _open(browser, request, "agent")
    first = _open(browser, request, "visitor-1")
    crisis = _open(browser, request, "visitor-2")
    _agent_login(agent, asgi_server)
    page = agent.page
    _visitor_says(first, asgi_server, "I need to talk to a human about my invoice please")
    expect(page.locator("#queue li.qitem")).to_have_count(1, timeout=LIVE_MS)

    sent_at = _visitor_says(crisis, asgi_server, CRISIS_TEXT)
    top = page.locator("#queue li.qitem").first
    expect(top).to_have_attribute("data-urgency", "critical", timeout=2_000)
    elapsed = time.monotonic() - sent_at
    assert elapsed < 2.0, f"crisis took {elapsed:.2f}s to reach the queue"
    expect(page.locator("#queue li.qitem")).to_have_count(2)
    expect(top).to_have_class(re.compile(r"\bis-new-critical\b"))
    expect(page.locator("#banner")).to_have_text("New critical escalation: Crisis indicators")
    _shot(agent, "queue-crisis-on-top")
    _shot(crisis, "widget-crisis-resources")
    assert agent.page_errors == []
    assert agent.csp_violations == []


def test_markup_from_the_widget_is_text_in_the_console(
    browser: Any, demo: Site, asgi_server: LiveAsgiServer, request: pytest.FixtureRequest
) -> None:
    from playwright.sync_api import expect

    # The console context ignores the CSP, so only the textContent discipline stands between
    # a payload and its execution; a canary proves inline handlers would run here.
    agent = _open(browser, request, "agent", bypass_csp=True)
    visitor = _open(browser, request, "visitor")
    _agent_login(agent, asgi_server)
    page = agent.page
    _visitor_says(visitor, asgi_server, XSS_TEXT)
    item = page.locator("#queue li.qitem")
    expect(item).to_have_count(1, timeout=LIVE_MS)
    item.get_by_role("button", name="Claim").click()
    expect(page.locator("#transcript .tmsg--visitor .text")).to_have_text([XSS_TEXT])
    page.wait_for_timeout(500)  # every chance for a handler to fire
    assert page.locator("#transcript img, #transcript svg, #transcript a").count() == 0
    # Canary: in this context an inline handler does run, so innerHTML would have been caught.
    page.evaluate(
        """() => { const d = document.createElement('div');
                   d.innerHTML = '<img src="x" onerror="window.__canary = 1">';
                   document.body.appendChild(d); }"""
    )
    page.wait_for_function("() => window.__canary === 1")
    assert agent.dialogs == []
    assert agent.page_errors == []
    _shot(agent, "conversation-xss-as-text")


@pytest.mark.parametrize(
    "viewport",
    [{"width": 1280, "height": 720}, {"width": 768, "height": 1024}],
    ids=["laptop-1280x720", "tablet-768x1024"],
)
def test_console_fits_laptop_and_tablet_screens(
    browser: Any,
    demo: Site,
    asgi_server: LiveAsgiServer,
    request: pytest.FixtureRequest,
    viewport: dict[str, int],
) -> None:
    from playwright.sync_api import expect

    agent = _open(browser, request, "agent", viewport=viewport)
    visitor = _open(browser, request, "visitor")
    _agent_login(agent, asgi_server)
    _visitor_says(visitor, asgi_server, "Can I talk to a person about my invoice please")
    page = agent.page
    item = page.locator("#queue li.qitem").first
    expect(item).to_be_visible(timeout=LIVE_MS)
    item.press("Enter")  # open from the keyboard
    expect(page).to_have_url(re.compile(r"/console/conversations/"))
    claim = page.get_by_role("button", name=re.compile("^Claim"))
    expect(claim).to_be_visible()
    # Nothing is cut off sideways: no horizontal scrolling at this width.
    overflow = page.evaluate(
        "() => document.scrollingElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    box = claim.bounding_box()
    assert box is not None
    assert box["x"] + box["width"] <= viewport["width"]
    _shot(agent, f"conversation-{viewport['width']}x{viewport['height']}")
    assert agent.page_errors == []


def test_a_crisis_concern_is_a_review_the_agent_takes_over_by_writing(
    browser: Any, demo: Site, asgi_server: LiveAsgiServer, request: pytest.FixtureRequest
) -> None:
    from playwright.sync_api import expect

    agent = _open(browser, request, "agent")
    visitor = _open(browser, request, "visitor")
    _agent_login(agent, asgi_server)
    page = agent.page

    _visitor_says(visitor, asgi_server, "I feel so hopeless lately")
    item = page.locator("#queue li.qitem")
    expect(item).to_have_count(1, timeout=LIVE_MS)
    expect(item.locator(".qitem__reason")).to_have_text("Crisis concern (review)")
    # Meanwhile the assistant checks in with the visitor; no hand-off notice is shown.
    expect(visitor.page.locator(".msg--bot")).to_have_count(1, timeout=LIVE_MS)
    expect(visitor.page.locator(".msg--system")).to_have_count(0)

    item.get_by_role("button", name="Claim").click()
    expect(page.locator("#conv-status")).to_contain_text(
        "review: the assistant is still answering", timeout=LIVE_MS
    )
    expect(page.locator("#handback")).to_be_visible()
    reply = "Hi, I'm Sam from the team. I'm here with you. How are you doing right now?"
    page.locator("#reply-text").fill(reply)
    page.locator("#reply-text").press("Control+Enter")
    expect(visitor.page.locator(".msg--agent .text")).to_have_text([reply], timeout=LIVE_MS)
    assert Escalation.objects.get().conversation.status == "with_agent"
    for probe in (agent, visitor):
        assert probe.page_errors == []
        assert probe.csp_violations == []

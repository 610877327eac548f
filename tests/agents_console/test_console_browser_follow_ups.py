"""Follow-up requests in headless Chromium, against a real uvicorn + Redis layer.

Nobody is online: a visitor asks for a person through the widget, is told so and leaves an
address; the agent's console, already open, lists the request live (an address that is also
markup stays text) and marks it handled, and it leaves the list.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command

from conversations.models import Conversation, Site, Visitor
from escalations import services
from escalations.models import FollowUpRequest
from tests.agents_console.test_console_browser import LIVE_MS, _agent_login, _open, _shot
from tests.conftest import LiveAsgiServer

pytestmark = [
    pytest.mark.browser,
    pytest.mark.integration,
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.slow,
]

XSS_EMAIL = '"<img/src=x/onerror=alert(1)>"@example.org'


@pytest.fixture
def demo(transactional_db: None, asgi_server: LiveAsgiServer, settings: Any) -> Site:
    call_command("seed_demo", verbosity=0)
    settings.DEBUG = True  # the demo accounts exist only in DEBUG
    call_command("seed_console_demo", stdout=io.StringIO())
    site = Site.objects.get(site_key="demo")
    site.allowed_origins = [*site.allowed_origins, asgi_server.url]
    site.save(update_fields=["allowed_origins"])
    return site


def test_a_visitor_nobody_could_reach_appears_live_and_is_marked_handled(
    browser: Any, demo: Site, asgi_server: LiveAsgiServer, request: pytest.FixtureRequest
) -> None:
    from playwright.sync_api import expect

    earlier = Conversation.objects.create(
        site=demo, visitor=Visitor.objects.create(site=demo, display_name="Earlier")
    )
    services.follow_up_request(conversation=earlier, email=XSS_EMAIL)

    agent = _open(browser, request, "agent")
    dialogs: list[str] = []
    agent.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    _agent_login(agent, asgi_server)
    page = agent.page
    rows = page.locator("#followups li.followup")
    expect(rows).to_have_count(1)
    expect(rows.first.locator(".followup__email")).to_have_text(XSS_EMAIL)
    expect(page.locator("#followups img")).to_have_count(0)
    expect(page.locator("#followups-count")).to_have_text("1 waiting for an answer")

    # The visitor asks for a person; nobody is online, so they leave an address.
    visitor = _open(browser, request, "visitor").page
    visitor.goto(f"{asgi_server.url}/")
    visitor.get_by_role("button", name="Open the support chat").click()
    box = visitor.get_by_role("textbox", name="Your message")
    box.fill("Hello, my order number 1234 has not arrived")
    box.press("Enter")
    visitor.locator("button.human").click()
    form = visitor.locator("form.contact")
    form.get_by_label("Your email address").fill("sam@example.com")
    form.get_by_role("button", name="Send").click()
    expect(visitor.locator(".contact-done")).to_contain_text("sam@example.com")

    # Live in the console: oldest first, without a reload.
    expect(rows).to_have_count(2, timeout=LIVE_MS)
    fresh = FollowUpRequest.objects.get(email="sam@example.com")
    live = page.locator(f'#followups li[data-follow-up-id="{fresh.pk}"]')
    expect(live.locator(".followup__email")).to_have_text("sam@example.com")
    expect(live.locator(".qitem__reason")).to_have_text("Asked for a person")
    expect(live.get_by_role("link", name="Open")).to_have_count(1)  # queued: it opens
    expect(rows.nth(1)).to_have_attribute("data-follow-up-id", str(fresh.pk))
    _shot(agent, "follow-ups")

    live.get_by_role("button", name="Mark handled").click()
    expect(rows).to_have_count(1)
    expect(page.locator("#followups-count")).to_have_text("1 waiting for an answer")
    fresh.refresh_from_db()
    assert fresh.status == "done"
    assert fresh.handled_by is not None
    assert fresh.handled_by.get_username() == "demo-agent"
    assert FollowUpRequest.objects.get(email=XSS_EMAIL).status == "pending"
    assert dialogs == []
    assert agent.page_errors == []
    assert agent.csp_violations == []

"""The widget on the demo page in headless Chromium, against a real uvicorn server process."""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

import httpx
import pytest
from django.core.management import call_command

from conversations import services
from conversations.models import Conversation, Message, Site
from tests.conftest import ARTIFACTS_DIR, LiveAsgiServer, PageProbe, run_asgi_server

pytestmark = [
    pytest.mark.browser,
    pytest.mark.integration,
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.slow,
]

REPLY_TIMEOUT_MS = 20_000
XSS_TEXT = "Look at this <img src=x onerror=alert(1)> and <script>alert(2)</script> please"


@pytest.fixture
def demo_site(transactional_db: None, asgi_server: LiveAsgiServer) -> Site:
    call_command("seed_demo", verbosity=0)
    site = Site.objects.get(site_key="demo")
    # The server listens on a random port; the demo site must accept pages from it.
    site.allowed_origins = [*site.allowed_origins, asgi_server.url]
    site.save(update_fields=["allowed_origins"])
    return site


def _open_page(browser: Any, request: pytest.FixtureRequest, **context_options: Any) -> Any:
    context = browser.new_context(**context_options)
    request.addfinalizer(context.close)
    page = context.new_page()
    page.set_default_timeout(10_000)

    def screenshot() -> None:
        ARTIFACTS_DIR.mkdir(exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
        page.screenshot(path=str(ARTIFACTS_DIR / f"{name}.png"))

    request.addfinalizer(screenshot)  # runs before context.close (finalizers are LIFO)
    return PageProbe(page)


@pytest.fixture
def probe(browser: Any, demo_site: Site, request: pytest.FixtureRequest) -> PageProbe:
    return _open_page(browser, request, viewport={"width": 1280, "height": 800})


@pytest.fixture
def csp_free_probe(browser: Any, demo_site: Site, request: pytest.FixtureRequest) -> PageProbe:
    # The page's CSP would block inline event handlers by itself; bypassing it leaves only the
    # widget's textContent discipline between a payload and its execution.
    return _open_page(browser, request, viewport={"width": 1280, "height": 800}, bypass_csp=True)


@pytest.fixture
def phone_probe(browser: Any, demo_site: Site, request: pytest.FixtureRequest) -> PageProbe:
    return _open_page(
        browser,
        request,
        viewport={"width": 390, "height": 844},
        device_scale_factor=3,
        is_mobile=True,
        has_touch=True,
    )


def _stored_session(page: Any) -> dict[str, Any]:
    # The conversation is kept per site key in localStorage (shared by the site's tabs).
    raw = page.evaluate("() => JSON.stringify(Object.assign({}, localStorage))")
    entries = [json.loads(value) for value in json.loads(raw).values()]
    assert len(entries) == 1
    return entries[0]


def test_visitor_message_gets_the_bot_reply_on_the_demo_page(
    probe: PageProbe, asgi_server: LiveAsgiServer, demo_site: Site
) -> None:
    from playwright.sync_api import expect

    page = probe.page
    response = page.goto(f"{asgi_server.url}/")
    assert response is not None
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert page.locator("script[data-site-key='demo'][src='/static/widget/widget.js']").count() == 1

    launcher = page.get_by_role("button", name="Open the support chat")
    launcher.click()
    expect(page.locator("button.launcher")).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("dialog", name=demo_site.name)).to_be_visible()
    log = page.get_by_role("log", name="Messages")
    expect(log).to_have_attribute("aria-live", "polite")
    box = page.get_by_role("textbox", name="Your message")
    expect(box).to_be_focused()

    text = "Hi, my order never arrived and I'm getting really frustrated."
    box.fill(text)
    box.press("Enter")  # the keyboard path: Enter sends

    expect(box).to_have_value("")
    expect(page.locator(".msg--visitor .text")).to_have_text([text])
    bot_replies = page.locator(".msg--bot .text")
    expect(bot_replies).to_have_count(1, timeout=REPLY_TIMEOUT_MS)
    expect(page.locator(".msg--pending")).to_have_count(0)
    expect(page.locator(".typing")).to_be_hidden()

    conversation = Conversation.objects.get()
    stored = list(
        Message.objects.filter(conversation=conversation)
        .order_by("seq")
        .values_list("id", "sender", "text")
    )
    assert [(sender, body) for _, sender, body in stored] == [
        ("visitor", text),
        ("bot", bot_replies.inner_text()),
    ]
    visitor_id, bot_id = (str(row[0]) for row in stored)
    expect(page.locator(".msg--visitor")).to_have_attribute("data-message-id", visitor_id)
    expect(page.locator(".msg--bot")).to_have_attribute("data-message-id", bot_id)
    session = _stored_session(page)
    assert session["id"] == str(conversation.id)

    # The button appears only when the site's widget config offers a human handover.
    config = httpx.get(f"{asgi_server.url}/api/v1/widget/config", params={"site_key": "demo"})
    assert config.status_code == 200
    offered = bool((config.json().get("features") or {}).get("request_human"))
    expect(page.get_by_role("button", name="Talk to a person")).to_have_count(1 if offered else 0)
    assert probe.csp_violations == []
    assert probe.page_errors == []


def test_markup_in_a_message_is_shown_as_text_and_never_runs(
    csp_free_probe: PageProbe, asgi_server: LiveAsgiServer
) -> None:
    from playwright.sync_api import expect

    probe = csp_free_probe
    page = probe.page

    response = page.goto(f"{asgi_server.url}/")
    assert response is not None
    assert "script-src 'self'" in response.headers["content-security-policy"]
    # Canary: in this page an inline handler does run, so innerHTML would be caught here.
    page.evaluate(
        """() => {
            const probe = document.createElement("div");
            probe.id = "canary";
            probe.innerHTML = '<img src="x" onerror="window.__canary = 1">';
            document.body.appendChild(probe);
        }"""
    )
    page.wait_for_function("() => window.__canary === 1")
    page.evaluate("() => document.getElementById('canary').remove()")

    page.get_by_role("button", name="Open the support chat").click()
    box = page.get_by_role("textbox", name="Your message")
    box.fill(XSS_TEXT)
    page.get_by_role("button", name="Send message").click()

    expect(page.locator(".msg--bot")).to_have_count(1, timeout=REPLY_TIMEOUT_MS)
    expect(page.locator(".msg--visitor .text")).to_have_text([XSS_TEXT])
    assert page.locator("img").count() == 0
    assert page.locator("[data-empathy-desk] script").count() == 0
    assert Message.objects.get(sender="visitor").text == XSS_TEXT

    # A reload resumes the stored conversation: the server's copy of the text comes back over
    # the websocket, is rendered as text again, and nothing is shown twice.
    page.reload()
    expect(page.get_by_role("dialog")).to_be_visible()
    expect(page.locator(".msg--visitor .text")).to_have_text([XSS_TEXT])
    expect(page.locator(".msg--bot")).to_have_count(1)
    page.wait_for_timeout(500)  # give an onerror handler every chance to fire
    assert page.locator("img").count() == 0
    assert probe.dialogs == []
    assert probe.page_errors == []


def test_phone_sized_screen_gets_a_full_screen_panel(
    phone_probe: PageProbe, asgi_server: LiveAsgiServer
) -> None:
    from playwright.sync_api import expect

    page = phone_probe.page
    page.goto(f"{asgi_server.url}/")
    launcher = page.get_by_role("button", name="Open the support chat")
    launcher.tap()

    panel = page.get_by_role("dialog")
    expect(panel).to_be_visible()
    assert panel.bounding_box() == {"x": 0, "y": 0, "width": 390, "height": 844}
    box = page.get_by_role("textbox", name="Your message")
    send = page.get_by_role("button", name="Send message")
    close = page.get_by_role("button", name="Close the chat")
    for control in (box, send, close):
        area = control.bounding_box()
        assert area is not None
        assert area["x"] >= 0
        assert area["x"] + area["width"] <= 390
        assert area["y"] >= 0
        assert area["y"] + area["height"] <= 844
        assert area["height"] >= 40  # comfortably tappable

    box.tap()
    box.fill("Can I change my delivery address?")
    send.tap()
    expect(page.locator(".msg--bot")).to_have_count(1, timeout=REPLY_TIMEOUT_MS)
    last = page.locator(".msg--bot").bounding_box()
    assert last is not None
    assert last["y"] + last["height"] <= 844
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS_DIR / "phone_panel_with_reply.png"))

    close.tap()
    expect(panel).to_be_hidden()
    expect(launcher).to_be_visible()
    expect(launcher).to_be_focused()
    assert phone_probe.page_errors == []


def test_rate_limit_error_from_the_api_is_shown_to_the_visitor(
    probe: PageProbe, asgi_server: LiveAsgiServer
) -> None:
    from playwright.sync_api import expect

    page = probe.page
    page.goto(f"{asgi_server.url}/")
    page.get_by_role("button", name="Open the support chat").click()
    box = page.get_by_role("textbox", name="Your message")
    box.fill("First message")
    box.press("Enter")
    expect(page.locator(".msg--bot")).to_have_count(1, timeout=REPLY_TIMEOUT_MS)

    # Spend the rest of this conversation's per-token allowance (30/minute, shipped default)
    # with requests the server rejects cheaply; each still counts toward the limit. The widget
    # itself may have used some of it (consent state), so stop at the first refusal.
    session = _stored_session(page)
    url = f"{asgi_server.url}/api/v1/widget/conversations/{session['id']}/messages"
    headers = {"Authorization": f"Bearer {session['token']}"}
    statuses = []
    with httpx.Client(headers=headers) as client:
        while len(statuses) < 40 and 429 not in statuses:
            empty = {"client_message_id": str(uuid.uuid4()), "text": ""}
            statuses.append(client.post(url, json=empty).status_code)
    assert statuses[-1] == 429
    assert set(statuses[:-1]) == {400}
    assert 25 <= len(statuses) <= 30

    box.fill("Are you still there?")
    box.press("Enter")
    alert = page.get_by_role("alert")
    expect(alert).to_have_text(re.compile(r"^Too many requests; retry in \d+ seconds\.$"))
    failed = page.locator(".msg--failed")
    expect(failed.locator(".text")).to_have_text("Are you still there?")
    expect(failed.get_by_role("button", name="Retry sending this message")).to_be_visible()
    assert list(Message.objects.filter(sender="visitor").values_list("text", flat=True)) == [
        "First message"
    ]


def test_widget_reconnects_after_the_server_restarts_and_shows_missed_events_once(
    browser: Any, transactional_db: None, request: pytest.FixtureRequest
) -> None:
    from playwright.sync_api import expect

    probe = _open_page(browser, request, viewport={"width": 1280, "height": 800})
    page = probe.page
    with run_asgi_server(eager=True, name="restart") as first:
        call_command("seed_demo", verbosity=0)
        Site.objects.filter(site_key="demo").update(allowed_origins=[first.url])
        page.goto(f"{first.url}/")
        page.get_by_role("button", name="Open the support chat").click()
        box = page.get_by_role("textbox", name="Your message")
        box.fill("My parcel is lost.")
        box.press("Enter")
        expect(page.locator(".msg--bot")).to_have_count(1, timeout=REPLY_TIMEOUT_MS)
        port = int(first.url.rsplit(":", 1)[1])

    expect(page.get_by_role("status")).to_have_text("Reconnecting\u2026")
    # While no server runs, a person takes over. Pushes from this test process cannot reach
    # the server's sockets anyway, so only the stored event log has these two events.
    conversation = Conversation.objects.get()
    services.conversation_status_set(conversation_id=conversation.id, status="with_agent")
    agent_text = "Hi, I'm Sam from support. <b>I'm here</b>"
    services.message_post(conversation_id=conversation.id, sender="agent", text=agent_text)

    with run_asgi_server(eager=True, name="restart", port=port):
        expect(page.locator(".msg--agent .text")).to_have_text(
            [agent_text], timeout=REPLY_TIMEOUT_MS
        )
        expect(page.get_by_role("status")).to_have_text("")
        note = page.locator(".msg--system .text")
        expect(note).to_have_text(["A person from our team has joined the conversation."])
        expect(page.locator(".msg--visitor")).to_have_count(1)
        expect(page.locator(".msg--bot")).to_have_count(1)
        expect(page.get_by_role("button", name="Talk to a person")).to_have_count(0)
        sequence = page.locator(".log .msg").evaluate_all(
            "nodes => nodes.map(n => n.getAttribute('data-sender'))"
        )
        assert sequence == ["visitor", "bot", "system", "agent"]
    assert probe.page_errors == []


def test_a_lost_push_is_fetched_from_the_event_log_and_shown_once(
    probe: PageProbe, asgi_server: LiveAsgiServer
) -> None:
    from playwright.sync_api import expect

    page = probe.page
    dropped: list[int] = []
    event_fetches: list[str] = []

    # Proxy the widget's socket to the real server, dropping the push with seq 3 the way an
    # at-most-once channel layer may: the widget must notice the gap when seq 4 arrives.
    def proxy(ws: Any) -> None:
        server = ws.connect_to_server()

        def to_page(message: str | bytes) -> None:
            event = json.loads(message)
            if event.get("seq") == 3 and not dropped:
                dropped.append(3)
                return
            ws.send(message)

        server.on_message(to_page)
        ws.on_message(lambda message: server.send(message))

    page.route_web_socket(re.compile(r"/ws/widget/conversations/"), proxy)
    page.on("request", lambda req: event_fetches.append(req.url) if "/events?" in req.url else None)
    page.goto(f"{asgi_server.url}/")
    page.get_by_role("button", name="Open the support chat").click()
    box = page.get_by_role("textbox", name="Your message")
    for number, text in enumerate(["Where is my order?", "It was due on Monday."], start=1):
        box.fill(text)
        box.press("Enter")
        expect(page.locator(".msg--bot")).to_have_count(number, timeout=REPLY_TIMEOUT_MS)

    assert dropped == [3]
    assert [url.rsplit("?", 1)[1] for url in event_fetches] == ["after=2"]
    expect(page.locator(".msg--visitor .text")).to_have_text(
        ["Where is my order?", "It was due on Monday."]
    )
    senders = page.locator(".log .msg").evaluate_all(
        "nodes => nodes.map(n => n.getAttribute('data-sender') + ':' + n.getAttribute('data-seq'))"
    )
    assert senders == ["visitor:1", "bot:2", "visitor:3", "bot:4"]
    assert probe.page_errors == []


def test_crisis_message_shows_help_resources_and_no_bot_typing(
    probe: PageProbe, asgi_server: LiveAsgiServer, demo_site: Site
) -> None:
    from playwright.sync_api import expect

    page = probe.page
    page.goto(f"{asgi_server.url}/")
    page.get_by_role("button", name="Open the support chat").click()
    box = page.get_by_role("textbox", name="Your message")
    box.fill("I can't do this anymore, I want to kill myself")
    box.press("Enter")

    notice = page.locator(".msg--system .text").filter(has_text="You are not alone")
    expect(notice).to_have_count(1, timeout=REPLY_TIMEOUT_MS)
    expect(notice).to_contain_text("findahelpline.com")
    # The bot is silent from here on; a lingering "assistant is typing" would be a lie.
    expect(page.locator(".typing")).to_be_hidden()
    expect(page.locator(".msg--bot")).to_have_count(0)
    conversation = Conversation.objects.get()
    assert conversation.status == Conversation.Status.WAITING_FOR_AGENT
    assert probe.page_errors == []


def test_talk_to_a_person_shows_the_queue_place_and_it_moves_up_live(
    browser: Any,
    demo_site: Site,
    asgi_server: LiveAsgiServer,
    request: pytest.FixtureRequest,
    settings: Any,
) -> None:
    import importlib

    from playwright.sync_api import expect

    from escalations import services as escalation_services
    from escalations.models import Escalation
    from tests.escalations.conftest import make_agent

    # Someone is online (so a wait is honest) but has no free seat (so nothing is routed).
    make_agent("busy", status="online", capacity=0)
    visitors = [
        _open_page(browser, request, viewport={"width": 1280, "height": 800}) for _ in range(2)
    ]
    for probe in visitors:
        page = probe.page
        page.goto(f"{asgi_server.url}/")
        page.get_by_role("button", name="Open the support chat").click()
        box = page.get_by_role("textbox", name="Your message")
        box.fill("Where is my order?")
        box.press("Enter")
        expect(page.locator(".msg--bot")).to_have_count(1, timeout=REPLY_TIMEOUT_MS)
        page.get_by_role("button", name="Talk to a person").click()
        expect(page.get_by_role("button", name="Talk to a person")).to_be_hidden()
    first, second = (probe.page for probe in visitors)
    # One agent is online and none has claimed anything yet: 180 s per place by default.
    expect(first.locator(".queue")).to_have_text("You are number 1 in the queue, about 3 minutes.")
    expect(second.locator(".queue")).to_have_text("You are number 2 in the queue, about 6 minutes.")

    # An agent takes the first visitor; the second moves up, pushed live over the socket.
    # This process must publish on the server's channel layer (Redis), with hints sent at once.
    settings.CHANNEL_LAYERS = importlib.import_module("config.settings").CHANNEL_LAYERS
    settings.CELERY_TASK_ALWAYS_EAGER = True
    agent = make_agent("ann", status="offline")
    oldest = Escalation.objects.order_by("created_at").first()
    assert oldest is not None
    escalation_services.escalation_claim(escalation_id=oldest.pk, user=agent)

    # The estimate now comes from that claim's measured wait (seconds): at least a minute.
    expect(second.locator(".queue")).to_have_text(
        "You are number 1 in the queue, about 1 minute.", timeout=REPLY_TIMEOUT_MS
    )
    expect(first.locator(".queue")).to_be_hidden(timeout=REPLY_TIMEOUT_MS)
    assert [probe.page_errors for probe in visitors] == [[], []]


def test_a_503_is_retried_with_the_same_message_id_and_says_reconnecting(
    probe: PageProbe, asgi_server: LiveAsgiServer
) -> None:
    from playwright.sync_api import Route, expect

    page = probe.page
    page.goto(f"{asgi_server.url}/")
    page.get_by_role("button", name="Open the support chat").click()
    box = page.get_by_role("textbox", name="Your message")
    box.fill("First message")
    box.press("Enter")
    expect(page.locator(".msg--bot")).to_have_count(1, timeout=REPLY_TIMEOUT_MS)
    # Message text is bidi-isolated: a right-to-left override cannot reorder the thread.
    expect(page.locator(".msg--visitor .text").first).to_have_attribute("dir", "auto")

    # The database is briefly down: the first attempt answers 503, as the server would.
    seen_ids: list[str] = []

    def outage_once(route: Route) -> None:
        if route.request.method != "POST":
            route.continue_()
            return
        seen_ids.append(json.loads(route.request.post_data or "{}")["client_message_id"])
        if len(seen_ids) == 1:
            route.fulfill(
                status=503,
                headers={"Retry-After": "2", "Content-Type": "application/json"},
                body=json.dumps({"error": "unavailable", "message": "Try again shortly."}),
            )
        else:
            route.continue_()

    page.route("**/api/v1/widget/conversations/*/messages", outage_once)
    box.fill("Still there?")
    box.press("Enter")
    pending = page.locator(".msg--pending", has_text="Still there?")
    expect(pending).to_contain_text("Reconnecting")
    expect(page.locator(".msg--bot")).to_have_count(2, timeout=REPLY_TIMEOUT_MS)
    assert len(seen_ids) == 2
    assert seen_ids[0] == seen_ids[1]
    assert list(Message.objects.filter(sender="visitor").values_list("text", flat=True)) == [
        "First message",
        "Still there?",
    ]

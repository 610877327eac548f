"""Per-IP limits and the login lockout key on core.client_ip, not on a client-written header.

Issue 17: 80 of 80 creates went through a 3/minute limit, each with a new X-Forwarded-For.
"""

from __future__ import annotations

import json
import logging
import os
import urllib.error
import urllib.request

import pytest
import redis
from django.contrib.auth import get_user_model
from django.test import Client
from rest_framework.test import APIClient

from conversations.models import Conversation, Site
from tests.conftest import run_asgi_server

pytestmark = pytest.mark.django_db


def _creates(api: APIClient, count: int, **headers: str) -> list[int]:
    return [
        api.post(
            "/api/v1/widget/conversations",
            {"site_key": "acme"},
            format="json",
            HTTP_X_FORWARDED_FOR=f"198.18.{i // 250}.{i % 250 + 1}",
            **headers,
        ).status_code
        for i in range(count)
    ]


def test_spoofed_forwarded_for_does_not_escape_the_create_limit(  # type: ignore[no-untyped-def]
    api: APIClient, site: Site, settings
) -> None:
    settings.WIDGET_RATE_CREATE_IP = "3/minute"
    statuses = _creates(api, 80)
    assert statuses == [201] * 3 + [429] * 77
    assert Conversation.objects.count() == 3


def test_behind_one_trusted_proxy_each_real_client_has_its_own_bucket(  # type: ignore[no-untyped-def]
    api: APIClient, site: Site, settings
) -> None:
    settings.WIDGET_RATE_CREATE_IP = "2/minute"
    settings.TRUSTED_PROXIES = "1"

    def create(forwarded: str) -> int:
        return api.post(
            "/api/v1/widget/conversations",
            {"site_key": "acme"},
            format="json",
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=forwarded,
        ).status_code

    # The client may prepend anything; the proxy's own entry (last) decides.
    first = [create(f"6.6.6.{i}, 203.0.113.5") for i in range(3)]
    second = [create("203.0.113.6") for _ in range(3)]
    assert (first, second) == ([201, 201, 429], [201, 201, 429])


def test_login_lockout_ignores_forwarded_for_and_is_audited(settings, caplog) -> None:  # type: ignore[no-untyped-def]
    settings.LOGIN_MAX_FAILURES = 3
    get_user_model().objects.create_user(username="agent9", password="right-pass-9")
    client = Client()
    caplog.set_level(logging.WARNING, logger="conversations.privacy.login")
    for i in range(4):
        client.post(
            "/admin/login/",
            {"username": "agent9", "password": f"wrong-{i}"},
            HTTP_X_FORWARDED_FOR=f"198.18.0.{i + 1}",
        )
    answer = client.post(
        "/admin/login/",
        {"username": "agent9", "password": "right-pass-9"},
        HTTP_X_FORWARDED_FOR="198.18.9.9",
    )
    assert answer.status_code == 200  # the form again: still locked, a new header or not
    records = [r for r in caplog.records if r.name == "conversations.privacy.login"]
    assert [(r.login_outcome, r.client_ip) for r in records] == [  # type: ignore[attr-defined]
        ("failed", "127.0.0.1"),
        ("failed", "127.0.0.1"),
        ("lockout", "127.0.0.1"),
        ("locked", "127.0.0.1"),
        ("locked", "127.0.0.1"),
    ]
    text = " ".join(f"{r.getMessage()} {r.__dict__}" for r in records)
    assert "agent9" not in text
    assert "wrong-" not in text
    assert "right-pass-9" not in text


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_uvicorn_does_not_trust_forwarded_for_from_loopback() -> None:
    """Through a real uvicorn (production flags): 20 creates, a new header each, 5 allowed."""
    Site.objects.create(site_key="acme", name="Acme", allowed_origins=[])
    # The server counts in this Redis under the cache's prefix: start from zero.
    redis.Redis.from_url(os.environ["REDIS_URL"]).delete(
        "ed:1:throttle_widget_create_ip_127.0.0.1", "ed:1:throttle_widget_ip_127.0.0.1"
    )
    statuses = []
    with run_asgi_server(eager=True, extra_env={"WIDGET_RATE_CREATE_IP": "5/minute"}) as server:
        for i in range(20):
            request = urllib.request.Request(
                f"{server.url}/api/v1/widget/conversations",
                data=json.dumps({"site_key": "acme"}).encode(),
                headers={"Content-Type": "application/json", "X-Forwarded-For": f"198.18.0.{i}"},
            )
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    statuses.append(response.status)
            except urllib.error.HTTPError as error:
                statuses.append(error.code)
    assert statuses == [201] * 5 + [429] * 15

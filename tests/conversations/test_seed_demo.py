"""seed_demo creates the demo site once and keeps what administrators changed."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from conversations.access import origin_is_allowed
from conversations.models import Site

pytestmark = pytest.mark.django_db


def test_seed_demo_is_idempotent(settings) -> None:  # type: ignore[no-untyped-def]
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    site = Site.objects.get(site_key="demo")
    secret = site.secret
    site.allowed_origins.append("https://docs.example")
    site.save()
    call_command("seed_demo", "--origin", "https://shop.example", stdout=StringIO())
    call_command("seed_demo", "--origin", "https://shop.example", stdout=StringIO())
    site = Site.objects.get(site_key="demo")
    assert Site.objects.count() == 1
    assert site.secret == secret
    assert site.allowed_origins == [
        "http://localhost:*",
        "http://127.0.0.1:*",
        "http://[::1]:*",
        "https://docs.example",
        "https://shop.example",
    ]
    for origin in ("http://localhost:8000", "http://127.0.0.1:51234", "http://[::1]:9000"):
        assert origin_is_allowed(origin, site.allowed_origins)
    assert not origin_is_allowed("http://localhost.evil.example:8000", site.allowed_origins)
    assert not origin_is_allowed("https://127.0.0.1:8000", site.allowed_origins)


def test_production_seed_adds_no_local_origins(settings) -> None:  # type: ignore[no-untyped-def]
    settings.DEBUG = False
    call_command("seed_demo", "--origin", "https://desk.example", stdout=StringIO())
    assert Site.objects.get(site_key="demo").allowed_origins == ["https://desk.example"]

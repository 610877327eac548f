"""Visitor-supplied strings in the admin are escaped and bidi-isolated."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from conversations.models import Visitor
from tests.conversations.conftest import SiteFactory

RLO = "\u202e"


@pytest.mark.django_db
def test_visitor_names_are_isolated_and_escaped_in_the_changelist() -> None:
    site = SiteFactory()
    Visitor.objects.create(site=site, display_name=f"{RLO}<b>evil</b>", external_id=f"x{RLO}y")
    admin = User.objects.create_superuser("root", "root@example.org", "pw-root-123")
    client = Client()
    client.force_login(admin)
    page = client.get("/admin/conversations/visitor/").content.decode()
    assert f"<bdi>{RLO}&lt;b&gt;evil&lt;/b&gt;</bdi>" in page
    assert f"<bdi>x{RLO}y</bdi>" in page
    assert "<b>evil</b>" not in page

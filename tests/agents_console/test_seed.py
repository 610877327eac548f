"""The embedded default's demo agent and supervisor (DEBUG only)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from agents_console.management.commands.seed_console_demo import DEMO_SKILLS
from core.roles import user_is_agent, user_is_supervisor
from escalations.models import AgentProfile

pytestmark = pytest.mark.django_db


def test_seed_creates_both_accounts_and_prints_them(settings: Any) -> None:
    settings.DEBUG = True
    out = io.StringIO()
    call_command("seed_console_demo", stdout=out)
    call_command("seed_console_demo", stdout=io.StringIO())  # idempotent
    agent = authenticate(username="demo-agent", password="demo-agent")
    supervisor = authenticate(username="demo-supervisor", password="demo-supervisor")
    assert agent is not None
    assert supervisor is not None
    assert user_is_agent(user=agent)
    assert not user_is_supervisor(user=agent)
    assert user_is_supervisor(user=supervisor)
    assert AgentProfile.objects.get(user=agent).skills == list(DEMO_SKILLS)
    assert out.getvalue().splitlines() == [
        "Agent console: /console/",
        "  demo agent (every skill): username demo-agent, password demo-agent",
        "  demo supervisor: username demo-supervisor, password demo-supervisor",
    ]


def test_seed_refuses_without_debug(settings: Any) -> None:
    settings.DEBUG = False
    out = io.StringIO()
    call_command("seed_console_demo", stdout=out)
    assert AgentProfile.objects.count() == 0
    assert out.getvalue() == "Not creating demo agents: DJANGO_DEBUG is off.\n"

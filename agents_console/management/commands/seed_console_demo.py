"""Creates the demo agent and supervisor of the embedded default (DEBUG only, idempotent)."""

from __future__ import annotations

import io
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from agents_console.guidance import SUPERVISOR_SKILL
from core.roles import CRISIS_SKILL

# Every skill routing knows: topics from escalations.rules plus the next-level ones.
DEMO_SKILLS = ("billing", "technical", CRISIS_SKILL, SUPERVISOR_SKILL)
DEMO_ACCOUNTS = (
    ("demo-agent", False),
    ("demo-supervisor", True),
)


class Command(BaseCommand):
    help = (
        "DEBUG only: create demo-agent/demo-agent (every skill) and "
        "demo-supervisor/demo-supervisor for the agent console."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--console-url", default="/console/", help="Where the console is, for the message."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            # Well-known passwords must never exist on a production deployment.
            self.stdout.write("Not creating demo agents: DJANGO_DEBUG is off.")
            return
        for username, is_supervisor in DEMO_ACCOUNTS:
            arguments = [
                username,
                "--password",
                username,
                "--skills",
                ",".join(DEMO_SKILLS),
                "--capacity",
                "5",
            ]
            if is_supervisor:
                arguments.append("--supervisor")
            call_command("create_agent", *arguments, stdout=io.StringIO())
        console = options["console_url"]
        self.stdout.write(f"Agent console: {console}")
        for username, is_supervisor in DEMO_ACCOUNTS:
            role = "supervisor" if is_supervisor else "agent (every skill)"
            self.stdout.write(f"  demo {role}: username {username}, password {username}")

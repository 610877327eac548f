"""Creates the demo data the embedded default starts with (idempotent)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from conversations.models import Site

DEMO_SITE_KEY = "demo"
# In development the demo page may be served on any local port.
DEBUG_ORIGINS = ["http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*"]


class Command(BaseCommand):
    help = "Create the demo site (key `demo`) used by `make run` (safe to run repeatedly)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--origin",
            action="append",
            default=[],
            help="An origin allowed to embed the demo widget (repeatable), e.g. https://x.test",
        )

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        site, created = Site.objects.select_for_update().get_or_create(
            site_key=DEMO_SITE_KEY,
            defaults={"name": "Empathy Desk demo", "locale": "en"},
        )
        wanted = list(options["origin"]) + (DEBUG_ORIGINS if settings.DEBUG else [])
        # Keep origins an administrator added; only add the missing ones.
        origins = list(site.allowed_origins or [])
        origins += [origin for origin in wanted if origin not in origins]
        if origins != site.allowed_origins:
            site.allowed_origins = origins
            site.save(update_fields=["allowed_origins"])
        verb = "Created" if created else "Kept"
        self.stdout.write(f"{verb} demo site '{DEMO_SITE_KEY}' (origins: {', '.join(origins)}).")
        self.stdout.write("Demo data is ready.")

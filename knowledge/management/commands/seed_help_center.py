"""`manage.py seed_help_center`: the sample help center for the demo site (after seed_demo)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from conversations.management.commands.seed_demo import DEMO_SITE_KEY
from conversations.models import Site
from knowledge.services import kb_demo_import


class Command(BaseCommand):
    help = "Import the sample help center (knowledge/demo_articles) into the demo site."

    def handle(self, *args: Any, **options: Any) -> None:
        site = Site.objects.filter(site_key=DEMO_SITE_KEY).first()
        if site is None:
            raise CommandError("No demo site: run `manage.py seed_demo` first.")
        report = kb_demo_import(site=site)
        self.stdout.write(
            f"Help center for '{DEMO_SITE_KEY}': {report.created} new, {report.updated} updated, "
            f"{report.unchanged} unchanged, {len(report.failed)} failed."
        )

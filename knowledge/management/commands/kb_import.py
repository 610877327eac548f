"""`manage.py kb_import PATH [--site KEY]`: import a folder of Markdown articles."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from conversations.models import Site
from knowledge.services import kb_import


class Command(BaseCommand):
    help = "Import Markdown help-center articles (re-import updates by file path)."

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("path", type=Path, help="a folder of .md files (or one file)")
        parser.add_argument("--site", help="site_key; may be left out when there is one site")
        parser.add_argument("--locale", help="locale of new articles (default: the site's)")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        if not path.exists():
            raise CommandError(f"{path} does not exist")
        site = self._site(options["site"])

        def report_failure(name: str, reason: str) -> None:
            self.stderr.write(f"  not imported: {name}: {reason}")

        report = kb_import(
            site=site,
            path=path,
            locale=options["locale"],
            progress=not options["no_progress"],
            on_failure=report_failure,
        )
        self.stdout.write(
            f"{site.site_key}: {report.created} created, {report.updated} updated, "
            f"{report.unchanged} unchanged, {len(report.failed)} failed"
        )
        if report.failed:
            # The good files are in; the exit status still tells a script that some were not.
            raise CommandError(f"{len(report.failed)} file(s) could not be imported")

    def _site(self, key: str | None) -> Site:
        if key:
            try:
                return Site.objects.get(site_key=key)
            except Site.DoesNotExist:
                raise CommandError(f"no site with key {key!r}") from None
        sites = list(Site.objects.all()[:2])
        if len(sites) != 1:
            raise CommandError("give --site KEY (there is not exactly one site)")
        return sites[0]

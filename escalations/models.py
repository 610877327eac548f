"""Agents, escalations, their append-only audit trail and outbound helpdesk deliveries."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q


class AgentProfile(models.Model):
    """What routing needs to know about one agent (a user in the `agents` group)."""

    class Status(models.TextChoices):
        ONLINE = "online"
        AWAY = "away"
        OFFLINE = "offline"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agent_profile"
    )
    # Skill names such as "crisis", "billing", "technical".
    skills = models.JSONField(default=list, blank=True)
    # Most conversations this agent handles at once.
    capacity = models.PositiveIntegerField(default=3)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OFFLINE)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"agent {self.user_id}"

    def has_skill(self, skill: str) -> bool:
        return not skill or (isinstance(self.skills, list) and skill in self.skills)


class Escalation(models.Model):
    """A conversation handed to humans: why, how urgent, what the agent should know."""

    class Reason(models.TextChoices):
        CRISIS_INDICATORS = "crisis_indicators"
        HIGH_EMOTIONAL_INTENSITY = "high_emotional_intensity"
        REPEATED_FRUSTRATION = "repeated_frustration"
        COMPLEX_INQUIRY = "complex_inquiry"
        USER_REQUEST = "user_request"
        AI_CONFIDENCE_LOW = "ai_confidence_low"
        AI_FAILURES = "ai_failures"

    class Urgency(models.TextChoices):
        LOW = "low"
        MEDIUM = "medium"
        HIGH = "high"
        CRITICAL = "critical"

    class Status(models.TextChoices):
        QUEUED = "queued"
        ASSIGNED = "assigned"
        RESOLVED = "resolved"
        HANDED_BACK = "handed_back"

    class Trend(models.TextChoices):
        IMPROVING = "improving"
        STABLE = "stable"
        DETERIORATING = "deteriorating"

    OPEN_STATUSES = (Status.QUEUED, Status.ASSIGNED)

    conversation = models.ForeignKey(
        "conversations.Conversation", on_delete=models.CASCADE, related_name="escalations"
    )
    # The visitor message that triggered it (None for the widget's button).
    trigger_message = models.ForeignKey(
        "conversations.Message", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(max_length=32, choices=Reason.choices)
    # The rule inside the reason that fired (e.g. "floor_three_extreme"), for the audit trail.
    rule = models.CharField(max_length=64, blank=True, default="")
    urgency = models.CharField(max_length=16, choices=Urgency.choices)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    required_skill = models.CharField(max_length=32, blank=True, default="")
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="escalations",
    )
    # Emotional context for the agent.
    journey = models.JSONField(default=list, blank=True)
    trend = models.CharField(max_length=16, choices=Trend.choices, default=Trend.STABLE)
    intensity = models.FloatField(default=0.0)
    trigger_words = models.JSONField(default=list, blank=True)
    summary = models.TextField(blank=True, default="")
    suggested_approach = models.TextField(blank=True, default="")
    ai_attempts = models.JSONField(default=dict, blank=True)
    crisis = models.JSONField(default=dict, blank=True)
    # SLA: when it must be claimed by, when that was missed, and supervisor notifications.
    sla_due_at = models.DateTimeField()
    sla_breached_at = models.DateTimeField(null=True, blank=True)
    last_notified_at = models.DateTimeField(null=True, blank=True)
    notify_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    assigned_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["status", "urgency", "created_at"])]
        constraints = [
            # One open escalation per conversation: concurrent triggers cannot open two.
            models.UniqueConstraint(
                fields=["conversation"],
                condition=Q(status__in=["queued", "assigned"]),
                name="escalation_one_open_per_conversation",
            )
        ]

    def __str__(self) -> str:
        return f"escalation {self.pk} ({self.reason}, {self.urgency})"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_sla_breached(self) -> bool:
        return self.sla_breached_at is not None

    @property
    def crisis_level(self) -> str:
        """ "crisis", "concern" or "none" (see escalations.rules.crisis_level)."""
        from escalations.rules import crisis_level

        return crisis_level(reason=self.reason, rule=self.rule)


class EscalationEvent(models.Model):
    """Append-only audit trail: every change to an escalation, who made it, when."""

    escalation = models.ForeignKey(Escalation, on_delete=models.CASCADE, related_name="events")
    type = models.CharField(max_length=64)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Ids and outcomes only (never message text).
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["escalation", "pk"]

    def __str__(self) -> str:
        return f"{self.type} on escalation {self.escalation_id}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise ValueError("escalation events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise ValueError("escalation events are append-only")


class OutboundDelivery(models.Model):
    """One push to an external system (helpdesk or webhook): a new escalation, a follow-up
    request, or the on-call page of a crisis nobody crisis-trained is online for."""

    class Target(models.TextChoices):
        ZENDESK = "zendesk"
        INTERCOM = "intercom"
        WEBHOOK = "webhook"

    class Event(models.TextChoices):
        ESCALATION_CREATED = "escalation.created"
        FOLLOW_UP_CREATED = "follow_up.created"
        ON_CALL_PAGE = "on_call.page"

    class Status(models.TextChoices):
        PENDING = "pending"
        SENT = "sent"
        FAILED = "failed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    event = models.CharField(max_length=32, choices=Event.choices, default=Event.ESCALATION_CREATED)
    # The subject: an escalation (created, on-call page) or a follow-up request, never both.
    escalation = models.ForeignKey(
        Escalation, null=True, blank=True, on_delete=models.CASCADE, related_name="deliveries"
    )
    follow_up = models.ForeignKey(
        "FollowUpRequest",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    target = models.CharField(max_length=16, choices=Target.choices)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True, default="")
    external_id = models.CharField(max_length=100, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            # A redelivered task or a repeated trigger never pushes the same thing twice.
            models.UniqueConstraint(
                fields=["escalation", "event", "target"],
                condition=Q(escalation__isnull=False),
                name="delivery_one_per_escalation_event_target",
            ),
            models.UniqueConstraint(
                fields=["follow_up", "target"],
                condition=Q(follow_up__isnull=False),
                name="delivery_one_per_follow_up_target",
            ),
            models.CheckConstraint(
                condition=Q(escalation__isnull=False, follow_up__isnull=True)
                | Q(escalation__isnull=True, follow_up__isnull=False),
                name="delivery_one_subject",
            ),
        ]

    def __str__(self) -> str:
        subject = (
            f"follow-up {self.follow_up_id}"
            if self.follow_up_id
            else f"escalation {self.escalation_id}"
        )
        return f"{self.target} {self.event} of {subject}: {self.status}"


class SiteHours(models.Model):
    """When a site's team works: a weekly schedule in the site's time zone, and holidays.

    Outside these hours nobody can be expected to come, whoever is logged in, so the widget
    says so instead of showing a queue. A site without a row is always open.
    """

    site = models.OneToOneField(
        "conversations.Site", on_delete=models.CASCADE, related_name="hours"
    )
    timezone = models.CharField(max_length=64, default="UTC")
    # {"mon": [["09:00", "17:30"]], "tue": [...], ...}; a missing day is closed.
    weekly = models.JSONField(default=dict, blank=True)
    # ["2026-12-25", ...] in the site's time zone.
    holidays = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = "business hours"
        verbose_name_plural = "business hours"

    def __str__(self) -> str:
        return f"hours of {self.site_id}"


class FollowUpRequest(models.Model):
    """A visitor who could not reach a person left an address to be answered later."""

    class Status(models.TextChoices):
        PENDING = "pending"
        DONE = "done"

    conversation = models.ForeignKey(
        "conversations.Conversation", on_delete=models.CASCADE, related_name="follow_ups"
    )
    email = models.EmailField(max_length=254)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    # Who marked it handled (console or admin), and when.
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"follow-up {self.pk} for {self.conversation_id}"

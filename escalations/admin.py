"""Supervisor admin: escalation queues, read-only emotional context, audit trail, workload.

Every value a visitor could influence is rendered through Django's default escaping: the
read-only fields below return plain strings (never mark_safe/format_html of raw values).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.http import HttpRequest

from conversations.models import Message
from escalations import selectors, services
from escalations.models import (
    AgentProfile,
    Escalation,
    EscalationEvent,
    FollowUpRequest,
    OutboundDelivery,
    SiteHours,
)


class SlaBreachedFilter(admin.SimpleListFilter):
    title = "SLA breached"
    parameter_name = "sla_breached"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("yes", "Breached"), ("no", "Within SLA")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Escalation]) -> QuerySet:
        if self.value() == "yes":
            return queryset.filter(sla_breached_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(sla_breached_at__isnull=True)
        return queryset


class SkillFilter(admin.SimpleListFilter):
    title = "required skill"
    parameter_name = "skill"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        skills = (
            Escalation.objects.exclude(required_skill="")
            .values_list("required_skill", flat=True)
            .distinct()
        )
        return [("any", "Any agent"), *((s, s) for s in sorted(skills))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Escalation]) -> QuerySet:
        if self.value() == "any":
            return queryset.filter(required_skill="")
        if self.value():
            return queryset.filter(required_skill=self.value())
        return queryset


class EscalationActionForm(ActionForm):
    agent = forms.ModelChoiceField(
        queryset=get_user_model().objects.filter(agent_profile__isnull=False),
        required=False,
        empty_label="next available agent",
        help_text="For 'Reassign'.",
    )


class EscalationEventInline(admin.TabularInline):
    model = EscalationEvent
    extra = 0
    can_delete = False
    fields = ("created_at", "type", "actor", "data")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class OutboundDeliveryInline(admin.TabularInline):
    model = OutboundDelivery
    extra = 0
    can_delete = False
    fields = ("event", "target", "status", "attempts", "last_error", "external_id", "updated_at")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Escalation)
class EscalationAdmin(admin.ModelAdmin):
    list_display = (
        "id",
        "urgency",
        "reason",
        "status",
        "visitor_name",
        "site_name",
        "assigned_to",
        "sla_breached",
        "created_at",
    )
    list_filter = (
        "urgency",
        "reason",
        "status",
        SlaBreachedFilter,
        ("conversation__site", admin.RelatedOnlyFieldListFilter),
        SkillFilter,
    )
    search_fields = (
        "=conversation__id",
        "summary",
        "conversation__visitor__display_name",
        "conversation__visitor__external_id",
        "assigned_to__username",
    )
    ordering = ("-created_at",)
    list_select_related = ("conversation__site", "conversation__visitor", "assigned_to")
    action_form = EscalationActionForm
    actions = ("reassign", "raise_urgency", "resolve")
    inlines = (EscalationEventInline, OutboundDeliveryInline)
    fields = (
        "conversation",
        "reason",
        "rule",
        "urgency",
        "status",
        "required_skill",
        "assigned_to",
        "summary",
        "suggested_approach",
        "journey_text",
        "trend",
        "intensity",
        "trigger_words_text",
        "ai_attempts_text",
        "transcript",
        "sla_due_at",
        "sla_breached_at",
        "notify_count",
        "created_at",
        "assigned_at",
        "closed_at",
    )
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description="visitor")
    def visitor_name(self, obj: Escalation) -> str:
        visitor = obj.conversation.visitor
        return visitor.display_name or f"visitor {visitor.pk}"

    @admin.display(description="site")
    def site_name(self, obj: Escalation) -> str:
        return obj.conversation.site.name

    @admin.display(boolean=True, description="SLA breached")
    def sla_breached(self, obj: Escalation) -> bool:
        return obj.sla_breached_at is not None

    @admin.display(description="emotional journey")
    def journey_text(self, obj: Escalation) -> str:
        return "\n".join(
            f"#{item.get('seq')}: {item.get('emotion')} ({item.get('category')}), "
            f"intensity {float(item.get('intensity', 0)):.2f}, "
            f"valence {float(item.get('valence', 0)):.2f}"
            for item in obj.journey
        )

    @admin.display(description="trigger words")
    def trigger_words_text(self, obj: Escalation) -> str:
        return ", ".join(str(word) for word in obj.trigger_words)

    @admin.display(description="what the AI tried")
    def ai_attempts_text(self, obj: Escalation) -> str:
        attempts = obj.ai_attempts or {}
        return (
            f"{attempts.get('replies', 0)} replies, {attempts.get('failures', 0)} failed; "
            f"strategies: {', '.join(attempts.get('strategies') or []) or 'none'}"
        )

    @admin.display(description="transcript (last 30 messages)")
    def transcript(self, obj: Escalation) -> str:
        rows = list(
            Message.objects.filter(conversation_id=obj.conversation_id)
            .order_by("-seq")
            .values_list("seq", "sender", "text")[:30]
        )
        return "\n".join(f"#{seq} {sender}: {text}" for seq, sender, text in reversed(rows))

    # Actions call the same services as the API.
    @admin.action(description="Reassign (to the chosen agent, or the next available)")
    def reassign(self, request: HttpRequest, queryset: QuerySet[Escalation]) -> None:
        agent_id = request.POST.get("agent") or None
        to_user = get_user_model().objects.filter(pk=agent_id).first() if agent_id else None
        done = 0
        for escalation in queryset.filter(status__in=Escalation.OPEN_STATUSES):
            try:
                result = services.escalation_reassign(
                    escalation_id=escalation.pk, actor=request.user, to_user=to_user
                )
            except services.EscalationError as exc:
                self.message_user(request, f"#{escalation.pk}: {exc.message}", messages.WARNING)
                continue
            done += int(result is not None)
        self.message_user(request, f"Reassigned {done} escalation(s).")

    @admin.action(description="Raise urgency one step")
    def raise_urgency(self, request: HttpRequest, queryset: QuerySet[Escalation]) -> None:
        for escalation in queryset:
            services.escalation_urgency_raise(escalation_id=escalation.pk, actor=request.user)
        self.message_user(request, f"Raised urgency of {queryset.count()} escalation(s).")

    @admin.action(description="Resolve")
    def resolve(self, request: HttpRequest, queryset: QuerySet[Escalation]) -> None:
        done = 0
        for escalation in queryset.filter(status__in=Escalation.OPEN_STATUSES):
            services.escalation_resolve_by_supervisor(
                escalation_id=escalation.pk, actor=request.user
            )
            done += 1
        self.message_user(request, f"Resolved {done} escalation(s).")


@admin.register(EscalationEvent)
class EscalationEventAdmin(admin.ModelAdmin):
    """The audit trail: readable by supervisors, never changed or deleted."""

    list_display = ("created_at", "escalation", "type", "actor")
    list_filter = ("type",)
    search_fields = ("=escalation__id",)
    readonly_fields = ("escalation", "type", "actor", "data", "created_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AgentProfile)
class AgentProfileAdmin(admin.ModelAdmin):
    """Agent workload at a glance."""

    list_display = ("user", "status", "skills_text", "capacity", "load")
    list_filter = ("status",)
    search_fields = ("user__username",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[AgentProfile]:
        self._loads = selectors.agent_loads()
        return super().get_queryset(request).select_related("user")

    @admin.display(description="skills")
    def skills_text(self, obj: AgentProfile) -> str:
        return ", ".join(str(skill) for skill in obj.skills)

    @admin.display(description="open conversations")
    def load(self, obj: AgentProfile) -> str:
        loads = getattr(self, "_loads", None) or selectors.agent_loads()
        return f"{loads.get(obj.user_id, 0)} / {obj.capacity}"


@admin.register(OutboundDelivery)
class OutboundDeliveryAdmin(admin.ModelAdmin):
    """Helpdesk and webhook pushes; failures stay visible here."""

    list_display = (
        "event", "escalation", "follow_up", "target", "status", "attempts", "last_error",
        "updated_at",
    )  # fmt: skip
    list_filter = ("status", "target", "event")
    readonly_fields = (
        "event", "escalation", "follow_up", "target", "status", "attempts", "last_error",
        "external_id", "created_at", "updated_at",
    )  # fmt: skip

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(SiteHours)
class SiteHoursAdmin(admin.ModelAdmin):
    """When each site's team works: outside these hours the widget says nobody can come."""

    list_display = ("site", "timezone")
    search_fields = ("site__name", "site__site_key")


class FollowUpDeliveryInline(OutboundDeliveryInline):
    fk_name = "follow_up"


@admin.register(FollowUpRequest)
class FollowUpRequestAdmin(admin.ModelAdmin):
    """Visitors who found nobody online and left an address; mark them done once answered
    (the console's "Mark handled" does the same)."""

    list_display = ("created_at", "conversation", "email", "status", "handled_by", "handled_at")
    list_filter = ("status",)
    search_fields = ("email",)
    readonly_fields = ("conversation", "email", "created_at", "handled_by", "handled_at")
    inlines = (FollowUpDeliveryInline,)
    actions = ("mark_done",)

    @admin.action(description="Mark as answered")
    def mark_done(self, request: HttpRequest, queryset: QuerySet[FollowUpRequest]) -> None:
        done = refused = 0
        for follow_up_id in queryset.values_list("pk", flat=True):
            try:
                services.follow_up_handle(follow_up_id=follow_up_id, user=request.user)
                done += 1
            except services.EscalationError:
                refused += 1
        self.message_user(request, f"{done} follow-up request(s) marked as answered.")
        if refused:
            self.message_user(
                request,
                f"{refused} could not be marked (not yours to see).",
                level=messages.WARNING,
            )

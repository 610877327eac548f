"""Admin views of sites, visitors and conversations (read-mostly; text shown escaped)."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.html import format_html

from conversations.models import (
    Conversation,
    ConversationEvent,
    EmotionReadingRecord,
    Message,
    PrivacyAuditEntry,
    SatisfactionRating,
    Site,
    Visitor,
)
from conversations.privacy import services as privacy_services


@admin.register(Site)
class SiteAdmin(admin.ModelAdmin):
    list_display = ("name", "site_key", "locale", "created_at")
    search_fields = ("name", "site_key")
    # The site's own backend needs the secret to sign visitor ids (require_signed_identity).
    readonly_fields = ("secret",)


@admin.register(Visitor)
class VisitorAdmin(admin.ModelAdmin):
    list_display = ("id", "site", "external_id_isolated", "name_isolated", "locale", "last_seen_at")
    list_filter = ("site",)
    search_fields = ("external_id", "display_name")

    # Visitor-supplied strings in <bdi>: a right-to-left override in a name cannot reorder the
    # columns around it (format_html escapes the value).
    @admin.display(description="external id", ordering="external_id")
    def external_id_isolated(self, obj: Visitor) -> str:
        return format_html("<bdi>{}</bdi>", obj.external_id)

    @admin.display(description="display name", ordering="display_name")
    def name_isolated(self, obj: Visitor) -> str:
        return format_html("<bdi>{}</bdi>", obj.display_name)

    readonly_fields = ("emotional_summary", "created_at", "last_seen_at", "erased_at")
    actions = ["erase_personal_data", "export_personal_data"]

    @admin.action(description="Erase personal data of the selected visitors (audited)")
    def erase_personal_data(self, request: HttpRequest, queryset: QuerySet[Visitor]) -> None:
        erased = 0
        for visitor in queryset.filter(erased_at__isnull=True):
            privacy_services.privacy_erase(
                visitor=visitor,
                actor=request.user,
                actor_kind=PrivacyAuditEntry.ActorKind.STAFF,
                via="admin",
            )
            erased += 1
        self.message_user(request, f"Erased {erased} visitor(s).", messages.SUCCESS)

    @admin.action(description="Export personal data of one visitor as JSON (audited)")
    def export_personal_data(
        self, request: HttpRequest, queryset: QuerySet[Visitor]
    ) -> HttpResponse | None:
        visitors = list(queryset[:2])
        if len(visitors) != 1:
            self.message_user(request, "Select exactly one visitor to export.", messages.ERROR)
            return None
        visitor = visitors[0]
        ids = list(
            visitor.conversations.filter(erased_at__isnull=True).values_list("id", flat=True)
        )
        data = privacy_services.privacy_export_for(
            visitor=visitor,
            conversation_ids=ids,
            actor=request.user,
            actor_kind=PrivacyAuditEntry.ActorKind.STAFF,
        )
        response = JsonResponse(data, json_dumps_params={"indent": 2})
        response["Content-Disposition"] = f'attachment; filename="visitor-{visitor.pk}.json"'
        response["Cache-Control"] = "no-store"
        return response


@admin.register(PrivacyAuditEntry)
class PrivacyAuditEntryAdmin(admin.ModelAdmin):
    list_display = (
        "created_at",
        "action",
        "actor_kind",
        "actor",
        "visitor_ref",
        "conversation_ref",
    )
    list_filter = ("action", "actor_kind")
    readonly_fields = (
        "action",
        "actor_kind",
        "actor",
        "visitor_ref",
        "conversation_ref",
        "detail",
        "created_at",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class MessageInline(admin.TabularInline):
    model = Message
    fields = ("seq", "sender", "text", "created_at")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Conversation)
class ConversationAdmin(admin.ModelAdmin):
    list_display = ("id", "site", "visitor", "status", "handoff_reason", "updated_at")
    list_filter = ("status", "site")
    readonly_fields = ("event_seq", "emotional_state", "created_at", "updated_at")
    inlines = [MessageInline]


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ("id", "conversation", "seq", "sender", "created_at")
    list_filter = ("sender",)
    readonly_fields = ("conversation", "seq", "client_message_id", "reply_to", "created_at")


@admin.register(EmotionReadingRecord)
class EmotionReadingRecordAdmin(admin.ModelAdmin):
    list_display = ("message", "emotion", "category", "intensity", "confidence", "model")
    list_filter = ("category", "model")


@admin.register(ConversationEvent)
class ConversationEventAdmin(admin.ModelAdmin):
    list_display = ("conversation", "seq", "type", "created_at")
    list_filter = ("type",)


@admin.register(SatisfactionRating)
class SatisfactionRatingAdmin(admin.ModelAdmin):
    """CSAT ratings, read-only: a visitor's score is evidence, not something staff edit."""

    list_display = (
        "created_at",
        "score",
        "primary_emotion",
        "response_strategy",
        "resolution_achieved",
        "conversation_id",
        "comment",
    )
    list_filter = ("score", "primary_emotion", "response_strategy", "resolution_achieved")
    date_hierarchy = "created_at"
    ordering = ("-created_at",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        # Ratings leave with their conversation's erasure (conversations.privacy), not here.
        return False

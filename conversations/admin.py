"""Admin views of sites, visitors and conversations (read-mostly; text shown escaped)."""

from __future__ import annotations

from django.contrib import admin

from conversations.models import (
    Conversation,
    ConversationEvent,
    EmotionReadingRecord,
    Message,
    Site,
    Visitor,
)


@admin.register(Site)
class SiteAdmin(admin.ModelAdmin):
    list_display = ("name", "site_key", "locale", "created_at")
    search_fields = ("name", "site_key")


@admin.register(Visitor)
class VisitorAdmin(admin.ModelAdmin):
    list_display = ("id", "site", "external_id", "display_name", "locale", "last_seen_at")
    list_filter = ("site",)
    search_fields = ("external_id", "display_name")
    readonly_fields = ("emotional_summary", "created_at", "last_seen_at")


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

"""Admin for knowledge-base articles (edits re-split and re-embed) and answer feedback."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest

from knowledge.models import Article, KbAnswerFeedback, Passage
from knowledge.services import kb_article_save


class PassageInline(admin.TabularInline):
    model = Passage
    fields = ("position", "heading", "text")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Passages are derived from the body; they change by editing the article.
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "site", "locale", "is_published", "passage_count", "updated_at")
    list_filter = ("site", "locale", "is_published")
    search_fields = ("title", "body", "url", "source_path")
    readonly_fields = ("source_path", "created_at", "updated_at")
    fields = ("site", "title", "url", "locale", "is_published", "body", *readonly_fields)
    inlines = [PassageInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        return super().get_queryset(request).annotate(n_passages=Count("passages"))

    @admin.display(description="passages", ordering="n_passages")
    def passage_count(self, obj: Article) -> int:
        return int(getattr(obj, "n_passages", 0))

    def save_model(self, request: HttpRequest, obj: Article, form: Any, change: bool) -> None:
        kb_article_save(article=obj)


@admin.register(KbAnswerFeedback)
class KbAnswerFeedbackAdmin(admin.ModelAdmin):
    list_display = ("message", "conversation", "article", "outcome", "created_at")
    list_filter = ("outcome",)
    list_select_related = ("article",)
    raw_id_fields = ("message", "conversation", "article")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

"""Help-center articles, the passages retrieval works on, and visitors' verdicts on answers."""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q

from conversations.models import Conversation, Message, Site


class Article(models.Model):
    """One help-center article (Markdown body); edited in the admin or imported from files."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="kb_articles")
    title = models.CharField(max_length=300)
    body = models.TextField(help_text="Markdown.")
    url = models.URLField(max_length=500, blank=True, default="")
    locale = models.CharField(max_length=16, default="en")
    is_published = models.BooleanField(default=True)
    # The file an import read it from, relative to the imported folder: re-importing the same
    # path updates this row instead of adding a second one. Empty for articles made in the admin.
    source_path = models.CharField(max_length=500, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["site", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "source_path"],
                condition=~Q(source_path=""),
                name="kb_article_unique_source_path",
            )
        ]

    def __str__(self) -> str:
        return self.title


class Passage(models.Model):
    """A section of an article small enough to embed and to quote back as an answer."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="passages")
    # Denormalised from the article so a site's whole index loads with one indexed filter.
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField()
    heading = models.CharField(max_length=300, blank=True, default="")
    text = models.TextField()
    # Unit-length float32 sentence embedding of title + heading + text (see knowledge.encoder).
    embedding = models.BinaryField()
    # PostgreSQL only (title weight A, heading B, text D), filled by the services and searched
    # through a GIN index the migration creates there; always empty on SQLite, which ranks
    # with the in-process BM25 index instead.
    search = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["article", "position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="kb_passage_unique_pos")
        ]

    def __str__(self) -> str:
        return f"{self.article_id}#{self.position} {self.heading}".strip()


class KbAnswerFeedback(models.Model):
    """The visitor's yes/no to "did this answer help?" on one bot message that quoted the KB."""

    class Outcome(models.TextChoices):
        YES = "yes"
        NO = "no"

    # One verdict per answer: a second click changes it rather than adding a vote.
    message = models.OneToOneField(Message, on_delete=models.CASCADE, related_name="kb_feedback")
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="kb_feedback"
    )
    # Kept when the article is deleted later, so the verdicts still count in totals.
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="feedback"
    )
    outcome = models.CharField(max_length=8, choices=Outcome.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"feedback {self.outcome} on message {self.message_id}"

"""Sites, visitors, conversations, their messages, emotion readings and the event log."""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q


def _new_site_secret() -> str:
    return secrets.token_urlsafe(32)


class Site(models.Model):
    """A website that embeds the widget; `site_key` is public, `secret` never leaves the server."""

    name = models.CharField(max_length=200)
    site_key = models.SlugField(max_length=64, unique=True)
    # Reserved for signed visitor identities (HMAC of the external id); never sent to browsers.
    secret = models.CharField(max_length=128, default=_new_site_secret, editable=False)
    # Exact origins ("https://shop.example") or a port wildcard ("http://localhost:*").
    allowed_origins = models.JSONField(default=list, blank=True)
    locale = models.CharField(max_length=16, default="en")
    emotion_consent_default = models.BooleanField(default=True)
    # When on, an `external_id` only links to a known visitor with a valid HMAC signature.
    require_signed_identity = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.site_key})"


class Visitor(models.Model):
    """The end user talking through the widget on one site."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="visitors")
    external_id = models.CharField(max_length=200, blank=True, default="")
    display_name = models.CharField(max_length=200, blank=True, default="")
    locale = models.CharField(max_length=16, default="en")
    emotion_consent = models.BooleanField(default=True)
    # Aggregate over all of this visitor's readings: counts per category, last emotion, etc.
    emotional_summary = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_seen_at = models.DateTimeField(auto_now_add=True)
    # Set when the visitor's personal data was erased; the row stays as an anonymous anchor.
    erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["site", "external_id"],
                condition=~Q(external_id=""),
                name="visitor_unique_external_id_per_site",
            )
        ]

    def __str__(self) -> str:
        return f"visitor {self.pk} on site {self.site_id}"


class Conversation(models.Model):
    """One chat between a visitor and the bot or an agent."""

    class Status(models.TextChoices):
        BOT = "bot"
        WAITING_FOR_AGENT = "waiting_for_agent"
        WITH_AGENT = "with_agent"
        RESOLVED = "resolved"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="conversations")
    visitor = models.ForeignKey(Visitor, on_delete=models.CASCADE, related_name="conversations")
    status = models.CharField(max_length=32, choices=Status.choices, default=Status.BOT)
    # Last sequence number handed out; every event of this conversation takes the next one.
    event_seq = models.PositiveBigIntegerField(default=0)
    # The live emotional state (recent readings, trend), updated with every reading.
    emotional_state = models.JSONField(default=dict, blank=True)
    handoff_reason = models.CharField(max_length=64, blank=True, default="")
    # Whether the visitor's external id was proven (HMAC) when this conversation started; only
    # then may its token reach the visitor's other conversations (export, erasure).
    identity_verified = models.BooleanField(default=False)
    # A crisis was ever read or escalated here: restricted transcript, a check-in instead of
    # a rating, the crisis retention period. Set in the transaction that raised it.
    had_crisis = models.BooleanField(default=False)
    # Who ended it: a person (an agent resolving an escalation), the visitor or the bot's
    # inactivity; empty while open.
    resolved_by = models.CharField(max_length=16, blank=True, default="")
    # The visitor said a help-center answer helped ("Did this answer your question?": yes).
    helped = models.BooleanField(default=False)
    # Set when erased: its token is dead and only non-personal facts remain.
    erased_at = models.DateTimeField(null=True, blank=True)
    # The resolved conversation this one continues (the widget proved it holds its token):
    # same visitor, and its last turns are context for the bot and the agent.
    previous = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="next"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["status", "-updated_at"])]

    def __str__(self) -> str:
        return f"conversation {self.id}"

    @property
    def is_bot_active(self) -> bool:
        return self.status == self.Status.BOT


class CrisisLevel(models.TextChoices):
    NONE = "none"
    CONCERN = "concern"
    CRISIS = "crisis"


class Message(models.Model):
    """One message; `seq` is the sequence number of its `message.created` event."""

    class Sender(models.TextChoices):
        VISITOR = "visitor"
        BOT = "bot"
        AGENT = "agent"
        SYSTEM = "system"

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    seq = models.PositiveBigIntegerField()
    sender = models.CharField(max_length=16, choices=Sender.choices)
    text = models.TextField()
    client_message_id = models.UUIDField(null=True, blank=True)
    # The visitor message a bot/system reply answers; unique, so a redelivered task cannot
    # answer the same message twice.
    reply_to = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="reply"
    )
    # The synchronous safety check's level for visitor messages ("none" for the others); the
    # whole assessment (rules, language, topics) is kept in meta["crisis"].
    crisis_level = models.CharField(
        max_length=8, choices=CrisisLevel.choices, default=CrisisLevel.NONE
    )
    # Generation details of bot replies (strategy, provider, sentences); empty otherwise.
    meta = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Set once the pipeline is done with a visitor message (answered, handed off or skipped);
    # the re-queue sweep looks for visitor messages where it is still empty.
    processed_at = models.DateTimeField(null=True, blank=True)
    # Set when retention removed the text (the row stays so seq and reply links hold).
    text_purged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["conversation", "seq"]
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=Q(sender="visitor", processed_at__isnull=True),
                name="message_unprocessed_idx",
            )
        ]
        constraints = [
            models.UniqueConstraint(fields=["conversation", "seq"], name="message_unique_seq"),
            models.UniqueConstraint(
                fields=["conversation", "client_message_id"],
                condition=Q(client_message_id__isnull=False),
                name="message_unique_client_id",
            ),
        ]

    def __str__(self) -> str:
        return f"message {self.pk} ({self.sender}) in {self.conversation_id}"


class EmotionReadingRecord(models.Model):
    """What the detector read in one visitor message (every field of EmotionReading)."""

    message = models.OneToOneField(Message, on_delete=models.CASCADE, related_name="reading")
    emotion = models.CharField(max_length=32)
    labels = models.JSONField(default=list)
    scores = models.JSONField(default=dict)
    category = models.CharField(max_length=16)
    intensity = models.FloatField()
    valence = models.FloatField()
    arousal = models.FloatField()
    confidence = models.FloatField()
    model = models.CharField(max_length=100)
    truncated = models.BooleanField(default=False)
    language = models.CharField(max_length=8, default="und")
    request = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"reading of message {self.message_id}: {self.emotion}"


class ConversationEvent(models.Model):
    """The ordered event log clients resume from (`events?after=` and the websocket)."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="events")
    seq = models.PositiveBigIntegerField()
    type = models.CharField(max_length=64)
    # The complete event as sent to clients, including `type` and `seq`.
    payload = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["conversation", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["conversation", "seq"], name="event_unique_seq"),
        ]

    def __str__(self) -> str:
        return f"event {self.seq} {self.type} in {self.conversation_id}"


class PrivacyAuditEntry(models.Model):
    """Who did what with personal data, when: ids and counts only, never the data itself."""

    class Action(models.TextChoices):
        ERASE = "erase"
        EXPORT = "export"
        CONSENT = "consent"
        CRISIS_TRANSCRIPT_VIEW = "crisis_transcript_view"
        RETENTION_PURGE = "retention_purge"

    class ActorKind(models.TextChoices):
        VISITOR = "visitor"
        STAFF = "staff"
        SYSTEM = "system"

    action = models.CharField(max_length=32, choices=Action.choices)
    actor_kind = models.CharField(max_length=16, choices=ActorKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Plain ids, not foreign keys: the entry outlives what it describes.
    visitor_ref = models.BigIntegerField(null=True, blank=True)
    conversation_ref = models.UUIDField(null=True, blank=True)
    # Counts and outcome codes (e.g. {"messages": 4}); never text.
    detail = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["action", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.action} by {self.actor_kind} {self.actor_id or ''}".strip()


class SatisfactionRating(models.Model):
    """A visitor's 1-5 rating (CSAT) of a resolved conversation, with its metric context.

    The labels of `user_satisfaction_by_emotion` are copied here as closed-set values when the
    rating is given, so the metric never depends on messages or readings that retention or
    erasure may remove later.
    """

    conversation = models.OneToOneField(
        Conversation, on_delete=models.CASCADE, related_name="satisfaction_rating"
    )
    score = models.PositiveSmallIntegerField()
    comment = models.CharField(max_length=1000, blank=True, default="")
    primary_emotion = models.CharField(max_length=32)
    response_strategy = models.CharField(max_length=32)
    resolution_achieved = models.BooleanField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(score__gte=1) & Q(score__lte=5), name="satisfaction_score_1_to_5"
            )
        ]

    def __str__(self) -> str:
        return f"rating {self.score} of {self.conversation_id}"

"""What agents add to a conversation from the console: emotion feedback and internal notes."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class EmotionFeedback(models.Model):
    """An agent's verdict on one detected emotion: confirmed, or corrected to another emotion.

    The detected values are copied at feedback time so the accuracy gauge stays right even if
    the reading is later re-computed by a newer model.
    """

    message = models.ForeignKey(
        "conversations.Message", on_delete=models.CASCADE, related_name="emotion_feedback"
    )
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="emotion_feedback"
    )
    detected_emotion = models.CharField(max_length=32)
    detected_category = models.CharField(max_length=16)
    # "onnx", "tfidf", "ensemble", "llm" or "other": the metric's closed label set.
    detection_method = models.CharField(max_length=16)
    # "low", "medium" or "high" (core.metrics.confidence_bucket of the reading).
    confidence_bucket = models.CharField(max_length=8)
    is_correct = models.BooleanField()
    # What the agent says the visitor felt; equals detected_emotion when confirmed.
    corrected_emotion = models.CharField(max_length=32)
    corrected_category = models.CharField(max_length=16)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["updated_at"])]
        constraints = [
            # One verdict per agent and message: a second click changes it, never doubles it.
            models.UniqueConstraint(
                fields=["message", "agent"], name="emotion_feedback_one_per_agent"
            )
        ]

    def __str__(self) -> str:
        return f"feedback on message {self.message_id} by {self.agent_id}"


class InternalNote(models.Model):
    """A note agents leave on a conversation for each other; the visitor never sees it."""

    conversation = models.ForeignKey(
        "conversations.Conversation", on_delete=models.CASCADE, related_name="internal_notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["conversation", "created_at", "pk"]

    def __str__(self) -> str:
        return f"note {self.pk} on {self.conversation_id}"

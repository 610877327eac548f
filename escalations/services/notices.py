"""What the visitor is told on hand-off: help resources for a crisis, a note otherwise."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from conversations import services as conversation_services
from conversations.models import Conversation, Message

HANDOFF_TEXT = "I'm bringing in a member of our team. They will reply here as soon as they can."


CRISIS_INTRO = (
    "It sounds like you are going through something really painful, and I want to make sure "
    "you are safe. You can reach people who can help right now:"
)


CRISIS_OUTRO = "A member of our team is joining this conversation now. You are not alone."


def _country(locale: str) -> str:
    parts = locale.replace("_", "-").split("-")
    for part in parts[1:]:
        if len(part) == 2 and part.isalpha():
            return part.upper()
    return ""


def crisis_resources_text(*, locale: str) -> str:
    """The help message for a visitor in crisis, for the country of their locale."""
    resources: dict[str, list[str]] = settings.CRISIS_RESOURCES
    lines = resources.get(_country(locale or "")) or resources["default"]
    return "\n".join([CRISIS_INTRO, *lines, CRISIS_OUTRO])


def _notice_post(
    *,
    conversation: Conversation,
    trigger_message: Message | None,
    crisis_level: str,
    reason: str,
) -> None:
    """Post the hand-off notice: help resources for a crisis, a note otherwise."""
    meta: dict[str, Any]
    if crisis_level == "crisis":
        locale = conversation.visitor.locale or conversation.site.locale
        text = crisis_resources_text(locale=locale)
        meta = {"handoff": reason, "crisis_resources": True}
    else:
        text, meta = HANDOFF_TEXT, {"handoff": reason}
    reply_to = trigger_message
    if reply_to is not None and Message.objects.filter(reply_to=reply_to).exists():
        reply_to = None  # already answered (a bot reply raced us); the notice still goes out
    conversation_services.message_post(
        conversation_id=conversation.pk,
        sender=Message.Sender.SYSTEM,
        text=text,
        reply_to=reply_to,
        meta=meta,
    )

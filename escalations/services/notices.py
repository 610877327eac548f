"""What the visitor is told on hand-off: help resources for a crisis, a note otherwise."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.conf import settings

from conversations import selectors as conversation_selectors
from conversations import services as conversation_services
from conversations.models import Conversation, Message
from escalations import help_lines

HANDOFF_TEXT = "I'm bringing in a member of our team. They will reply here as soon as they can."


def crisis_resources_text(
    *, locale: str, language: str = "", topics: Sequence[str] = ("self",)
) -> str:
    """The help notice for a visitor in crisis: their country's lines, in their language."""
    return help_lines.help_notice_text(
        resources=settings.CRISIS_RESOURCES,
        locale=locale or "",
        language=help_lines.notice_language(message_language=language, locale=locale or ""),
        topics=topics,
    )


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
        assessment = (
            conversation_selectors.message_crisis(trigger_message) if trigger_message else {}
        )
        topics = list(assessment.get("topics") or ["self"])
        text = crisis_resources_text(
            locale=locale, language=str(assessment.get("language") or ""), topics=topics
        )
        meta = {"handoff": reason, "crisis_resources": True, "help_topics": topics}
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

"""What the visitor is told on hand-off: help resources for a crisis, a note otherwise."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction

from conversations import selectors as conversation_selectors
from conversations import services as conversation_services
from conversations.models import Conversation, Message
from core import roles
from escalations import help_lines, selectors
from escalations.models import Escalation
from escalations.services.deliveries import on_call_deliveries_create

logger = logging.getLogger(__name__)

HANDOFF_TEXT = "I'm bringing in a member of our team. They will reply here as soon as they can."


def crisis_resources_text(
    *, locale: str, language: str = "", topics: Sequence[str] = ("self",), offline: bool = False
) -> str:
    """The help notice for a visitor in crisis: their country's lines, in their language."""
    return help_lines.help_notice_text(
        resources=settings.CRISIS_RESOURCES,
        locale=locale or "",
        language=help_lines.notice_language(message_language=language, locale=locale or ""),
        topics=topics,
        offline=offline,
    )


def _notice_post(
    *,
    conversation: Conversation,
    escalation: Escalation,
    trigger_message: Message | None,
    crisis_level: str,
    reason: str,
) -> None:
    """Post the hand-off notice: help resources for a crisis, a note otherwise.

    A crisis no crisis-trained agent is online for also pages the on-call people: the
    `on_call.page` webhook event (when configured) and an e-mail to the supervisors.
    """
    meta: dict[str, Any]
    if crisis_level == "crisis":
        locale = conversation.visitor.locale or conversation.site.locale
        assessment = (
            conversation_selectors.message_crisis(trigger_message) if trigger_message else {}
        )
        topics = list(assessment.get("topics") or ["self"])
        availability = selectors.site_availability(site_id=conversation.site_id)
        text = crisis_resources_text(
            locale=locale,
            language=str(assessment.get("language") or ""),
            topics=topics,
            offline=availability.offline,
        )
        meta = {"handoff": reason, "crisis_resources": True, "help_topics": topics}
        if not selectors.crisis_agent_online():
            _on_call_page_schedule(escalation)
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


def _on_call_page_schedule(escalation: Escalation) -> None:
    """The webhook's delivery is recorded in the escalation's transaction (once per
    escalation, retried like every push); both channels go out after commit."""
    on_call_deliveries_create(escalation)
    conversation_id = escalation.conversation_id
    transaction.on_commit(lambda: on_call_page(conversation_id=conversation_id))


def on_call_page(*, conversation_id: Any) -> None:
    """A crisis and no crisis-trained agent online: e-mail the supervisors (Django's e-mail
    backend). Ids only, never what the visitor wrote; a failure is logged, never raised."""
    try:
        recipients = sorted(
            email
            for email in get_user_model()
            .objects.filter(is_active=True, groups__name=roles.SUPERVISORS_GROUP)
            .values_list("email", flat=True)
            if email
        )
        if recipients:
            send_mail(
                subject="Crisis conversation needs a person now",
                message=(
                    "A visitor in crisis is waiting and no crisis-trained agent is online.\n"
                    f"Conversation: {conversation_id}\n"
                    "Help lines were sent to the visitor. Please open the console."
                ),
                from_email=None,
                recipient_list=recipients,
            )
        logger.warning(
            "crisis on-call page",
            extra={"conversation_id": str(conversation_id), "recipients": len(recipients)},
        )
    except Exception:
        logger.exception(
            "crisis on-call page failed", extra={"conversation_id": str(conversation_id)}
        )

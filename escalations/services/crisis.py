"""The crisis path: synchronous, inside the request that stores the visitor message."""

from __future__ import annotations

import logging
from uuid import UUID

from django.db import transaction

from conversations import selectors as conversation_selectors
from conversations.models import Conversation, Message
from core import metrics
from empathy.types import CrisisAssessment
from escalations import rules
from escalations.rules import EscalationDecision
from escalations.services.lifecycle import escalation_open

logger = logging.getLogger(__name__)


CRISIS_HISTORY = 5


def message_crisis_assess(
    *, conversation_id: UUID, text: str, locale: str = ""
) -> CrisisAssessment:
    """Assess a visitor message about to be stored, against the conversation's last messages.

    Called by conversations.services.message_receive with the conversation row locked, so the
    history is exactly the visitor messages before this one. The language of the visitor's
    last message (else their locale's) decides a message too short to identify on its own.
    """
    from empathy.crisis import assess_crisis

    history, last_language = conversation_selectors.conversation_visitor_history(
        conversation_id=conversation_id, limit=CRISIS_HISTORY
    )
    prior = last_language or (locale.replace("_", "-").split("-")[0].lower() or None)
    return assess_crisis(text, history=history, prior_language=prior)


def message_crisis_escalate(
    *, message: Message, conversation: Conversation, assessment: CrisisAssessment
) -> None:
    """On `concern` or `crisis`, hand the conversation to a person in the same transaction.

    The assessment is already recorded on the message (`meta["crisis"]`), so `concern` counts.
    """
    transaction.on_commit(lambda: metrics.crisis_assessment_record(level=assessment.level))
    if assessment.level != "none":
        # A concern reaches a person too (high urgency, crisis-trained, no hotline list unasked):
        # recall that counts is "reaches a human", and a hedged statement is still a risk.
        rule = rules.CRISIS_RULE if assessment.level == "crisis" else rules.CONCERN_RULE
        escalation_open(
            conversation_id=conversation.pk,
            decision=EscalationDecision(
                rules.CRISIS_INDICATORS, rule, "crisis", {"rules": assessment.rules}
            ),
            trigger_message=message,
            crisis=assessment,
        )
    logger.info(
        "crisis check",
        extra={"message_id": message.pk, "crisis_level": assessment.level},
    )

"""The crisis path: synchronous, inside the request that stores the visitor message."""

from __future__ import annotations

import logging

from django.db import transaction

from config import metrics
from conversations.models import Conversation, Message
from empathy.types import CrisisAssessment
from escalations import rules, selectors
from escalations.rules import EscalationDecision
from escalations.services.lifecycle import (
    escalation_open,
)

logger = logging.getLogger(__name__)


CRISIS_HISTORY = 5


def message_crisis_check(*, message: Message, conversation: Conversation) -> CrisisAssessment:
    """Assess a just-stored visitor message; on `crisis`, escalate in the same transaction.

    Called by conversations.services.message_receive with the conversation row locked. The
    assessment is recorded on the message (`meta["crisis"]`), so `concern` is counted too.
    """
    from empathy.crisis import assess_crisis

    history = selectors.conversation_visitor_texts(
        conversation_id=conversation.pk, before_seq=message.seq, limit=CRISIS_HISTORY
    )
    assessment = assess_crisis(message.text, history=history)
    message.meta = {**(message.meta or {}), "crisis": assessment.as_dict()}
    message.save(update_fields=["meta"])
    transaction.on_commit(lambda: metrics.crisis_assessment_record(level=assessment.level))
    if assessment.level == "crisis":
        escalation_open(
            conversation_id=conversation.pk,
            decision=EscalationDecision(
                rules.CRISIS_INDICATORS, "crisis_assessment", "crisis", {"rules": assessment.rules}
            ),
            trigger_message=message,
            crisis=assessment,
        )
    logger.info(
        "crisis check",
        extra={"message_id": message.pk, "crisis_level": assessment.level},
    )
    return assessment

"""Writes for CSAT: record a visitor's rating of a resolved conversation, once."""

from __future__ import annotations

import logging

from django.db import transaction

from conversations.models import Conversation, SatisfactionRating
from conversations.satisfaction import selectors
from core.errors import ServiceError

logger = logging.getLogger(__name__)

MAX_COMMENT_LENGTH = 1000


class RatingRejected(ServiceError):
    """A rating that cannot be stored; `code` is stable for API clients."""

    code = "invalid"


class RatingInvalid(RatingRejected):
    code = "invalid"


class RatingNotOffered(RatingRejected):
    """After a crisis the widget offers a check-in, never a score."""

    code = "csat_not_offered"
    status = 403


class RatingConflict(RatingRejected):
    code = "conflict"
    status = 409


class RatingNotResolved(RatingConflict):
    code = "conversation_not_resolved"


class RatingDuplicate(RatingConflict):
    code = "already_rated"


def satisfaction_input_clean(*, score: object, comment: object) -> tuple[int, str]:
    """The score and trimmed comment, or RatingInvalid with a reason a visitor can act on."""
    if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
        raise RatingInvalid("score must be a whole number from 1 to 5.")
    if comment is None:
        comment = ""
    if not isinstance(comment, str):
        raise RatingInvalid("comment must be a string.")
    cleaned = comment.strip()
    if len(cleaned) > MAX_COMMENT_LENGTH:
        raise RatingInvalid(f"comment must be at most {MAX_COMMENT_LENGTH} characters.")
    if "\x00" in cleaned:
        raise RatingInvalid("comment must not contain NUL characters.")
    return score, cleaned


def satisfaction_rating_create(
    *, conversation: Conversation, score: object, comment: object = ""
) -> SatisfactionRating:
    """Store the visitor's one rating of a resolved, non-crisis conversation.

    The metric labels (primary emotion, strategy, resolution) are copied now, as closed-set
    values, so later retention of messages and readings leaves the aggregate intact.
    """
    clean_score, clean_comment = satisfaction_input_clean(score=score, comment=comment)
    with transaction.atomic():
        # The row lock orders a rating against a concurrent status change of the conversation.
        locked = Conversation.objects.select_for_update().get(pk=conversation.pk)
        if selectors.conversation_had_crisis(conversation_id=locked.id):
            raise RatingNotOffered(
                "We don't ask for a rating after a conversation like this one. "
                "If you need support, you can start a new conversation at any time."
            )
        if locked.status != Conversation.Status.RESOLVED:
            raise RatingNotResolved("This conversation is not resolved yet; rate it once it is.")
        rating, created = SatisfactionRating.objects.get_or_create(
            conversation=locked,
            defaults={
                "score": clean_score,
                "comment": clean_comment,
                "primary_emotion": selectors.conversation_primary_emotion(
                    conversation_id=locked.id
                ),
                "response_strategy": selectors.conversation_response_strategy(
                    conversation_id=locked.id
                ),
                "resolution_achieved": selectors.conversation_resolution_achieved(
                    conversation_id=locked.id
                ),
            },
        )
        if not created:
            raise RatingDuplicate("This conversation has already been rated.")
    logger.info(
        "satisfaction rated",
        extra={"conversation_id": str(locked.id), "score": clean_score},
    )
    return rating

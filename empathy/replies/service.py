"""Generates the bot's reply: the provider chain with failover, ending at the offline responder."""

from __future__ import annotations

from empathy.replies.offline import OfflineResponder, safety_first_draft
from empathy.replies.strategy import SAFETY_FIRST
from empathy.types import ReplyDraft, ReplyRequest

_offline = OfflineResponder()


def reply_generate(request: ReplyRequest) -> ReplyDraft:
    """Return the reply for one visitor message.

    ``safety_first`` never reaches a generator: it returns the fixed, reviewed crisis text.
    """
    if request.strategy == SAFETY_FIRST:
        return safety_first_draft(request)
    return _offline.generate(request)

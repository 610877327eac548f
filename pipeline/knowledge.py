"""The help center's part in a reply: the passages the reply may answer from, and what the
bot's answer was (answered from an article, suggested one, or said it does not know)."""

from __future__ import annotations

import logging
from typing import Any

from conversations.models import Site
from empathy.replies.knowledge import asks_something, confident_passage
from empathy.types import KnowledgePassage, ReplyRequest
from knowledge import selectors as kb_selectors
from knowledge.answers import answer_compose

logger = logging.getLogger(__name__)

ANSWERED = "answered"
SUGGESTED = "suggested"
NO_ANSWER = "no_answer"


def knowledge_for(*, site: Site, text: str) -> tuple[tuple[KnowledgePassage, ...], bool]:
    """(passages best first, whether the site has a help center that was searched).

    Never raises: a broken index or encoder costs the answer, not the reply.
    """
    try:
        if not kb_selectors.kb_site_index(site.pk).passage_ids.size:
            return (), False
        matches = kb_selectors.kb_search(site, text, limit=3)
        best = answer_compose(matches, suggest_threshold=kb_selectors.kb_suggest_threshold())
    except Exception:
        logger.exception("knowledge search failed", extra={"site": site.site_key})
        return (), False
    if best is None:
        return (), True
    passages = [
        KnowledgePassage(
            title=best.title,
            url=best.url,
            text=best.text,
            confident=best.is_confident,
            article_id=best.article_id,
            passage_id=best.passage_id,
        )
    ]
    # Further confident articles give an LLM more to ground on; the offline answer uses one.
    passages.extend(
        KnowledgePassage(
            title=m.title,
            url=m.url,
            text=m.text,
            confident=True,
            article_id=m.article_id,
            passage_id=m.passage_id,
        )
        for m in matches[1:]
        if m.is_confident and best.is_confident
    )
    return tuple(passages), True


def knowledge_outcome(request: ReplyRequest) -> dict[str, Any] | None:
    """What the reply did with the help center, stored with the bot message (meta["kb"])."""
    passage = confident_passage(request)
    if passage is not None:
        outcome = ANSWERED
    elif request.knowledge:
        passage, outcome = request.knowledge[0], SUGGESTED
    elif request.knowledge_searched and asks_something(request):
        return {"outcome": NO_ANSWER}
    else:
        return None
    return {
        "outcome": outcome,
        "article_id": passage.article_id,
        "passage_id": passage.passage_id,
        "title": passage.title,
        "url": passage.url,
    }

"""Answer composition: typed results and the pure functions that turn passages into replies."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# A chat bubble, not a page: longer passages are cut at a paragraph boundary, and the link to the
# article carries the rest.
ANSWER_MAX_CHARS = 900


@dataclass(frozen=True)
class Match:
    """One article's best passage for a visitor message."""

    passage_id: int
    article_id: int
    title: str
    url: str
    heading: str
    text: str  # Markdown, as written in the article
    score: float  # confidence, on the scale of settings.KB_CONFIDENCE_THRESHOLD
    semantic: float  # cosine similarity of passage and message
    lexical: float  # BM25 (SQLite) or ts_rank_cd (PostgreSQL); 0 when no word is shared
    is_confident: bool


@dataclass(frozen=True)
class KbAnswer:
    """What a responder needs to answer from the knowledge base.

    `is_confident` False means "related, not sure": offer the article as a link, do not quote it
    as the answer.
    """

    text: str  # the extractive answer (Markdown): the passage's steps or fact
    title: str
    url: str
    article_id: int
    passage_id: int
    heading: str
    score: float
    is_confident: bool


def answer_excerpt(text: str, *, max_chars: int = ANSWER_MAX_CHARS) -> str:
    """The passage as an answer: whole when it fits, else whole paragraphs up to max_chars."""
    text = text.strip()
    if len(text) <= max_chars:
        return text
    kept: list[str] = []
    size = 0
    for paragraph in re.split(r"\n\s*\n", text):
        if kept and size + len(paragraph) + 2 > max_chars:
            break
        kept.append(paragraph)
        size += len(paragraph) + 2
    excerpt = "\n\n".join(kept)
    if len(excerpt) > max_chars:
        # One long paragraph: cut at the last sentence end that fits.
        cut = excerpt[:max_chars]
        end = max(cut.rfind(". "), cut.rfind("\n"))
        excerpt = cut[: end + 1] if end > max_chars // 3 else cut.rstrip() + "…"
    return excerpt.rstrip()


def answer_compose(matches: Sequence[Match], *, suggest_threshold: float) -> KbAnswer | None:
    """The best match as an answer, or None (the no-answer outcome) when it is below the floor."""
    if not matches:
        return None
    best = matches[0]
    if best.score < suggest_threshold and not best.is_confident:
        return None
    return KbAnswer(
        text=answer_excerpt(best.text),
        title=best.title,
        url=best.url,
        article_id=best.article_id,
        passage_id=best.passage_id,
        heading=best.heading,
        score=best.score,
        is_confident=best.is_confident,
    )


def passages_format_for_prompt(matches: Sequence[Match]) -> str:
    """Numbered sources for an LLM prompt: title, URL, then the passage text."""
    blocks = []
    for number, match in enumerate(matches, start=1):
        heading = f" — {match.heading}" if match.heading else ""
        url = f"\nURL: {match.url}" if match.url else ""
        blocks.append(f"[{number}] {match.title}{heading}{url}\n{match.text.strip()}")
    return "\n\n".join(blocks)

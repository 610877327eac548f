"""Reads: hybrid search over a site's passages, the answer built from it, prompt context, URLs.

A site's passages (embeddings, and on SQLite a BM25 index) are held in process and rebuilt when
the site's fingerprint (passage count, newest passage id, newest article edit) changes, so an
import or an admin edit in any process is seen by the next search in every process.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.conf import settings
from django.db import connection
from django.db.models import Count, Max

from conversations.models import Site
from knowledge.answers import KbAnswer, Match, answer_compose, passages_format_for_prompt
from knowledge.encoder import embedder_get
from knowledge.markdown import markdown_plain
from knowledge.models import Article, Passage
from knowledge.retrieval import STOPWORDS, Bm25Index, FusionConfig, rank, tokens

# Enough for a long visitor message; the encoder truncates further at its own limit.
QUERY_MAX_CHARS = 2000
CACHED_SITES = 64
# How many PostgreSQL full-text hits feed the fusion; the rest count as lexical 0.
POSTGRES_LEXICAL_LIMIT = 200


@dataclass(frozen=True)
class SiteIndex:
    fingerprint: tuple[Any, ...]
    passage_ids: np.ndarray
    article_ids: np.ndarray
    locales: np.ndarray
    titles: list[str]
    urls: list[str]
    headings: list[str]
    texts: list[str]
    embeddings: np.ndarray  # (passages, dimension) float32, unit rows
    rows_by_id: dict[int, int]
    bm25: Bm25Index | None  # None when the database ranks the lexical side


_cache_lock = threading.Lock()
_cache: OrderedDict[int, SiteIndex] = OrderedDict()


def kb_fusion_config() -> FusionConfig:
    default = FusionConfig()
    return FusionConfig(
        semantic_weight=float(getattr(settings, "KB_SEMANTIC_WEIGHT", default.semantic_weight)),
        agreement_bonus=float(getattr(settings, "KB_AGREEMENT_BONUS", default.agreement_bonus)),
        threshold=float(getattr(settings, "KB_CONFIDENCE_THRESHOLD", default.threshold)),
    )


def kb_suggest_threshold() -> float:
    """Below the confident threshold but above this, an answer is offered as a link only."""
    config = kb_fusion_config()
    return float(getattr(settings, "KB_SUGGEST_THRESHOLD", config.threshold - 0.1))


def kb_lexical_backend() -> str:
    """ "postgres" (full-text search in the database) or "bm25" (in process)."""
    chosen = str(getattr(settings, "KB_LEXICAL_BACKEND", "auto"))
    if chosen == "auto":
        return "postgres" if connection.vendor == "postgresql" else "bm25"
    if chosen == "postgres" and connection.vendor != "postgresql":
        return "bm25"
    return chosen


def passage_lexical_tokens(title: str, heading: str, text: str) -> list[str]:
    # The title is said twice: a title word is worth more than one in the body, as the A weight
    # does on PostgreSQL.
    title_tokens = tokens(title)
    return [*title_tokens, *title_tokens, *tokens(heading), *tokens(markdown_plain(text))]


def _fingerprint(site_id: int) -> tuple[Any, ...]:
    found = Passage.objects.filter(site_id=site_id, article__is_published=True).aggregate(
        n=Count("id"), top=Max("id"), edited=Max("article__updated_at")
    )
    return (found["n"], found["top"], found["edited"], kb_lexical_backend())


def _index_build(site_id: int, fingerprint: tuple[Any, ...]) -> SiteIndex:
    rows = list(
        Passage.objects.filter(site_id=site_id, article__is_published=True)
        .order_by("id")
        .values_list(
            "id",
            "article_id",
            "article__locale",
            "article__title",
            "article__url",
            "heading",
            "text",
            "embedding",
        )
    )
    dimension = embedder_get().dimension
    embeddings = np.zeros((len(rows), dimension), dtype=np.float32)
    for i, row in enumerate(rows):
        embeddings[i] = np.frombuffer(bytes(row[7]), dtype=np.float32)
    titles = [r[3] for r in rows]
    headings = [r[5] for r in rows]
    texts = [r[6] for r in rows]
    bm25 = None
    if fingerprint[-1] == "bm25":
        documents = zip(titles, headings, texts, strict=True)
        bm25 = Bm25Index([passage_lexical_tokens(t, h, x) for t, h, x in documents])
    return SiteIndex(
        fingerprint=fingerprint,
        passage_ids=np.asarray([r[0] for r in rows], dtype=np.int64),
        article_ids=np.asarray([r[1] for r in rows], dtype=np.int64),
        locales=np.asarray([r[2] for r in rows], dtype=object),
        titles=titles,
        urls=[r[4] for r in rows],
        headings=headings,
        texts=texts,
        embeddings=embeddings,
        rows_by_id={int(r[0]): i for i, r in enumerate(rows)},
        bm25=bm25,
    )


def kb_site_index(site_id: int) -> SiteIndex:
    """The site's in-process index, rebuilt when its fingerprint moved."""
    fingerprint = _fingerprint(site_id)
    with _cache_lock:
        cached = _cache.get(site_id)
        if cached is not None and cached.fingerprint == fingerprint:
            _cache.move_to_end(site_id)
            return cached
    index = _index_build(site_id, fingerprint)
    with _cache_lock:
        _cache[site_id] = index
        _cache.move_to_end(site_id)
        while len(_cache) > CACHED_SITES:
            _cache.popitem(last=False)
    return index


def kb_index_invalidate(site_id: int | None = None) -> None:
    with _cache_lock:
        if site_id is None:
            _cache.clear()
        else:
            _cache.pop(site_id, None)


def _postgres_words(text: str) -> list[str]:
    # Unstemmed words: PostgreSQL's english configuration stems them itself.
    words = {w for w in text.lower().split() if w}
    cleaned = {"".join(ch for ch in w if ch.isalnum()) for w in words}
    return sorted(w for w in cleaned if w and w not in STOPWORDS)[:32]


def _postgres_lexical(site_id: int, text: str, index: SiteIndex) -> np.ndarray:
    scores = np.zeros(index.passage_ids.size, dtype=np.float32)
    words = _postgres_words(text)
    if not words or not scores.size:
        return scores
    # OR of the words (a visitor's sentence rarely has all of them in one passage); each word
    # goes through plainto_tsquery as a parameter, so nothing the visitor types is parsed as
    # tsquery syntax.
    query = " || ".join(["plainto_tsquery('english', %s)"] * len(words))
    sql = (
        f"SELECT p.id, ts_rank_cd(p.search, q.query, 1) FROM knowledge_passage p, "  # noqa: S608
        f"(SELECT ({query}) AS query) q WHERE p.site_id = %s AND p.search @@ q.query "
        f"ORDER BY 2 DESC LIMIT {POSTGRES_LEXICAL_LIMIT}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*words, site_id])
        for passage_id, score in cursor.fetchall():
            row = index.rows_by_id.get(int(passage_id))
            if row is not None:
                scores[row] = float(score)
    return scores


def kb_search(
    site: Site,
    text: str,
    *,
    limit: int = 3,
    locale: str | None = None,
    mode: str = "hybrid",
    config: FusionConfig | None = None,
) -> list[Match]:
    """The best passage of each of the `limit` best published articles for a visitor message.

    `mode` "semantic" / "lexical" use one signal alone (the benchmark compares them); `config`
    overrides the tuned settings (the benchmark's tuning grid).
    """
    config = config or kb_fusion_config()
    text = text.strip()[:QUERY_MAX_CHARS]
    if not text or limit <= 0:
        return []
    index = kb_site_index(site.pk)
    if not index.passage_ids.size:
        return []
    if mode == "lexical":
        semantic = np.zeros(index.passage_ids.size, dtype=np.float32)
    else:
        semantic = index.embeddings @ embedder_get().embed([text], kind="query")[0]
    if mode == "semantic":
        lexical = np.zeros(index.passage_ids.size, dtype=np.float32)
    elif index.bm25 is not None:
        lexical = index.bm25.scores(tokens(text))
    else:
        lexical = _postgres_lexical(site.pk, text, index)
    rows = np.arange(index.passage_ids.size)
    if locale is not None:
        rows = np.flatnonzero(index.locales == locale)
        if not rows.size:
            return []
    ranked = rank(
        semantic=semantic[rows],
        lexical=lexical[rows],
        article_ids=index.article_ids[rows],
        config=config,
        limit=limit,
        mode=mode,
    )
    matches = []
    for item in ranked:
        row = int(rows[item.row])
        matches.append(
            Match(
                passage_id=int(index.passage_ids[row]),
                article_id=int(index.article_ids[row]),
                title=index.titles[row],
                url=index.urls[row],
                heading=index.headings[row],
                text=index.texts[row],
                score=round(item.score, 6),
                semantic=round(item.semantic, 6),
                lexical=round(item.lexical, 6),
                is_confident=item.score >= config.threshold,
            )
        )
    return matches


def kb_answer(site: Site, text: str, *, locale: str | None = None) -> KbAnswer | None:
    """An extractive answer for the message, or None: the knowledge base has nothing on it."""
    return answer_compose(
        kb_search(site, text, limit=3, locale=locale), suggest_threshold=kb_suggest_threshold()
    )


def kb_prompt_context(site: Site, text: str, *, limit: int = 3) -> str:
    """The confident passages for the message, formatted as numbered sources for an LLM prompt."""
    matches = [m for m in kb_search(site, text, limit=limit) if m.is_confident]
    return passages_format_for_prompt(matches)


def kb_article_urls(site: Site) -> frozenset[str]:
    """URLs of the site's published articles: the only links a generated reply may contain."""
    return frozenset(
        Article.objects.filter(site=site, is_published=True)
        .exclude(url="")
        .values_list("url", flat=True)
    )

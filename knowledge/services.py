"""Writes: saving and importing articles (re-splitting, re-embedding passages) and feedback."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from django.db import connection, transaction
from tqdm import tqdm

from conversations import services as conversation_services
from conversations.models import Message, Site
from core.errors import ServiceError
from knowledge import metrics as kb_metrics
from knowledge.encoder import TextEmbedder, embedder_get
from knowledge.markdown import ArticleFormatError, article_parse, markdown_plain, passages_split
from knowledge.models import Article, KbAnswerFeedback, Passage
from knowledge.selectors import kb_index_invalidate

DEMO_ARTICLES_DIR = Path(__file__).resolve().parent / "demo_articles"
# Articles written per transaction (and embedded per encoder call) during an import.
IMPORT_BATCH = 64
URL_MAX_LENGTH = Article._meta.get_field("url").max_length or 500


class KbFeedbackRejected(ServiceError):
    code = "kb_feedback_rejected"


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    # (file name relative to the imported folder, why it was not imported)
    failed: list[tuple[str, str]] = field(default_factory=list)


def passage_embedding_text(title: str, heading: str, text: str) -> str:
    # The title goes in front: a passage like "Open Settings > Security." means nothing alone.
    parts = [title, heading, markdown_plain(text)]
    return "\n".join(p for p in parts if p)


def _postgres_search_fill(article_ids: Sequence[int]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE knowledge_passage AS p SET search = "
            "setweight(to_tsvector('english', a.title), 'A') || "
            "setweight(to_tsvector('english', p.heading), 'B') || "
            "setweight(to_tsvector('english', p.text), 'D') "
            "FROM knowledge_article AS a WHERE a.id = p.article_id AND p.article_id = ANY(%s)",
            [list(article_ids)],
        )


def kb_articles_reindex(
    *, articles: Sequence[Article], embedder: TextEmbedder | None = None
) -> int:
    """Replace the passages of saved articles (one encoder call for all); returns their number."""
    embedder = embedder or embedder_get()
    drafts = [(article, draft) for article in articles for draft in passages_split(article.body)]
    vectors = embedder.embed(
        [passage_embedding_text(a.title, d.heading, d.text) for a, d in drafts], kind="passage"
    ).astype(np.float32, copy=False)
    ids = [a.pk for a in articles]
    with transaction.atomic():
        Passage.objects.filter(article_id__in=ids).delete()
        positions: dict[int, int] = {}
        passages = []
        for (article, draft), vector in zip(drafts, vectors, strict=True):
            position = positions.get(article.pk, 0)
            positions[article.pk] = position + 1
            passages.append(
                Passage(
                    article=article,
                    site_id=article.site_id,
                    position=position,
                    heading=draft.heading,
                    text=draft.text,
                    embedding=vector.tobytes(),
                )
            )
        Passage.objects.bulk_create(passages, batch_size=500)
        if connection.vendor == "postgresql" and ids:
            _postgres_search_fill(ids)
    for site_id in {a.site_id for a in articles}:
        # Same-process searches see the change at once; others notice the fingerprint moved.
        transaction.on_commit(functools.partial(kb_index_invalidate, site_id))
    return len(passages)


@transaction.atomic
def kb_article_save(*, article: Article) -> Article:
    """Save an article (admin edit) and rebuild its passages."""
    article.save()
    kb_articles_reindex(articles=[article])
    return article


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*.md") if p.is_file())


def kb_import(
    *,
    site: Site,
    path: Path,
    locale: str | None = None,
    progress: bool = False,
    embedder: TextEmbedder | None = None,
    on_failure: Callable[[str, str], None] | None = None,
) -> ImportReport:
    """Import a folder of Markdown articles; the same relative path updates, never duplicates.

    A file that cannot be read or parsed is reported by name and skipped; the others import.
    Re-import keeps an article's published flag (an editor may have unpublished it).
    """
    embedder = embedder or embedder_get()
    root = path if path.is_dir() else path.parent
    files = _files(path)
    report = ImportReport()
    existing = {a.source_path: a for a in Article.objects.filter(site=site).exclude(source_path="")}
    pending: list[Article] = []

    def fail(name: str, reason: str) -> None:
        report.failed.append((name, reason))
        if on_failure is not None:
            on_failure(name, reason)

    def flush() -> None:
        if not pending:
            return
        with transaction.atomic():
            for article in pending:
                article.save()
            kb_articles_reindex(articles=pending, embedder=embedder)
        pending.clear()

    bar: Iterable[Path] = tqdm(files, desc="kb_import", unit="file", disable=not progress)
    for file in bar:
        name = file.relative_to(root).as_posix()
        try:
            parsed = article_parse(file.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            fail(name, "not UTF-8 text")
            continue
        except OSError as exc:
            fail(name, f"unreadable: {exc.strerror or exc}")
            continue
        except ArticleFormatError as exc:
            fail(name, str(exc))
            continue
        if len(parsed.url) > URL_MAX_LENGTH:
            fail(name, f"url longer than {URL_MAX_LENGTH} characters")
            continue
        article = existing.get(name)
        if article is None:
            article = Article(
                site=site,
                source_path=name,
                title=parsed.title,
                url=parsed.url,
                body=parsed.body,
                locale=locale or site.locale,
            )
            existing[name] = article
            report.created += 1
        elif (article.title, article.url, article.body) == (parsed.title, parsed.url, parsed.body):
            report.unchanged += 1
            continue
        else:
            article.title, article.url, article.body = parsed.title, parsed.url, parsed.body
            if locale:
                article.locale = locale
            report.updated += 1
        pending.append(article)
        if len(pending) >= IMPORT_BATCH:
            flush()
    flush()
    return report


def kb_demo_import(*, site: Site) -> ImportReport:
    """The sample help center (knowledge/demo_articles) for the demo site; safe to re-run."""
    return kb_import(site=site, path=DEMO_ARTICLES_DIR)


def kb_feedback_record(
    *, message: Message, outcome: str, article_id: int | None = None
) -> KbAnswerFeedback:
    """Store the visitor's yes/no on a bot answer; a second verdict on it replaces the first."""
    if outcome not in KbAnswerFeedback.Outcome.values:
        allowed = sorted(KbAnswerFeedback.Outcome.values)
        raise KbFeedbackRejected(f"outcome must be one of {allowed}")
    if message.sender != Message.Sender.BOT:
        raise KbFeedbackRejected("feedback is only taken on the bot's answers")
    conversation = message.conversation
    if (
        article_id is not None
        and not Article.objects.filter(pk=article_id, site_id=conversation.site_id).exists()
    ):
        raise KbFeedbackRejected("no such article on this site")
    previous = KbAnswerFeedback.objects.filter(message=message).values_list("outcome", flat=True)
    before = previous.first()
    feedback, _ = KbAnswerFeedback.objects.update_or_create(
        message=message,
        defaults={"conversation": conversation, "article_id": article_id, "outcome": outcome},
    )
    if outcome == KbAnswerFeedback.Outcome.YES:
        conversation_services.conversation_helped_mark(conversation_id=conversation.pk)
    if before != outcome:
        verdict = "helpful" if outcome == KbAnswerFeedback.Outcome.YES else "not_helpful"
        transaction.on_commit(lambda: kb_metrics.kb_answer_record(outcome=verdict))
    return feedback

from __future__ import annotations

from io import StringIO
from pathlib import Path

import numpy as np
import pytest
from django.core.management import CommandError, call_command

from conversations.models import Message, Site
from knowledge.models import Article, KbAnswerFeedback, Passage
from knowledge.services import (
    KbFeedbackRejected,
    kb_article_save,
    kb_feedback_record,
    kb_import,
)
from tests.knowledge.conftest import MessageFactory, SiteFactory, articles_write

RESET = "# Reset your password\nurl: https://help.example/reset\n\n1. Select Forgot password.\n"
REFUND = "# Refunds\n\n## When\n\nWe refund within 5 business days.\n\n## Exceptions\n\nNone.\n"


def test_import_creates_articles_with_passages_and_embeddings(site: Site, tmp_path: Path) -> None:
    folder = articles_write(tmp_path, {"reset.md": RESET, "billing/refunds.md": REFUND})
    report = kb_import(site=site, path=folder)
    assert (report.created, report.updated, report.unchanged, report.failed) == (2, 0, 0, [])
    articles = {a.source_path: a for a in Article.objects.filter(site=site)}
    assert sorted(articles) == ["billing/refunds.md", "reset.md"]
    reset = articles["reset.md"]
    assert (reset.title, reset.url, reset.body, reset.locale, reset.is_published) == (
        "Reset your password",
        "https://help.example/reset",
        "1. Select Forgot password.",
        "en",
        True,
    )
    passages = list(Passage.objects.filter(article=articles["billing/refunds.md"]))
    assert [(p.position, p.heading, p.text) for p in passages] == [
        (0, "When", "We refund within 5 business days."),
        (1, "Exceptions", "None."),
    ]
    vector = np.frombuffer(bytes(passages[0].embedding), dtype=np.float32)
    assert vector.shape == (384,)
    assert float(np.linalg.norm(vector)) == pytest.approx(1.0, abs=1e-3)


def test_reimport_updates_by_path_and_never_duplicates(site: Site, tmp_path: Path) -> None:
    folder = articles_write(tmp_path, {"reset.md": RESET, "refunds.md": REFUND})
    kb_import(site=site, path=folder)
    first = Article.objects.get(site=site, source_path="reset.md")
    Article.objects.filter(pk=first.pk).update(is_published=False)
    articles_write(folder, {"reset.md": RESET.replace("Forgot password", "Reset password")})

    report = kb_import(site=site, path=folder)

    assert (report.created, report.updated, report.unchanged, report.failed) == (0, 1, 1, [])
    assert Article.objects.filter(site=site).count() == 2
    again = Article.objects.get(site=site, source_path="reset.md")
    assert (again.pk, again.body, again.is_published) == (
        first.pk,
        "1. Select Reset password.",
        False,  # an editor's unpublish survives a re-import
    )
    assert list(Passage.objects.filter(article=again).values_list("text", flat=True)) == [
        "1. Select Reset password."
    ]


def test_same_path_on_another_site_is_another_article(site: Site, tmp_path: Path) -> None:
    folder = articles_write(tmp_path, {"reset.md": RESET})
    other = SiteFactory()
    kb_import(site=site, path=folder)
    kb_import(site=other, path=folder)
    assert Article.objects.filter(source_path="reset.md").count() == 2


def test_bad_file_is_reported_by_name_and_the_rest_import(site: Site, tmp_path: Path) -> None:
    folder = articles_write(
        tmp_path, {"a-good.md": RESET, "no-title.md": "Just text.\n", "z-good.md": REFUND}
    )
    (folder / "latin1.md").write_bytes("# Caf\xe9\n\nbody".encode("latin-1"))

    report = kb_import(site=site, path=folder)

    assert report.created == 2
    assert report.failed == [
        ("latin1.md", "not UTF-8 text"),
        ("no-title.md", "the first line must be the title, as '# Title'"),
    ]
    assert sorted(Article.objects.values_list("source_path", flat=True)) == [
        "a-good.md",
        "z-good.md",
    ]


def test_kb_import_command_reports_counts_and_fails_on_bad_files(
    site: Site, tmp_path: Path
) -> None:
    folder = articles_write(tmp_path, {"reset.md": RESET, "broken.md": "no title"})
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match=r"1 file\(s\) could not be imported"):
        call_command(
            "kb_import", str(folder), "--site", "help", "--no-progress", stdout=out, stderr=err
        )
    assert out.getvalue() == "help: 1 created, 0 updated, 0 unchanged, 1 failed\n"
    assert err.getvalue() == (
        "  not imported: broken.md: the first line must be the title, as '# Title'\n"
    )
    assert list(Article.objects.values_list("title", flat=True)) == ["Reset your password"]


def test_kb_import_command_refuses_an_unknown_site(site: Site, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="no site with key 'nope'"):
        call_command("kb_import", str(tmp_path), "--site", "nope", "--no-progress")


def test_admin_save_rebuilds_the_passages(site: Site) -> None:
    article = Article(site=site, title="Invoices", body="Download it under Orders.")
    kb_article_save(article=article)
    article.body = "## Download\n\nUnder Orders.\n\n## Company details\n\nUnder Billing."
    kb_article_save(article=article)
    assert list(Passage.objects.filter(article=article).values_list("heading", "text")) == [
        ("Download", "Under Orders."),
        ("Company details", "Under Billing."),
    ]


def test_feedback_is_recorded_once_per_message_and_can_change(site: Site) -> None:
    article = kb_article_save(article=Article(site=site, title="Refunds", body="Five days."))
    message = MessageFactory(conversation__site=site)

    first = kb_feedback_record(message=message, outcome="yes", article_id=article.pk)
    second = kb_feedback_record(message=message, outcome="no", article_id=article.pk)

    assert first.pk == second.pk
    stored = KbAnswerFeedback.objects.get()
    assert (stored.message_id, stored.conversation_id, stored.article_id, stored.outcome) == (
        message.pk,
        message.conversation_id,
        article.pk,
        "no",
    )


@pytest.mark.parametrize(
    ("sender", "outcome", "other_site_article", "message"),
    [
        pytest.param(Message.Sender.BOT, "maybe", False, "outcome must be one of", id="outcome"),
        pytest.param(Message.Sender.VISITOR, "yes", False, "only taken on the bot", id="visitor"),
        pytest.param(Message.Sender.BOT, "yes", True, "no such article", id="other-site"),
    ],
)
def test_feedback_is_refused(
    site: Site, sender: str, outcome: str, other_site_article: bool, message: str
) -> None:
    owner = SiteFactory() if other_site_article else site
    article = kb_article_save(article=Article(site=owner, title="Refunds", body="Five days."))
    bot_message = MessageFactory(conversation__site=site, sender=sender)
    with pytest.raises(KbFeedbackRejected, match=message):
        kb_feedback_record(message=bot_message, outcome=outcome, article_id=article.pk)
    assert KbAnswerFeedback.objects.count() == 0

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import connection

from conversations.models import Site
from knowledge.answers import KbAnswer, Match, answer_excerpt, passages_format_for_prompt
from knowledge.models import Article
from knowledge.selectors import (
    kb_answer,
    kb_article_urls,
    kb_index_invalidate,
    kb_lexical_backend,
    kb_prompt_context,
    kb_search,
)
from knowledge.services import kb_article_save

CANCEL_STEPS = (
    "You can cancel at any time; there is no cancellation fee.\n\n"
    "1. Go to **Account > Subscription**.\n2. Select **Cancel subscription** and confirm.\n\n"
    "Your plan stays active until the end of the period you have paid for, and you will not be "
    "charged again. You will receive a confirmation email."
)


@pytest.fixture(autouse=True)
def _fresh_index_cache() -> Iterator[None]:
    kb_index_invalidate()
    yield
    kb_index_invalidate()


@pytest.fixture(
    params=["bm25", pytest.param("postgres", marks=pytest.mark.postgres)], ids=["bm25", "pg-fts"]
)
def lexical(request: pytest.FixtureRequest, settings, db: None) -> str:  # type: ignore[no-untyped-def]
    settings.KB_LEXICAL_BACKEND = request.param
    if request.param == "postgres":
        assert connection.vendor == "postgresql"
    assert kb_lexical_backend() == request.param
    return str(request.param)


@pytest.mark.parametrize(
    ("question", "title"),
    [
        pytest.param(
            "i forgot my pasword and cant log in", "How do I reset my password?", id="typo"
        ),
        pytest.param(
            "where is my parcel?? ordered 2 weeks ago, nothing",
            "My order is late or has not arrived",
            id="late",
        ),
        pytest.param("how do I get my money back", "Returns and refunds", id="indirect"),
        pytest.param(
            "I moved, I need to change the delivery address",
            "Changing the delivery address of an order",
            id="moved",
        ),
        pytest.param("stop charging me every month", "Cancelling your subscription", id="cancel"),
    ],
)
def test_search_finds_the_article(demo_site: Site, lexical: str, question: str, title: str) -> None:
    matches = kb_search(demo_site, question)
    assert len(matches) == 3
    assert matches[0].title == title
    assert matches[0].is_confident is True
    assert len({m.article_id for m in matches}) == 3


def test_extractive_answer_quotes_the_steps_with_title_and_url(
    demo_site: Site, lexical: str
) -> None:
    answer = kb_answer(demo_site, "How can I cancel my subscription?")
    assert answer is not None
    article = Article.objects.get(site=demo_site, source_path="cancel-subscription.md")
    assert answer == KbAnswer(
        text=CANCEL_STEPS,
        title="Cancelling your subscription",
        url="https://help.example.com/articles/cancel-subscription",
        article_id=article.pk,
        passage_id=answer.passage_id,
        heading="How to cancel",
        score=answer.score,
        is_confident=True,
    )
    assert answer.passage_id == article.passages.get(heading="How to cancel").pk
    assert answer.score >= 0.42


@pytest.mark.parametrize(
    "question",
    ["what's the weather in paris tomorrow", "tell me a joke", "do you sell fridges"],
)
def test_no_answer_below_threshold(demo_site: Site, lexical: str, question: str) -> None:
    assert kb_answer(demo_site, question) is None
    assert [m.is_confident for m in kb_search(demo_site, question)] == [False, False, False]
    assert kb_prompt_context(demo_site, question) == ""


def test_threshold_setting_decides_confidence(demo_site: Site, settings) -> None:  # type: ignore[no-untyped-def]
    settings.KB_CONFIDENCE_THRESHOLD = 0.99
    settings.KB_SUGGEST_THRESHOLD = 0.3
    answer = kb_answer(demo_site, "How can I cancel my subscription?")
    assert answer is not None
    assert (answer.title, answer.is_confident) == ("Cancelling your subscription", False)
    settings.KB_SUGGEST_THRESHOLD = 0.99
    assert kb_answer(demo_site, "How can I cancel my subscription?") is None


def test_unpublished_and_edited_articles_are_seen_by_the_next_search(demo_site: Site) -> None:
    question = "How can I cancel my subscription?"
    assert kb_search(demo_site, question)[0].title == "Cancelling your subscription"
    article = Article.objects.get(site=demo_site, source_path="cancel-subscription.md")
    article.is_published = False
    kb_article_save(article=article)
    assert "Cancelling your subscription" not in [m.title for m in kb_search(demo_site, question)]

    article.is_published = True
    article.body = "## How to end it\n\nWrite to us and we end your membership today."
    kb_article_save(article=article)
    best = kb_search(demo_site, question)[0]
    assert (best.title, best.text) == (
        "Cancelling your subscription",
        "Write to us and we end your membership today.",
    )


def test_search_is_per_site_and_per_locale(demo_site: Site) -> None:
    other = Site.objects.create(name="Other", site_key="other")
    assert kb_search(other, "How can I cancel my subscription?") == []
    kb_article_save(
        article=Article(
            site=demo_site,
            title="Abonnement kündigen",
            locale="de",
            body="Gehen Sie zu Konto > Abonnement und kündigen Sie.",
        )
    )
    german = kb_search(demo_site, "Wie kündige ich mein Abonnement?", locale="de")
    assert [m.title for m in german] == ["Abonnement kündigen"]


def test_warm_search_costs_one_query_on_bm25(
    demo_site: Site,
    settings,
    django_assert_num_queries,  # type: ignore[no-untyped-def]
) -> None:
    settings.KB_LEXICAL_BACKEND = "bm25"
    kb_search(demo_site, "refund")
    with django_assert_num_queries(1):  # the fingerprint; the index itself is cached
        kb_search(demo_site, "how long does shipping take")


def test_prompt_context_lists_title_url_and_text(demo_site: Site) -> None:
    context = kb_prompt_context(demo_site, "How can I cancel my subscription?", limit=1)
    assert context == (
        "[1] Cancelling your subscription — How to cancel\n"
        "URL: https://help.example.com/articles/cancel-subscription\n" + CANCEL_STEPS
    )


def test_article_urls_are_the_published_ones(demo_site: Site) -> None:
    Article.objects.filter(source_path="invoices.md").update(is_published=False)
    urls = kb_article_urls(demo_site)
    assert len(urls) == 14
    assert "https://help.example.com/articles/refund-policy" in urls
    assert "https://help.example.com/articles/invoices" not in urls


def test_prompt_format_numbers_sources_and_skips_missing_parts() -> None:
    def match(title: str, url: str, heading: str, text: str) -> Match:
        return Match(
            passage_id=1,
            article_id=1,
            title=title,
            url=url,
            heading=heading,
            text=text,
            score=0.8,
            semantic=0.7,
            lexical=1.0,
            is_confident=True,
        )

    assert (
        passages_format_for_prompt(
            [
                match("Refunds", "https://x.example/r", "When", "In 5 days.\n"),
                match("Gifts", "", "", "No."),
            ]
        )
        == "[1] Refunds — When\nURL: https://x.example/r\nIn 5 days.\n\n[2] Gifts\nNo."
    )


def test_long_passage_is_cut_at_a_paragraph() -> None:
    text = "\n\n".join(["A" * 500, "B" * 500, "C" * 10])
    assert answer_excerpt(text) == "A" * 500
    assert answer_excerpt("short") == "short"

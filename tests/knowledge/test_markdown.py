from __future__ import annotations

import pytest

from knowledge.markdown import (
    ArticleFormatError,
    PassageDraft,
    article_parse,
    markdown_plain,
    passages_split,
)


def test_title_url_and_body_are_read_from_the_header() -> None:
    parsed = article_parse("\n# Reset your password\nurl: https://help.example/reset\n\nBody.\n")
    assert (parsed.title, parsed.url, parsed.body) == (
        "Reset your password",
        "https://help.example/reset",
        "Body.",
    )


def test_url_line_is_optional() -> None:
    parsed = article_parse("# Refunds\n\nWe refund within 5 days.")
    assert (parsed.title, parsed.url, parsed.body) == ("Refunds", "", "We refund within 5 days.")


@pytest.mark.parametrize(
    ("source", "message"),
    [
        pytest.param("Refunds\n\nbody", "the first line must be the title", id="no-title"),
        pytest.param("## Refunds\n\nbody", "the first line must be the title", id="h2-title"),
        pytest.param("# Refunds\n", "no body", id="no-body"),
        pytest.param("# Refunds\nurl: ftp://x\n\nbody", "url must start with", id="bad-url"),
    ],
)
def test_malformed_article_is_refused(source: str, message: str) -> None:
    with pytest.raises(ArticleFormatError, match=message):
        article_parse(source)


def test_sections_become_passages_short_intro_joins_the_first_one_steps_stay_together() -> None:
    body = (
        "Intro line.\n\n## Change it\n\nTo change it:\n\n1. Open Settings.\n2. Save.\n\n"
        "## After shipping\n\nAsk the carrier."
    )
    assert passages_split(body) == [
        PassageDraft(
            heading="Change it", text="Intro line.\n\nTo change it:\n1. Open Settings.\n2. Save."
        ),
        PassageDraft(heading="After shipping", text="Ask the carrier."),
    ]


def test_long_section_is_cut_at_paragraph_boundaries() -> None:
    paragraph = " ".join(["word"] * 70)
    drafts = passages_split("## Long\n\n" + "\n\n".join([paragraph] * 4))
    assert [len(d.text.split()) for d in drafts] == [70, 70, 70, 70]
    assert {d.heading for d in drafts} == {"Long"}


def test_markdown_plain_keeps_link_text_and_drops_markup() -> None:
    text = "1. Go to **Account > Orders** and see [the guide](https://x.example).\n- `Save`"
    assert markdown_plain(text) == "Go to Account Orders and see the guide. Save"

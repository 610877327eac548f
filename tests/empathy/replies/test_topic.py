"""Topic extraction: what the visitor mentioned, in the bot's voice, or nothing when unsure."""

from __future__ import annotations

import pytest

from empathy.replies.topic import topic_extract


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        pytest.param("Where is my order??", "your order", id="my-order"),
        pytest.param("I was charged twice on the invoice", "the invoice", id="the-invoice"),
        pytest.param("I need a password reset", "your password reset", id="password-reset"),
        pytest.param("how do I reset my password", "your password reset", id="reset-my-password"),
        pytest.param("my last order never arrived", "your last order", id="modifier-kept"),
        pytest.param("I cannot log in since monday", "signing in", id="activity"),
        pytest.param("your app keeps crashing", "the app", id="your-becomes-the"),
        pytest.param("The delivery is late again", "the delivery", id="the-delivery"),
        pytest.param("I want to cancel my subscription", "your subscription", id="subscription"),
        pytest.param("I love my new headphones", "your new headphones", id="generic-noun"),
        pytest.param("my husband is angry", None, id="people-are-not-topics"),
        pytest.param("hello", None, id="nothing"),
        pytest.param("x" * 10000, None, id="huge-text"),
    ],
)
def test_topic_extract(text: str, topic: str | None) -> None:
    assert topic_extract(text) == topic


def test_topic_is_short() -> None:
    topic = topic_extract("my supercalifragilistic extraordinarily long thing")
    assert topic is None or len(topic) <= 40

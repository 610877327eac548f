"""The console's assist endpoint lists the help-center articles for the latest visitor message."""

from __future__ import annotations

from typing import Any

from django.test import Client

from conversations.models import Message, Site
from tests.agents_console.conftest import escalate

RESET_URL = "https://help.example.com/articles/reset-password"


def _suggestions(client: Client, conversation: Any) -> dict[str, Any]:
    response = client.get(f"/console/api/conversations/{conversation.pk}/suggestions")
    assert response.status_code == 200, response.content
    return response.json()


def test_articles_match_the_latest_visitor_message_best_first(
    logged_in: Client, create_conversation: Any, site: Site
) -> None:
    from knowledge.services import kb_demo_import

    assert kb_demo_import(site=site).failed == []
    conversation = create_conversation(
        [
            ("visitor", "where is my parcel?", None),
            ("bot", "Let me check.", None),
            ("visitor", "never mind that, how do I reset my password? I'm locked out", None),
        ]
    )
    escalate(conversation)
    articles = _suggestions(logged_in, conversation)["articles"]
    assert 1 <= len(articles) <= 3
    assert set(articles[0]) == {"title", "url", "score", "is_confident"}
    assert (articles[0]["url"], articles[0]["is_confident"]) == (RESET_URL, True)
    assert [a["score"] for a in articles] == sorted((a["score"] for a in articles), reverse=True)


def test_no_articles_without_a_help_center_or_for_a_crisis_message(
    logged_in: Client, create_conversation: Any, site: Site
) -> None:
    conversation = create_conversation([("visitor", "how do I reset my password?", None)])
    escalate(conversation)
    assert _suggestions(logged_in, conversation)["articles"] == []

    from knowledge.services import kb_demo_import

    kb_demo_import(site=site)
    Message.objects.filter(conversation=conversation).update(crisis_level="crisis")
    assert _suggestions(logged_in, conversation)["articles"] == []

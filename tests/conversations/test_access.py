"""Conversation tokens and the origin allow-list."""

from __future__ import annotations

import uuid

import pytest

from conversations import access


def test_token_grants_only_its_conversation() -> None:
    mine, other = uuid.uuid4(), uuid.uuid4()
    token = access.conversation_token_issue(conversation_id=mine)
    assert access.conversation_token_grants(token=token, conversation_id=mine)
    assert not access.conversation_token_grants(token=token, conversation_id=other)
    assert not access.conversation_token_grants(token=token + "x", conversation_id=mine)
    assert not access.conversation_token_grants(token="", conversation_id=mine)


def test_token_signed_with_another_key_is_rejected(settings) -> None:  # type: ignore[no-untyped-def]
    conversation_id = uuid.uuid4()
    token = access.conversation_token_issue(conversation_id=conversation_id)
    settings.SECRET_KEY = "another-secret-key-" + "x" * 40
    assert access.conversation_token_subject(token) is None


@pytest.mark.parametrize(
    ("header", "token"),
    [
        ("Bearer abc", "abc"),
        ("bearer  abc ", "abc"),
        ("Token abc", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_bearer_token(header: str | None, token: str) -> None:
    assert access.bearer_token(header) == token


@pytest.mark.parametrize(
    ("origin", "allowed", "expected"),
    [
        ("https://shop.example", ["https://shop.example"], True),
        ("https://shop.example:443", ["https://shop.example"], True),
        ("https://SHOP.example", ["https://shop.example"], True),
        ("http://shop.example", ["https://shop.example"], False),
        ("https://shop.example.evil", ["https://shop.example"], False),
        ("https://shop.example:8443", ["https://shop.example"], False),
        ("http://localhost:3000", ["http://localhost:*"], True),
        ("http://localhost", ["http://localhost:*"], True),
        ("null", ["http://localhost:*"], False),
        ("https://shop.example", [], False),
        ("https://shop.example", [42, None], False),
    ],
)
def test_origin_is_allowed(origin: str, allowed: list, expected: bool) -> None:
    assert access.origin_is_allowed(origin, allowed) is expected

"""A conversation that continues a resolved one: same visitor, previous turns as the bot's
context, the link for the agent; only with the resolved conversation's own token."""

from __future__ import annotations

import uuid

import pytest
from rest_framework.test import APIClient

from conversations.models import Conversation
from pipeline import receive, replies
from tests.conversations.conftest import SiteFactory

ORIGIN = "https://shop.example"


@pytest.fixture
def shop(db):  # type: ignore[no-untyped-def]
    return SiteFactory(site_key="shop", allowed_origins=[ORIGIN])


def _start(site_key: str, **extra: object) -> dict:
    response = APIClient().post(
        "/api/v1/widget/conversations",
        {"site_key": site_key, **extra},
        format="json",
        HTTP_ORIGIN=ORIGIN,
    )
    assert response.status_code == 201, response.content
    return response.json()


def _end(created: dict) -> None:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {created['token']}", HTTP_ORIGIN=ORIGIN)
    assert client.post(f"/api/v1/widget/conversations/{created['id']}/end").status_code == 200


def test_a_new_conversation_continues_the_resolved_one(shop, detector) -> None:  # type: ignore[no-untyped-def]
    first = _start("shop")
    first_conversation = Conversation.objects.get(pk=first["id"])
    receive.message_receive(
        conversation=first_conversation,
        client_message_id=uuid.uuid4(),
        text="My parcel 1234 never arrived",
    )
    _end(first)
    second = _start("shop", previous_token=first["token"])
    conversation = Conversation.objects.get(pk=second["id"])
    assert conversation.previous_id == first_conversation.pk
    assert conversation.visitor_id == first_conversation.visitor_id
    message, _ = receive.message_receive(
        conversation=conversation, client_message_id=uuid.uuid4(), text="any news?"
    )
    request = replies.reply_request_for(message=message, reading=None, state={})
    assert [(t.sender, t.text) for t in request.history] == [
        ("visitor", "My parcel 1234 never arrived")
    ]


def test_an_open_conversation_or_a_bad_token_is_not_continued(shop) -> None:  # type: ignore[no-untyped-def]
    open_one = _start("shop")
    second = Conversation.objects.get(pk=_start("shop", previous_token=open_one["token"])["id"])
    third = Conversation.objects.get(pk=_start("shop", previous_token="forged.token")["id"])
    first = Conversation.objects.get(pk=open_one["id"])
    assert (second.previous_id, third.previous_id) == (None, None)
    assert second.visitor_id != first.visitor_id
    assert third.visitor_id != first.visitor_id


def test_another_sites_conversation_is_not_continued(shop) -> None:  # type: ignore[no-untyped-def]
    other = SiteFactory(site_key="other", allowed_origins=[ORIGIN])
    elsewhere = _start(other.site_key)
    _end(elsewhere)
    here = Conversation.objects.get(pk=_start("shop", previous_token=elsewhere["token"])["id"])
    assert here.previous_id is None
    assert here.visitor_id != Conversation.objects.get(pk=elsewhere["id"]).visitor_id


def test_an_old_or_already_continued_token_cannot_branch_off(shop) -> None:  # type: ignore[no-untyped-def]
    first = _start("shop")
    _end(first)
    second = _start("shop", previous_token=first["token"])
    assert Conversation.objects.get(pk=second["id"]).previous_id is not None
    # The first token again (say it leaked): no second continuation of the same conversation.
    branch = Conversation.objects.get(pk=_start("shop", previous_token=first["token"])["id"])
    assert branch.previous_id is None
    assert branch.visitor_id != Conversation.objects.get(pk=first["id"]).visitor_id

"""Signed visitor identities: missing, wrong and replayed signatures link to no profile."""

from __future__ import annotations

import time

import pytest
from rest_framework.test import APIClient

from conversations.models import Conversation, Site, Visitor
from conversations.privacy.identity import identity_signature
from tests.conversations.conftest import SiteFactory

pytestmark = pytest.mark.django_db

ORIGIN = "https://shop.example"


@pytest.fixture
def strict_site() -> Site:
    return SiteFactory(site_key="strict", require_signed_identity=True)


@pytest.fixture
def known(strict_site: Site) -> Visitor:
    """A visitor with history, identified by the site's id "cust-42"."""
    return Visitor.objects.create(site=strict_site, external_id="cust-42", display_name="Ada")


def _start(site_key: str, visitor: dict[str, object]) -> tuple[int, Conversation | None]:
    response = APIClient().post(
        "/api/v1/widget/conversations",
        {"site_key": site_key, "visitor": visitor},
        format="json",
        HTTP_ORIGIN=ORIGIN,
    )
    if response.status_code != 201:
        return response.status_code, None
    return 201, Conversation.objects.select_related("visitor").get(pk=response.json()["id"])


def _me(conversation: Conversation) -> dict[str, object]:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Bearer " + _token(conversation), HTTP_ORIGIN=ORIGIN)
    return client.get("/api/v1/widget/me/export").json()


def _token(conversation: Conversation) -> str:
    from conversations import access

    return access.conversation_token_issue(conversation_id=conversation.id)


def test_valid_signature_links_to_the_known_visitor(strict_site: Site, known: Visitor) -> None:
    now = int(time.time())
    signature = identity_signature(secret=strict_site.secret, external_id="cust-42", timestamp=now)
    status, conversation = _start(
        "strict", {"external_id": "cust-42", "signature": signature, "timestamp": now}
    )
    assert status == 201
    assert conversation is not None
    assert conversation.visitor_id == known.pk
    assert conversation.identity_verified is True
    assert _me(conversation)["visitor"]["display_name"] == "Ada"  # type: ignore[index]


@pytest.mark.parametrize(
    "claim",
    [
        pytest.param({"external_id": "cust-42"}, id="missing-signature"),
        pytest.param(
            {"external_id": "cust-42", "signature": "0" * 64, "timestamp": "NOW"},
            id="wrong-signature",
        ),
        pytest.param({"external_id": "cust-42", "signature": "SIG-OTHER-ID"}, id="other-id"),
        pytest.param({"external_id": "cust-42", "signature": "SIG-OLD"}, id="replayed-old"),
        pytest.param({"external_id": "cust-42", "signature": "SIG-WRONG-SECRET"}, id="bad-key"),
        pytest.param({"external_id": "cust-42", "signature": "SIG-FUTURE"}, id="future-stamp"),
    ],
)
def test_unproven_identity_gets_a_fresh_anonymous_visitor(
    strict_site: Site, known: Visitor, claim: dict[str, object]
) -> None:
    now = int(time.time())
    claim = dict(claim)
    if claim.get("timestamp") == "NOW":
        claim["timestamp"] = now
    special = {
        "SIG-OTHER-ID": ("cust-43", now, strict_site.secret),
        "SIG-OLD": ("cust-42", now - 301, strict_site.secret),  # captured earlier, replayed
        "SIG-WRONG-SECRET": ("cust-42", now, "not-the-site-secret"),
        "SIG-FUTURE": ("cust-42", now + 3600, strict_site.secret),
    }
    if claim.get("signature") in special:
        external_id, stamp, secret = special[str(claim["signature"])]
        claim["signature"] = identity_signature(
            secret=secret, external_id=external_id, timestamp=stamp
        )
        claim["timestamp"] = stamp

    status, conversation = _start("strict", claim)

    assert status == 201
    assert conversation is not None
    assert conversation.visitor_id != known.pk
    assert conversation.visitor.external_id == ""
    assert conversation.identity_verified is False
    export = _me(conversation)
    assert export["visitor"]["display_name"] == ""  # type: ignore[index]
    assert len(export["conversations"]) == 1  # type: ignore[arg-type]
    assert Conversation.objects.filter(visitor=known).count() == 0


def test_a_signature_is_accepted_within_its_window_only(strict_site: Site, known: Visitor) -> None:
    stamp = int(time.time()) - 299
    signature = identity_signature(
        secret=strict_site.secret, external_id="cust-42", timestamp=stamp
    )
    claim = {"external_id": "cust-42", "signature": signature, "timestamp": stamp}
    _, first = _start("strict", claim)
    assert first is not None
    assert first.visitor_id == known.pk
    import time_machine

    with time_machine.travel(time.time() + 5):
        _, replay = _start("strict", claim)
    assert replay is not None
    assert replay.visitor_id != known.pk


def test_unsigned_claim_on_a_lax_site_leaves_the_real_visitor_untouched(known: Visitor) -> None:
    """The attack: someone else's external_id without a signature, then PATCH /me."""
    lax = SiteFactory(site_key="lax")
    victim = Visitor.objects.create(
        site=lax, external_id="cust-42", display_name="Ada", emotion_consent=True
    )
    earlier = Conversation.objects.create(site=lax, visitor=victim, identity_verified=True)
    status, conversation = _start("lax", {"external_id": "cust-42", "name": "Mallory"})
    assert status == 201
    assert conversation is not None
    assert conversation.visitor_id != victim.pk
    assert (conversation.visitor.external_id, conversation.visitor.display_name) == (
        "",
        "Mallory",
    )
    assert conversation.identity_verified is False
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Bearer " + _token(conversation), HTTP_ORIGIN=ORIGIN)
    answer = client.patch("/api/v1/widget/me", {"emotion_analysis": False}, format="json")
    assert answer.status_code == 200
    assert answer.json()["identified"] is False
    victim.refresh_from_db()
    assert (victim.display_name, victim.emotion_consent) == ("Ada", True)
    assert list(Conversation.objects.filter(visitor=victim)) == [earlier]
    export = _me(conversation)
    assert [c["id"] for c in export["conversations"]] == [str(conversation.id)]  # type: ignore[index]
    assert export["visitor"]["display_name"] == "Mallory"  # type: ignore[index]


def test_legacy_unproven_link_may_not_change_the_visitors_consent(known: Visitor) -> None:
    """A conversation linked by an unsigned id before the fix: PATCH /me is 403."""
    lax = SiteFactory(site_key="lax")
    victim = Visitor.objects.create(site=lax, external_id="cust-42", emotion_consent=True)
    linked = Conversation.objects.create(site=lax, visitor=victim, identity_verified=False)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Bearer " + _token(linked), HTTP_ORIGIN=ORIGIN)
    answer = client.patch("/api/v1/widget/me", {"emotion_analysis": False}, format="json")
    assert (answer.status_code, answer.json()["error"]) == (403, "forbidden")
    victim.refresh_from_db()
    assert victim.emotion_consent is True


@pytest.mark.parametrize("site_key", ["strict", "lax"])
def test_a_valid_signature_works_once_and_its_replay_is_anonymous(
    strict_site: Site, known: Visitor, site_key: str
) -> None:
    site = strict_site if site_key == "strict" else SiteFactory(site_key="lax")
    owner = (
        known if site_key == "strict" else Visitor.objects.create(site=site, external_id="cust-42")
    )
    now = int(time.time())
    signature = identity_signature(secret=site.secret, external_id="cust-42", timestamp=now)
    claim = {"external_id": "cust-42", "signature": signature, "timestamp": now}
    _, first = _start(site_key, claim)
    _, replay = _start(site_key, claim)
    assert first is not None
    assert replay is not None
    assert (first.visitor_id, first.identity_verified) == (owner.pk, True)
    assert replay.visitor_id != owner.pk
    assert (replay.visitor.external_id, replay.identity_verified) == ("", False)
    # The replayed token exports only its own, empty conversation.
    export = _me(replay)
    assert (len(export["conversations"]), export["messages"]) == (1, [])  # type: ignore[arg-type]


def test_signature_checks_use_constant_time_comparison(monkeypatch: pytest.MonkeyPatch) -> None:
    import hmac

    from conversations.privacy import identity

    calls: list[tuple[str, str]] = []
    real = hmac.compare_digest

    def spy(a: str, b: str) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(identity.hmac, "compare_digest", spy)
    site = Site(secret="s3cret")
    now = int(time.time())
    good = identity_signature(secret="s3cret", external_id="x", timestamp=now)
    assert identity.identity_signature_valid(
        site=site, external_id="x", signature=good, timestamp=now
    )
    assert calls == [(good, good)]

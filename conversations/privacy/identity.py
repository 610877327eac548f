"""Signed visitor identities: an `external_id` counts only with a fresh, single-use HMAC."""

from __future__ import annotations

import hashlib
import hmac
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from conversations.models import Site

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class IdentityClaim:
    """What the widget sent about who the visitor is, and whether the server believes it."""

    external_id: str
    verified: bool


def identity_signature(*, secret: str, external_id: str, timestamp: int) -> str:
    """Hex HMAC-SHA256 of "<timestamp>:<external_id>" with the site's secret.

    The site's own backend computes this when it renders the page; the timestamp in the signed
    payload lets the server refuse an old signature replayed later.
    """
    payload = f"{int(timestamp)}:{external_id}".encode()
    return hmac.new(secret.encode(), payload, hashlib.sha256).hexdigest()


def identity_signature_valid(
    *,
    site: Site,
    external_id: str,
    signature: str,
    timestamp: int | None,
    now: float | None = None,
) -> bool:
    """True for a signature of exactly this id made with the site's secret, not too old."""
    if not external_id or not signature or timestamp is None or len(signature) > 128:
        return False
    current = time.time() if now is None else now
    age = current - timestamp
    # A little clock skew into the future is tolerated; anything older than the window is a
    # replay of a signature captured earlier.
    if age > settings.IDENTITY_SIGNATURE_MAX_AGE or age < -settings.IDENTITY_SIGNATURE_MAX_SKEW:
        return False
    expected = identity_signature(secret=site.secret, external_id=external_id, timestamp=timestamp)
    return hmac.compare_digest(expected, signature.strip().lower())


def identity_signature_use(*, site: Site, signature: str) -> bool:
    """Spend a valid signature: True the first time, False for any replay within its window.

    Kept in the shared cache for as long as the signature could still pass the age check, so
    every web process sees the same spent set; `add` is atomic, so two racing uses of one
    signature get one True. A cache outage refuses the proof (the chat still starts, anonymous).
    """
    digest = hashlib.sha256(f"{site.pk}:{signature.strip().lower()}".encode()).hexdigest()
    ttl = settings.IDENTITY_SIGNATURE_MAX_AGE + settings.IDENTITY_SIGNATURE_MAX_SKEW + 1
    try:
        return bool(cache.add(f"identity-signature:{digest}", 1, ttl))
    except Exception:
        logger.warning("identity signature cache unavailable; proof refused", exc_info=True)
        return False


def identity_claim_resolve(
    *, site: Site, external_id: str, signature: str = "", timestamp: int | None = None
) -> IdentityClaim:
    """The id to link the visitor by: only a fresh, unspent signature proves it.

    Anyone can type someone else's id, so an unproven claim is dropped on every site (whether
    or not it requires signed identities): the visitor starts anonymous and separate, and
    nothing of the identified profile, its consent or its data is shown, merged or changed.
    Dropping it (rather than refusing the chat) keeps the widget working.
    """
    if not external_id:
        return IdentityClaim(external_id="", verified=False)
    verified = identity_signature_valid(
        site=site, external_id=external_id, signature=signature, timestamp=timestamp
    ) and identity_signature_use(site=site, signature=signature)
    if not verified:
        return IdentityClaim(external_id="", verified=False)
    return IdentityClaim(external_id=external_id, verified=True)

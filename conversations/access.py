"""Widget credentials: conversation tokens and the per-site origin allow-list."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit
from uuid import UUID

from django.conf import settings
from django.core import signing

_TOKEN_SALT = "conversations.widget-token.v1"  # noqa: S105  (a namespace, not a secret)


def conversation_token_issue(*, conversation_id: UUID) -> str:
    """A signed, expiring credential that grants access to this one conversation only."""
    return signing.TimestampSigner(salt=_TOKEN_SALT).sign_object({"c": str(conversation_id)})


def conversation_token_subject(token: str) -> UUID | None:
    """The conversation a valid, unexpired token was issued for; None for anything else."""
    if not token or len(token) > 512:
        return None
    try:
        data = signing.TimestampSigner(salt=_TOKEN_SALT).unsign_object(
            token, max_age=settings.WIDGET_TOKEN_MAX_AGE
        )
        return UUID(data["c"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def conversation_token_grants(*, token: str, conversation_id: UUID | str) -> bool:
    subject = conversation_token_subject(token)
    return subject is not None and str(subject) == str(conversation_id)


def bearer_token(authorization: str | None) -> str:
    """The token of an `Authorization: Bearer <token>` header, or an empty string."""
    if not authorization:
        return ""
    scheme, _, token = authorization.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def _origin_parts(origin: str) -> tuple[str, str, str] | None:
    try:
        parts = urlsplit(origin.strip().lower())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return None
    default_port = 443 if parts.scheme == "https" else 80
    return parts.scheme, parts.hostname, str(port or default_port)


def origin_is_allowed(origin: str, allowed: Iterable[str]) -> bool:
    """Exact origin match, or `scheme://host:*` for any port of that host."""
    candidate = _origin_parts(origin)
    if candidate is None:
        return False
    for entry in allowed:
        if not isinstance(entry, str):
            continue
        if entry.endswith(":*"):
            wanted = _origin_parts(entry[:-2])
            if wanted is not None and wanted[:2] == candidate[:2]:
                return True
            continue
        if _origin_parts(entry) == candidate:
            return True
    return False

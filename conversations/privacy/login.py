"""Staff login throttling: failures counted per username and client IP in the shared cache.

``ThrottledModelBackend`` (settings.AUTHENTICATION_BACKENDS) applies it to every login that
goes through ``django.contrib.auth.authenticate`` with a request: the admin, the agent
console and DRF's session login alike. Other entry points can call the functions directly.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from core.client import client_ip

logger = logging.getLogger(__name__)


def _key(username: str, ip: str) -> str:
    # Hashed so neither the username nor the address sits in the cache in clear.
    digest = hashlib.sha256(f"{username.strip().lower()}|{ip}".encode()).hexdigest()[:32]
    return f"login-failures:{digest}"


def login_is_locked(*, username: str, ip: str) -> bool:
    """True while this username has failed too often from this address."""
    failures = cache.get(_key(username, ip), 0)
    return int(failures) >= settings.LOGIN_MAX_FAILURES


def login_failure_record(*, username: str, ip: str) -> int:
    """Count one failed login; the window restarts with the first failure."""
    key = _key(username, ip)
    if cache.add(key, 1, settings.LOGIN_LOCKOUT_SECONDS):
        return 1
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.set(key, 1, settings.LOGIN_LOCKOUT_SECONDS)
        return 1


def login_success_record(*, username: str, ip: str) -> None:
    cache.delete(_key(username, ip))


class ThrottledModelBackend(ModelBackend):
    """The model backend, refusing (without checking the password) a locked-out pair."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        name = username or kwargs.get("username") or ""
        ip = client_ip(request)
        if name and login_is_locked(username=name, ip=ip):
            _audit("locked", username=name, ip=ip)
            # PermissionDenied stops authenticate() trying other backends: even the right
            # password fails until the window passes.
            raise PermissionDenied("Too many failed logins; try again later.")
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if name:
            if user is None:
                failures = login_failure_record(username=name, ip=ip)
                locked_now = failures == settings.LOGIN_MAX_FAILURES
                _audit("lockout" if locked_now else "failed", username=name, ip=ip)
            else:
                login_success_record(username=name, ip=ip)
        return user


def username_digest(username: str) -> str:
    """A stable pseudonym for a username in logs (the name itself may be an e-mail address)."""
    return hashlib.sha256(f"login|{username.strip().lower()}".encode()).hexdigest()[:16]


def _audit(outcome: str, *, username: str, ip: str) -> None:
    # Never the password; the username only hashed, so a typo'd password in the name field
    # does not land in the logs either.
    logger.warning(
        "staff login %s",
        outcome,
        extra={
            "login_outcome": outcome,
            "username_hash": username_digest(username),
            "client_ip": ip,
        },
    )

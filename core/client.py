"""The client's address, the one way every rate limit, lockout and log line reads it.

`X-Forwarded-For` is written by whoever sends the request, so it counts only as far as
`TRUSTED_PROXIES` says: by default no proxy is trusted and the address is the TCP peer's.
Uvicorn runs with `--no-proxy-headers` so that this is the only place the header is read.

TRUSTED_PROXIES is either a count (exactly that many proxies in front, each appending the
address it saw) or a list of networks (every hop inside them is a proxy of ours); see the
README's security section.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from typing import Any

from django.conf import settings

_Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _parse_trusted(value: str) -> int | tuple[_Network, ...]:
    value = value.strip()
    if not value:
        return 0
    if value.isdecimal():
        return int(value)
    return tuple(
        ipaddress.ip_network(part.strip(), strict=False)
        for part in value.split(",")
        if part.strip()
    )


def trusted_proxies_parse(value: str) -> int | tuple[_Network, ...]:
    """0 (trust none), a proxy count, or the trusted networks; ValueError when malformed."""
    return _parse_trusted(str(value))


def _valid_ip(value: str) -> str | None:
    candidate = value.strip()
    if candidate.startswith("[") and "]" in candidate:  # "[v6]:port"
        candidate = candidate[1 : candidate.index("]")]
    elif candidate.count(":") == 1:  # "v4:port"
        candidate = candidate.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return None


def _peer_and_forwarded(request_or_scope: Any) -> tuple[str, str]:
    if isinstance(request_or_scope, dict):  # an ASGI scope (websocket)
        client = request_or_scope.get("client") or ("", 0)
        forwarded = b",".join(
            value
            for key, value in request_or_scope.get("headers", [])
            if key.lower() == b"x-forwarded-for"
        ).decode("latin-1")
        return str(client[0] or ""), forwarded
    meta = getattr(request_or_scope, "META", {})
    return str(meta.get("REMOTE_ADDR", "") or ""), str(meta.get("HTTP_X_FORWARDED_FOR", "") or "")


def client_ip(request_or_scope: Any) -> str:
    """The client's address from a Django/DRF request or an ASGI scope ("" when unknown)."""
    if request_or_scope is None:
        return ""
    peer, forwarded = _peer_and_forwarded(request_or_scope)
    trusted = trusted_proxies_parse(settings.TRUSTED_PROXIES)
    if not trusted or not forwarded:
        return peer
    # The chain as the last proxy saw it: the claimed client first, our peer last.
    chain = [part.strip() for part in forwarded.split(",")] + [peer]
    if isinstance(trusted, int):
        # Exactly `trusted` proxies: the entry the outermost one appended is the client; any
        # entries left of it were supplied by the client and prove nothing.
        if len(chain) <= trusted:
            return peer
        return _valid_ip(chain[-(trusted + 1)]) or peer
    client = peer
    for hop in reversed(chain):
        address = _valid_ip(hop)
        if address is None:
            break
        client = address
        if not any(ipaddress.ip_address(address) in network for network in trusted):
            break  # the first hop that is not one of our proxies
    return client

"""core.client.client_ip: X-Forwarded-For counts only as far as TRUSTED_PROXIES says."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from core.client import client_ip

CASES = [
    # (TRUSTED_PROXIES, peer, X-Forwarded-For, expected client)
    ("", "198.51.100.7", "", "198.51.100.7"),
    ("", "198.51.100.7", "1.2.3.4", "198.51.100.7"),
    ("", "127.0.0.1", "1.2.3.4, 5.6.7.8", "127.0.0.1"),
    ("1", "10.0.0.2", "203.0.113.5", "203.0.113.5"),
    ("1", "10.0.0.2", "6.6.6.6, 203.0.113.5", "203.0.113.5"),
    ("1", "10.0.0.2", "", "10.0.0.2"),
    ("2", "10.0.0.2", "6.6.6.6, 203.0.113.5, 10.0.0.9", "203.0.113.5"),
    ("2", "10.0.0.2", "203.0.113.5", "10.0.0.2"),
    ("1", "10.0.0.2", "not-an-ip", "10.0.0.2"),
    ("10.0.0.0/8", "10.0.0.2", "6.6.6.6, 203.0.113.5, 10.1.1.1", "203.0.113.5"),
    ("10.0.0.0/8", "198.51.100.7", "203.0.113.5", "198.51.100.7"),
    ("10.0.0.0/8, fd00::/8", "fd00::1", "2001:db8::5", "2001:db8::5"),
    ("10.0.0.0/8", "10.0.0.2", "10.0.0.3, 10.0.0.4", "10.0.0.3"),
    ("10.0.0.0/8", "10.0.0.2", "junk, 10.0.0.4", "10.0.0.4"),
    ("1", "10.0.0.2", "203.0.113.5:4431", "203.0.113.5"),
]
IDS = [
    "none-no-header",
    "none-spoofed",
    "none-loopback-spoofed-chain",
    "count1",
    "count1-client-prepends",
    "count1-no-header",
    "count2",
    "count2-too-short",
    "count1-garbage",
    "cidr-walks-our-hops",
    "cidr-peer-not-ours",
    "cidr-v6",
    "cidr-all-ours-leftmost",
    "cidr-garbage-stops",
    "count1-with-port",
]


@pytest.mark.parametrize(("trusted", "peer", "forwarded", "expected"), CASES, ids=IDS)
def test_client_ip_from_request(settings, trusted, peer, forwarded, expected) -> None:  # type: ignore[no-untyped-def]
    settings.TRUSTED_PROXIES = trusted
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    request = RequestFactory().get("/", REMOTE_ADDR=peer, **extra)
    assert client_ip(request) == expected


@pytest.mark.parametrize(("trusted", "peer", "forwarded", "expected"), CASES, ids=IDS)
def test_client_ip_from_websocket_scope(settings, trusted, peer, forwarded, expected) -> None:  # type: ignore[no-untyped-def]
    settings.TRUSTED_PROXIES = trusted
    headers = [(b"x-forwarded-for", forwarded.encode())] if forwarded else []
    scope = {"type": "websocket", "client": (peer, 50000), "headers": headers}
    assert client_ip(scope) == expected


def test_no_request_or_peer_is_empty() -> None:
    assert client_ip(None) == ""
    assert client_ip({"type": "websocket", "client": None, "headers": []}) == ""

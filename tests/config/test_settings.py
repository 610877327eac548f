"""Settings refuse unsafe production configurations with a clear message."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def _import_settings(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import config.settings"],
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_without_secret_key_fails_clearly() -> None:
    result = _import_settings({"DJANGO_DEBUG": "false", "DJANGO_ALLOWED_HOSTS": "example.com"})
    assert result.returncode == 1
    assert "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is false." in result.stderr


def test_production_without_allowed_hosts_fails_clearly() -> None:
    result = _import_settings({"DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": "x" * 50})
    assert result.returncode == 1
    assert "DJANGO_ALLOWED_HOSTS must be set when DJANGO_DEBUG is false." in result.stderr


@pytest.mark.parametrize("raw", ["maybe", "2"])
def test_malformed_boolean_is_rejected(raw: str) -> None:
    result = _import_settings({"DJANGO_DEBUG": raw})
    assert result.returncode == 1
    assert f"DJANGO_DEBUG must be a boolean (true/false), got {raw!r}" in result.stderr


def test_home_page_serves(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/")
    assert response.status_code == 200
    assert b"Empathy Desk" in response.content


ROOT = Path(__file__).resolve().parents[2]

_PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "settings-tests-Vq3n8ZkLw2Rt6YpXc9HbJm4FsDg7TaUe5NrQiKo1",
    "DJANGO_ALLOWED_HOSTS": "desk.example.com,testserver",
}

# Requests through the real middleware under the given environment's settings.
_PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
http, https = Client(), Client()
out = {name: getattr(settings, name, None) for name in (
    "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD", "SECURE_PROXY_SSL_HEADER")}
page = http.get("/")
out["http_page"] = [page.status_code, page.headers.get("Location")]
live = http.get("/health/live")
out["http_live"] = [live.status_code, live.headers.get("Location")]
secure = https.get("/", secure=True)
out["https_headers"] = {h: secure.headers.get(h) for h in (
    "Strict-Transport-Security", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options")}
forwarded = http.get("/", headers={"X-Forwarded-Proto": "https"})
out["forwarded_proto"] = forwarded.status_code
print(json.dumps(out))
"""


def _probe(env: dict[str, str]) -> dict[str, object]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECURE_"))}
    clean.pop("TRUSTED_PROXIES", None)
    clean.update({"DJANGO_SETTINGS_MODULE": "config.settings", **env})
    result = subprocess.run(
        [sys.executable, "-c", _PROBE],
        env=clean,
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_production_serves_https_only_with_secure_cookies_and_headers() -> None:
    out = _probe(_PRODUCTION)
    assert out["SESSION_COOKIE_SECURE"] is True
    assert out["CSRF_COOKIE_SECURE"] is True
    assert out["SECURE_SSL_REDIRECT"] is True
    assert out["SECURE_HSTS_SECONDS"] == 31536000
    assert out["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert out["SECURE_HSTS_PRELOAD"] is False
    assert out["http_page"] == [301, "https://testserver/"]
    # Probes come over plain HTTP inside the cluster: answered, never redirected.
    assert out["http_live"] == [200, None]
    assert out["https_headers"] == {
        "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
        "X-Frame-Options": "DENY",
    }
    # No proxy trusted: a client's X-Forwarded-Proto does not make plain HTTP look secure.
    assert out["SECURE_PROXY_SSL_HEADER"] is None
    assert out["forwarded_proto"] == 301


def test_trusted_proxy_says_the_scheme() -> None:
    out = _probe({**_PRODUCTION, "TRUSTED_PROXIES": "1"})
    assert out["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert out["forwarded_proto"] == 200
    assert out["http_page"] == [301, "https://testserver/"]


def test_plain_http_switch_turns_https_off() -> None:
    out = _probe({**_PRODUCTION, "DJANGO_HTTPS": "false"})
    assert out["SESSION_COOKIE_SECURE"] is False
    assert out["CSRF_COOKIE_SECURE"] is False
    assert out["SECURE_SSL_REDIRECT"] is False
    assert out["SECURE_HSTS_SECONDS"] == 0
    assert out["http_page"] == [200, None]


def test_development_default_is_plain_http() -> None:
    out = _probe({"DJANGO_DEBUG": "true"})
    assert out["SESSION_COOKIE_SECURE"] is False
    assert out["SECURE_SSL_REDIRECT"] is False
    assert out["http_page"] == [200, None]


def test_check_deploy_is_clean_in_production() -> None:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECURE_"))}
    clean.pop("TRUSTED_PROXIES", None)
    clean.update(_PRODUCTION)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=clean,
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    # The one silenced check is security.W021 (HSTS preload), an opt-in for the operator.
    assert result.stdout == "System check identified no issues (1 silenced).\n"
    assert result.stderr == ""

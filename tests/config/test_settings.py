"""Settings refuse unsafe production configurations with a clear message."""

import os
import subprocess
import sys

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

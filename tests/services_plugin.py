"""Finds the real services before Django starts, so one `make test` works everywhere.

Loaded with ``-p tests.services_plugin`` (pyproject addopts) so it runs before pytest-django
reads the settings. When PostgreSQL or Redis answer on their usual local ports and no URL was
given, the whole suite uses them; otherwise the embedded defaults (SQLite, in-memory layer) are
used and every test marked as needing a service is reported as not run. Under ``CI=true`` a
missing service is a failure, never a skip.
"""

from __future__ import annotations

import os
import socket
from urllib.parse import urlparse

import pytest

DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/empathy_desk"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"

SERVICE_MARKERS = {"postgres": "DATABASE_URL", "redis": "REDIS_URL"}


def _reachable(url: str) -> bool:
    parsed = urlparse(url)
    host = parsed.hostname or "127.0.0.1"
    port = parsed.port or (5432 if parsed.scheme.startswith("postgres") else 6379)
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def _detect() -> dict[str, bool]:
    found: dict[str, bool] = {}
    for service, var, default in (
        ("postgres", "DATABASE_URL", DEFAULT_POSTGRES_URL),
        ("redis", "REDIS_URL", DEFAULT_REDIS_URL),
    ):
        url = os.environ.get(var) or default
        ok = _reachable(url)
        if ok and not os.environ.get(var) and os.environ.get("EMPATHY_TEST_EMBEDDED") != "1":
            os.environ[var] = url
        found[service] = ok and bool(os.environ.get(var))
    return found


AVAILABLE = _detect()
# Browser tests drive Debian's chromium (never a downloaded one): `apt-get install chromium`.
CHROMIUM = "/usr/bin/chromium"
AVAILABLE["chromium"] = (
    os.path.exists(CHROMIUM) and os.environ.get("EMPATHY_TEST_NO_BROWSER") != "1"
)
# Unit tests run tasks eagerly; integration tests start real worker processes instead.
os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "true")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

_not_run: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    for service in SERVICE_MARKERS:
        config.addinivalue_line("markers", f"{service}: needs a real {service} server")
    config.addinivalue_line("markers", "celery: starts a real Celery worker (needs redis)")
    config.addinivalue_line("markers", "browser: drives the system Chromium through Playwright")
    config.addinivalue_line("markers", "integration: runs real server processes")


_NEEDS = {"postgres": "postgres", "redis": "redis", "celery": "redis", "browser": "chromium"}


def _missing_service(item: pytest.Item) -> str | None:
    for marker, service in _NEEDS.items():
        if item.get_closest_marker(marker) and not AVAILABLE[service]:
            if service == "chromium":
                return f"{CHROMIUM} is missing (apt-get install chromium)"
            var = SERVICE_MARKERS[service]
            return f"{service} is not reachable (start it or set {var})"
    return None


def pytest_runtest_setup(item: pytest.Item) -> None:
    reason = _missing_service(item)
    if reason is None:
        return
    _not_run.append(f"{item.nodeid}: {reason}")
    if IN_CI:
        pytest.fail(f"CI requires the real service: {reason}", pytrace=False)
    pytest.skip(reason)


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:  # type: ignore[no-untyped-def]
    services = ", ".join(f"{name}={'yes' if ok else 'NO'}" for name, ok in AVAILABLE.items())
    terminalreporter.write_line(f"services: {services}")
    if _not_run:
        title = "FAILED (CI): tests needing a missing service" if IN_CI else "not run"
        terminalreporter.section(f"{title}: {len(_not_run)}")
        for line in _not_run:
            terminalreporter.write_line(line)

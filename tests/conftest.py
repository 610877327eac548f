"""Shared fixtures for the whole test tree."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS_DIR = REPO_ROOT / "test-artifacts"


# ---------------------------------------------------------------------------
# A real ASGI server (uvicorn subprocess) on the test database
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class LiveAsgiServer:
    """A uvicorn process serving config.asgi on loopback, on the test database."""

    url: str  # http://127.0.0.1:<port>
    ws_url: str  # ws://127.0.0.1:<port>
    log_path: Path
    process: subprocess.Popen[bytes]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def subprocess_database_url() -> str:
    """DATABASE_URL of the test database pytest-django created, for server subprocesses."""
    from django.db import connection

    params = connection.settings_dict
    if connection.vendor != "postgresql":
        pytest.fail(
            "a server subprocess needs PostgreSQL (the test's SQLite database is private to "
            "this process); mark the test @pytest.mark.postgres",
            pytrace=False,
        )
    user = quote(params.get("USER") or "", safe="")
    password = quote(params.get("PASSWORD") or "", safe="")
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = params.get("HOST") or "127.0.0.1"
    port = params.get("PORT") or "5432"
    return f"postgres://{auth}{host}:{port}/{params['NAME']}"


def server_env(*, eager: bool, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """Environment for a web or worker subprocess that shares this test run's services."""
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DATABASE_URL": subprocess_database_url(),
            "CELERY_TASK_ALWAYS_EAGER": "true" if eager else "false",
            "DJANGO_DEBUG": "true",
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
            # Every test client comes from 127.0.0.1; the limits themselves have API tests.
            "WIDGET_RATE_IP": "100000/minute",
            "WIDGET_RATE_CREATE_IP": "100000/minute",
            "WS_MAX_SOCKETS_PER_IP": "100000",
        }
    )
    env.update(extra or {})
    return env


def _wait_until_serving(url: str, process: subprocess.Popen[bytes], log_path: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"uvicorn exited with {process.returncode}:\n{log_path.read_text()[-4000:]}"
            )
        try:
            with urllib.request.urlopen(f"{url}/", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"uvicorn did not serve {url}/ within 60 s:\n{log_path.read_text()[-4000:]}")


@contextlib.contextmanager
def run_asgi_server(
    *,
    eager: bool,
    extra_env: Mapping[str, str] | None = None,
    name: str = "asgi",
    port: int | None = None,
) -> Iterator[LiveAsgiServer]:
    """Start uvicorn on loopback (a free port unless given) and stop it afterwards.

    With ``eager=True`` Celery tasks run inside the web process, so no worker is needed;
    with ``eager=False`` the caller starts a real worker with the same ``server_env``.
    Passing the port of a stopped server restarts "the same" server for reconnect tests.
    The server's output is kept in test-artifacts/.
    """
    port = port or _free_port()
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    log_path = ARTIFACTS_DIR / f"{name}-server-{port}.log"
    # Append: a restarted server keeps the first run's output in the same file.
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "config.asgi:application",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--lifespan",
        "off",
        # As in production: X-Forwarded-For is read by core.client (TRUSTED_PROXIES) alone.
        "--no-proxy-headers",
        "--no-access-log",
    ]
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            command,
            cwd=REPO_ROOT,
            env=server_env(eager=eager, extra=extra_env),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_serving(url, process, log_path)
        yield LiveAsgiServer(
            url=url, ws_url=f"ws://127.0.0.1:{port}", log_path=log_path, process=process
        )
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture(scope="session")
def asgi_server(django_db_setup: None, django_db_blocker: object) -> Iterator[LiveAsgiServer]:
    """One uvicorn process for the session, eager tasks (no worker), on the test database.

    Tests that use it need committed data (``transactional_db``) and the postgres marker.
    """
    with run_asgi_server(eager=True, name="eager") as server:
        yield server


# ---------------------------------------------------------------------------
# Headless Chromium (Debian's package) driven by Playwright; never a downloaded browser
# ---------------------------------------------------------------------------
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop registered on this thread, which makes
    # Django refuse ORM calls ("async context"); the tests' own ORM use is plain sync code.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
            )
            yield launched
            launched.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


class PageProbe:
    """A browser page plus what it reported: dialogs, uncaught errors, CSP refusals."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.page_errors: list[str] = []
        self.csp_violations: list[str] = []
        page.on("dialog", self._on_dialog)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on("console", self._on_console)

    def _on_dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _on_console(self, message: Any) -> None:
        if "Content Security Policy" in message.text or "Refused to" in message.text:
            self.csp_violations.append(message.text)

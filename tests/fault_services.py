"""Throwaway PostgreSQL and Redis servers on free ports, for fault tests and the fault benchmark.

Each is a real server process owned by the test: it can be stopped, killed, made read-only,
starved of connection slots or of disk, and started again, without touching the shared
services other tests (and other engineers) use.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


def postgres_bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _as_postgres(command: list[str]) -> list[str]:
    # initdb and postgres refuse to run as root; the Debian package's user runs them.
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


class ThrowawayPostgres:
    """A PostgreSQL cluster in a temporary directory (optionally on its own small tmpfs)."""

    def __init__(self, *, max_connections: int = 40, tmpfs_mb: int = 0) -> None:
        bin_dir = postgres_bin_dir()
        if bin_dir is None:
            raise RuntimeError("PostgreSQL server binaries not found (apt-get install postgresql)")
        self.bin = bin_dir
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="faults-pg-"))
        self.tmpfs = tmpfs_mb > 0
        if self.tmpfs:
            subprocess.run(
                ["mount", "-t", "tmpfs", "-o", f"size={tmpfs_mb}m", "tmpfs", str(self.root)],
                check=True,
            )
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.filler = self.root / "filler"
        self.max_connections = max_connections
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        subprocess.run(
            _as_postgres(
                [
                    str(self.bin / "initdb"),
                    "-D",
                    str(self.data),
                    "-U",
                    "postgres",
                    "-A",
                    "trust",
                    "--no-sync",
                    "-E",
                    "UTF8",
                    "--locale",
                    "C",
                ]
            ),
            check=True,
            capture_output=True,
        )

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def database_url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
            f"-c max_connections={self.max_connections} -c fsync=off "
            "-c superuser_reserved_connections=0 -c shared_buffers=16MB"
        )
        subprocess.run(
            _as_postgres(
                [
                    str(self.bin / "pg_ctl"),
                    "-D",
                    str(self.data),
                    "-l",
                    str(self.log),
                    "-o",
                    options,
                    "-w",
                    "-t",
                    "30",
                    "start",
                ]
            ),
            check=True,
            capture_output=True,
        )

    def stop(self, mode: str = "immediate") -> None:
        subprocess.run(
            _as_postgres([str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "stop"]),
            check=False,
            capture_output=True,
        )

    def is_running(self) -> bool:
        return _listening(self.port)

    def execute(self, sql: str, *, dbname: str = "postgres") -> None:
        with psycopg.connect(self.database_url(dbname), autocommit=True, connect_timeout=5) as c:
            c.execute(sql)  # type: ignore[arg-type]

    def read_only(self, on: bool) -> None:
        """Every new transaction read-only (as on a demoted primary), or back to normal."""
        value = "on" if on else "off"
        self.execute(f"ALTER SYSTEM SET default_transaction_read_only = {value}")
        self.execute("SELECT pg_reload_conf()")
        # Pooled connections keep their session default until they run a new SET: end them.
        self.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()"
        )

    def terminate_clients(self, *, dbname: str) -> None:
        self.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{dbname}' AND pid <> pg_backend_pid()"
        )

    @contextlib.contextmanager
    def slots_held(self) -> Iterator[int]:
        """Open connections until the server refuses more ("too many clients"); yields how many."""
        held: list[psycopg.Connection] = []
        try:
            while len(held) < self.max_connections + 5:
                try:
                    held.append(psycopg.connect(self.url, connect_timeout=3))
                except psycopg.OperationalError:
                    break
            yield len(held)
        finally:
            for conn in held:
                conn.close()

    def fill_disk(self) -> None:
        """Fill the cluster's tmpfs so that writes fail with "No space left on device"."""
        assert self.tmpfs, "fill_disk needs tmpfs_mb"
        with self.filler.open("wb") as out:
            chunk = b"\0" * (1 << 20)
            with contextlib.suppress(OSError):
                while True:
                    out.write(chunk)
                    out.flush()

    def free_disk(self) -> None:
        self.filler.unlink(missing_ok=True)

    def close(self) -> None:
        self.stop("immediate")
        if self.tmpfs:
            subprocess.run(["umount", "-l", str(self.root)], check=False)
        shutil.rmtree(self.root, ignore_errors=True)


class ThrowawayRedis:
    """A redis-server on a free port that keeps nothing on disk; can be killed and restarted."""

    def __init__(self) -> None:
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="faults-redis-"))
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        log = (self.root / "redis.log").open("ab")
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.root),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 10
        while not _listening(self.port):
            if time.monotonic() > deadline:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)

    def kill(self) -> None:
        """SIGKILL: connections drop mid-command, nothing is flushed."""
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=10)
            self.process = None

    def close(self) -> None:
        self.kill()
        shutil.rmtree(self.root, ignore_errors=True)


REPO_ROOT = Path(__file__).resolve().parent.parent


def production_env(*, database_url: str, redis_url: str = "", **extra: str) -> dict[str, str]:
    """Environment of a web or worker process in production mode on the given services."""
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_DEBUG": "false",
            # Plain HTTP on loopback: no TLS to redirect to or to carry secure cookies.
            "DJANGO_HTTPS": "false",
            "DJANGO_SECRET_KEY": "fault-tests-secret-key-not-for-production-0123456789",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "CELERY_TASK_ALWAYS_EAGER": "false" if redis_url else "true",
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
            "WIDGET_RATE_IP": "100000/minute",
            "WIDGET_RATE_CREATE_IP": "100000/minute",
            "WIDGET_RATE_TOKEN": "100000/minute",
            # Every test socket comes from 127.0.0.1; the cap has its own test.
            "WS_MAX_SOCKETS_PER_IP": "100000",
            "WORKER_METRICS_PORT": "0",
        }
    )
    env.update(extra)
    return env


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-4000:]}")
    return result.stdout


def database_prepare(pg: ThrowawayPostgres, *, name: str, site_key: str) -> str:
    """Create, migrate and seed one site in a database of ``pg``; its DATABASE_URL."""
    pg.execute(f'CREATE DATABASE "{name}"')
    url = pg.database_url(name)
    env = production_env(database_url=url)
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(
        env,
        "shell",
        "-c",
        "from conversations.models import Site; "
        f"Site.objects.create(name='Faults', site_key='{site_key}', "
        "allowed_origins=['http://127.0.0.1:*'])",
    )
    return url


class Uvicorn:
    """config.asgi under uvicorn on a free port, its output in a log file."""

    def __init__(self, env: dict[str, str], *, log_path: Path, graceful_timeout: int = 0) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.ws_url = f"ws://127.0.0.1:{self.port}"
        self.log_path = log_path
        command = [
            sys.executable,
            "-m",
            "uvicorn",
            "config.asgi:application",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--lifespan",
            "off",
            "--no-proxy-headers",
            "--no-access-log",
        ]
        if graceful_timeout:
            command += ["--timeout-graceful-shutdown", str(graceful_timeout)]
        log_path.parent.mkdir(parents=True, exist_ok=True)
        with log_path.open("ab") as log:
            self.process = subprocess.Popen(
                command, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + 90
        while not _listening(self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"uvicorn did not start:\n{log_path.read_text()[-4000:]}")
            time.sleep(0.2)

    def stop(self, *, timeout: float = 30) -> float:
        """SIGTERM and wait; seconds until it exited."""
        started = time.monotonic()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        return time.monotonic() - started

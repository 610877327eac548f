"""A real Celery worker serves its metrics on WORKER_METRICS_PORT and counts the tasks it runs."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from kombu import Connection
from prometheus_client.parser import text_string_to_metric_families

from config.celery import app
from core import worker

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("index", "port"), [(None, 9100), (0, 9101), (3, 9104)], ids=["main", "child0", "child3"]
)
def test_worker_metrics_port_layout(index: int | None, port: int) -> None:
    assert worker.worker_metrics_port(base=9100, process_index=index) == port


def test_canary_task_is_registered_and_answers() -> None:
    assert "core.health_canary" in app.tasks
    assert worker.health_canary() == "pong"


def _free_port_pair() -> int:
    """A port p such that p and p + 1 are both free now."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port >= 65535:
            continue
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port + 1))
            except OSError:
                continue
        return port
    raise RuntimeError("no free port pair")


def _samples(port: int) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=2) as response:
        text = response.read().decode()
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def _wait_for(port: int, key: tuple[str, tuple[tuple[str, str], ...]], deadline: float) -> float:
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        try:
            value = _samples(port).get(key)
        except OSError as exc:
            last_error = exc
        else:
            if value is not None:
                return value
        time.sleep(0.3)
    raise AssertionError(f"{key} never appeared on port {port} (last error: {last_error})")


@pytest.mark.celery
@pytest.mark.integration
@pytest.mark.filterwarnings("ignore::celery.exceptions.AlwaysEagerIgnored")
def test_prefork_worker_serves_metrics_for_main_and_child(settings) -> None:  # type: ignore[no-untyped-def]
    # Own Redis database and queue: other suites' workers on the same server never see these.
    broker = settings.REDIS_URL.rsplit("/", 1)[0] + "/13"
    queue = "obs-test-canary"
    base = _free_port_pair()
    env = {
        **os.environ,
        "REDIS_URL": broker,
        "CELERY_BROKER_URL": broker,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "WORKER_METRICS_PORT": str(base),
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=prefork",
               "--concurrency=1", "-Q", queue, "--loglevel=WARNING", "--without-gossip",
               "--without-mingle", "--without-heartbeat", f"--hostname=obs-{base}@%h"]  # fmt: skip
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip
    try:
        deadline = time.monotonic() + 40
        # The main process answers on the base port, its pool child on base + 1.
        always_there = ("emotional_intensity_avg", ())
        _wait_for(base, always_there, deadline)
        _wait_for(base + 1, always_there, deadline)
        with Connection(broker) as connection:
            app.send_task("core.health_canary", queue=queue, connection=connection)
        key = ("celery_tasks_total", (("state", "succeeded"), ("task", "core.health_canary")))
        assert _wait_for(base + 1, key, deadline) == 1.0
        duration = ("celery_task_duration_seconds_count", (("task", "core.health_canary"),))
        assert _samples(base + 1)[duration] == 1.0
        # The task ran in the child: the main process counted nothing.
        assert key not in _samples(base)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            output, _ = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            output, _ = proc.communicate()
    assert b"Traceback" not in output, output.decode(errors="replace")

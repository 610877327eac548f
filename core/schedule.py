"""Periodic tasks without a beat process: the embedded default (`make run`) runs the beat
schedule in a daemon thread of the web process, so SLA checks, queue hints, idle resolution
and retention happen there as they do in production.

Only for the single-process default: with a broker, Celery beat runs the same schedule.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

logger = logging.getLogger(__name__)

_started = threading.Event()


def due_entries(
    schedule: Mapping[str, Mapping[str, Any]], last_run: dict[str, float], now: float
) -> list[str]:
    """Names of the entries whose interval has passed since they last ran (all, at first)."""
    due = []
    for name, entry in schedule.items():
        interval = entry.get("schedule")
        if not isinstance(interval, int | float) or interval <= 0:
            continue  # crontab schedules need real beat
        if now - last_run.get(name, float("-inf")) >= float(interval):
            due.append(name)
    return due


def run_forever(
    schedule: Mapping[str, Mapping[str, Any]],
    run_task: Callable[[str], None],
    *,
    tick: float = 1.0,
    stop: threading.Event | None = None,
) -> None:
    last_run: dict[str, float] = {}
    while stop is None or not stop.is_set():
        now = time.monotonic()
        for name in due_entries(schedule, last_run, now):
            last_run[name] = now
            try:
                run_task(str(schedule[name]["task"]))
            except Exception:
                # One failing task must not stop the others' schedule.
                logger.exception("in-process periodic task failed", extra={"entry": name})
        time.sleep(tick)


def tasks_load() -> Mapping[str, Any]:
    """Every app's tasks (autodiscovery is lazy until a worker starts)."""
    from celery import current_app

    current_app.loader.import_default_modules()
    return current_app.tasks


def _run_task(task_name: str) -> None:
    from celery import current_app
    from django.db import close_old_connections

    try:
        current_app.tasks[task_name].apply()
    finally:
        close_old_connections()


def in_process_beat_start(schedule: Mapping[str, Mapping[str, Any]]) -> bool:
    """Start the schedule in a daemon thread once per process; False if already running."""
    if _started.is_set():
        return False
    _started.set()
    tasks_load()
    thread = threading.Thread(
        target=run_forever, args=(dict(schedule), _run_task), name="in-process-beat", daemon=True
    )
    thread.start()
    logger.info("in-process periodic tasks started", extra={"entries": len(schedule)})
    return True

"""Celery signal handlers: the worker's metrics endpoint, task metrics and task log context.

Metrics of a worker: with the default prefork pool every child process has its own registry,
so each serves its own port. The main process listens on ``WORKER_METRICS_PORT`` (default
9100) and pool child *i* (billiard's stable process index, reused when a child is replaced)
on ``WORKER_METRICS_PORT + 1 + i``; with ``--concurrency 2`` Prometheus scrapes 9100-9102.
Solo and thread pools run tasks in the main process, so 9100 alone carries everything.
``WORKER_METRICS_PORT=0`` turns the endpoint off. Sum across ports in queries.

Worker liveness end to end: beat sends ``core.health_canary`` every minute, and the alert
CeleryCanaryStale fires when no worker has counted one as succeeded for 5 minutes.

Worker liveness locally: ``WorkerHeartbeat``, a consumer bootstep, touches
``WORKER_HEARTBEAT_FILE`` every ``WORKER_HEARTBEAT_INTERVAL`` seconds from the consumer's own
event loop, so the file goes stale when the consumer stops (broker lost and not regained, loop
wedged, process gone); ``python -m core.worker_probe`` is the compose and Kubernetes liveness
check. The same beat goes to the shared cache, where ``/health/ready`` reads it. A worker that
hits an unrecoverable error exits 1 (celery's own behaviour) so its supervisor restarts it; the
kombu bug that made broker loss unrecoverable is patched in ``core.kombu_fix``.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from celery import bootsteps, shared_task, signals

from core import metrics
from core.logging import conversation_id_var, request_id_var, safe_id, task_id_var
from core.sentry import sensitive_texts_var

logger = logging.getLogger(__name__)

_started: dict[str, float] = {}
_context_tokens: dict[str, list[Any]] = {}
_STATES = {"SUCCESS": "succeeded", "FAILURE": "failed", "RETRY": "retried"}


@shared_task(name="core.health_canary", ignore_result=True)
def health_canary() -> str:
    """A no-op whose success counter proves the broker -> worker -> metrics path works."""
    return "pong"


def worker_metrics_port(*, base: int, process_index: int | None) -> int:
    """Port for the main process (``process_index=None``) or for pool child ``process_index``."""
    return base if process_index is None else base + 1 + process_index


def _serve(port: int) -> None:
    from prometheus_client import start_http_server

    try:
        start_http_server(port)
    except OSError:
        # Another worker on this host holds the port; tasks must run regardless.
        logger.warning("worker metrics port busy", extra={"port": port})
    else:
        logger.info("worker metrics listening", extra={"port": port})


def _base_port() -> int:
    from django.conf import settings

    return int(getattr(settings, "WORKER_METRICS_PORT", 0) or 0)


def worker_heartbeat_write(*, path: Path, now: float) -> None:
    """Touch the liveness file (created if missing) with ``now`` as its modification time."""
    path.touch(exist_ok=True)
    os.utime(path, (now, now))


class WorkerHeartbeat(bootsteps.StartStopStep):
    """Consumer step: beats while the consumer is connected and its event loop turns.

    Started again by every consumer restart (reconnect), cancelled when the consumer stops, so
    the beat stops whenever consuming does. The cache write runs on its own thread: a Redis
    that hangs must not stall the consumer's loop, and one write at a time is enough.
    """

    requires = ("celery.worker.consumer.tasks:Tasks",)

    def __init__(self, parent: Any, **kwargs: Any) -> None:
        super().__init__(parent, **kwargs)
        from django.conf import settings

        self.path = Path(settings.WORKER_HEARTBEAT_FILE)
        self.interval = float(settings.WORKER_HEARTBEAT_INTERVAL)
        self.shares_beat = bool(settings.REDIS_URL)
        self.tref: Any = None
        self._writer = concurrent.futures.ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="worker-heartbeat"
        )
        self._pending: concurrent.futures.Future[None] | None = None

    def start(self, parent: Any) -> None:
        self.beat()
        self.tref = parent.timer.call_repeatedly(self.interval, self.beat)

    def stop(self, parent: Any) -> None:
        if self.tref is not None:
            self.tref.cancel()
            self.tref = None

    shutdown = stop

    def beat(self) -> None:
        now = time.time()
        try:
            worker_heartbeat_write(path=self.path, now=now)
        except OSError:
            logger.warning("worker heartbeat file not writable", exc_info=True)
        if self.shares_beat and (self._pending is None or self._pending.done()):
            self._pending = self._writer.submit(_heartbeat_share, now)


def _heartbeat_share(now: float) -> None:
    from django.conf import settings
    from django.core.cache import cache

    from core.health import WORKER_HEARTBEAT_CACHE_KEY

    try:
        timeout = int(float(settings.WORKER_HEARTBEAT_MAX_AGE) * 10)
        cache.set(WORKER_HEARTBEAT_CACHE_KEY, now, timeout=timeout)
    except Exception:
        # Readiness then reports the worker as stale, which is the truth as far as it can see.
        logger.warning("worker heartbeat not shared", exc_info=True)


@signals.celeryd_init.connect
def _on_worker_start(**_: Any) -> None:
    from django.conf import settings

    from core.kombu_fix import kombu_redis_patch

    kombu_redis_patch()
    # A restarted container keeps /tmp: an old beat must not vouch for the new process.
    with contextlib.suppress(OSError):
        Path(settings.WORKER_HEARTBEAT_FILE).unlink(missing_ok=True)
    base = _base_port()
    if base:
        _serve(worker_metrics_port(base=base, process_index=None))


# What a process that runs tasks loads before its first one (the models); registered by the
# composition root (config.celery), so this platform module knows no app.
_WARM_UPS: list[Callable[[], None]] = []


def worker_warm_up_register(func: Callable[[], None]) -> Callable[[], None]:
    if func not in _WARM_UPS:
        _WARM_UPS.append(func)
    return func


def _warm_up() -> None:
    for func in _WARM_UPS:
        func()


@signals.worker_ready.connect
def _on_worker_ready(sender: Any = None, **_: Any) -> None:
    # Thread and solo pools run tasks in this process; prefork children warm up themselves
    # (loading ONNX Runtime before a fork is not safe).
    pool = getattr(sender, "pool", None)
    if "prefork" not in type(pool).__module__:
        _warm_up()


@signals.worker_process_init.connect
def _on_pool_child_start(**_: Any) -> None:
    from billiard.process import current_process

    _warm_up()

    base = _base_port()
    if base:
        index = int(getattr(current_process(), "index", 0) or 0)
        _serve(worker_metrics_port(base=base, process_index=index))


@signals.before_task_publish.connect
def _propagate_request_id(headers: dict[str, Any] | None = None, **_: Any) -> None:
    request_id = request_id_var.get()
    if headers is not None and request_id and "request_id" not in headers:
        headers["request_id"] = request_id


@signals.task_prerun.connect
def _on_task_start(task_id: str | None = None, task: Any = None, **_: Any) -> None:
    if not task_id:
        return
    _started[task_id] = time.perf_counter()
    request_id = getattr(getattr(task, "request", None), "request_id", None)
    _context_tokens[task_id] = [
        (task_id_var, task_id_var.set(safe_id(task_id))),
        (request_id_var, request_id_var.set(safe_id(request_id) if request_id else None)),
        (conversation_id_var, conversation_id_var.set(None)),
        (sensitive_texts_var, sensitive_texts_var.set(())),
    ]


@signals.task_postrun.connect
def _on_task_end(
    task_id: str | None = None, task: Any = None, state: str | None = None, **_: Any
) -> None:
    if not task_id:
        return
    started = _started.pop(task_id, None)
    seconds = time.perf_counter() - started if started is not None else None
    app = getattr(task, "app", None)
    known = app.tasks.keys() if app is not None else ()
    metrics.celery_task_record(
        task=getattr(task, "name", ""),
        known_tasks=known,
        state=_STATES.get(state or "", "other"),
        seconds=seconds,
    )
    for var, token in reversed(_context_tokens.pop(task_id, [])):
        try:
            var.reset(token)
        except ValueError:
            # Reset from another context (eager tasks inside a request): just clear it.
            var.set(() if var is sensitive_texts_var else None)

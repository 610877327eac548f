"""Fault run: the widget's message path under database and Redis faults, on throwaway servers.

Starts its own PostgreSQL cluster (on a small tmpfs, for the disk-full scenario) on a free port
and a uvicorn in production mode on it (eager tasks, in-memory channel layer), then for each
scenario drives --clients concurrent visitors that POST messages the way the widget should:
a fresh ``client_message_id`` per message, the same id again after a 503 (honouring
``Retry-After``, capped at --max-retry-wait), and polls ``/health/ready`` every 0.5 s. Each
scenario runs --before s healthy, --fault s under the fault, --after s recovered.

The Redis scenarios (``redis_threads``, ``redis_prefork``) run the README's production mode
instead: their own redis-server on a free port (nothing on disk, so a kill loses the queue, as
a lost broker without persistence would), uvicorn on it with tasks on that broker, a Celery
worker (threads or prefork pool, ``--concurrency 2``) and beat, each supervised the way compose
and Kubernetes do (an exited process is restarted and counted). The fault SIGKILLs Redis for
--fault s and starts it again, empty. Afterwards the run waits up to --drain s for every
acknowledged message to be processed (beat's sweep re-queues those whose task died with Redis,
1 to 2 minutes later).

Prints per scenario: answers by status code, time from the fault to the first 503 and to the
first failing readiness, and from the end of the fault to readiness passing again, POST
p50/p95/max, readiness max latency, and the integrity figures: lost (acknowledged with 2xx but
not stored) and duplicated (stored more than once, or one ``client_message_id`` stored twice);
for the Redis scenarios also unanswered (acknowledged, never processed by a worker within
--drain), how long the drain took and how many were answered over 30 s late (re-queued by the
sweep), the supervised processes' exits (each one restarted), and the oldest the worker's
liveness file got (``python -m core.worker_probe`` fails past ``WORKER_HEARTBEAT_MAX_AGE``,
60 s). Needs root for the tmpfs (as the test suite does).

    .venv/bin/python benchmarks/fault_run.py                # all scenarios, about 10 minutes
    .venv/bin/python benchmarks/fault_run.py --scenarios stop,read_only --fault 10
    .venv/bin/python benchmarks/fault_run.py --scenarios redis_threads,redis_prefork
"""

from __future__ import annotations

import argparse
import collections
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager, ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.worker_probe import heartbeat_age
from tests.fault_services import (
    REPO_ROOT,
    ThrowawayPostgres,
    ThrowawayRedis,
    Uvicorn,
    database_prepare,
    production_env,
)

DB_NAME = "fault_run"
REDIS_DB_NAME = "fault_run_redis"
ARTIFACTS = Path("test-artifacts")
LATE_SECONDS = 30.0


@dataclass
class Figures:
    codes: collections.Counter[int] = field(default_factory=collections.Counter)
    latencies: list[float] = field(default_factory=list)
    acknowledged: set[str] = field(default_factory=set)
    first_503: float | None = None
    ready_codes: collections.Counter[int] = field(default_factory=collections.Counter)
    ready_latencies: list[float] = field(default_factory=list)
    first_unready: float | None = None
    ready_again: float | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


class Run:
    def __init__(self, web: Uvicorn, args: argparse.Namespace) -> None:
        self.web = web
        self.args = args
        self.fault_at = 0.0
        self.recovered_at = 0.0
        self.stop = threading.Event()
        self.figures = Figures()

    def visitor(self) -> None:
        http = httpx.Client(base_url=self.web.url, timeout=30)
        body = http.post("/api/v1/widget/conversations", json={"site_key": "faults"}).json()
        http.headers["Authorization"] = f"Bearer {body['token']}"
        path = f"/api/v1/widget/conversations/{body['id']}/messages"
        while not self.stop.is_set():
            client_message_id = str(uuid.uuid4())
            while not self.stop.is_set():
                started = time.monotonic()
                try:
                    response = http.post(
                        path, json={"client_message_id": client_message_id, "text": "x" * 400}
                    )
                    code = response.status_code
                except httpx.HTTPError:
                    code = 0
                elapsed = time.monotonic() - started
                with self.figures.lock:
                    self.figures.codes[code] += 1
                    self.figures.latencies.append(elapsed)
                    if code == 503 and self.figures.first_503 is None and self.fault_at:
                        self.figures.first_503 = time.monotonic() - self.fault_at
                    if code in (200, 201):
                        self.figures.acknowledged.add(client_message_id)
                if code in (200, 201):
                    break
                wait = 0.5
                if code == 503:
                    wait = min(
                        float(response.headers.get("Retry-After", 1)), self.args.max_retry_wait
                    )
                time.sleep(wait)
            time.sleep(self.args.think)
        http.close()

    def readiness(self) -> None:
        http = httpx.Client(base_url=self.web.url, timeout=30)
        while not self.stop.is_set():
            started = time.monotonic()
            try:
                code = http.get("/health/ready").status_code
            except httpx.HTTPError:
                code = 0
            elapsed = time.monotonic() - started
            with self.figures.lock:
                self.figures.ready_codes[code] += 1
                self.figures.ready_latencies.append(elapsed)
                if code != 200 and self.figures.first_unready is None and self.fault_at:
                    self.figures.first_unready = time.monotonic() - self.fault_at
                if code == 200 and self.figures.ready_again is None and self.recovered_at:
                    self.figures.ready_again = time.monotonic() - self.recovered_at
            time.sleep(0.5)
        http.close()


class Supervised:
    """A worker or beat process, restarted when it exits (compose's restart policy, a
    Deployment), its exit codes kept; samples the age of the worker's liveness file."""

    def __init__(
        self, command: list[str], env: dict[str, str], *, log: Path, heartbeat: Path | None = None
    ) -> None:
        self.command, self.env, self.log, self.heartbeat = command, env, log, heartbeat
        self.exits: list[int] = []
        self.max_heartbeat_age = 0.0
        self.stopping = threading.Event()
        self.process = self._spawn()
        self.watcher = threading.Thread(target=self._watch, daemon=True)
        self.watcher.start()

    def _spawn(self) -> subprocess.Popen[bytes]:
        with self.log.open("ab") as log:
            return subprocess.Popen(
                self.command, cwd=REPO_ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )

    def _watch(self) -> None:
        while not self.stopping.wait(0.5):
            code = self.process.poll()
            if code is not None:
                self.exits.append(code)
                self.process = self._spawn()
            if self.heartbeat is not None:
                age = heartbeat_age(self.heartbeat, now=time.time())
                if age is not None:
                    self.max_heartbeat_age = max(self.max_heartbeat_age, age)

    def reset_figures(self) -> None:
        self.exits = []
        self.max_heartbeat_age = 0.0

    def wait_heartbeat(self, *, within: float) -> None:
        assert self.heartbeat is not None
        deadline = time.monotonic() + within
        while heartbeat_age(self.heartbeat, now=time.time()) is None:
            if time.monotonic() > deadline:
                raise RuntimeError(f"worker never beat:\n{self.log.read_text()[-4000:]}")
            time.sleep(0.3)

    def stop(self) -> None:
        self.stopping.set()
        self.watcher.join(timeout=5)
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


@dataclass
class Stack:
    """The servers one scenario runs on; the Redis scenarios add a broker, a worker and beat."""

    pg: ThrowawayPostgres
    web: Uvicorn
    database: str = DB_NAME
    redis: ThrowawayRedis | None = None
    worker: Supervised | None = None
    beat: Supervised | None = None
    root: Path | None = None

    def close(self) -> None:
        for process in (self.beat, self.worker):
            if process is not None:
                process.stop()
        self.web.stop()
        if self.redis is not None:
            self.redis.close()
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)


def _stop(stack: Stack) -> AbstractContextManager[None]:
    return _fault(lambda: stack.pg.stop("immediate"), stack.pg.start)


def _read_only(stack: Stack) -> AbstractContextManager[None]:
    return _fault(lambda: stack.pg.read_only(True), lambda: stack.pg.read_only(False))


def _disk_full(stack: Stack) -> AbstractContextManager[None]:
    pg = stack.pg

    def recover() -> None:
        pg.free_disk()
        if not pg.is_running():
            pg.start()

    return _fault(pg.fill_disk, recover)


def _redis_restart(stack: Stack) -> AbstractContextManager[None]:
    assert stack.redis is not None
    return _fault(stack.redis.kill, stack.redis.start)


class _Slots:
    def __init__(self, stack: Stack) -> None:
        self.pg = stack.pg
        self.stack = ExitStack()

    def __enter__(self) -> None:
        self.pg.terminate_clients(dbname=DB_NAME)
        self.stack.enter_context(self.pg.slots_held())

    def __exit__(self, *exc: object) -> None:
        self.stack.close()


class _fault:
    def __init__(self, start: Callable[[], None], end: Callable[[], None]) -> None:
        self.start, self.end = start, end

    def __enter__(self) -> None:
        self.start()

    def __exit__(self, *exc: object) -> None:
        self.end()


SCENARIOS: dict[str, Callable[[Stack], AbstractContextManager[None]]] = {
    "stop": _stop,
    "slots_held": _Slots,
    "read_only": _read_only,
    "disk_full": _disk_full,
    "redis_threads": _redis_restart,
    "redis_prefork": _redis_restart,
}
# The Redis scenarios' worker pool; every other scenario runs on the eager stack.
REDIS_POOLS = {"redis_threads": "threads", "redis_prefork": "prefork"}


def _eager_stack(pg: ThrowawayPostgres) -> Stack:
    env = production_env(database_url=_database(pg, DB_NAME), HEALTH_WRITE_FAILURE_WINDOW="5")
    return Stack(pg=pg, web=Uvicorn(env, log_path=ARTIFACTS / "fault-run-web.log"))


def _redis_stack(pg: ThrowawayPostgres, *, pool: str) -> Stack:
    url = _database(pg, REDIS_DB_NAME)
    redis = ThrowawayRedis()
    redis.start()
    root = Path(tempfile.mkdtemp(prefix="fault-run-worker-"))
    env = production_env(
        database_url=url,
        redis_url=redis.url,
        HEALTH_WRITE_FAILURE_WINDOW="5",
        WORKER_HEARTBEAT_FILE=str(root / "heartbeat"),
        LOG_LEVEL="INFO",
    )
    web = Uvicorn(env, log_path=ARTIFACTS / f"fault-run-web-redis-{pool}.log")
    celery = [sys.executable, "-m", "celery", "-A", "config"]
    worker = Supervised(
        [*celery, "worker", "-l", "INFO", "--pool", pool, "--concurrency", "2"],
        env,
        log=ARTIFACTS / f"fault-run-worker-{pool}.log",
        heartbeat=root / "heartbeat",
    )
    beat = Supervised(
        [*celery, "beat", "-l", "INFO", "--schedule", str(root / "celerybeat-schedule")],
        env,
        log=ARTIFACTS / f"fault-run-beat-{pool}.log",
    )
    stack = Stack(
        pg=pg, web=web, database=REDIS_DB_NAME, redis=redis, worker=worker, beat=beat, root=root
    )
    try:
        worker.wait_heartbeat(within=120)
    except Exception:
        stack.close()
        raise
    return stack


def _database(pg: ThrowawayPostgres, name: str) -> str:
    """The URL of a migrated database with the "faults" site, created on first use."""
    with psycopg.connect(pg.url) as conn:
        row = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    if row is None:
        return database_prepare(pg, name=name, site_key="faults")
    return pg.database_url(name)


def _stored(pg: ThrowawayPostgres, database: str) -> tuple[set[str], int, set[str]]:
    """Visitor messages stored (by client_message_id), extra copies, and those not processed."""
    with psycopg.connect(pg.database_url(database)) as conn:
        rows = conn.execute(
            "SELECT client_message_id::text, count(*), bool_and(processed_at IS NOT NULL) "
            "FROM conversations_message WHERE sender = 'visitor' GROUP BY 1"
        ).fetchall()
    unprocessed = {row[0] for row in rows if not row[2]}
    return {row[0] for row in rows}, sum(row[1] - 1 for row in rows), unprocessed


def _answered_late(stack: Stack, acknowledged: set[str], *, after: float) -> int:
    """Acknowledged messages processed more than ``after`` s after they were stored: those
    whose task died with the broker (or was never queued) and waited for beat's sweep."""
    with psycopg.connect(stack.pg.database_url(stack.database)) as conn:
        rows = conn.execute(
            "SELECT client_message_id::text FROM conversations_message WHERE sender = 'visitor' "
            "AND processed_at - created_at > make_interval(secs => %s)",
            [after],
        ).fetchall()
    return len(acknowledged & {row[0] for row in rows})


def _drain(stack: Stack, acknowledged: set[str], *, within: float) -> tuple[int, float]:
    """Wait for the worker to process every acknowledged message; (unanswered, seconds)."""
    started = time.monotonic()
    while True:
        _stored_ids, _duplicated, unprocessed = _stored(stack.pg, stack.database)
        unanswered = len(acknowledged & unprocessed)
        if not unanswered or time.monotonic() - started > within:
            return unanswered, time.monotonic() - started
        time.sleep(1.0)


def _pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


@dataclass
class Result:
    name: str
    figures: Figures
    lost: int
    duplicated: int
    unanswered: int | None = None
    drained: float = 0.0
    late: int = 0
    worker_exits: list[int] = field(default_factory=list)
    beat_exits: list[int] = field(default_factory=list)
    max_heartbeat_age: float = 0.0

    @property
    def is_bad(self) -> bool:
        return bool(self.lost or self.duplicated or self.unanswered or self.figures.codes.get(500))


def _scenario(stack: Stack, name: str, args: argparse.Namespace) -> Result:
    for process in (stack.worker, stack.beat):
        if process is not None:
            process.reset_figures()
    run = Run(stack.web, args)
    threads = [threading.Thread(target=run.visitor) for _ in range(args.clients)]
    threads.append(threading.Thread(target=run.readiness))
    for thread in threads:
        thread.start()
    time.sleep(args.before)
    run.fault_at = time.monotonic()
    with SCENARIOS[name](stack):
        time.sleep(args.fault)
    run.recovered_at = time.monotonic()
    time.sleep(args.after)
    run.stop.set()
    for thread in threads:
        thread.join(timeout=60)
    figures = run.figures
    result = Result(name=name, figures=figures, lost=0, duplicated=0)
    if stack.worker is not None:
        result.unanswered, result.drained = _drain(stack, figures.acknowledged, within=args.drain)
        result.late = _answered_late(stack, figures.acknowledged, after=LATE_SECONDS)
        result.worker_exits = list(stack.worker.exits)
        result.max_heartbeat_age = stack.worker.max_heartbeat_age
    if stack.beat is not None:
        result.beat_exits = list(stack.beat.exits)
    stored, result.duplicated, _unprocessed = _stored(stack.pg, stack.database)
    result.lost = len(figures.acknowledged - stored)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenarios", default=",".join(SCENARIOS))
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--think", type=float, default=0.2)
    parser.add_argument("--before", type=float, default=3.0)
    parser.add_argument("--fault", type=float, default=10.0)
    parser.add_argument("--after", type=float, default=8.0)
    parser.add_argument("--max-retry-wait", type=float, default=2.0)
    parser.add_argument("--drain", type=float, default=180.0)
    args = parser.parse_args()
    names = args.scenarios.split(",")
    unknown = [name for name in names if name not in SCENARIOS]
    if unknown:
        parser.error(f"unknown scenarios {unknown}; known: {', '.join(SCENARIOS)}")

    pg = ThrowawayPostgres(max_connections=30, tmpfs_mb=128)
    pg.start()
    results: list[Result] = []
    stacks: dict[str, Stack] = {}
    try:
        for name in names:
            kind = REDIS_POOLS.get(name, "eager")
            if kind not in stacks:
                # One stack at a time: the previous one's processes would compete for the CPU.
                for old in stacks.values():
                    old.close()
                stacks.clear()
                stacks[kind] = _eager_stack(pg) if kind == "eager" else _redis_stack(pg, pool=kind)
            result = _scenario(stacks[kind], name, args)
            results.append(result)
            _print(result)
    finally:
        for stack in stacks.values():
            stack.close()
        pg.close()
    bad = [result for result in results if result.is_bad]
    print(f"\n{len(results)} scenarios; {len(bad)} with a 500, a loss, a duplicate or unanswered")
    return 1 if bad else 0


def _print(result: Result) -> None:
    figures = result.figures
    codes = " ".join(f"{code}x{count}" for code, count in sorted(figures.codes.items()))
    five = {c: n for c, n in figures.codes.items() if c >= 500 or c == 0}
    first = "-" if figures.first_503 is None else f"{figures.first_503:.2f}s"
    unready = "-" if figures.first_unready is None else f"{figures.first_unready:.2f}s"
    again = "-" if figures.ready_again is None else f"{figures.ready_again:.2f}s"
    median = statistics.median(figures.latencies) if figures.latencies else 0.0
    line = (
        f"{result.name:13s} answers {codes} | 5xx {five or 0} | first 503 {first} | "
        f"POST p50 {median * 1000:.0f} ms p95 {_pct(figures.latencies, 0.95) * 1000:.0f} ms "
        f"max {max(figures.latencies or [0]) * 1000:.0f} ms | ready {dict(figures.ready_codes)} "
        f"first unready {unready} ready again {again} "
        f"max {max(figures.ready_latencies or [0]) * 1000:.0f} ms | "
        f"lost {result.lost} duplicated {result.duplicated}"
    )
    if result.unanswered is not None:
        line += (
            f" unanswered {result.unanswered} (drained in {result.drained:.0f}s; "
            f"{result.late} answered over {LATE_SECONDS:.0f}s late) | worker exits "
            f"{result.worker_exits or 'none'} beat exits {result.beat_exits or 'none'} "
            f"liveness file max age {result.max_heartbeat_age:.0f}s"
        )
    print(line, flush=True)


if __name__ == "__main__":
    sys.exit(main())

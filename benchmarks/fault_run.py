"""Fault run: the widget's message path under database faults, on throwaway servers.

Starts its own PostgreSQL cluster (on a small tmpfs, for the disk-full scenario) on a free port
and a uvicorn in production mode on it (eager tasks, in-memory channel layer), then for each
scenario drives --clients concurrent visitors that POST messages the way the widget should:
a fresh ``client_message_id`` per message, the same id again after a 503 (honouring
``Retry-After``, capped at --max-retry-wait), and polls ``/health/ready`` every 0.5 s. Each
scenario runs --before s healthy, --fault s under the fault, --after s recovered.

Prints per scenario: answers by status code, time from the fault to the first 503 and to the
first failing readiness, POST p50/p95/max, readiness max latency, and the integrity figures:
lost (acknowledged with 2xx but not stored) and duplicated (stored more than once, or one
``client_message_id`` stored twice). Needs root for the tmpfs (as the test suite does).

    .venv/bin/python benchmarks/fault_run.py                # all scenarios, about 2 minutes
    .venv/bin/python benchmarks/fault_run.py --scenarios stop,read_only --fault 10
"""

from __future__ import annotations

import argparse
import collections
import statistics
import sys
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

from tests.fault_services import (
    ThrowawayPostgres,
    Uvicorn,
    database_prepare,
    production_env,
)

DB_NAME = "fault_run"


@dataclass
class Figures:
    codes: collections.Counter[int] = field(default_factory=collections.Counter)
    latencies: list[float] = field(default_factory=list)
    acknowledged: set[str] = field(default_factory=set)
    first_503: float | None = None
    ready_codes: collections.Counter[int] = field(default_factory=collections.Counter)
    ready_latencies: list[float] = field(default_factory=list)
    first_unready: float | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


class Run:
    def __init__(self, web: Uvicorn, args: argparse.Namespace) -> None:
        self.web = web
        self.args = args
        self.fault_at = 0.0
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
            time.sleep(0.5)
        http.close()


def _stop(pg: ThrowawayPostgres) -> AbstractContextManager[None]:
    return _fault(lambda: pg.stop("immediate"), pg.start)


def _read_only(pg: ThrowawayPostgres) -> AbstractContextManager[None]:
    return _fault(lambda: pg.read_only(True), lambda: pg.read_only(False))


def _disk_full(pg: ThrowawayPostgres) -> AbstractContextManager[None]:
    def recover() -> None:
        pg.free_disk()
        if not pg.is_running():
            pg.start()

    return _fault(pg.fill_disk, recover)


class _Slots:
    def __init__(self, pg: ThrowawayPostgres) -> None:
        self.pg = pg
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


SCENARIOS: dict[str, Callable[[ThrowawayPostgres], AbstractContextManager[None]]] = {
    "stop": _stop,
    "slots_held": _Slots,
    "read_only": _read_only,
    "disk_full": _disk_full,
}


def _stored(pg: ThrowawayPostgres) -> tuple[set[str], int]:
    with psycopg.connect(pg.database_url(DB_NAME)) as conn:
        rows = conn.execute(
            "SELECT client_message_id::text, count(*) FROM conversations_message "
            "WHERE sender = 'visitor' GROUP BY 1"
        ).fetchall()
    return {row[0] for row in rows}, sum(row[1] - 1 for row in rows)


def _pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenarios", default=",".join(SCENARIOS))
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--think", type=float, default=0.2)
    parser.add_argument("--before", type=float, default=3.0)
    parser.add_argument("--fault", type=float, default=10.0)
    parser.add_argument("--after", type=float, default=8.0)
    parser.add_argument("--max-retry-wait", type=float, default=2.0)
    args = parser.parse_args()

    pg = ThrowawayPostgres(max_connections=30, tmpfs_mb=128)
    pg.start()
    results = []
    try:
        url = database_prepare(pg, name=DB_NAME, site_key="faults")
        env = production_env(database_url=url, HEALTH_WRITE_FAILURE_WINDOW="5")
        web = Uvicorn(env, log_path=Path("test-artifacts") / "fault-run-web.log")
        try:
            for name in args.scenarios.split(","):
                run = Run(web, args)
                threads = [threading.Thread(target=run.visitor) for _ in range(args.clients)]
                threads.append(threading.Thread(target=run.readiness))
                for thread in threads:
                    thread.start()
                time.sleep(args.before)
                run.fault_at = time.monotonic()
                with SCENARIOS[name](pg):
                    time.sleep(args.fault)
                time.sleep(args.after)
                run.stop.set()
                for thread in threads:
                    thread.join(timeout=60)
                stored, duplicated = _stored(pg)
                figures = run.figures
                lost = len(figures.acknowledged - stored)
                results.append((name, figures, lost, duplicated))
                _print(name, figures, lost, duplicated)
        finally:
            web.stop()
    finally:
        pg.close()
    bad = [r for r in results if r[2] or r[3] or r[1].codes.get(500)]
    print(f"\n{len(results)} scenarios; {len(bad)} with a 500, a loss or a duplicate")
    return 1 if bad else 0


def _print(name: str, figures: Figures, lost: int, duplicated: int) -> None:
    codes = " ".join(f"{code}x{count}" for code, count in sorted(figures.codes.items()))
    five = {c: n for c, n in figures.codes.items() if c >= 500 or c == 0}
    first = "-" if figures.first_503 is None else f"{figures.first_503:.2f}s"
    unready = "-" if figures.first_unready is None else f"{figures.first_unready:.2f}s"
    median = statistics.median(figures.latencies) if figures.latencies else 0.0
    print(
        f"{name:11s} answers {codes} | 5xx {five or 0} | first 503 {first} | "
        f"POST p50 {median * 1000:.0f} ms p95 {_pct(figures.latencies, 0.95) * 1000:.0f} ms "
        f"max {max(figures.latencies or [0]) * 1000:.0f} ms | ready {dict(figures.ready_codes)} "
        f"first unready {unready} max {max(figures.ready_latencies or [0]) * 1000:.0f} ms | "
        f"lost {lost} duplicated {duplicated}",
        flush=True,
    )


if __name__ == "__main__":
    sys.exit(main())

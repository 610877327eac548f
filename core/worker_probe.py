"""Worker liveness probe: ``python -m core.worker_probe`` exits 0 while the worker's heartbeat
file is fresh and 1 when it is missing or older than ``WORKER_HEARTBEAT_MAX_AGE`` seconds.

Cheap on purpose (no broker round trip, no Django app loading): compose and Kubernetes run it
every few seconds. See ``core.worker.WorkerHeartbeat`` for what keeps the file fresh.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def heartbeat_age(path: Path, *, now: float) -> float | None:
    """Seconds since the heartbeat file was touched, None when there is none."""
    try:
        return max(0.0, now - path.stat().st_mtime)
    except FileNotFoundError:
        return None


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.conf import settings

    path = Path(settings.WORKER_HEARTBEAT_FILE)
    max_age = float(settings.WORKER_HEARTBEAT_MAX_AGE)
    age = heartbeat_age(path, now=time.time())
    if age is None:
        print(f"worker not alive: no heartbeat at {path}")
        return 1
    if age > max_age:
        print(f"worker not alive: heartbeat {age:.0f} s old (limit {max_age:.0f} s)")
        return 1
    print(f"worker alive: heartbeat {age:.1f} s old")
    return 0


if __name__ == "__main__":
    sys.exit(main())

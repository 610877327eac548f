"""The embedded default's periodic tasks: due entries and a real run of the SLA beat task."""

from __future__ import annotations

import threading

import pytest

from core.schedule import due_entries, run_forever

SCHEDULE = {
    "fast": {"task": "a.fast", "schedule": 10.0},
    "slow": {"task": "a.slow", "schedule": 60.0},
    "cron": {"task": "a.cron", "schedule": object()},
}


def test_every_interval_entry_is_due_at_start_then_on_its_interval() -> None:
    assert due_entries(SCHEDULE, {}, now=100.0) == ["fast", "slow"]
    assert due_entries(SCHEDULE, {"fast": 100.0, "slow": 100.0}, now=109.0) == []
    assert due_entries(SCHEDULE, {"fast": 100.0, "slow": 100.0}, now=110.0) == ["fast"]
    assert due_entries(SCHEDULE, {"fast": 110.0, "slow": 100.0}, now=160.0) == ["fast", "slow"]


def test_a_failing_task_does_not_stop_the_others() -> None:
    ran: list[str] = []
    stop = threading.Event()

    def run(name: str) -> None:
        ran.append(name)
        if name == "a.fast":
            raise RuntimeError("boom")
        stop.set()

    run_forever(SCHEDULE, run, tick=0.0, stop=stop)
    assert ran == ["a.fast", "a.slow"]


@pytest.mark.django_db
def test_the_projects_schedule_runs_its_real_tasks_in_process(settings) -> None:  # type: ignore[no-untyped-def]
    import config.celery  # noqa: F401
    from core.schedule import tasks_load

    tasks = tasks_load()
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert entry["task"] in tasks, entry["task"]
    result = tasks["escalations.conversation_idle_resolve"].apply()
    assert result.successful()
    assert result.result == 0

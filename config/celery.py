"""The Celery application; configuration comes from Django settings (CELERY_ namespace)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("empathy_desk")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Signal handlers: the worker's metrics endpoint, task metrics, task log context.
import core.worker  # noqa: E402


def _models_warm_up() -> None:
    from empathy.warmup import models_warm_up

    models_warm_up(emotion=True)


# The liveness heartbeat beats from the consumer's loop (core.worker_probe reads it).
app.steps["consumer"].add(core.worker.WorkerHeartbeat)

# Workers load the emotion and crisis models before their first task.
core.worker.worker_warm_up_register(_models_warm_up)

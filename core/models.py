"""Platform tables: the heartbeat row the readiness probe writes to prove writes succeed."""

from __future__ import annotations

from django.db import models


class Heartbeat(models.Model):
    """One row per writer ("readiness"); upserted, so the table never grows."""

    name = models.CharField(max_length=64, unique=True)
    beat_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} at {self.beat_at:%Y-%m-%d %H:%M:%S}"

"""Live monitoring rules for the console: rising anger or confusion, improving satisfaction.

Pure functions over a conversation's readings (oldest first), so each rule is a table test.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, Literal

ANGER_EMOTIONS = frozenset({"anger", "annoyance", "disgust", "disapproval"})
CONFUSION_EMOTIONS = frozenset({"confusion"})
SATISFIED_EMOTIONS = frozenset(
    {"gratitude", "relief", "joy", "approval", "admiration", "optimism", "amusement", "love"}
)
# How many of the latest readings must keep rising.
RISE_WINDOW = 3
# Valence gain (mean of the latest two over the two before) that counts as real improvement.
SATISFACTION_GAIN = 0.3


@dataclass(frozen=True, slots=True)
class MonitoringThresholds:
    """Where the latest reading must be for an alert (settings MONITOR_*; the design's
    defaults): escalating anger, increasing confusion, satisfaction that improved."""

    anger: float = 0.8
    confusion: float = 0.7
    satisfaction: float = 0.6


AlertKind = Literal["anger_rising", "confusion_rising", "satisfaction_improving"]


@dataclass(frozen=True, slots=True)
class MonitoringAlert:
    """One alert the console shows beside the conversation."""

    kind: AlertKind
    level: Literal["warning", "positive"]
    text: str
    seq: int  # the visitor message that raised it

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "level": self.level, "text": self.text, "seq": self.seq}


def _level(reading: Mapping[str, Any], emotions: frozenset[str]) -> float:
    """How strongly one reading shows any of these emotions (0 when it shows none)."""
    scores = reading.get("scores") or {}
    from_scores = max((float(scores.get(e, 0.0)) for e in emotions), default=0.0)
    if reading.get("emotion") in emotions:
        return max(float(reading.get("intensity", 0.0)), from_scores)
    return from_scores


def _keeps_rising(levels: Sequence[float], threshold: float) -> bool:
    if len(levels) < RISE_WINDOW:
        return False
    window = levels[-RISE_WINDOW:]
    never_falls = all(b >= a for a, b in pairwise(window))
    return never_falls and window[-1] > window[0] and window[-1] >= threshold


def monitoring_alerts(
    readings: Sequence[Mapping[str, Any]], thresholds: MonitoringThresholds | None = None
) -> list[MonitoringAlert]:
    """Alerts for the latest state of the conversation.

    Each reading needs ``seq``, ``emotion``, ``intensity``, ``valence`` and may carry the
    detector's ``scores``.
    """
    if not readings:
        return []
    limits = thresholds or MonitoringThresholds()
    latest_seq = int(readings[-1]["seq"])
    alerts: list[MonitoringAlert] = []
    anger = [_level(r, ANGER_EMOTIONS) for r in readings]
    if _keeps_rising(anger, limits.anger):
        alerts.append(
            MonitoringAlert(
                kind="anger_rising",
                level="warning",
                text=f"Anger keeps rising (now {anger[-1]:.0%}). Acknowledge it before the fix; "
                "consider a supervisor.",
                seq=latest_seq,
            )
        )
    confusion = [_level(r, CONFUSION_EMOTIONS) for r in readings]
    if _keeps_rising(confusion, limits.confusion):
        alerts.append(
            MonitoringAlert(
                kind="confusion_rising",
                level="warning",
                text=f"Confusion keeps rising (now {confusion[-1]:.0%}). Slow down: one step "
                "at a time, check understanding.",
                seq=latest_seq,
            )
        )
    if len(readings) >= 4:
        valences = [float(r.get("valence", 0.0)) for r in readings]
        gain = (valences[-1] + valences[-2]) / 2 - (valences[-3] + valences[-4]) / 2
        latest = readings[-1]
        satisfied = max(_level(latest, SATISFIED_EMOTIONS), valences[-1])
        if gain >= SATISFACTION_GAIN and satisfied >= limits.satisfaction:
            alerts.append(
                MonitoringAlert(
                    kind="satisfaction_improving",
                    level="positive",
                    text="Satisfaction is improving: what you are doing works.",
                    seq=latest_seq,
                )
            )
    return alerts

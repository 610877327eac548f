"""Every Prometheus metric of Empathy Desk, defined once, with typed helpers that bound labels.

Services never touch the metric objects: they call the helpers below, which map every label
value onto a closed set (anything unknown becomes ``"other"``), so no id or free text can reach
a label and the number of series stays bounded. Gauges that summarise stored data over a window
(detection accuracy, satisfaction, escalation queues) are filled by *refreshers*: functions an
app registers with ``metrics_refresher_register`` and that run on every scrape of ``/metrics``,
reading the database, the source of truth.
"""

from __future__ import annotations

import hmac
import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Final

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from prometheus_client import Counter, Gauge, Histogram

logger = logging.getLogger(__name__)

OTHER: Final = "other"

# Closed label sets whose values belong to an app (emotions, strategies, escalation reasons,
# urgencies, crisis levels): the owning app registers them at start-up (AppConfig.ready) from
# its taxonomy or model choices, so nothing here re-types them and they cannot drift.
_CLOSED: dict[str, frozenset[str]] = {}


def closed_labels_register(**sets: Iterable[str]) -> None:
    for kind, values in sets.items():
        _CLOSED[kind] = frozenset(values)


def closed_labels(kind: str) -> frozenset[str]:
    """A registered set (empty until its app registered it: every value then reads "other")."""
    return _CLOSED.get(kind, frozenset())


# ---------------------------------------------------------------------------
# Closed label sets
# ---------------------------------------------------------------------------
DETECTION_METHODS: Final = frozenset({"onnx", "tfidf", "ensemble", "llm"})
CONFIDENCE_BUCKETS: Final = ("low", "medium", "high")
CONVERSATION_LENGTHS: Final = ("short", "medium", "long", "extended")
TIMES_OF_DAY: Final = ("night", "morning", "afternoon", "evening")
USER_SEGMENTS: Final = frozenset({"new", "returning"})
RESOLUTION_PATHS: Final = frozenset({"in_progress", "bot", "agent", "abandoned"})
HEALTH_CHECKS: Final = frozenset({"database", "redis", "broker", "worker"})
# Why a request was answered 503 (core.availability): the dependency that was down.
UNAVAILABLE_REASONS: Final = frozenset(
    {
        "database",
        "database_pool",
        "database_disk_full",
        "database_read_only",
        "broker",
        "redis",
    }
)
TASK_STATES: Final = frozenset({"succeeded", "failed", "retried"})


def label_or_other(value: object, allowed: Iterable[str]) -> str:
    """The value itself when it belongs to the closed set, else ``"other"``."""
    if isinstance(value, str) and value in allowed:
        return value
    return OTHER


def bool_label(value: bool) -> str:
    return "true" if value is True else "false"


def confidence_bucket(confidence: float) -> str:
    """low < 0.5 <= medium < 0.8 <= high; a value that is not a number is ``"other"``."""
    if not isinstance(confidence, int | float) or confidence != confidence:  # NaN
        return OTHER
    if confidence < 0.5:
        return "low"
    if confidence < 0.8:
        return "medium"
    return "high"


def conversation_length_bucket(message_count: int) -> str:
    """short <= 5 messages, medium <= 15, long <= 40, extended beyond."""
    if isinstance(message_count, bool) or not isinstance(message_count, int) or message_count < 0:
        return OTHER
    if message_count <= 5:
        return "short"
    if message_count <= 15:
        return "medium"
    if message_count <= 40:
        return "long"
    return "extended"


def time_of_day(when: datetime) -> str:
    """night 0-5 h, morning 6-11 h, afternoon 12-17 h, evening 18-23 h, in the site time zone."""
    if not isinstance(when, datetime):
        return OTHER
    local = timezone.localtime(when) if timezone.is_aware(when) else when
    return TIMES_OF_DAY[local.hour // 6]


# ---------------------------------------------------------------------------
# The seven emotional metrics of the design
# ---------------------------------------------------------------------------
EMOTION_DETECTION_ACCURACY = Gauge(
    "emotion_detection_accuracy",
    "Share of detected emotions that agents confirmed, over the rolling correction window.",
    ["emotion_type", "detection_method", "confidence_bucket"],
)
EMPATHIC_RESPONSE_GENERATION_DURATION = Histogram(
    "empathic_response_generation_duration_seconds",
    "Time to produce a reply, from request to the provider chain until a reply is ready.",
    ["emotion_category", "response_strategy", "escalation_triggered"],
    buckets=(0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0, 20.0, 30.0),
)
HUMAN_ESCALATIONS = Counter(
    "human_escalations",  # exported as human_escalations_total
    "Conversations handed to a human.",
    ["escalation_reason", "emotion_type", "conversation_length", "time_of_day"],
)
USER_SATISFACTION_BY_EMOTION = Gauge(
    "user_satisfaction_by_emotion",
    "Average CSAT rating (1-5) of resolved conversations over the rolling window.",
    ["primary_emotion", "response_strategy", "resolution_achieved"],
)
EMOTIONAL_INTENSITY_DISTRIBUTION = Histogram(
    "emotional_intensity_distribution",
    "Emotional intensity (0-1) of each visitor message read.",
    ["emotion_category", "user_segment", "resolution_path"],
    buckets=(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0),
)
CONVERSATION_LENGTH_BY_EMOTION = Histogram(
    "conversation_length_by_emotion",
    "Messages in a conversation when it ends, by its dominant emotion.",
    ["emotion_type", "successful_resolution"],
    buckets=(1, 2, 3, 5, 8, 13, 21, 34, 55, 89),
)

# ---------------------------------------------------------------------------
# Autoscaling, escalation queues, health, Celery
# ---------------------------------------------------------------------------
EMOTIONAL_INTENSITY_AVG = Gauge(
    "emotional_intensity_avg",
    "Mean intensity of the messages this process read in the last 5 minutes (0 when none).",
)
ESCALATION_QUEUE_DEPTH = Gauge(
    "escalation_queue_depth", "Escalations waiting for an agent.", ["urgency"]
)
ESCALATION_QUEUE_OLDEST_SECONDS = Gauge(
    "escalation_queue_oldest_wait_seconds",
    "Age of the oldest unclaimed escalation (0 when none).",
    ["urgency"],
)
ESCALATION_UNCLAIMED_PAST_SLA = Gauge(
    "escalation_unclaimed_past_sla",
    "Unclaimed escalations older than their SLA.",
    ["urgency"],
)
ESCALATION_WAIT = Histogram(
    "escalation_wait_seconds",
    "Time from an escalation opening to an agent claiming it.",
    ["urgency"],
    buckets=(5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600),
)
CRISIS_ASSESSMENTS = Counter(
    "crisis_assessments",  # exported as crisis_assessments_total
    "Visitor messages checked for crisis language, by the level found.",
    ["crisis_level"],
)
HEALTH_CHECK_UP = Gauge(
    "health_check_up", "1 when the last readiness check of a dependency passed.", ["check"]
)
HEALTH_CHECK_DURATION = Histogram(
    "health_check_duration_seconds",
    "Duration of readiness checks.",
    ["check"],
    buckets=(0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5),
)
HTTP_UNAVAILABLE = Counter(
    "http_unavailable",  # exported as http_unavailable_total
    "Requests answered 503 because a dependency was unavailable, by reason.",
    ["reason"],
)
CELERY_QUEUE_LENGTH = Gauge(
    "celery_queue_length", "Tasks waiting in a Celery broker queue.", ["queue"]
)
CELERY_TASKS = Counter(
    "celery_tasks",  # exported as celery_tasks_total
    "Celery tasks finished, by outcome.",
    ["task", "state"],
)
CELERY_TASK_DURATION = Histogram(
    "celery_task_duration_seconds",
    "Run time of Celery tasks.",
    ["task"],
    buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0),
)
METRICS_REFRESH_ERRORS = Counter(
    "metrics_refresh_errors",  # exported as metrics_refresh_errors_total
    "Refreshers that raised while /metrics was scraped.",
    ["refresher"],
)


# ---------------------------------------------------------------------------
# Helpers the services call
# ---------------------------------------------------------------------------
def emotion_detection_accuracy_set(
    *, emotion_type: str, detection_method: str, confidence: str, accuracy: float
) -> None:
    """Record the agreement rate of one (emotion, method, confidence bucket) cell.

    ``confidence`` is a bucket name (see ``confidence_bucket``), because the accuracy is an
    aggregate over many readings, not one.
    """
    EMOTION_DETECTION_ACCURACY.labels(
        emotion_type=label_or_other(emotion_type, closed_labels("emotion_type")),
        detection_method=label_or_other(detection_method, DETECTION_METHODS),
        confidence_bucket=label_or_other(confidence, CONFIDENCE_BUCKETS),
    ).set(accuracy)


def response_generation_observe(
    *, emotion_category: str, response_strategy: str, escalation_triggered: bool, seconds: float
) -> None:
    EMPATHIC_RESPONSE_GENERATION_DURATION.labels(
        emotion_category=label_or_other(emotion_category, closed_labels("emotion_category")),
        response_strategy=label_or_other(response_strategy, closed_labels("response_strategy")),
        escalation_triggered=bool_label(escalation_triggered),
    ).observe(seconds)


def escalation_record(
    *, reason: str, emotion_type: str, conversation_length: int, when: datetime
) -> None:
    """Count one escalation; ``conversation_length`` is the number of messages so far."""
    HUMAN_ESCALATIONS.labels(
        escalation_reason=label_or_other(reason, closed_labels("escalation_reason")),
        emotion_type=label_or_other(emotion_type, closed_labels("emotion_type")),
        conversation_length=conversation_length_bucket(conversation_length),
        time_of_day=time_of_day(when),
    ).inc()


def user_satisfaction_set(
    *, primary_emotion: str, response_strategy: str, resolution_achieved: bool, average: float
) -> None:
    USER_SATISFACTION_BY_EMOTION.labels(
        primary_emotion=label_or_other(primary_emotion, closed_labels("emotion_type")),
        response_strategy=label_or_other(response_strategy, closed_labels("response_strategy")),
        resolution_achieved=bool_label(resolution_achieved),
    ).set(average)


def user_satisfaction_clear() -> None:
    """Drop every CSAT cell, so one that left the rolling window stops being reported."""
    USER_SATISFACTION_BY_EMOTION.clear()


class _RollingMean:
    """Mean of the values seen in the last ``window`` seconds; thread-safe."""

    def __init__(self, window: float) -> None:
        self.window = window
        self._values: deque[tuple[float, float]] = deque()
        self._lock = threading.Lock()

    def add(self, value: float, now: float | None = None) -> None:
        with self._lock:
            self._values.append((time.monotonic() if now is None else now, value))

    def mean(self, now: float | None = None) -> float:
        cutoff = (time.monotonic() if now is None else now) - self.window
        with self._lock:
            while self._values and self._values[0][0] < cutoff:
                self._values.popleft()
            if not self._values:
                return 0.0
            return sum(v for _, v in self._values) / len(self._values)

    def clear(self) -> None:
        with self._lock:
            self._values.clear()


INTENSITY_WINDOW = _RollingMean(window=300.0)
EMOTIONAL_INTENSITY_AVG.set_function(INTENSITY_WINDOW.mean)


def emotional_intensity_observe(
    *, intensity: float, emotion_category: str, user_segment: str, resolution_path: str
) -> None:
    """Record the intensity of one visitor message (histogram and the 5-minute mean)."""
    value = float(intensity)
    if value != value:  # NaN: a broken reading must not poison the histogram's sum
        return
    value = min(max(value, 0.0), 1.0)
    EMOTIONAL_INTENSITY_DISTRIBUTION.labels(
        emotion_category=label_or_other(emotion_category, closed_labels("emotion_category")),
        user_segment=label_or_other(user_segment, USER_SEGMENTS),
        resolution_path=label_or_other(resolution_path, RESOLUTION_PATHS),
    ).observe(value)
    INTENSITY_WINDOW.add(value)


def conversation_length_observe(
    *, emotion_type: str, successful_resolution: bool, message_count: int
) -> None:
    CONVERSATION_LENGTH_BY_EMOTION.labels(
        emotion_type=label_or_other(emotion_type, closed_labels("emotion_type")),
        successful_resolution=bool_label(successful_resolution),
    ).observe(max(message_count, 0))


RESOLVED_BY: Final = frozenset({"agent", "visitor", "idle"})
CONVERSATIONS_RESOLVED = Counter(
    "conversations_resolved",  # exported as conversations_resolved_total
    "Conversations that ended, by who ended them (agent, the visitor's End chat, idle).",
    ["resolved_by"],
)


def conversation_resolved_record(*, resolved_by: str) -> None:
    CONVERSATIONS_RESOLVED.labels(resolved_by=label_or_other(resolved_by, RESOLVED_BY)).inc()


def escalation_queue_set(
    *, urgency: str, depth: int, oldest_wait_seconds: float, unclaimed_past_sla: int
) -> None:
    """Snapshot of one urgency's queue; call it from a refresher for every urgency."""
    label = label_or_other(urgency, closed_labels("urgency"))
    ESCALATION_QUEUE_DEPTH.labels(urgency=label).set(depth)
    ESCALATION_QUEUE_OLDEST_SECONDS.labels(urgency=label).set(oldest_wait_seconds)
    ESCALATION_UNCLAIMED_PAST_SLA.labels(urgency=label).set(unclaimed_past_sla)


def escalation_wait_observe(*, urgency: str, seconds: float) -> None:
    ESCALATION_WAIT.labels(urgency=label_or_other(urgency, closed_labels("urgency"))).observe(
        seconds
    )


def crisis_assessment_record(*, level: str) -> None:
    """Count one crisis assessment of a visitor message (none, concern or crisis)."""
    CRISIS_ASSESSMENTS.labels(
        crisis_level=label_or_other(level, closed_labels("crisis_level"))
    ).inc()


def health_check_record(*, check: str, is_up: bool, seconds: float) -> None:
    label = label_or_other(check, HEALTH_CHECKS)
    HEALTH_CHECK_UP.labels(check=label).set(1 if is_up else 0)
    HEALTH_CHECK_DURATION.labels(check=label).observe(seconds)


def unavailable_record(*, reason: str) -> None:
    """Count one request answered 503 because a dependency was down."""
    HTTP_UNAVAILABLE.labels(reason=label_or_other(reason, UNAVAILABLE_REASONS)).inc()


def celery_task_record(
    *, task: str, known_tasks: Iterable[str], state: str, seconds: float | None
) -> None:
    """Count a finished task; ``known_tasks`` (the app's registry) bounds the task label."""
    name = label_or_other(task, known_tasks)
    CELERY_TASKS.labels(task=name, state=label_or_other(state, TASK_STATES)).inc()
    if seconds is not None:
        CELERY_TASK_DURATION.labels(task=name).observe(seconds)


def celery_queue_length_set(*, queue: str, known_queues: Iterable[str], length: int) -> None:
    CELERY_QUEUE_LENGTH.labels(queue=label_or_other(queue, known_queues)).set(length)


# ---------------------------------------------------------------------------
# Refreshers and the /metrics view
# ---------------------------------------------------------------------------
Refresher = Callable[[], None]
_refreshers: dict[str, Refresher] = {}
_refreshers_lock = threading.Lock()


def metrics_refresher_register(refresher: Refresher) -> Refresher:
    """Run ``refresher`` before every scrape (usable as a decorator; registering twice is a no-op).

    Apps register theirs in ``AppConfig.ready``. A refresher should be one or two aggregate
    queries; its errors are logged and counted, never turned into a failed scrape.
    """
    key = f"{refresher.__module__}.{refresher.__qualname__}"
    with _refreshers_lock:
        _refreshers[key] = refresher
    # Exported at 0 from the start, so "no errors" is a sample, not a missing series.
    METRICS_REFRESH_ERRORS.labels(refresher=key)
    return refresher


def metrics_refresh() -> None:
    with _refreshers_lock:
        refreshers = list(_refreshers.items())
    for key, refresher in refreshers:
        try:
            refresher()
        except Exception:
            # The scrape must still answer: stale gauges beat a missing /metrics.
            METRICS_REFRESH_ERRORS.labels(refresher=key).inc()
            logger.exception("metrics refresher failed", extra={"refresher": key})


def celery_queue_length_refresh() -> None:
    """Length of each configured Celery queue, when the broker is Redis."""
    from django.conf import settings

    broker = getattr(settings, "CELERY_BROKER_URL", "") or ""
    if not broker.startswith(("redis://", "rediss://")):
        return
    import redis

    queues = list(getattr(settings, "METRICS_CELERY_QUEUES", ["celery"]))
    timeout = float(getattr(settings, "HEALTH_CHECK_TIMEOUT", 1.0))
    client = redis.Redis.from_url(broker, socket_timeout=timeout, socket_connect_timeout=timeout)
    try:
        for queue in queues:
            celery_queue_length_set(queue=queue, known_queues=queues, length=client.llen(queue))
    finally:
        client.close()


metrics_refresher_register(celery_queue_length_refresh)


def metrics_scrape_authorized(request: HttpRequest) -> bool:
    """True when METRICS_TOKEN is unset or the request carries ``Authorization: Bearer <it>``."""
    from django.conf import settings

    expected = str(getattr(settings, "METRICS_TOKEN", "") or "")
    if not expected:
        return True
    scheme, _, presented = request.headers.get("Authorization", "").partition(" ")
    # Constant-time, so the answer's timing says nothing about how much of a guess was right.
    return scheme.lower() == "bearer" and hmac.compare_digest(
        presented.strip().encode(), expected.encode()
    )


def metrics_view(request: HttpRequest) -> HttpResponse:
    """``/metrics``: refresh the stored-data gauges, then django-prometheus's exposition."""
    from django_prometheus.exports import ExportToDjangoView

    if not metrics_scrape_authorized(request):
        # Refused before any refresher runs: an unauthenticated scrape costs no query.
        response = HttpResponse("metrics require a bearer token\n", status=401)
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        response["Content-Type"] = "text/plain; charset=utf-8"
        return response
    metrics_refresh()
    return ExportToDjangoView(request)

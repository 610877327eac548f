"""Metric helpers keep every label inside its closed set and record exact values."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from django.test import override_settings
from prometheus_client import REGISTRY

from core import metrics
from empathy.replies import metrics as empathy_metrics

WHEN = datetime(2026, 3, 4, 14, 30, tzinfo=UTC)


def sample(name: str, labels: dict[str, str] | None = None) -> float:
    return REGISTRY.get_sample_value(name, labels or {}) or 0.0


@pytest.mark.parametrize(
    ("count", "bucket"),
    [(0, "short"), (5, "short"), (6, "medium"), (15, "medium"), (16, "long"), (40, "long"),
     (41, "extended"), (-1, "other"), (True, "other")],
)  # fmt: skip
def test_conversation_length_bucket(count: int, bucket: str) -> None:
    assert metrics.conversation_length_bucket(count) == bucket


@pytest.mark.parametrize(
    ("hour", "part"),
    [(0, "night"), (5, "night"), (6, "morning"), (11, "morning"), (12, "afternoon"),
     (17, "afternoon"), (18, "evening"), (23, "evening")],
)  # fmt: skip
def test_time_of_day_buckets_hours(hour: int, part: str) -> None:
    assert metrics.time_of_day(WHEN.replace(hour=hour)) == part


@override_settings(TIME_ZONE="America/New_York")
def test_time_of_day_uses_the_configured_time_zone() -> None:
    # 02:00 UTC is 21:00 the evening before in New York (EST).
    assert metrics.time_of_day(datetime(2026, 1, 10, 2, 0, tzinfo=UTC)) == "evening"


@pytest.mark.parametrize(
    ("confidence", "bucket"),
    [(0.0, "low"), (0.49, "low"), (0.5, "medium"), (0.79, "medium"), (0.8, "high"),
     (1.0, "high"), (float("nan"), "other")],
)  # fmt: skip
def test_confidence_bucket(confidence: float, bucket: str) -> None:
    assert metrics.confidence_bucket(confidence) == bucket


def test_escalation_record_counts_one_with_bucketed_labels() -> None:
    labels = {
        "escalation_reason": "crisis_indicators",
        "emotion_type": "sadness",
        "conversation_length": "medium",
        "time_of_day": "afternoon",
    }
    before = sample("human_escalations_total", labels)
    metrics.escalation_record(
        reason="crisis_indicators", emotion_type="sadness", conversation_length=7, when=WHEN
    )
    assert sample("human_escalations_total", labels) == before + 1


def test_response_generation_lands_in_the_right_bucket() -> None:
    labels = {
        "emotion_category": "negative",
        "response_strategy": "validate_then_solve",
        "escalation_triggered": "false",
    }
    le3 = sample("empathic_response_generation_duration_seconds_bucket", {**labels, "le": "3.0"})
    le2 = sample("empathic_response_generation_duration_seconds_bucket", {**labels, "le": "2.0"})
    metrics.response_generation_observe(
        emotion_category="negative",
        response_strategy="validate_then_solve",
        escalation_triggered=False,
        seconds=2.5,
    )
    name = "empathic_response_generation_duration_seconds_bucket"
    assert sample(name, {**labels, "le": "3.0"}) == le3 + 1
    assert sample(name, {**labels, "le": "2.0"}) == le2


def test_emotional_intensity_avg_is_the_mean_of_the_window() -> None:
    metrics.INTENSITY_WINDOW.clear()
    try:
        assert sample("emotional_intensity_avg") == 0.0
        for value in (0.2, 0.4, 1.7):  # 1.7 is clamped to 1.0
            metrics.emotional_intensity_observe(
                intensity=value,
                emotion_category="negative",
                user_segment="new",
                resolution_path="in_progress",
            )
        assert sample("emotional_intensity_avg") == pytest.approx((0.2 + 0.4 + 1.0) / 3)
    finally:
        metrics.INTENSITY_WINDOW.clear()


def test_nan_intensity_is_not_recorded() -> None:
    labels = {
        "emotion_category": "anxious",
        "user_segment": "returning",
        "resolution_path": "agent",
    }
    before = sample("emotional_intensity_distribution_count", labels)
    metrics.emotional_intensity_observe(
        intensity=float("nan"),
        emotion_category="anxious",
        user_segment="returning",
        resolution_path="agent",
    )
    assert sample("emotional_intensity_distribution_count", labels) == before


def test_rolling_mean_forgets_values_older_than_the_window() -> None:
    window = metrics._RollingMean(window=300.0)
    window.add(0.9, now=1000.0)
    window.add(0.3, now=1200.0)
    assert window.mean(now=1250.0) == pytest.approx(0.6)
    assert window.mean(now=1350.0) == pytest.approx(0.3)
    assert window.mean(now=1600.0) == 0.0


JUNK = ["3f1c2a9e-8d6b-4c1e-9a7f-2b5d8e0c4a11", "I want to talk to a person!", "", "OTHER"]

# Each case: the helper call with one label given a junk value, the sample read back, and the
# labels that sample must carry (the junk label as "other").
Case = tuple[Callable[[str], None], str, dict[str, str]]
CASES: dict[str, Case] = {
    "accuracy.emotion_type": (
        lambda v: metrics.emotion_detection_accuracy_set(
            emotion_type=v, detection_method="onnx", confidence="high", accuracy=0.42
        ),
        "emotion_detection_accuracy",
        {"emotion_type": "other", "detection_method": "onnx", "confidence_bucket": "high"},
    ),
    "accuracy.detection_method": (
        lambda v: metrics.emotion_detection_accuracy_set(
            emotion_type="joy", detection_method=v, confidence="low", accuracy=0.42
        ),
        "emotion_detection_accuracy",
        {"emotion_type": "joy", "detection_method": "other", "confidence_bucket": "low"},
    ),
    "accuracy.confidence_bucket": (
        lambda v: metrics.emotion_detection_accuracy_set(
            emotion_type="joy", detection_method="llm", confidence=v, accuracy=0.42
        ),
        "emotion_detection_accuracy",
        {"emotion_type": "joy", "detection_method": "llm", "confidence_bucket": "other"},
    ),
    "generation.emotion_category": (
        lambda v: metrics.response_generation_observe(
            emotion_category=v, response_strategy="inform", escalation_triggered=True, seconds=1
        ),
        "empathic_response_generation_duration_seconds_count",
        {
            "emotion_category": "other",
            "response_strategy": "inform",
            "escalation_triggered": "true",
        },
    ),
    "generation.response_strategy": (
        lambda v: metrics.response_generation_observe(
            emotion_category="anxious", response_strategy=v, escalation_triggered=True, seconds=1
        ),
        "empathic_response_generation_duration_seconds_count",
        {
            "emotion_category": "anxious",
            "response_strategy": "other",
            "escalation_triggered": "true",
        },
    ),
    "escalation.reason": (
        lambda v: metrics.escalation_record(
            reason=v, emotion_type="anger", conversation_length=50, when=WHEN.replace(hour=2)
        ),
        "human_escalations_total",
        {
            "escalation_reason": "other",
            "emotion_type": "anger",
            "conversation_length": "extended",
            "time_of_day": "night",
        },
    ),
    "escalation.emotion_type": (
        lambda v: metrics.escalation_record(
            reason="user_request", emotion_type=v, conversation_length=1, when=WHEN
        ),
        "human_escalations_total",
        {
            "escalation_reason": "user_request",
            "emotion_type": "other",
            "conversation_length": "short",
            "time_of_day": "afternoon",
        },
    ),
    "satisfaction.primary_emotion": (
        lambda v: metrics.user_satisfaction_set(
            primary_emotion=v, response_strategy="celebrate", resolution_achieved=True, average=4
        ),
        "user_satisfaction_by_emotion",
        {
            "primary_emotion": "other",
            "response_strategy": "celebrate",
            "resolution_achieved": "true",
        },
    ),
    "satisfaction.response_strategy": (
        lambda v: metrics.user_satisfaction_set(
            primary_emotion="relief", response_strategy=v, resolution_achieved=False, average=4
        ),
        "user_satisfaction_by_emotion",
        {"primary_emotion": "relief", "response_strategy": "other", "resolution_achieved": "false"},
    ),
    "intensity.emotion_category": (
        lambda v: metrics.emotional_intensity_observe(
            intensity=0.5, emotion_category=v, user_segment="returning", resolution_path="bot"
        ),
        "emotional_intensity_distribution_count",
        {"emotion_category": "other", "user_segment": "returning", "resolution_path": "bot"},
    ),
    "intensity.user_segment": (
        lambda v: metrics.emotional_intensity_observe(
            intensity=0.5, emotion_category="neutral", user_segment=v, resolution_path="agent"
        ),
        "emotional_intensity_distribution_count",
        {"emotion_category": "neutral", "user_segment": "other", "resolution_path": "agent"},
    ),
    "intensity.resolution_path": (
        lambda v: metrics.emotional_intensity_observe(
            intensity=0.5, emotion_category="neutral", user_segment="new", resolution_path=v
        ),
        "emotional_intensity_distribution_count",
        {"emotion_category": "neutral", "user_segment": "new", "resolution_path": "other"},
    ),
    "length.emotion_type": (
        lambda v: metrics.conversation_length_observe(
            emotion_type=v, successful_resolution=True, message_count=9
        ),
        "conversation_length_by_emotion_count",
        {"emotion_type": "other", "successful_resolution": "true"},
    ),
    "failover.primary_service": (
        lambda v: empathy_metrics.ai_failover_record(
            primary_service=v, backup_service="offline", failure_reason="timeout"
        ),
        "ai_service_failovers_total",
        {"primary_service": "other", "backup_service": "offline", "failure_reason": "timeout"},
    ),
    "failover.backup_service": (
        lambda v: empathy_metrics.ai_failover_record(
            primary_service="primary", backup_service=v, failure_reason="rate_limited"
        ),
        "ai_service_failovers_total",
        {"primary_service": "primary", "backup_service": "other", "failure_reason": "rate_limited"},
    ),
    "failover.failure_reason": (
        lambda v: empathy_metrics.ai_failover_record(
            primary_service="primary", backup_service="fallback", failure_reason=v
        ),
        "ai_service_failovers_total",
        {"primary_service": "primary", "backup_service": "fallback", "failure_reason": "other"},
    ),
    "queue.urgency": (
        lambda v: metrics.escalation_wait_observe(urgency=v, seconds=12),
        "escalation_wait_seconds_count",
        {"urgency": "other"},
    ),
    "health.check": (
        lambda v: metrics.health_check_record(check=v, is_up=True, seconds=0.01),
        "health_check_duration_seconds_count",
        {"check": "other"},
    ),
    "celery.task": (
        lambda v: metrics.celery_task_record(
            task=v,
            known_tasks={"conversations.tasks.message_process"},
            state="failed",
            seconds=0.2,
        ),
        "celery_tasks_total",
        {"task": "other", "state": "failed"},
    ),
    "celery.state": (
        lambda v: metrics.celery_task_record(
            task="conversations.tasks.message_process",
            known_tasks={"conversations.tasks.message_process"},
            state=v,
            seconds=None,
        ),
        "celery_tasks_total",
        {"task": "conversations.tasks.message_process", "state": "other"},
    ),
}


@pytest.mark.parametrize("junk", JUNK, ids=["uuid", "free-text", "empty", "wrong-case"])
@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_unknown_label_values_map_to_other(case: str, junk: str) -> None:
    call, name, labels = CASES[case]
    before = sample(name, labels)
    call(junk)
    after = sample(name, labels)
    if name.endswith(("_total", "_count")):
        assert after == before + 1
    else:
        assert after == (4.0 if name == "user_satisfaction_by_emotion" else 0.42)
    as_given = {k: (junk if v == "other" else v) for k, v in labels.items()}
    assert REGISTRY.get_sample_value(name, as_given) is None


def test_no_exported_label_value_is_outside_the_closed_sets() -> None:
    closed = {
        "emotion_type": metrics.closed_labels("emotion_type"),
        "primary_emotion": metrics.closed_labels("emotion_type"),
        "emotion_category": metrics.closed_labels("emotion_category"),
        "detection_method": metrics.DETECTION_METHODS,
        "confidence_bucket": set(metrics.CONFIDENCE_BUCKETS),
        "response_strategy": metrics.closed_labels("response_strategy"),
        "escalation_reason": metrics.closed_labels("escalation_reason"),
        "conversation_length": set(metrics.CONVERSATION_LENGTHS),
        "time_of_day": set(metrics.TIMES_OF_DAY),
        "user_segment": metrics.USER_SEGMENTS,
        "resolution_path": metrics.RESOLUTION_PATHS,
        "primary_service": empathy_metrics.AI_SERVICES,
        "backup_service": empathy_metrics.AI_SERVICES,
        "failure_reason": empathy_metrics.FAILURE_REASONS,
        "urgency": metrics.closed_labels("urgency"),
        "check": metrics.HEALTH_CHECKS,
        "escalation_triggered": {"true", "false"},
        "resolution_achieved": {"true", "false"},
        "successful_resolution": {"true", "false"},
    }
    for call, _, _ in CASES.values():
        call("a visitor's free text 123")
    seen = 0
    for family in REGISTRY.collect():
        for s in family.samples:
            for label, value in s.labels.items():
                if label in closed:
                    seen += 1
                    assert value in closed[label] | {"other"}, (s.name, label, value)
    assert seen > 0


def test_refresher_runs_on_scrape_and_its_failure_is_counted(client) -> None:  # type: ignore[no-untyped-def]
    calls: list[int] = []

    def good_refresher() -> None:
        calls.append(1)
        metrics.escalation_queue_set(
            urgency="critical", depth=3, oldest_wait_seconds=95.0, unclaimed_past_sla=1
        )

    def broken_refresher() -> None:
        raise RuntimeError("database went away")

    key = f"{broken_refresher.__module__}.{broken_refresher.__qualname__}"
    metrics.metrics_refresher_register(good_refresher)
    metrics.metrics_refresher_register(good_refresher)  # twice is once
    metrics.metrics_refresher_register(broken_refresher)
    errors_before = sample("metrics_refresh_errors_total", {"refresher": key})
    try:
        response = client.get("/metrics")
    finally:
        for fn in (good_refresher, broken_refresher):
            metrics._refreshers.pop(f"{fn.__module__}.{fn.__qualname__}")
    assert response.status_code == 200
    assert calls == [1]
    body = response.content.decode()
    assert 'escalation_queue_depth{urgency="critical"} 3.0' in body
    assert 'escalation_unclaimed_past_sla{urgency="critical"} 1.0' in body
    assert sample("metrics_refresh_errors_total", {"refresher": key}) == errors_before + 1


@pytest.mark.redis
def test_celery_queue_length_reads_the_redis_broker(settings) -> None:  # type: ignore[no-untyped-def]
    import redis

    queue = "metrics-test-queue"
    settings.METRICS_CELERY_QUEUES = [queue]
    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    client.delete(queue)
    client.rpush(queue, "a", "b", "c")
    try:
        metrics.celery_queue_length_refresh()
    finally:
        client.delete(queue)
        client.close()
    assert sample("celery_queue_length", {"queue": queue}) == 3.0


@override_settings(CELERY_BROKER_URL="memory://")
def test_celery_queue_length_is_skipped_without_a_redis_broker() -> None:
    before = sample("celery_queue_length", {"queue": "skipped-queue"})
    with override_settings(METRICS_CELERY_QUEUES=["skipped-queue"]):
        metrics.celery_queue_length_refresh()
    assert before == 0.0
    assert REGISTRY.get_sample_value("celery_queue_length", {"queue": "skipped-queue"}) is None


def test_every_reply_strategy_is_a_metric_label() -> None:
    from core import metrics
    from empathy.replies import STRATEGIES

    assert frozenset(STRATEGIES) == metrics.closed_labels("response_strategy")


@pytest.fixture
def scrape_counter() -> Iterator[Callable[[], list[int]]]:
    calls: list[int] = []

    def counting_refresher() -> None:
        calls.append(1)

    metrics.metrics_refresher_register(counting_refresher)
    yield lambda: calls
    metrics._refreshers.pop(f"{counting_refresher.__module__}.{counting_refresher.__qualname__}")


@pytest.mark.parametrize(
    "authorization",
    [
        pytest.param(None, id="no-header"),
        pytest.param("Bearer wrong-token", id="wrong-token"),
        pytest.param("Bearer metrics-s3cret-tail", id="token-with-suffix"),
        pytest.param("Basic bWV0cmljcy1zM2NyZXQ=", id="basic-scheme"),
        pytest.param("metrics-s3cret", id="no-scheme"),
    ],
)
def test_metrics_token_refuses_a_scrape_without_it(  # type: ignore[no-untyped-def]
    client, settings, scrape_counter, authorization: str | None
) -> None:
    settings.METRICS_TOKEN = "metrics-s3cret"
    headers = {} if authorization is None else {"Authorization": authorization}
    response = client.get("/metrics", headers=headers, HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="metrics"'
    assert response.content == b"metrics require a bearer token\n"
    # Refused before the refreshers: an unauthenticated scrape runs no aggregate query.
    assert scrape_counter() == []


def test_metrics_token_admits_the_bearer(client, settings, scrape_counter) -> None:  # type: ignore[no-untyped-def]
    settings.METRICS_TOKEN = "metrics-s3cret"
    response = client.get(
        "/metrics", headers={"Authorization": "Bearer metrics-s3cret"}, HTTP_HOST="10.0.0.7:8000"
    )
    assert response.status_code == 200
    assert scrape_counter() == [1]
    assert "metrics_refresh_errors_total" in response.content.decode()


def test_metrics_are_open_without_a_token(client, settings, scrape_counter) -> None:  # type: ignore[no-untyped-def]
    settings.METRICS_TOKEN = ""
    response = client.get("/metrics")
    assert response.status_code == 200
    assert scrape_counter() == [1]

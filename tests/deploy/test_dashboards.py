"""Dashboards and alert rules use only metric names a real scrape of the app exports."""

from __future__ import annotations

import importlib.util
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import promql_parser
import pytest
import yaml
from prometheus_client.parser import text_string_to_metric_families

from core import metrics
from empathy.replies import metrics as empathy_metrics

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"

# Metrics that Prometheus itself or an exporter outside the app produces. `up` is written by
# Prometheus for every target. No celery/redis/postgres exporter is required: queue length,
# task outcomes and dependency health come from the app (celery_queue_length, celery_tasks_total,
# health_check_up). Add an exporter's names here only together with the exporter.
EXTERNAL_METRICS = frozenset({"up"})


def _load_dashboard_queries() -> Any:
    spec = importlib.util.spec_from_file_location(
        "dashboard_queries", DEPLOY / "dashboard_queries.py"
    )
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.dashboard_queries()


def metric_names(expr: str) -> set[str]:
    """Every metric name a PromQL expression selects (parsed, not pattern-matched)."""
    names: set[str] = set()

    def walk(node: Any) -> None:
        if node is None or isinstance(node, str | int | float):
            return
        if isinstance(node, list | tuple):
            for item in node:
                walk(item)
            return
        kind = type(node).__name__
        if kind == "VectorSelector":
            assert node.name, f"selector without a metric name in {expr!r}"
            names.add(node.name)
            return
        for attr in ("lhs", "rhs", "expr", "args", "param", "vector_selector"):
            if hasattr(node, attr):
                walk(getattr(node, attr))

    walk(promql_parser.parse(expr))
    return names


def alert_queries() -> list[tuple[str, str]]:
    rules = yaml.safe_load((DEPLOY / "prometheus" / "alerts.yml").read_text())
    return [(rule["alert"], rule["expr"]) for group in rules["groups"] for rule in group["rules"]]


def touch_every_metric() -> None:
    """One observation through every helper, so each family has samples in the scrape."""
    when = datetime(2026, 1, 1, 12, tzinfo=UTC)
    metrics.emotion_detection_accuracy_set(
        emotion_type="anger", detection_method="onnx", confidence="high", accuracy=0.8
    )
    metrics.response_generation_observe(
        emotion_category="negative",
        response_strategy="validate_then_solve",
        escalation_triggered=False,
        seconds=0.4,
    )
    metrics.escalation_record(
        reason="user_request", emotion_type="anger", conversation_length=3, when=when
    )
    metrics.user_satisfaction_set(
        primary_emotion="anger", response_strategy="inform", resolution_achieved=True, average=4.5
    )
    metrics.emotional_intensity_observe(
        intensity=0.7, emotion_category="negative", user_segment="new", resolution_path="bot"
    )
    metrics.conversation_length_observe(
        emotion_type="anger", successful_resolution=True, message_count=6
    )
    empathy_metrics.ai_failover_record(
        primary_service="primary", backup_service="fallback", failure_reason="timeout"
    )
    metrics.escalation_queue_set(
        urgency="critical", depth=1, oldest_wait_seconds=30, unclaimed_past_sla=0
    )
    metrics.escalation_wait_observe(urgency="critical", seconds=20)
    metrics.health_check_record(check="database", is_up=True, seconds=0.002)
    metrics.celery_task_record(task="t", known_tasks={"t"}, state="succeeded", seconds=0.1)
    metrics.celery_queue_length_set(queue="celery", known_queues=["celery"], length=0)
    metrics.METRICS_REFRESH_ERRORS.labels(refresher="none")


@pytest.fixture(scope="module")
def exported(django_db_blocker) -> set[str]:  # type: ignore[no-untyped-def]
    """Sample names (with _bucket/_sum/_count/_total suffixes) from a real GET /metrics."""
    from django.test import Client

    touch_every_metric()
    client = Client()
    with django_db_blocker.unblock():
        assert client.get("/").status_code == 200  # fills the django_http_* families
    response = client.get("/metrics")
    assert response.status_code == 200
    names: set[str] = set()
    for family in text_string_to_metric_families(response.content.decode()):
        names.add(family.name)
        names.update(sample.name for sample in family.samples)
    return names


def test_dashboards_exist_with_queries() -> None:
    queries = _load_dashboard_queries()
    files = {dashboard for dashboard, _, _ in queries}
    assert files == {
        "emotional-overview.json",
        "escalations-sla.json",
        "ai-providers.json",
        "system.json",
    }
    assert len(queries) >= 30


def test_every_dashboard_panel_uses_the_provisioned_datasource() -> None:
    for path in (DEPLOY / "grafana" / "dashboards").glob("*.json"):
        dashboard = json.loads(path.read_text())
        assert dashboard["uid"].startswith("empathy-")
        for panel in dashboard["panels"]:
            assert panel["datasource"] == {"type": "prometheus", "uid": "prometheus"}, path.name
    provisioning = yaml.safe_load(
        (DEPLOY / "grafana" / "provisioning" / "datasources" / "prometheus.yml").read_text()
    )
    assert provisioning["datasources"][0]["uid"] == "prometheus"


@pytest.mark.parametrize(
    ("source", "expr"),
    [(f"{d}: {t}", e) for d, t, e in _load_dashboard_queries()]
    + [(f"alert {name}", expr) for name, expr in alert_queries()],
)
def test_query_uses_only_exported_metrics(source: str, expr: str, exported: set[str]) -> None:
    names = metric_names(expr)
    assert names, f"{source}: no metric in {expr!r}"
    unknown = sorted(names - exported - EXTERNAL_METRICS)
    assert not unknown, f"{source} uses metrics the app does not export: {unknown}"


def test_scrape_has_every_emotional_metric_of_the_design(exported: set[str]) -> None:
    assert {
        "emotion_detection_accuracy",
        "empathic_response_generation_duration_seconds_bucket",
        "human_escalations_total",
        "user_satisfaction_by_emotion",
        "emotional_intensity_distribution_bucket",
        "conversation_length_by_emotion_bucket",
        "ai_service_failovers_total",
        "emotional_intensity_avg",
        "escalation_queue_depth",
        "escalation_wait_seconds_bucket",
        "django_http_responses_total_by_status_total",
        "process_resident_memory_bytes",
    } <= exported


def test_metric_name_extraction_reads_the_ast() -> None:
    expr = (
        'histogram_quantile(0.95, sum by (le) (rate(a_bucket{x="by (b)"}[5m]))) > 3 '
        "and on() (c offset 1d) or absent(d) unless -e[5m:1m] / ignoring(le) f"
    )
    with pytest.raises(ValueError, match="unary"):
        metric_names(expr)
    expr = expr.replace("-e[5m:1m]", "max_over_time(e[5m:1m])")
    assert metric_names(expr) == {"a_bucket", "c", "d", "e", "f"}

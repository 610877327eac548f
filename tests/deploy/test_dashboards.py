"""Dashboards and alert rules use only metric names a real scrape of the app exports."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import promql_parser
import pytest
import yaml

from tests.services_plugin import DEFAULT_REDIS_URL

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


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """Sample names from a real GET /metrics after one support story (messages, a failover,
    an escalation, a resolution, a rating, a readiness probe) in a fresh process: only code
    paths feed it, so a series nothing records in production is missing here too."""
    db = tmp_path_factory.mktemp("story") / "db.sqlite3"
    # Its own Redis database: the broker's queue-length gauge reads a real queue.
    redis_url = os.environ.get("REDIS_URL", DEFAULT_REDIS_URL).rsplit("/", 1)[0] + "/11"
    result = subprocess.run(
        [sys.executable, "-m", "tests.deploy.metrics_scenario", str(db), redis_url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return set(result.stdout.split())


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


@pytest.mark.redis
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


@pytest.mark.redis
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

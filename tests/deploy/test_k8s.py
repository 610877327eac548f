"""Kubernetes manifests and docker-compose cover every setting and the health endpoints."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "deploy" / "k8s"
APP_DEPLOYMENTS = {"empathy-desk-web", "empathy-desk-worker", "empathy-desk-beat"}


def settings_env_vars() -> set[str]:
    source = (ROOT / "config" / "settings.py").read_text()
    return set(re.findall(r'env_(?:str|bool|int|float|list)\(\s*"([A-Z0-9_]+)"', source))


def manifests() -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = []
    for path in sorted(K8S.glob("*.yaml")):
        docs.extend(doc for doc in yaml.safe_load_all(path.read_text()) if doc)
    return docs


def by_kind(kind: str) -> dict[str, dict[str, Any]]:
    return {d["metadata"]["name"]: d for d in manifests() if d["kind"] == kind}


def test_settings_reads_the_env_vars_this_test_knows_about() -> None:
    # Guards the regex: if it silently matched nothing, the next test would pass vacuously.
    assert {"DATABASE_URL", "REDIS_URL", "SENTRY_DSN", "WORKER_METRICS_PORT"} <= settings_env_vars()


def test_every_env_var_is_in_the_configmap_or_the_secret() -> None:
    config = by_kind("ConfigMap")["empathy-desk-config"]["data"]
    secret = by_kind("Secret")["empathy-desk-secrets"]["stringData"]
    assert not set(config) & set(secret), "a key must live in one place"
    missing = sorted(settings_env_vars() - set(config) - set(secret))
    assert not missing, f"add to deploy/k8s/configmap.yaml or secret.yaml: {missing}"


def test_credentials_live_in_the_secret() -> None:
    secret = by_kind("Secret")["empathy-desk-secrets"]["stringData"]
    for name in settings_env_vars():
        if name.endswith(("_KEY", "_DSN", "_URL")) and "BASE_URL" not in name:
            assert name in secret, name


def test_every_app_container_reads_both() -> None:
    deployments = by_kind("Deployment")
    assert set(deployments) == APP_DEPLOYMENTS
    for name, deployment in deployments.items():
        for container in deployment["spec"]["template"]["spec"]["containers"]:
            refs = {
                ("config", e["configMapRef"]["name"]) if "configMapRef" in e
                else ("secret", e["secretRef"]["name"])
                for e in container["envFrom"]
            }  # fmt: skip
            assert refs == {
                ("config", "empathy-desk-config"),
                ("secret", "empathy-desk-secrets"),
            }, name


def test_web_probes_hit_the_health_endpoints() -> None:
    pod = by_kind("Deployment")["empathy-desk-web"]["spec"]["template"]["spec"]
    [web] = pod["containers"]
    assert web["livenessProbe"]["httpGet"]["path"] == "/health/live"
    assert web["readinessProbe"]["httpGet"]["path"] == "/health/ready"
    assert web["startupProbe"]["httpGet"]["path"] == "/health/live"
    assert web["lifecycle"]["preStop"]["exec"]["command"] == ["sleep", "10"]
    assert pod["terminationGracePeriodSeconds"] > 10 + 25


def test_app_deployments_roll_safely_and_spread() -> None:
    for name in ("empathy-desk-web", "empathy-desk-worker"):
        spec = by_kind("Deployment")[name]["spec"]
        assert spec["strategy"] == {
            "type": "RollingUpdate",
            "rollingUpdate": {"maxSurge": 1, "maxUnavailable": 0},
        }
        pod = spec["template"]["spec"]
        assert pod["affinity"]["podAntiAffinity"]
        assert pod["securityContext"]["runAsNonRoot"] is True
        volumes = {v["name"] for v in pod["volumes"]}
        assert "model-cache" in volumes
        [container] = pod["containers"]
        assert container["resources"]["requests"]
        assert container["resources"]["limits"]
        assert "preStop" in container["lifecycle"]
        assert any(m["mountPath"] == "/model-cache" for m in container["volumeMounts"])
    config = by_kind("ConfigMap")["empathy-desk-config"]["data"]
    assert config["EMOTION_MODEL_DIR"].startswith("/model-cache/")


def test_beat_is_a_singleton() -> None:
    spec = by_kind("Deployment")["empathy-desk-beat"]["spec"]
    assert spec["replicas"] == 1
    assert spec["strategy"] == {"type": "Recreate"}


def test_worker_hpa_scales_on_cpu_memory_and_emotional_intensity() -> None:
    hpa = by_kind("HorizontalPodAutoscaler")["empathy-desk-worker"]
    assert hpa["apiVersion"] == "autoscaling/v2"
    kinds = {
        m["resource"]["name"] if m["type"] == "Resource" else m["pods"]["metric"]["name"]
        for m in hpa["spec"]["metrics"]
    }
    assert kinds == {"cpu", "memory", "emotional_intensity_avg"}


def test_empty_configmap_value_keeps_the_settings_default() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CELERY_"))}
    env.update({"REDIS_URL": "redis://cache:6379/0", "CELERY_BROKER_URL": "", "OPENAI_MODEL": ""})
    code = "import config.settings as s; print(s.CELERY_BROKER_URL, s.OPENAI_MODEL)"
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.split() == ["redis://cache:6379/0", "gpt-4o"]


def test_compose_runs_every_role_and_provisions_grafana() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    assert {"postgres", "redis", "web", "worker", "beat", "prometheus", "grafana"} <= set(services)
    assert services["worker"]["command"][:4] == ["celery", "-A", "config", "worker"]
    assert services["beat"]["command"][:4] == ["celery", "-A", "config", "beat"]
    assert services["web"]["environment"]["REDIS_URL"] == "redis://redis:6379/0"
    grafana_mounts = services["grafana"]["volumes"]
    assert "./deploy/grafana/provisioning:/etc/grafana/provisioning:ro" in grafana_mounts
    assert "./deploy/grafana/dashboards:/var/lib/grafana/dashboards:ro" in grafana_mounts
    prometheus = yaml.safe_load((ROOT / "deploy" / "prometheus" / "prometheus.yml").read_text())
    jobs = {job["job_name"] for job in prometheus["scrape_configs"]}
    assert {"empathy-web", "empathy-worker"} <= jobs


def test_dockerfile_runs_as_non_root_with_a_healthcheck() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    final_stage = dockerfile.split("\nFROM ")[-1]
    assert final_stage.startswith("python:3.11-slim")
    assert "USER 10001:10001" in final_stage
    assert "/health/live" in final_stage
    assert "apt-get" not in final_stage
    assert "gcc" not in final_stage
    assert 'CMD ["uvicorn", "config.asgi:application"' in final_stage
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert "empathy/models" not in ignored
    assert ".venv" in ignored


def test_prometheus_sends_the_metrics_token_compose_gives_both() -> None:
    prometheus = yaml.safe_load((ROOT / "deploy" / "prometheus" / "prometheus.yml").read_text())
    web = next(job for job in prometheus["scrape_configs"] if job["job_name"] == "empathy-web")
    assert web["authorization"] == {
        "type": "Bearer",
        "credentials_file": "/run/secrets/metrics_token",
    }
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    assert compose["secrets"]["metrics_token"] == {"environment": "METRICS_TOKEN"}
    assert compose["services"]["prometheus"]["secrets"] == ["metrics_token"]
    for role in ("web", "worker", "beat", "migrate"):
        env = compose["services"][role]["environment"]
        assert env["METRICS_TOKEN"] == "${METRICS_TOKEN:?set METRICS_TOKEN}", role
    secret = by_kind("Secret")["empathy-desk-secrets"]["stringData"]
    assert secret["METRICS_TOKEN"] == ""

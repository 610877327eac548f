#!/usr/bin/env bash
# Lints the deployment: Dockerfile (hadolint), Kubernetes manifests (kubernetes-validate
# --strict), Prometheus config and alert rules (promtool check + the rule unit tests), and every
# Grafana dashboard query (parsed by promtool as recording rules). .ci/run calls it before the
# tests; the metric names the queries use are checked against a real scrape in
# tests/deploy/test_dashboards.py. Needs requirements-dev.txt in .venv and promtool (Debian
# package `prometheus`).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${VENV:-.venv}/bin"

for tool in "$BIN/hadolint" "$BIN/kubernetes-validate" "$(command -v promtool || true)"; do
  if [ -z "$tool" ] || [ ! -x "$tool" ]; then
    echo "deploy/check: missing tool ${tool:-promtool} (pip install -r requirements-dev.txt; apt-get install prometheus)" >&2
    exit 1
  fi
done

echo "deploy/check: hadolint Dockerfile"
"$BIN/hadolint" Dockerfile

echo "deploy/check: kubernetes-validate --strict deploy/k8s"
"$BIN/kubernetes-validate" --strict --quiet deploy/k8s/*.yaml

echo "deploy/check: promtool (config, rules, rule tests)"
# --syntax-only: the bearer token file (/run/secrets/metrics_token) exists only in the container.
promtool check config --syntax-only deploy/prometheus/prometheus.yml
promtool check rules deploy/prometheus/alerts.yml
promtool test rules deploy/prometheus/alerts_test.yml

echo "deploy/check: dashboard queries parse as PromQL"
rules="$(mktemp --suffix=.yml)"
trap 'rm -f "$rules"' EXIT
"$BIN/python" deploy/dashboard_queries.py --rules "$rules"
promtool check rules "$rules"

echo "deploy/check: all passed"

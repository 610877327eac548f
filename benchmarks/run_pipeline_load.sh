#!/usr/bin/env bash
# Starts Empathy Desk in production mode (PostgreSQL, Redis, one Celery worker, uvicorn) on
# loopback, runs benchmarks/pipeline_load.py against it, and stops everything again.
#   bash benchmarks/run_pipeline_load.sh [pipeline_load.py options, e.g. --sessions 200 --duration 60]
# Uses its own database (empathy_bench, recreated) and Redis db 14 so it never touches real data.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-8700}
export DATABASE_URL=${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/empathy_bench}
export REDIS_URL=${BENCH_REDIS_URL:-redis://127.0.0.1:6379/14}
export DJANGO_DEBUG=false DJANGO_HTTPS=false DJANGO_SECRET_KEY=bench-only-secret-not-for-production
export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
# Every simulated visitor comes from 127.0.0.1: the per-IP limits must admit them all.
export WIDGET_RATE_CREATE_IP=100000/minute WIDGET_RATE_IP=1000000/minute
export LOG_LEVEL=WARNING WORKER_METRICS_PORT=0
PY=.venv/bin/python
db=${DATABASE_URL##*/}
psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
.venv/bin/redis-cli -u "$REDIS_URL" FLUSHDB >/dev/null 2>&1 || $PY -c "import redis,os; redis.from_url(os.environ['REDIS_URL']).flushdb()"
$PY manage.py migrate --noinput -v 0
$PY manage.py seed_demo --origin "http://127.0.0.1:$PORT" >/dev/null
logs=$(mktemp -d)
# One thread: the offline pipeline is CPU-bound, and on these 2 cores a second thread only adds
# GIL and ONNX Runtime contention (2 threads: ~30 ms worker CPU per message, 1: ~24 ms).
.venv/bin/celery -A config worker -l WARNING --concurrency "${BENCH_WORKER_CONCURRENCY:-1}" \
  --pool "${BENCH_WORKER_POOL:-threads}" >"$logs/worker.log" 2>&1 &
worker=$!
.venv/bin/uvicorn config.asgi:application --host 127.0.0.1 --port "$PORT" --lifespan off \
  --workers "${BENCH_WEB_WORKERS:-1}" --no-access-log >"$logs/web.log" 2>&1 &
web=$!
trap 'kill $worker $web 2>/dev/null; wait $worker $web 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$PORT/health/live" >/dev/null 2>&1 && break; sleep 0.5
done
echo "server: uvicorn (${BENCH_WEB_WORKERS:-1} process(es)) + celery worker (${BENCH_WORKER_POOL:-threads} x${BENCH_WORKER_CONCURRENCY:-1}); logs in $logs"
# CPU seconds of a process and its children (uvicorn --workers forks them).
cpu() { ps -o cputimes= --pid "$1" --ppid "$1" | awk '{s+=$1} END {print s+0}'; }
web_cpu0=$(cpu $web); worker_cpu0=$(cpu $worker)
set +e
$PY benchmarks/pipeline_load.py "http://127.0.0.1:$PORT" "$@"
status=$?
echo "server CPU during the run: web $(( $(cpu $web) - web_cpu0 )) s, worker $(( $(cpu $worker) - worker_cpu0 )) s"
errors=$(grep -c -E "ERROR|Traceback" "$logs/web.log" "$logs/worker.log" | paste -sd' ')
echo "server log errors (web, worker): $errors"
exit $status

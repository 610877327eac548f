#!/usr/bin/env bash
# The README's first command, the way a newcomer runs it: a fresh clone in a temporary folder,
# `make run` (which builds .venv from requirements.txt alone) on a free PORT, then a widget
# conversation whose visitor message must get a bot reply over the websocket. No dev packages,
# no services: the embedded default only. A failure prints the server log.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM -- "-$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

started=$SECONDS
git clone --quiet --no-local "$repo" "$work/main"
cd "$work/main"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

# A newcomer's shell has none of CI's service settings: the embedded default must be enough.
setsid env -u DATABASE_URL -u REDIS_URL -u CELERY_BROKER_URL -u CI PORT="$port" \
  make run >"$work/server.log" 2>&1 &
server_pid=$!

fail() {
  echo "smoke: FAILED: $1" >&2
  echo "---- make run output ----" >&2
  tail -n 80 "$work/server.log" >&2
  exit 1
}

deadline=$((SECONDS + 150))
until python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$port/health/live', timeout=2)" 2>/dev/null; do
  kill -0 "$server_pid" 2>/dev/null || fail "make run exited before the server answered"
  [ $SECONDS -lt $deadline ] || fail "no answer on port $port within 150 s"
  sleep 1
done
echo "smoke: make run answered on port $port after $((SECONDS - started)) s"

# The client runs on the venv make run built, so it also proves that venv is complete.
.venv/bin/python "$repo/.ci/smoke_client.py" "http://127.0.0.1:$port" || fail "no bot reply"
# Nothing from the dev requirements may have slipped into that venv.
if .venv/bin/python -c "import pytest" 2>/dev/null; then
  fail "the venv make run built contains pytest: it was not built from requirements.txt alone"
fi
echo "smoke: passed in $((SECONDS - started)) s"

#!/usr/bin/env bash
# The image's counterpart of fresh_clone_smoke.sh: build it, start it on the embedded default
# (DJANGO_DEBUG=true, no services) and require a bot reply over the websocket. Needs a Docker
# engine; .ci/run calls it only where `docker info` answers.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
tag="empathy-desk:ci-smoke"
name="empathy-desk-ci-smoke-$$"
cleanup() { docker rm -f "$name" >/dev/null 2>&1 || true; }
trap cleanup EXIT
docker build -q -t "$tag" "$repo" >/dev/null
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
docker run -d --name "$name" -p "127.0.0.1:$port:8000" -e DJANGO_DEBUG=true "$tag" \
  sh -c "python manage.py migrate --noinput -v 0 && python manage.py seed_demo && python manage.py seed_help_center && exec uvicorn config.asgi:application --host 0.0.0.0 --port 8000 --lifespan off" >/dev/null
for _ in $(seq 1 90); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/health/live', timeout=2)" 2>/dev/null && break
  sleep 1
done
venv="$(mktemp -d)"
python3 -m venv "$venv" && "$venv/bin/pip" install -q httpx==0.28.1 websockets
if ! "$venv/bin/python" "$repo/.ci/smoke_client.py" "http://127.0.0.1:$port"; then
  docker logs --tail 80 "$name" >&2
  exit 1
fi
echo "docker smoke: passed"

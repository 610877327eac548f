# Empathy Desk: `make run` starts the product on its embedded default, `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1

.PHONY: run test lint format bench setup dev-setup worker beat web clean js js-build

$(BIN)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.txt
	touch $@

$(BIN)/.dev-installed: $(BIN)/.installed requirements-dev.txt
	$(BIN)/python -m pip install -q -r requirements-dev.txt
	touch $@

setup: $(BIN)/.installed
dev-setup: $(BIN)/.dev-installed

run: $(BIN)/.installed
	$(BIN)/python manage.py migrate --noinput -v 0
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py seed_help_center
	$(BIN)/python manage.py seed_console_demo
	@echo "Empathy Desk is starting on http://$(HOST):$(PORT)/"
	IN_PROCESS_BEAT=1 $(BIN)/uvicorn config.asgi:application --host $(HOST) --port $(PORT) --lifespan off --no-proxy-headers

test: $(BIN)/.dev-installed
	$(BIN)/python -m pytest

lint: $(BIN)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .
	$(BIN)/deptry .
	$(BIN)/lint-imports
	DATABASE_URL= $(BIN)/python manage.py makemigrations --check --dry-run

format: $(BIN)/.dev-installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

$(BIN)/.bench-installed: $(BIN)/.dev-installed requirements-bench.txt
	$(BIN)/python -m pip install -q -r requirements-bench.txt
	touch $@

bench: $(BIN)/.bench-installed
	$(BIN)/python benchmarks/emotion_speed.py
	$(BIN)/python benchmarks/emotion_quality.py --data ../shared/data/goemotions
	$(BIN)/python benchmarks/reply_latency.py

# The widget and console bundles: lint, unit tests, and the committed bundles match a fresh
# build (Node 20.19+). `make run` needs no Node: the built files are committed.
js:
	bash .ci/js_check.sh

# Rebuild static/widget/widget.js and static/console/console.js after editing frontend/.
js-build:
	npm ci --no-audit --no-fund
	npm run build

# Production-mode processes (DATABASE_URL and REDIS_URL set).
web: $(BIN)/.installed
	$(BIN)/uvicorn config.asgi:application --host 0.0.0.0 --port $(PORT) --workers 2 --lifespan off --no-proxy-headers --timeout-graceful-shutdown 25
worker: $(BIN)/.installed
	$(BIN)/celery -A config worker -l INFO --concurrency 2
beat: $(BIN)/.installed
	$(BIN)/celery -A config beat -l INFO

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles

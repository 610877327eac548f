"""The single settings module: every environment variable the product reads is read here."""

from __future__ import annotations

import importlib.util
import ipaddress
import json
import os
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    # Empty means unset, as for the other helpers: a ConfigMap key left "" keeps the default.
    raw = os.environ.get(name)
    return default if raw is None or raw.strip() == "" else raw


def env_bool(name: str, *, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from exc


def env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return float(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a number, got {raw!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


# ---------------------------------------------------------------------------
# Core
# ---------------------------------------------------------------------------
DEBUG = env_bool("DJANGO_DEBUG", default=True)

_DEV_SECRET = "django-insecure-empathy-desk-local-development-only"  # noqa: S105
SECRET_KEY = env_str("DJANGO_SECRET_KEY", _DEV_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is false.")

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"] if DEBUG else []
)
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set when DJANGO_DEBUG is false.")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_prometheus",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "channels",
    "core",
    "empathy",
    "conversations",
    "knowledge",
    "escalations",
    "pipeline",
    "agents_console",
]
# The train_* commands: present in a checkout, left out of the image (.dockerignore).
if importlib.util.find_spec("training") is not None:
    INSTALLED_APPS.append("training")

MIDDLEWARE = [
    # Probes and scrapes call the pod by IP: answered before host validation and sessions.
    "core.health.HealthCheckMiddleware",
    # NUL in the path or a query parameter: 400 here, never a DataError from PostgreSQL.
    "core.middleware.MalformedInputMiddleware",
    # A database or broker outage raised by a plain view answers 503 + Retry-After, not 500.
    "core.availability.UnavailableMiddleware",
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "core.logging.RequestContextMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.static.AsyncWhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "config.urls"
ASGI_APPLICATION = "config.asgi.application"
WSGI_APPLICATION = None

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# ---------------------------------------------------------------------------
# Database: no DATABASE_URL means the embedded SQLite default.
# ---------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    # Under ASGI each request may run in its own thread, so persistent per-thread connections
    # leak and run PostgreSQL out of slots; a process-wide psycopg pool bounds them instead and
    # saves a backend fork per request or task. DATABASE_POOL_MAX_SIZE=0 turns the pool off
    # (then every request opens its own connection, or keeps it DATABASE_CONN_MAX_AGE seconds).
    DATABASE_POOL_MAX_SIZE = env_int("DATABASE_POOL_MAX_SIZE", 8)
    # Seconds a request waits for a pooled connection before it answers 503: while PostgreSQL
    # is down or out of slots the pool cannot grow, and a long wait only piles requests up.
    DATABASE_POOL_TIMEOUT = env_float("DATABASE_POOL_TIMEOUT", 1.0)
    # Check each pooled connection as it is handed out (an empty query), so the connections a
    # PostgreSQL restart broke are replaced instead of failing one request each.
    DATABASE_POOL_CHECK = env_bool("DATABASE_POOL_CHECK", default=True)
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL,
            conn_max_age=0 if DATABASE_POOL_MAX_SIZE else env_int("DATABASE_CONN_MAX_AGE", 0),
            conn_health_checks=not DATABASE_POOL_MAX_SIZE or DATABASE_POOL_CHECK,
        )
    }
    if DATABASE_POOL_MAX_SIZE and DATABASES["default"]["ENGINE"].endswith("postgresql"):
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": 1,
            "max_size": DATABASE_POOL_MAX_SIZE,
            "timeout": DATABASE_POOL_TIMEOUT,
        }
    if DATABASES["default"]["ENGINE"].endswith("postgresql"):
        # A dead database must fail readiness in seconds, not after the OS TCP timeout.
        DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 3)
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env_str("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            # The embedded default serves web requests and eager tasks from one process with
            # threads: WAL lets readers run beside the writer, IMMEDIATE transactions take the
            # write lock up front (no mid-transaction "database is locked"), and the timeout
            # makes a writer wait its turn instead of failing.
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# ---------------------------------------------------------------------------
# Redis, channel layer, Celery: no REDIS_URL means in-memory layer and eager tasks.
# ---------------------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                # channels-redis blocks up to 5 s in BZPOPMIN while a socket waits for events;
                # redis-py 8 also times reads out after 5 s by default, so the two race and
                # idle sockets die. The read timeout must outlast the blocking pop.
                "hosts": [
                    {"address": REDIS_URL, "socket_timeout": 15, "socket_connect_timeout": 3}
                ],
                "capacity": 1500,
                "expiry": 30,
            },
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
# The web process runs the beat schedule itself (make run sets it: no broker, no beat).
IN_PROCESS_BEAT = env_bool("IN_PROCESS_BEAT", default=False)
if IN_PROCESS_BEAT and not CELERY_TASK_ALWAYS_EAGER:
    raise ImproperlyConfigured("IN_PROCESS_BEAT is for the embedded default (eager tasks) only")
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# Knowledge base: the offline sentence encoder and the hybrid retrieval's fusion and thresholds
# (tuned on the tune split of benchmarks/data/kb; see benchmarks/kb_retrieval.py).
KB_ENCODER_DIR = env_str("KB_ENCODER_DIR", str(BASE_DIR / "knowledge" / "models" / "kb_encoder"))
KB_ENCODER_THREADS = env_int("KB_ENCODER_THREADS", 1)
KB_LEXICAL_BACKEND = env_str("KB_LEXICAL_BACKEND", "auto")  # auto | bm25 | postgres
KB_SEMANTIC_WEIGHT = env_float("KB_SEMANTIC_WEIGHT", 0.8)
KB_AGREEMENT_BONUS = env_float("KB_AGREEMENT_BONUS", 0.1)
KB_CONFIDENCE_THRESHOLD = env_float("KB_CONFIDENCE_THRESHOLD", 0.42)
KB_SUGGEST_THRESHOLD = env_float("KB_SUGGEST_THRESHOLD", 0.32)

# A task whose worker died unacknowledged is redelivered after the visibility timeout; workers
# look for such tasks every restore interval.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 300),
    "unacked_restore_interval": env_int("CELERY_UNACKED_RESTORE_INTERVAL", 30),
    "unacked_restore_throttle": 1,
}
CELERY_BEAT_SCHEDULE = {
    "conversations-requeue-unprocessed": {
        "task": "conversations.message_requeue_unprocessed",
        "schedule": 60.0,
    },
    # Worker liveness: the CeleryCanaryStale alert watches this task's success counter.
    "health-canary": {"task": "core.health_canary", "schedule": 60.0},
}

# Rate-limit counters and the emotional-state mirror must be shared by every web process.
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's Redis backend with one pool and client per process (see core.cache).
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "ed",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# ---------------------------------------------------------------------------
# Widget API and the message pipeline
# ---------------------------------------------------------------------------
# Lifetime of a widget conversation token, in seconds.
WIDGET_TOKEN_MAX_AGE = env_int("WIDGET_TOKEN_MAX_AGE", 7 * 24 * 3600)
# DRF rate strings ("<count>/<second|minute|hour|day>"), per conversation token and per IP.
WIDGET_RATE_TOKEN = env_str("WIDGET_RATE_TOKEN", "30/minute")
WIDGET_RATE_IP = env_str("WIDGET_RATE_IP", "600/minute")
WIDGET_RATE_CREATE_IP = env_str("WIDGET_RATE_CREATE_IP", "120/minute")
# How many waiting visitor messages one pipeline task reads for emotion in a single batch.
PIPELINE_BATCH_SIZE = env_int("PIPELINE_BATCH_SIZE", 32)

# ---------------------------------------------------------------------------
# Privacy: retention, identity proofs, request/frame limits, login throttling
# ---------------------------------------------------------------------------
# Days each kind of data is kept (0 keeps it forever); a beat task purges older data hourly.
MESSAGE_TEXT_TTL_DAYS = env_int("MESSAGE_TEXT_TTL_DAYS", 90)
EMOTION_READING_TTL_DAYS = env_int("EMOTION_READING_TTL_DAYS", 30)
CRISIS_TRANSCRIPT_TTL_DAYS = env_int("CRISIS_TRANSCRIPT_TTL_DAYS", 180)
PRIVACY_PURGE_BATCH_SIZE = env_int("PRIVACY_PURGE_BATCH_SIZE", 500)
CELERY_BEAT_SCHEDULE["privacy-retention-purge"] = {
    "task": "conversations.privacy_retention_purge",
    "schedule": 3600.0,
}
# A signed external id is accepted for this many seconds after its timestamp (replay window).
IDENTITY_SIGNATURE_MAX_AGE = env_int("IDENTITY_SIGNATURE_MAX_AGE", 300)
IDENTITY_SIGNATURE_MAX_SKEW = env_int("IDENTITY_SIGNATURE_MAX_SKEW", 60)
# Privacy requests (summary, export, erasure, consent) per conversation token.
WIDGET_RATE_PRIVACY = env_str("WIDGET_RATE_PRIVACY", "30/hour")
# Request bodies over this many bytes are refused with 400 (the widget sends a few KiB).
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 64 * 1024)
# Websocket frames: each frame at most this many characters, at most N frames per window.
WS_MAX_FRAME_CHARS = env_int("WS_MAX_FRAME_CHARS", 4096)
WS_RATE_FRAMES = env_int("WS_RATE_FRAMES", 30)
WS_RATE_WINDOW_SECONDS = env_float("WS_RATE_WINDOW_SECONDS", 10.0)
# Open websockets per client address in each web process; more are closed with 1013 (0: off).
WS_MAX_SOCKETS_PER_IP = env_int("WS_MAX_SOCKETS_PER_IP", 50)
# Arrays and objects nested deeper than this in a request body or websocket frame: 400 / 1007.
JSON_MAX_DEPTH = env_int("JSON_MAX_DEPTH", 32)
# Open agent sockets re-check their login (session, password, active, role) this often, besides
# on every push and on account changes; a session that simply expires ends within this time.
AGENT_SOCKET_RECHECK_SECONDS = env_float("AGENT_SOCKET_RECHECK_SECONDS", 30.0)
# Proxies in front of the web processes whose X-Forwarded-For is believed: "" trusts none (the
# TCP peer is the client), a number N trusts exactly N proxies, or comma-separated CIDRs trust
# every hop inside them. Rate limits, the login lockout and logs all read core.client.client_ip.
TRUSTED_PROXIES = env_str("TRUSTED_PROXIES", "")
if TRUSTED_PROXIES.strip() and not TRUSTED_PROXIES.strip().isdecimal():
    try:
        [ipaddress.ip_network(n.strip(), strict=False) for n in TRUSTED_PROXIES.split(",")]
    except ValueError as exc:
        raise ImproperlyConfigured(f"TRUSTED_PROXIES: {exc} (a count or CIDRs).") from exc
# HTTPS: secure cookies, HSTS and the HTTP -> HTTPS redirect; on when DEBUG is off. Set
# DJANGO_HTTPS=false only where nothing speaks TLS (a plain-HTTP lab, the subprocess tests).
HTTPS = env_bool("DJANGO_HTTPS", default=not DEBUG)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
# Probes and scrapes call the pod over plain HTTP inside the cluster (HealthCheckMiddleware
# answers them first anyway; this keeps them plain if that ever changes).
SECURE_REDIRECT_EXEMPT = [r"^health/live/?$", r"^health/ready/?$", r"^metrics/?$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 3600 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
# Preloading is a commitment to browsers' lists for the whole domain: the operator opts in.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# A TLS-terminating proxy says the scheme in X-Forwarded-Proto; believed only from a proxy
# TRUSTED_PROXIES trusts (which must overwrite the client's header), never from the client.
if TRUSTED_PROXIES.strip() not in {"", "0"}:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# check --deploy's W021 asks for HSTS preload; leaving it to the operator is deliberate (above).
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
# Staff logins: this many failures per username and IP lock that pair out for the window.
LOGIN_MAX_FAILURES = env_int("LOGIN_MAX_FAILURES", 5)
LOGIN_LOCKOUT_SECONDS = env_int("LOGIN_LOCKOUT_SECONDS", 900)
AUTHENTICATION_BACKENDS = ["conversations.privacy.login.ThrottledModelBackend"]

# ---------------------------------------------------------------------------
# Escalations: SLAs, crisis help resources, outbound helpdesk push and webhook
# ---------------------------------------------------------------------------
# Seconds an escalation may wait unclaimed before it re-notifies and moves up to supervisors.
ESCALATION_SLA_SECONDS = {
    "critical": env_int("ESCALATION_SLA_CRITICAL_SECONDS", 60),
    "high": env_int("ESCALATION_SLA_HIGH_SECONDS", 300),
    "medium": env_int("ESCALATION_SLA_MEDIUM_SECONDS", 900),
    "low": env_int("ESCALATION_SLA_LOW_SECONDS", 3600),
}
# Expected wait per queued conversation when there is no recent claim to learn from.
ESCALATION_DEFAULT_WAIT_SECONDS = env_int("ESCALATION_DEFAULT_WAIT_SECONDS", 180)
# Help lines sent to a visitor in crisis or in danger, by the country of their locale ("es-MX"
# -> "MX"): suicide/crisis, domestic-abuse and child-protection lines and the emergency number
# for 18 countries, with each line's source (config/help_resources.json; checked 2026-12
# against stored copies of the services' pages: re-check before relying on them). Never written
# by an LLM. CRISIS_RESOURCES_FILE (JSON, same shape) replaces the shipped file.
CRISIS_RESOURCES_FILE = env_str("CRISIS_RESOURCES_FILE")
CRISIS_RESOURCES: dict[str, Any] = json.loads(
    Path(CRISIS_RESOURCES_FILE or BASE_DIR / "config" / "help_resources.json").read_text(
        encoding="utf-8"
    )
)
if not isinstance(CRISIS_RESOURCES.get("countries"), dict) or "default" not in CRISIS_RESOURCES:
    raise ImproperlyConfigured(
        'CRISIS_RESOURCES_FILE must hold {"countries": {"<CC>": {...}}, "default": {...}}.'
    )
# Outbound helpdesk push (each one on when its credentials are set) and the signed webhook.
ZENDESK_BASE_URL = env_str("ZENDESK_BASE_URL")  # https://<subdomain>.zendesk.com
ZENDESK_EMAIL = env_str("ZENDESK_EMAIL")
ZENDESK_API_TOKEN = env_str("ZENDESK_API_TOKEN")
INTERCOM_BASE_URL = env_str("INTERCOM_BASE_URL", "https://api.intercom.io")
INTERCOM_ACCESS_TOKEN = env_str("INTERCOM_ACCESS_TOKEN")
ESCALATION_WEBHOOK_URL = env_str("ESCALATION_WEBHOOK_URL")
ESCALATION_WEBHOOK_SECRET = env_str("ESCALATION_WEBHOOK_SECRET")
OUTBOUND_TIMEOUT_SECONDS = env_float("OUTBOUND_TIMEOUT_SECONDS", 5.0)
OUTBOUND_MAX_RETRIES = env_int("OUTBOUND_MAX_RETRIES", 5)
CELERY_BEAT_SCHEDULE["escalations-sla-check"] = {
    "task": "escalations.escalation_sla_check",
    "schedule": 15.0,
}
# Bot conversations with no message for this long are resolved (0: never); never a crisis.
CONVERSATION_IDLE_RESOLVE_MINUTES = env_int("CONVERSATION_IDLE_RESOLVE_MINUTES", 30)
CELERY_BEAT_SCHEDULE["conversations-idle-resolve"] = {
    "task": "escalations.conversation_idle_resolve",
    "schedule": 60.0,
}
# Live monitoring for the agent console (the design's thresholds): escalating anger, rising
# confusion, and an improvement in satisfaction worth telling the agent about.
MONITOR_ANGER_THRESHOLD = env_float("MONITOR_ANGER_THRESHOLD", 0.8)
MONITOR_CONFUSION_THRESHOLD = env_float("MONITOR_CONFUSION_THRESHOLD", 0.7)
MONITOR_IMPROVEMENT_THRESHOLD = env_float("MONITOR_IMPROVEMENT_THRESHOLD", 0.6)

# ---------------------------------------------------------------------------
# Internationalisation, static files
# ---------------------------------------------------------------------------
LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"

# ---------------------------------------------------------------------------
# REST framework and the OpenAPI schema
# ---------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # JSON nested deeper than JSON_MAX_DEPTH is a 400 before parsing (never a RecursionError).
    "DEFAULT_PARSER_CLASSES": [
        "core.parsers.BoundedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "EXCEPTION_HANDLER": "core.api.api_exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Empathy Desk API",
    "DESCRIPTION": "Widget and agent APIs of Empathy Desk.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
}

# ---------------------------------------------------------------------------
# Emotion detection
# ---------------------------------------------------------------------------
# Which detector reads messages: "onnx" (the shipped GoEmotions model) or "llm".
EMOTION_DETECTOR = env_str("EMOTION_DETECTOR", "onnx")
EMOTION_MODEL_DIR = env_str(
    "EMOTION_MODEL_DIR", str(BASE_DIR / "empathy" / "models" / "goemotions")
)
# ONNX Runtime threads per inference call (0: one per core). 1 spends about a fifth less CPU
# per single message (benchmarks/emotion_speed.py) but halves batched throughput: for workers
# sharing a few cores with the web server and PostgreSQL.
EMOTION_ONNX_THREADS = env_int("EMOTION_ONNX_THREADS", 0)
EMOTION_LLM_API_KEY = env_str("EMOTION_LLM_API_KEY")
EMOTION_LLM_BASE_URL = env_str("EMOTION_LLM_BASE_URL") or None
EMOTION_LLM_MODEL = env_str("EMOTION_LLM_MODEL", "gpt-4o-mini")
EMOTION_LLM_TIMEOUT = env_float("EMOTION_LLM_TIMEOUT", 5.0)

# ---------------------------------------------------------------------------
# Bot replies: primary LLM, fallback LLM (any OpenAI-compatible endpoint), offline responder.
# A provider is used when its key or base URL is set; with neither, the offline responder
# (always last in the chain) answers everything.
# ---------------------------------------------------------------------------
OPENAI_API_KEY = env_str("OPENAI_API_KEY")
OPENAI_BASE_URL = env_str("OPENAI_BASE_URL") or None
OPENAI_MODEL = env_str("OPENAI_MODEL", "gpt-4o")
FALLBACK_LLM_API_KEY = env_str("FALLBACK_LLM_API_KEY")
FALLBACK_LLM_BASE_URL = env_str("FALLBACK_LLM_BASE_URL") or None
FALLBACK_LLM_MODEL = env_str("FALLBACK_LLM_MODEL", "gpt-4o-mini")
# Hard limit of one provider call, and of the whole chain (the visitor's longest wait).
REPLY_TIMEOUT_SECONDS = env_float("REPLY_TIMEOUT_SECONDS", 4.0)
REPLY_BUDGET_SECONDS = env_float("REPLY_BUDGET_SECONDS", 6.0)
# Circuit breaker per provider: open after N consecutive failures, half-open after the pause.
REPLY_BREAKER_FAILURES = env_int("REPLY_BREAKER_FAILURES", 5)
REPLY_BREAKER_RESET_SECONDS = env_float("REPLY_BREAKER_RESET_SECONDS", 30.0)
# Seconds a generic LLM reply stays in the Redis cache (0 turns the cache off).
REPLY_CACHE_TTL = env_int("REPLY_CACHE_TTL", 3600)
# URL prefixes a generated reply may contain; any other URL or image gets the reply replaced.
REPLY_APPROVED_URLS = env_list("REPLY_APPROVED_URLS", [])

# ---------------------------------------------------------------------------
# Logging: JSON lines; ids and outcomes only, never message text.
# ---------------------------------------------------------------------------
LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "core.logging.JsonFormatter"},
    },
    "filters": {"context": {"()": "core.logging.ContextFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["context"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# ---------------------------------------------------------------------------
# Observability: Sentry, health checks, worker metrics
# ---------------------------------------------------------------------------
SENTRY_DSN = env_str("SENTRY_DSN")
SENTRY_ENVIRONMENT = env_str("SENTRY_ENVIRONMENT", "development" if DEBUG else "production")
SENTRY_RELEASE = env_str("SENTRY_RELEASE")
SENTRY_TRACES_SAMPLE_RATE = env_float("SENTRY_TRACES_SAMPLE_RATE", 0.0)
HEALTH_CHECK_TIMEOUT = env_float("HEALTH_CHECK_TIMEOUT", 1.0)
# /health/ready fails this many seconds after a request saw the database refuse a write (disk
# full, read-only), even if its own write probe got through in between.
HEALTH_WRITE_FAILURE_WINDOW = env_float("HEALTH_WRITE_FAILURE_WINDOW", 30.0)
# The worker touches this file while it consumes (core.worker); `python -m core.worker_probe`
# is its liveness probe, failing when the file is older than WORKER_HEARTBEAT_MAX_AGE seconds.
WORKER_HEARTBEAT_FILE = env_str("WORKER_HEARTBEAT_FILE", "/tmp/empathy-desk-worker.heartbeat")  # noqa: S108
WORKER_HEARTBEAT_INTERVAL = env_float("WORKER_HEARTBEAT_INTERVAL", 10.0)
WORKER_HEARTBEAT_MAX_AGE = env_float("WORKER_HEARTBEAT_MAX_AGE", 60.0)
# Whether /health/ready fails (rather than only reports "degraded") when no worker has consumed
# within WORKER_HEARTBEAT_MAX_AGE: on whenever tasks go to a broker, since then no bot reply
# comes without one. Off opts out (the crisis path answers in the request without any worker);
# eager tasks (make run) have no worker to check.
HEALTH_READY_REQUIRES_WORKER = env_bool(
    "HEALTH_READY_REQUIRES_WORKER", default=not CELERY_TASK_ALWAYS_EAGER
)
# Seconds a 503 "unavailable" answer tells the client to wait before it retries.
UNAVAILABLE_RETRY_AFTER_SECONDS = env_int("UNAVAILABLE_RETRY_AFTER_SECONDS", 2)
# When set, the web process's /metrics answers only `Authorization: Bearer <METRICS_TOKEN>`
# (401 otherwise); unset leaves it open, as a local `make run` needs.
METRICS_TOKEN = env_str("METRICS_TOKEN")
# Celery workers serve /metrics here (pool children on the next ports); 0 turns it off.
WORKER_METRICS_PORT = env_int("WORKER_METRICS_PORT", 9100)
METRICS_CELERY_QUEUES = env_list("METRICS_CELERY_QUEUES", ["celery"])

if SENTRY_DSN:
    from core.sentry import sentry_init

    sentry_init(
        dsn=SENTRY_DSN,
        environment=SENTRY_ENVIRONMENT,
        release=SENTRY_RELEASE,
        traces_sample_rate=SENTRY_TRACES_SAMPLE_RATE,
    )

"""The engine's settings, read in one place into a small frozen object (DRF's api_settings
pattern): detectors and the reply chain ask `engine_settings()`, never django.conf directly.

Values come from the project's settings when Django is configured; a test that overrides a
setting gets a fresh object (the cache is dropped on `setting_changed`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class EngineSettings:
    emotion_detector: str = "onnx"
    emotion_model_dir: str = ""
    emotion_onnx_threads: int = 0
    emotion_llm_api_key: str = ""
    emotion_llm_base_url: str | None = None
    emotion_llm_model: str = "gpt-4o-mini"
    emotion_llm_timeout: float = 5.0
    openai_api_key: str = ""
    openai_base_url: str | None = None
    openai_model: str = "gpt-4o"
    fallback_llm_api_key: str = ""
    fallback_llm_base_url: str | None = None
    fallback_llm_model: str = "gpt-4o-mini"
    reply_timeout_seconds: float = 4.0
    reply_budget_seconds: float = 6.0
    reply_breaker_failures: int = 5
    reply_breaker_reset_seconds: float = 30.0
    reply_cache_ttl: int = 3600
    reply_approved_urls: tuple[str, ...] = ()
    redis_url: str = ""


def _from_django() -> EngineSettings:
    from django.conf import settings

    values: dict[str, Any] = {}
    for name in EngineSettings.__dataclass_fields__:
        if hasattr(settings, name.upper()):
            values[name] = getattr(settings, name.upper())
    if "reply_approved_urls" in values:
        values["reply_approved_urls"] = tuple(values["reply_approved_urls"])
    return EngineSettings(**values)


@functools.cache
def engine_settings() -> EngineSettings:
    return _from_django()


def _reload(*, setting: str, **_: Any) -> None:
    if setting.lower() in EngineSettings.__dataclass_fields__:
        engine_settings.cache_clear()


def connect_reload() -> None:
    """Drop the cached settings whenever a test overrides one (called from AppConfig.ready)."""
    from django.test.signals import setting_changed

    setting_changed.connect(_reload, dispatch_uid="empathy.conf.reload")

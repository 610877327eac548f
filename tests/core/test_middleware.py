"""The middleware chain is async end to end under ASGI: only views run in a worker thread."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import AsyncClient, Client
from django.utils.module_loading import import_string


@pytest.mark.parametrize("path", settings.MIDDLEWARE)
def test_every_middleware_is_async_capable(path: str) -> None:
    # A sync-only middleware would send every ASGI request to a thread and back.
    middleware = import_string(path)
    assert getattr(middleware, "async_capable", True) is True


@pytest.fixture
def static_from_finders(settings) -> None:  # type: ignore[no-untyped-def,unused-ignore]
    # Tests run without collectstatic: let WhiteNoise find files where they live.
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True


WIDGET = (settings.BASE_DIR / "static" / "widget" / "widget.js").read_bytes()


@pytest.mark.django_db
async def test_health_request_id_and_static_files_through_the_async_chain(
    static_from_finders: None,
) -> None:
    client = AsyncClient()
    live = await client.get("/health/live")
    assert live.status_code == 200
    assert live.json() == {"status": "ok"}

    echoed = await client.get("/api/v1/nowhere", headers={"X-Request-ID": "abc123"})
    assert echoed.status_code == 404
    assert echoed.headers["X-Request-ID"] == "abc123"
    fresh = await client.get("/api/v1/nowhere")
    assert len(fresh.headers["X-Request-ID"]) == 32

    widget = await client.get("/static/widget/widget.js")
    assert widget.status_code == 200
    assert b"".join(widget.streaming_content) == WIDGET  # type: ignore[attr-defined]


@pytest.mark.django_db
def test_the_same_middleware_still_serves_sync_callers(static_from_finders: None) -> None:
    response = Client().get("/static/widget/widget.js")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == WIDGET  # type: ignore[attr-defined]
    assert len(Client().get("/api/v1/nowhere").headers["X-Request-ID"]) == 32

"""ASGI entry point: HTTP through Django, websockets through Channels."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from django.conf import settings  # noqa: E402
from django.urls import re_path  # noqa: E402

from conversations.routing import websocket_urlpatterns as widget_websockets  # noqa: E402
from core.schedule import in_process_beat_start  # noqa: E402
from core.shutdown import RestartHintMiddleware  # noqa: E402
from core.websocket import SocketCapMiddleware, websocket_not_found  # noqa: E402
from empathy.warmup import models_warm_up  # noqa: E402
from escalations.routing import websocket_urlpatterns as agent_websockets  # noqa: E402

websocket_urlpatterns: list = [
    *widget_websockets,
    *agent_websockets,
    re_path(r"", websocket_not_found),  # type: ignore[arg-type]  # any other path: refused, not a 500
]

# Every visitor message passes the crisis check in the request: load it before the first one.
models_warm_up(emotion=False)

# The embedded default has no beat process: the web process runs the periodic tasks itself.
if settings.IN_PROCESS_BEAT:
    import config.celery  # noqa: F401  (the Celery app and its tasks)

    in_process_beat_start(settings.CELERY_BEAT_SCHEDULE)

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        # Open sockets get a reconnect hint before the server stops (config/shutdown.py).
        "websocket": SocketCapMiddleware(RestartHintMiddleware(URLRouter(websocket_urlpatterns))),
    }
)

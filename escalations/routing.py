"""Websocket routes of the agent console (session-authenticated, same host and origin only)."""

from __future__ import annotations

from typing import Any

from channels.auth import AuthMiddlewareStack
from channels.security.websocket import AllowedHostsOriginValidator
from django.urls import path

from escalations.consumers import AgentConsumer


class AllowedHostsOrigin:
    """channels' AllowedHostsOriginValidator, built per connection: it copies ALLOWED_HOSTS
    when constructed, and this way the current settings always apply."""

    def __init__(self, application: Any) -> None:
        self.application = application

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> Any:
        return await AllowedHostsOriginValidator(self.application)(scope, receive, send)


websocket_urlpatterns = [
    # An Origin outside ALLOWED_HOSTS is refused before the session is read; AgentConsumer
    # then checks the Host header and same-origin as well.
    path("ws/agent/", AllowedHostsOrigin(AuthMiddlewareStack(AgentConsumer.as_asgi()))),
]

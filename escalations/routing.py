"""Websocket routes of the agent console (session-authenticated)."""

from channels.auth import AuthMiddlewareStack
from django.urls import path

from escalations.consumers import AgentConsumer

websocket_urlpatterns = [
    path("ws/agent/", AuthMiddlewareStack(AgentConsumer.as_asgi())),
]

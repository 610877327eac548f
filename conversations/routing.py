"""Websocket routes of the widget."""

from django.urls import path

from conversations.consumers import WidgetConsumer

websocket_urlpatterns = [
    path(
        "ws/widget/conversations/<str:conversation_id>/",
        WidgetConsumer.as_asgi(),
    ),
]

"""The message path's widget route; config.urls mounts it under /api/v1/widget/."""

from django.urls import path

from pipeline import apis

urlpatterns = [
    path(
        "conversations/<str:conversation_id>/messages",
        apis.MessageCreateApi.as_view(),
        name="message-create",
    ),
]

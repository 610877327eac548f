"""Widget API routes of this app; config.urls mounts them under /api/v1/widget/ together with
the message path's and the escalations' widget endpoints."""

from django.urls import path

from conversations import apis
from conversations.privacy import apis as privacy_apis
from conversations.satisfaction import apis as satisfaction_apis

urlpatterns = [
    path("config", apis.WidgetConfigApi.as_view(), name="config"),
    path("conversations", apis.ConversationCreateApi.as_view(), name="conversation-create"),
    path(
        "conversations/<str:conversation_id>/events",
        apis.EventListApi.as_view(),
        name="event-list",
    ),
    path(
        "conversations/<str:conversation_id>/csat",
        satisfaction_apis.SatisfactionRatingCreateApi.as_view(),
        name="csat-create",
    ),
    path("me", privacy_apis.WidgetMeApi.as_view(), name="me"),
    path("me/export", privacy_apis.WidgetMeExportApi.as_view(), name="me-export"),
]

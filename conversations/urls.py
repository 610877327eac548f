"""Widget API routes, mounted under /api/v1/widget/."""

from django.urls import path, re_path

from conversations import apis
from conversations.privacy import apis as privacy_apis
from conversations.satisfaction import apis as satisfaction_apis
from escalations import apis as escalation_apis

app_name = "widget"

urlpatterns = [
    path("config", apis.WidgetConfigApi.as_view(), name="config"),
    path("conversations", apis.ConversationCreateApi.as_view(), name="conversation-create"),
    path(
        "conversations/<str:conversation_id>/messages",
        apis.MessageCreateApi.as_view(),
        name="message-create",
    ),
    path(
        "conversations/<str:conversation_id>/events",
        apis.EventListApi.as_view(),
        name="event-list",
    ),
    path(
        "conversations/<str:conversation_id>/request-human",
        escalation_apis.WidgetHumanRequestApi.as_view(),
        name="request-human",
    ),
    path(
        "conversations/<str:conversation_id>/csat",
        satisfaction_apis.SatisfactionRatingCreateApi.as_view(),
        name="csat-create",
    ),
    path("me", privacy_apis.WidgetMeApi.as_view(), name="me"),
    path("me/export", privacy_apis.WidgetMeExportApi.as_view(), name="me-export"),
    # Anything else under the widget prefix answers with the same JSON error shape.
    re_path(r"^.*$", apis.UnknownPathApi.as_view(), name="unknown"),
]

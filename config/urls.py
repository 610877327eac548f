"""Top-level URL routes: the composition root mounts each app's routes."""

from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView

from conversations import apis as conversation_apis
from conversations import urls as conversation_urls
from conversations.privacy import views as privacy_views
from core import health, metrics, views
from escalations import apis as escalation_apis
from knowledge import apis as kb_apis
from pipeline import urls as pipeline_urls

# The widget API is one namespace served by three layers: conversations (config, events,
# CSAT, privacy), the message path (messages) and escalations (a person on request).
widget_patterns = [
    *conversation_urls.urlpatterns,
    *pipeline_urls.urlpatterns,
    path(
        "conversations/<str:conversation_id>/messages/<int:message_id>/feedback",
        kb_apis.KbFeedbackApi.as_view(),
        name="kb-feedback",
    ),
    path(
        "conversations/<str:conversation_id>/request-human",
        escalation_apis.WidgetHumanRequestApi.as_view(),
        name="request-human",
    ),
    path(
        "conversations/<str:conversation_id>/end",
        escalation_apis.WidgetEndApi.as_view(),
        name="conversation-end",
    ),
    path(
        "conversations/<str:conversation_id>/contact",
        escalation_apis.WidgetContactApi.as_view(),
        name="contact",
    ),
    # Anything else under the widget prefix answers with the same JSON error shape.
    re_path(r"^.*$", conversation_apis.UnknownPathApi.as_view(), name="unknown"),
]

# A database or broker outage inside middleware answers 503 + Retry-After (core.availability).
handler500 = "core.views.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("admin/", admin.site.urls),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/v1/widget/", include((widget_patterns, "widget"))),
    path("api/v1/privacy/", include("conversations.privacy.urls")),
    path("privacy/", privacy_views.privacy_notice, name="privacy-notice"),
    path("api/v1/agent/", include("escalations.urls")),
    path("console/", include("agents_console.urls")),
    path("health/live", health.health_live, name="health-live"),
    path("health/ready", health.health_ready, name="health-ready"),
    path("metrics", metrics.metrics_view, name="prometheus-django-metrics"),
]

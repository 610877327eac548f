"""Top-level URL routes."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from conversations.privacy import views as privacy_views
from core import health, metrics, views

urlpatterns = [
    path("", views.home, name="home"),
    path("admin/", admin.site.urls),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/v1/widget/", include("conversations.urls")),
    path("api/v1/privacy/", include("conversations.privacy.urls")),
    path("privacy/", privacy_views.privacy_notice, name="privacy-notice"),
    path("api/v1/agent/", include("escalations.urls")),
    path("console/", include("agents_console.urls")),
    path("health/live", health.health_live, name="health-live"),
    path("health/ready", health.health_ready, name="health-ready"),
    path("metrics", metrics.metrics_view, name="prometheus-django-metrics"),
]

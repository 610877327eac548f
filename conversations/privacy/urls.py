"""Staff privacy routes, mounted under /api/v1/privacy/."""

from django.urls import path

from conversations.privacy import apis

app_name = "privacy"

urlpatterns = [
    path(
        "visitors/<int:visitor_id>/export",
        apis.VisitorExportStaffApi.as_view(),
        name="visitor-export",
    ),
    path(
        "conversations/<uuid:conversation_id>/transcript",
        apis.TranscriptStaffApi.as_view(),
        name="transcript",
    ),
]

"""Console routes, mounted under /console/."""

from django.urls import path

from agents_console import apis, views

app_name = "console"

urlpatterns = [
    path("", views.queue_page, name="queue"),
    path("login/", views.login_page, name="login"),
    path("logout/", views.logout_action, name="logout"),
    path("conversations/<str:conversation_id>/", views.conversation_page, name="conversation"),
    path("api/queue", apis.ConsoleQueueApi.as_view(), name="api-queue"),
    path("api/agent", apis.ConsoleAgentApi.as_view(), name="api-agent"),
    path("api/follow-ups", apis.ConsoleFollowUpListApi.as_view(), name="api-follow-ups"),
    path(
        "api/follow-ups/<int:follow_up_id>/handled",
        apis.ConsoleFollowUpHandleApi.as_view(),
        name="api-follow-up-handled",
    ),
    path(
        "api/conversations/<str:conversation_id>",
        apis.ConsoleConversationApi.as_view(),
        name="api-conversation",
    ),
    path(
        "api/conversations/<str:conversation_id>/suggestions",
        apis.ConsoleSuggestionsApi.as_view(),
        name="api-suggestions",
    ),
    path(
        "api/conversations/<str:conversation_id>/similar",
        apis.ConsoleSimilarApi.as_view(),
        name="api-similar",
    ),
    path(
        "api/conversations/<str:conversation_id>/notes",
        apis.ConsoleNoteCreateApi.as_view(),
        name="api-notes",
    ),
    path(
        "api/conversations/<str:conversation_id>/transfer",
        apis.ConsoleTransferApi.as_view(),
        name="api-transfer",
    ),
    path(
        "api/messages/<int:message_id>/emotion",
        apis.ConsoleEmotionFeedbackApi.as_view(),
        name="api-emotion-feedback",
    ),
]

"""Agent API routes, mounted under /api/v1/agent/."""

from django.urls import path

from escalations import apis

app_name = "agent"

urlpatterns = [
    path("escalations", apis.EscalationListApi.as_view(), name="escalation-list"),
    path(
        "escalations/<int:escalation_id>/claim",
        apis.EscalationClaimApi.as_view(),
        name="escalation-claim",
    ),
    path(
        "conversations/<str:conversation_id>/messages",
        apis.AgentMessageApi.as_view(),
        name="message-create",
    ),
    path(
        "conversations/<str:conversation_id>/resolve",
        apis.ConversationResolveApi.as_view(),
        name="conversation-resolve",
    ),
    path(
        "conversations/<str:conversation_id>/handback",
        apis.ConversationHandbackApi.as_view(),
        name="conversation-handback",
    ),
]

"""Console pages: login, the live queue and one conversation (thin; data comes from selectors)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse, reverse_lazy

from agents_console import selectors, services
from agents_console.csp import console_secured
from empathy import taxonomy

LOGIN_URL = reverse_lazy("console:login")


def _forbidden(request: HttpRequest, restricted: str = "") -> HttpResponse:
    return render(request, "console/forbidden.html", {"restricted": restricted}, status=403)


def _page_context(request: HttpRequest, role: str) -> dict[str, object]:
    return {
        "role": role,
        "agent": selectors.console_agent_state(user=request.user),
        "urls": {
            "queue_api": reverse("console:api-queue"),
            "agent_api": reverse("console:api-agent"),
            "follow_ups_api": reverse("console:api-follow-ups"),
            "conversation_page": reverse(
                "console:conversation",
                kwargs={"conversation_id": "00000000-0000-0000-0000-000000000000"},
            ),
            "agent_rest": "/api/v1/agent/",
            "socket": "/ws/agent/",
        },
        "sla_seconds": settings.ESCALATION_SLA_SECONDS,
    }


@console_secured
@login_required(login_url=LOGIN_URL)
def queue_page(request: HttpRequest) -> HttpResponse:
    """`/console/`: the agent's status and capacity, and the live escalation queue."""
    role = selectors.console_user_role(user=request.user)
    if role is None:
        return _forbidden(request)
    return render(request, "console/queue.html", _page_context(request, role))


@console_secured
@login_required(login_url=LOGIN_URL)
def conversation_page(request: HttpRequest, conversation_id: str) -> HttpResponse:
    """`/console/conversations/<id>/`: transcript, emotional context, assistance and actions."""
    role = selectors.console_user_role(user=request.user)
    if role is None:
        return _forbidden(request)
    try:
        services.console_transcript_open(user=request.user, conversation_id=conversation_id)
    except services.ConsoleActionRejected as refused:
        if refused.status == 403:
            return _forbidden(request, refused.message)
        raise Http404("Conversation not found.") from None
    detail = selectors.console_conversation_detail(
        user=request.user, conversation_id=conversation_id
    )
    if detail is None:
        # Unknown and not-yours look the same.
        raise Http404("Conversation not found.")
    context = _page_context(request, role)
    context.update(
        {
            "detail": detail,
            "conversation_id": detail["conversation"]["id"],
            "emotion_labels": taxonomy.LABELS,
        }
    )
    return render(request, "console/conversation.html", context)


login_page = console_secured(
    auth_views.LoginView.as_view(
        template_name="console/login.html",
        redirect_authenticated_user=True,
        next_page=reverse_lazy("console:queue"),
    )
)
logout_action = console_secured(auth_views.LogoutView.as_view(next_page=LOGIN_URL))

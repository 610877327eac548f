"""Agent API (token or session auth, CSRF on sessions) and the widget's request-human endpoint."""

from __future__ import annotations

import logging
from typing import Any
from uuid import UUID

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from conversations import apis as widget_apis
from conversations import events as conversation_events
from core import roles
from core.api import BEARER_AUTH_HEADER, error_responses
from core.errors import ServiceError
from escalations import events, selectors, services
from escalations.models import Escalation

logger = logging.getLogger(__name__)

STATUS_FILTERS = ("open", *Escalation.Status.values)


class IsAgent(BasePermission):
    message = "Only agents and supervisors may use the agent API."

    def has_permission(self, request: Request, view: APIView) -> bool:
        return roles.user_is_agent(user=request.user)


class AgentApi(APIView):
    # API clients use tokens (listed first, so a missing credential is a 401 with a
    # WWW-Authenticate header); SessionAuthentication enforces CSRF for the console.
    authentication_classes = [TokenAuthentication, SessionAuthentication]
    permission_classes = [IsAuthenticated, IsAgent]


class EscalationOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    conversation_id = serializers.UUIDField()
    reason = serializers.ChoiceField(choices=Escalation.Reason.choices)
    rule = serializers.CharField()
    urgency = serializers.ChoiceField(choices=Escalation.Urgency.choices)
    status = serializers.ChoiceField(choices=Escalation.Status.choices)
    required_skill = serializers.CharField()
    assigned_to = serializers.IntegerField(allow_null=True)
    trend = serializers.CharField()
    intensity = serializers.FloatField()
    journey = serializers.ListField(child=serializers.DictField())
    trigger_words = serializers.ListField(child=serializers.CharField())
    summary = serializers.CharField()
    suggested_approach = serializers.CharField()
    ai_attempts = serializers.DictField()
    sla_due_at = serializers.DateTimeField()
    sla_breached = serializers.BooleanField()
    created_at = serializers.DateTimeField()
    assigned_at = serializers.DateTimeField(allow_null=True)
    queue_position = serializers.IntegerField()


def _escalation_out(escalation: Escalation) -> dict[str, Any]:
    data = events.escalation_json(escalation)
    data["queue_position"] = selectors.escalation_queue_position(escalation=escalation)
    return data


class EscalationListApi(AgentApi):
    class EscalationListOutputSerializer(serializers.Serializer):
        escalations = EscalationOutputSerializer(many=True)

    @extend_schema(
        operation_id="agent_escalation_list",
        description=(
            "Queued escalations and your own, most urgent first (supervisors see all). "
            "`status` is one of open (default), queued, assigned, resolved, handed_back."
        ),
        parameters=[OpenApiParameter("status", str, enum=list(STATUS_FILTERS), required=False)],
        responses={200: EscalationListOutputSerializer, **error_responses(400, 401, 403)},
    )
    def get(self, request: Request) -> Response:
        wanted = request.query_params.get("status", "open")
        if wanted not in STATUS_FILTERS:
            raise ServiceError(f"status must be one of: {', '.join(STATUS_FILTERS)}.")
        found = selectors.escalation_list(user=request.user, status=wanted)
        return Response({"escalations": [_escalation_out(e) for e in found]})


class EscalationClaimApi(AgentApi):
    @extend_schema(
        operation_id="agent_escalation_claim",
        request=None,
        responses={200: EscalationOutputSerializer, **error_responses(401, 403, 404, 409)},
    )
    def post(self, request: Request, escalation_id: int) -> Response:
        escalation = services.escalation_claim(escalation_id=escalation_id, user=request.user)
        return Response(_escalation_out(escalation))


class AgentMessageApi(AgentApi):
    class AgentMessageInputSerializer(serializers.Serializer):
        text = serializers.CharField(trim_whitespace=False, allow_blank=True)

    class TranscriptOutputSerializer(serializers.Serializer):
        class TranscriptMessageSerializer(serializers.Serializer):
            seq = serializers.IntegerField()
            sender = serializers.CharField()
            text = serializers.CharField()
            created_at = serializers.DateTimeField()

        conversation_id = serializers.UUIDField()
        messages = TranscriptMessageSerializer(many=True)

    @extend_schema(
        operation_id="agent_message_list",
        description=(
            "The transcript of a queued conversation or one of yours (supervisors: any). Crisis "
            "transcripts only for supervisors and crisis-trained agents; each view is audited."
        ),
        responses={200: TranscriptOutputSerializer, **error_responses(401, 403, 404)},
    )
    def get(self, request: Request, conversation_id: str) -> Response:
        messages = services.agent_transcript_view(
            conversation_id=conversation_id, user=request.user
        )
        return Response({"conversation_id": str(UUID(conversation_id)), "messages": messages})

    @extend_schema(
        operation_id="agent_message_create",
        description="Write to the visitor; it reaches the widget through the event stream.",
        request=AgentMessageInputSerializer,
        responses={
            201: widget_apis.MessageOutputSerializer,
            **error_responses(400, 401, 403, 404, 409),
        },
    )
    def post(self, request: Request, conversation_id: str) -> Response:
        data = self.AgentMessageInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        message = services.agent_message_post(
            conversation_id=conversation_id, user=request.user, text=data.validated_data["text"]
        )
        return Response(conversation_events.message_json(message), status=status.HTTP_201_CREATED)


class ConversationResolveApi(AgentApi):
    class ResolveInputSerializer(serializers.Serializer):
        note = serializers.CharField(
            required=False,
            allow_blank=True,
            max_length=4000,
            help_text="Closing note; required to resolve a crisis conversation.",
        )

    @extend_schema(
        operation_id="agent_conversation_resolve",
        request=ResolveInputSerializer,
        responses={200: EscalationOutputSerializer, **error_responses(400, 401, 403, 404, 409)},
    )
    def post(self, request: Request, conversation_id: str) -> Response:
        data = self.ResolveInputSerializer(data=request.data or {})
        data.is_valid(raise_exception=True)
        escalation = services.escalation_resolve(
            conversation_id=conversation_id,
            user=request.user,
            note=data.validated_data.get("note", ""),
        )
        return Response(_escalation_out(escalation))


class ConversationHandbackApi(AgentApi):
    @extend_schema(
        operation_id="agent_conversation_handback",
        description="Return the conversation to the bot (refused for crisis escalations: 409).",
        request=None,
        responses={200: EscalationOutputSerializer, **error_responses(401, 403, 404, 409)},
    )
    def post(self, request: Request, conversation_id: str) -> Response:
        escalation = services.escalation_hand_back(
            conversation_id=conversation_id, user=request.user
        )
        return Response(_escalation_out(escalation))


# ---------------------------------------------------------------------------
# Widget: "talk to a person" (conversation token, like the other widget endpoints)
# ---------------------------------------------------------------------------
class WidgetHumanRequestApi(widget_apis.WidgetApi):
    throttle_classes = [widget_apis.WidgetIpThrottle, widget_apis.WidgetTokenThrottle]

    class HumanRequestOutputSerializer(serializers.Serializer):
        status = serializers.CharField()
        agents_online = serializers.IntegerField()
        offline = serializers.BooleanField(
            help_text="Nobody can come now (no agent online, or outside business hours)."
        )
        queue_position = serializers.IntegerField(allow_null=True)
        estimated_wait_seconds = serializers.IntegerField(allow_null=True)

    @extend_schema(
        operation_id="widget_request_human",
        description=(
            "The visitor asks for a person. Idempotent: while an escalation is open, it is "
            "returned again. Queue updates follow on the websocket as `queue.updated` hints."
        ),
        parameters=[BEARER_AUTH_HEADER],
        request=None,
        responses={200: HumanRequestOutputSerializer, **error_responses(403, 404, 409, 429)},
    )
    def post(self, request: Request, conversation_id: str) -> Response:
        conversation = self.conversation_for(request, conversation_id)
        escalation = services.escalation_request_human(conversation=conversation)
        escalation.refresh_from_db()
        conversation.refresh_from_db(fields=["status"])
        availability = selectors.site_availability(site_id=conversation.site_id)
        position: int | None = None
        wait: int | None = None
        if not availability.offline:
            # A place in the queue and a wait only when someone can actually come.
            position = selectors.escalation_queue_position(escalation=escalation)
            wait = selectors.escalation_estimated_wait(position=position)
        return Response(
            {
                "status": conversation.status,
                "agents_online": availability.agents_online,
                "offline": availability.offline,
                "queue_position": position,
                "estimated_wait_seconds": wait,
            }
        )


class WidgetEndApi(widget_apis.WidgetApi):
    """The widget's "End chat"."""

    throttle_classes = [widget_apis.WidgetIpThrottle, widget_apis.WidgetTokenThrottle]

    class EndOutputSerializer(serializers.Serializer):
        id = serializers.UUIDField()
        status = serializers.CharField()

    @extend_schema(
        operation_id="widget_conversation_end",
        description=(
            "The visitor ends the chat: `resolved`, with a `conversation.status_changed` event "
            "offering a rating. 409 when already resolved, or while a crisis keeps the "
            "conversation open for a person (`crisis_latched`)."
        ),
        request=None,
        parameters=[BEARER_AUTH_HEADER],
        responses={200: EndOutputSerializer, **error_responses(403, 404, 409, 429)},
    )
    def post(self, request: Request, conversation_id: str) -> Response:
        conversation = self.conversation_for(request, conversation_id)
        ended = services.conversation_end_by_visitor(conversation=conversation)
        return Response({"id": str(ended.pk), "status": ended.status})


class WidgetContactApi(widget_apis.WidgetApi):
    """Nobody could come: the visitor leaves an address to be answered later."""

    throttle_classes = [widget_apis.WidgetIpThrottle, widget_apis.WidgetTokenThrottle]

    class ContactInputSerializer(serializers.Serializer):
        email = serializers.EmailField(max_length=254)

    class ContactOutputSerializer(serializers.Serializer):
        email = serializers.EmailField()
        status = serializers.CharField()

    @extend_schema(
        operation_id="widget_contact",
        request=ContactInputSerializer,
        parameters=[BEARER_AUTH_HEADER],
        responses={201: ContactOutputSerializer, **error_responses(400, 403, 404, 429)},
    )
    def post(self, request: Request, conversation_id: str) -> Response:
        conversation = self.conversation_for(request, conversation_id)
        data = self.ContactInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        follow_up = services.follow_up_request(
            conversation=conversation, email=data.validated_data["email"]
        )
        return Response(
            {"email": follow_up.email, "status": follow_up.status}, status=status.HTTP_201_CREATED
        )

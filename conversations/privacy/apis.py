"""Privacy endpoints: the visitor's own data (`/api/v1/widget/me`) and staff-only views."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from conversations import access
from conversations.apis import WidgetApi, WidgetIpThrottle, WidgetTokenThrottle
from conversations.models import Conversation, PrivacyAuditEntry, Visitor
from conversations.privacy import selectors, services
from core.api import (
    BEARER_AUTH_HEADER,
    ErrorSerializer,
    SettingsRateThrottle,
    error_responses,
)
from core.errors import Forbidden, NotFound
from core.roles import user_is_supervisor


class WidgetPrivacyThrottle(WidgetTokenThrottle):
    scope = "widget_privacy"
    setting_name = "WIDGET_RATE_PRIVACY"


class _MeApi(WidgetApi):
    throttle_classes = [WidgetIpThrottle, WidgetTokenThrottle, WidgetPrivacyThrottle]

    def options(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Response:
        response = super().options(request, *args, **kwargs)
        response["Access-Control-Allow-Methods"] = "GET, PATCH, DELETE, OPTIONS"
        return response

    def me(self, request: Request) -> tuple[Conversation, list[UUID]]:
        token = access.bearer_token(request.META.get("HTTP_AUTHORIZATION"))
        subject = access.conversation_token_subject(token)
        if subject is None:
            raise NotFound("Conversation not found.")
        conversation = self.conversation_for(request, str(subject))
        return conversation, selectors.visitor_conversation_ids(conversation=conversation)


class WidgetMeSummarySerializer(serializers.Serializer):
    scope = serializers.ChoiceField(
        choices=["visitor", "conversation"],
        help_text="`conversation` when the visitor's identity was not proven, or this token's "
        "conversation is resolved (without a proven identity): only this conversation's data "
        "is reachable with this token.",
    )
    emotion_analysis = serializers.BooleanField()
    identified = serializers.BooleanField()
    has_name = serializers.BooleanField()
    conversations = serializers.IntegerField()
    messages = serializers.IntegerField()
    emotion_readings = serializers.IntegerField()
    escalations = serializers.IntegerField()
    first_seen_at = serializers.DateTimeField()
    last_seen_at = serializers.DateTimeField()


def _summary(conversation: Conversation, ids: list[UUID]) -> dict[str, Any]:
    visitor = Visitor.objects.get(pk=conversation.visitor_id)
    body = selectors.privacy_summary(visitor=visitor, conversation_ids=ids)
    reaches_visitor = selectors.conversation_token_reaches_visitor(conversation=conversation)
    return {"scope": "visitor" if reaches_visitor else "conversation", **body}


class WidgetMeApi(_MeApi):
    class WidgetMeConsentInputSerializer(serializers.Serializer):
        emotion_analysis = serializers.BooleanField(
            help_text="false: no emotion readings are stored or shown to agents (and those "
            "already stored are deleted); the crisis safety check still runs."
        )

    @extend_schema(
        operation_id="widget_me",
        description="What is stored about the visitor this token belongs to (counts only).",
        parameters=[BEARER_AUTH_HEADER],
        responses={200: WidgetMeSummarySerializer, **error_responses(403, 404, 429)},
    )
    def get(self, request: Request) -> Response:
        conversation, ids = self.me(request)
        return Response(_summary(conversation, ids))

    @extend_schema(
        operation_id="widget_me_consent",
        description="Turn emotion analysis on or off for this visitor.",
        parameters=[BEARER_AUTH_HEADER],
        request=WidgetMeConsentInputSerializer,
        responses={200: WidgetMeSummarySerializer, **error_responses(400, 403, 404, 429)},
    )
    def patch(self, request: Request) -> Response:
        conversation, ids = self.me(request)
        data = self.WidgetMeConsentInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        if selectors.conversation_identity_unproven(conversation=conversation):
            # Linked by an id anyone could type (before claims had to be signed): the consent
            # belongs to whoever the id names, not to this token.
            raise Forbidden("Your identity was not proven; this setting is not yours to change.")
        if not selectors.conversation_token_reaches_visitor(conversation=conversation):
            raise Forbidden("This conversation has ended; change the setting from a new one.")
        services.visitor_consent_set(
            visitor=conversation.visitor, emotion_analysis=data.validated_data["emotion_analysis"]
        )
        return Response(_summary(conversation, ids))

    @extend_schema(
        operation_id="widget_me_erase",
        description=(
            "Erase the visitor's personal data: messages, emotion readings, profile. The token "
            "(and every token of the erased conversations) stops working: 404 here, websocket "
            "close 4003. Without a proven identity only this conversation is erased."
        ),
        parameters=[BEARER_AUTH_HEADER],
        responses={204: None, **error_responses(403, 404, 429)},
    )
    def delete(self, request: Request) -> Response:
        conversation, ids = self.me(request)
        services.privacy_erase(
            visitor=conversation.visitor,
            conversation_ids=ids,
            actor_kind=PrivacyAuditEntry.ActorKind.VISITOR,
            via="widget",
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class WidgetMeExportApi(_MeApi):
    @extend_schema(
        operation_id="widget_me_export",
        description=(
            "A JSON export of the visitor's conversations, messages, emotion readings, "
            "escalations and satisfaction ratings (`csat`; `csat_recorded` is false when this "
            "installation records none)."
        ),
        parameters=[BEARER_AUTH_HEADER],
        responses={
            200: OpenApiResponse(description="The export."),
            **error_responses(403, 404, 429),
        },
    )
    def get(self, request: Request) -> Response:
        conversation, ids = self.me(request)
        data = services.privacy_export_for(visitor=conversation.visitor, conversation_ids=ids)
        response = Response(data)
        response["Content-Disposition"] = 'attachment; filename="my-data.json"'
        response["Cache-Control"] = "no-store"
        return response


# ---------------------------------------------------------------------------
# Staff
# ---------------------------------------------------------------------------
class StaffRateThrottle(SettingsRateThrottle):
    scope = "staff"
    setting_name = "WIDGET_RATE_IP"

    def get_cache_key(self, request: Request, view: APIView) -> str | None:
        ident = request.user.pk if request.user.is_authenticated else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


class _StaffApi(APIView):
    permission_classes = [IsAuthenticated]
    throttle_classes = [StaffRateThrottle]


class VisitorExportStaffApi(_StaffApi):
    @extend_schema(
        operation_id="privacy_visitor_export",
        description="Supervisors: a visitor's export on request (audited).",
        responses={200: OpenApiResponse(description="The export."), 403: ErrorSerializer},
    )
    def get(self, request: Request, visitor_id: int) -> Response:
        if not user_is_supervisor(user=request.user):
            return Response(
                {"error": "forbidden", "message": "Supervisors only."},
                status=status.HTTP_403_FORBIDDEN,
            )
        visitor = Visitor.objects.filter(pk=visitor_id, erased_at__isnull=True).first()
        if visitor is None:
            return Response(
                {"error": "not_found", "message": "No such visitor."},
                status=status.HTTP_404_NOT_FOUND,
            )
        ids = list(
            Conversation.objects.filter(visitor=visitor, erased_at__isnull=True).values_list(
                "id", flat=True
            )
        )
        data = services.privacy_export_for(
            visitor=visitor,
            conversation_ids=ids,
            actor=request.user,
            actor_kind=PrivacyAuditEntry.ActorKind.STAFF,
        )
        return Response(data, headers={"Cache-Control": "no-store"})


class TranscriptStaffApi(_StaffApi):
    @extend_schema(
        operation_id="privacy_transcript",
        description=(
            "A conversation's messages for staff. Crisis transcripts only for supervisors and "
            "agents with the crisis skill; each such view is audited."
        ),
        responses={200: OpenApiResponse(description="The messages."), 403: ErrorSerializer},
    )
    def get(self, request: Request, conversation_id: UUID) -> Response:
        conversation = Conversation.objects.filter(
            pk=conversation_id, erased_at__isnull=True
        ).first()
        if conversation is None:
            return Response(
                {"error": "not_found", "message": "No such conversation."},
                status=status.HTTP_404_NOT_FOUND,
            )
        try:
            messages = services.crisis_transcript_view(user=request.user, conversation=conversation)
        except PermissionDenied:
            return Response(
                {"error": "forbidden", "message": "This transcript is restricted."},
                status=status.HTTP_403_FORBIDDEN,
            )
        return Response({"conversation_id": str(conversation.id), "messages": messages})


__all__ = [
    "TranscriptStaffApi",
    "VisitorExportStaffApi",
    "WidgetMeApi",
    "WidgetMeExportApi",
]

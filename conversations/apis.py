"""The public widget API: thin views over the conversation services and selectors."""

from __future__ import annotations

import logging
from typing import Any

from django.http import HttpRequest
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from conversations import access, events, selectors, services
from conversations.models import Conversation, Site
from conversations.privacy import identity
from core.api import BEARER_AUTH_HEADER, SettingsRateThrottle, error_responses
from core.errors import NotFound, ServiceError

logger = logging.getLogger(__name__)


# ---------------------------------------------------------------------------
# Throttles (counters in the shared cache, so every web process counts together)
# ---------------------------------------------------------------------------
class WidgetIpThrottle(SettingsRateThrottle):
    scope = "widget_ip"
    setting_name = "WIDGET_RATE_IP"

    def get_cache_key(self, request: Request, view: APIView) -> str | None:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class WidgetCreateIpThrottle(WidgetIpThrottle):
    scope = "widget_create_ip"
    setting_name = "WIDGET_RATE_CREATE_IP"


class WidgetTokenThrottle(SettingsRateThrottle):
    scope = "widget_token"
    setting_name = "WIDGET_RATE_TOKEN"

    def get_cache_key(self, request: Request, view: APIView) -> str | None:
        subject = access.conversation_token_subject(
            access.bearer_token(request.META.get("HTTP_AUTHORIZATION"))
        )
        if subject is None:
            return None  # invalid tokens get a 404; the per-IP limit still counts them
        return self.cache_format % {"scope": self.scope, "ident": subject.hex}


# ---------------------------------------------------------------------------
# Base view: no cookies or sessions; CORS for embedding pages; origin allow-list per site
# ---------------------------------------------------------------------------
class WidgetApi(APIView):
    authentication_classes: list[type] = []
    permission_classes = [AllowAny]
    throttle_classes = [WidgetIpThrottle]

    def options(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Response:
        response = Response(status=status.HTTP_204_NO_CONTENT)
        response["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        response["Access-Control-Allow-Headers"] = "Authorization, Content-Type"
        response["Access-Control-Max-Age"] = "600"
        return response

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)
        origin = request.headers.get("Origin")
        if origin:
            # No credentials are ever sent, so echoing the origin is safe; which origins may
            # actually use a site is enforced per request below.
            response["Access-Control-Allow-Origin"] = origin
            response["Vary"] = "Origin"
        return response

    def check_origin(self, request: Request, site: Site) -> None:
        origin = request.headers.get("Origin")
        if origin and not access.origin_is_allowed(origin, site.allowed_origins):
            raise ServiceError(
                "This page's origin may not use this site's widget.",
                code="origin_not_allowed",
                status=403,
            )

    def conversation_for(self, request: Request, conversation_id: str) -> Conversation:
        token = access.bearer_token(request.META.get("HTTP_AUTHORIZATION"))
        conversation = selectors.conversation_get_for_token(
            conversation_id=conversation_id, token=token
        )
        if conversation is None:
            raise NotFound("Conversation not found.")
        self.check_origin(request, conversation.site)
        return conversation


# ---------------------------------------------------------------------------
# Serializers (schema + validation)
# ---------------------------------------------------------------------------
class MessageOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    seq = serializers.IntegerField()
    sender = serializers.ChoiceField(choices=["visitor", "bot", "agent", "system"])
    text = serializers.CharField()
    created_at = serializers.DateTimeField()
    reply_to = serializers.IntegerField(
        allow_null=True, help_text="The visitor message a bot or system reply answers."
    )


class EventSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=[events.MESSAGE_CREATED, events.STATUS_CHANGED])
    seq = serializers.IntegerField()
    message = MessageOutputSerializer(required=False, help_text="For `message.created`.")
    status = serializers.CharField(required=False, help_text="For `conversation.status_changed`.")
    csat = serializers.ChoiceField(
        choices=["ask", "check_in"],
        required=False,
        help_text=(
            "With status `resolved`: `ask` to offer a 1-5 rating (POST .../csat), `check_in` "
            "to offer only a gentle check-in (after a crisis)."
        ),
    )


class WidgetConfigApi(WidgetApi):
    class WidgetConfigOutputSerializer(serializers.Serializer):
        site_key = serializers.CharField()
        name = serializers.CharField()
        locale = serializers.CharField()
        features = serializers.DictField(child=serializers.BooleanField())

    @extend_schema(
        operation_id="widget_config",
        parameters=[OpenApiParameter("site_key", str, required=True)],
        responses={200: WidgetConfigOutputSerializer, **error_responses(400, 403, 404, 429)},
    )
    def get(self, request: Request) -> Response:
        site_key = request.query_params.get("site_key", "")
        if not site_key:
            raise ServiceError("site_key is required.", code="invalid", status=400)
        site = selectors.site_get_by_key(site_key=site_key)
        if site is None:
            raise ServiceError("Unknown site key.", code="not_found", status=404)
        self.check_origin(request, site)
        return Response(
            {
                "site_key": site.site_key,
                "name": site.name,
                "locale": site.locale,
                # The widget shows "Talk to a person" only when offered (escalations' endpoint).
                "features": {"request_human": True},
            }
        )


class ConversationCreateApi(WidgetApi):
    throttle_classes = [WidgetIpThrottle, WidgetCreateIpThrottle]

    class ConversationCreateInputSerializer(serializers.Serializer):
        class ConversationCreateVisitorSerializer(serializers.Serializer):
            external_id = serializers.CharField(max_length=200, required=False, allow_blank=True)
            name = serializers.CharField(max_length=200, required=False, allow_blank=True)
            # HMAC-SHA256 hex of "<timestamp>:<external_id>" with the site's secret.
            signature = serializers.CharField(max_length=128, required=False, allow_blank=True)
            timestamp = serializers.IntegerField(required=False, min_value=0)

        site_key = serializers.CharField(max_length=64)
        locale = serializers.RegexField(
            r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8}){0,2}$", max_length=16, required=False
        )
        visitor = ConversationCreateVisitorSerializer(required=False)
        previous_token = serializers.CharField(
            max_length=512,
            required=False,
            allow_blank=True,
            help_text="The token of the resolved conversation this one continues (same visitor).",
        )

    class ConversationCreateOutputSerializer(serializers.Serializer):
        id = serializers.UUIDField()
        token = serializers.CharField(help_text="Send as `Authorization: Bearer <token>`.")
        status = serializers.CharField()

    @extend_schema(
        operation_id="widget_conversation_create",
        description=(
            "Start a conversation. Live events: open the websocket "
            "`/ws/widget/conversations/{id}/` and send "
            '`{"type": "auth", "token": <token>, "after": <last seen seq or 0>}` as the first '
            "frame; the server sends every stored event after that seq, then new ones live, "
            "each with its `seq`, plus ephemeral `typing` hints without a seq. A wrong token or "
            "another conversation's id closes the socket with code 4003."
        ),
        request=ConversationCreateInputSerializer,
        responses={201: ConversationCreateOutputSerializer, **error_responses(400, 403, 404, 429)},
    )
    def post(self, request: Request) -> Response:
        data = self.ConversationCreateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        site = selectors.site_get_by_key(site_key=values["site_key"])
        if site is None:
            raise ServiceError("Unknown site key.", code="not_found", status=404)
        self.check_origin(request, site)
        visitor = values.get("visitor") or {}
        claim = identity.identity_claim_resolve(
            site=site,
            external_id=visitor.get("external_id", ""),
            signature=visitor.get("signature", ""),
            timestamp=visitor.get("timestamp"),
        )
        previous = selectors.conversation_get_for_token(
            conversation_id=str(
                access.conversation_token_subject(values.get("previous_token", "")) or ""
            ),
            token=values.get("previous_token", ""),
        )
        conversation = services.conversation_start(
            site=site,
            locale=values.get("locale"),
            external_id=claim.external_id,
            display_name=visitor.get("name", ""),
            identity_verified=claim.verified,
            previous=previous,
        )
        body = {
            "id": str(conversation.id),
            "token": access.conversation_token_issue(conversation_id=conversation.id),
            "status": conversation.status,
        }
        return Response(body, status=status.HTTP_201_CREATED)


class EventListApi(WidgetApi):
    class EventListOutputSerializer(serializers.Serializer):
        events = EventSerializer(many=True)

    @extend_schema(
        operation_id="widget_event_list",
        description=(
            "Events with a seq greater than `after`, in seq order (at most "
            f"{selectors.EVENT_PAGE_SIZE}; ask again from the last seq for more)."
        ),
        parameters=[
            BEARER_AUTH_HEADER,
            OpenApiParameter("after", OpenApiTypes.INT, required=False),
        ],
        responses={200: EventListOutputSerializer, **error_responses(400, 403, 404, 429)},
    )
    def get(self, request: Request, conversation_id: str) -> Response:
        conversation = self.conversation_for(request, conversation_id)
        raw_after = request.query_params.get("after", "0")
        # isdigit() alone accepts "²" and other digits int() refuses.
        if not raw_after.isascii() or not raw_after.isdigit() or len(raw_after) > 18:
            raise ServiceError("after must be a non-negative integer.", code="invalid", status=400)
        found = selectors.conversation_event_list(
            conversation_id=conversation.id, after=int(raw_after)
        )
        return Response({"events": found})


class UnknownPathApi(WidgetApi):
    @extend_schema(exclude=True)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        raise ServiceError("No such widget endpoint.", code="not_found", status=404)

    post = get

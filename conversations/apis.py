"""The public widget API: thin views over the conversation services and selectors."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from conversations import access, events, selectors, services
from conversations.models import Conversation, Site
from conversations.privacy import identity

logger = logging.getLogger(__name__)


# ---------------------------------------------------------------------------
# Errors: every failure is {"error": <code>, "message": <text>} (+ "fields" for validation)
# ---------------------------------------------------------------------------
class WidgetError(exceptions.APIException):
    def __init__(self, *, status_code: int, code: str, message: str) -> None:
        super().__init__(detail=message, code=code)
        self.status_code = status_code
        self.error_code = code
        self.message = message


def _not_found() -> WidgetError:
    # The same answer for unknown, foreign and wrongly authorized conversations.
    return WidgetError(status_code=404, code="not_found", message="Conversation not found.")


def _first_message(detail: Any) -> str:
    if isinstance(detail, dict):
        for key, value in detail.items():
            inner = _first_message(value)
            return inner if key == "non_field_errors" else f"{key}: {inner}"
    if isinstance(detail, list) and detail:
        return _first_message(detail[0])
    return str(detail)


_CODES = {
    exceptions.ParseError: "malformed_request",
    exceptions.NotFound: "not_found",
    exceptions.MethodNotAllowed: "method_not_allowed",
    exceptions.UnsupportedMediaType: "unsupported_media_type",
    exceptions.NotAcceptable: "not_acceptable",
    exceptions.Throttled: "rate_limited",
}


def widget_exception_handler(exc: Exception, context: dict[str, Any]) -> Response:
    if isinstance(exc, SuspiciousOperation):
        exc = exceptions.ParseError("The request is too large or malformed.")
    response = drf_exception_handler(exc, context)
    if response is None:
        logger.exception("widget api error", exc_info=exc)
        return Response(
            {"error": "server_error", "message": "Something went wrong; please retry."},
            status=status.HTTP_500_INTERNAL_SERVER_ERROR,
        )
    if isinstance(exc, WidgetError):
        response.data = {"error": exc.error_code, "message": exc.message}
    elif isinstance(exc, exceptions.ValidationError):
        response.data = {
            "error": "invalid",
            "message": _first_message(exc.detail),
            "fields": exc.detail,
        }
    elif isinstance(exc, exceptions.Throttled):
        wait = int(getattr(exc, "wait", None) or 1)
        response.data = {
            "error": "rate_limited",
            "message": f"Too many requests; retry in {wait} seconds.",
        }
    else:
        code = next((c for cls, c in _CODES.items() if isinstance(exc, cls)), "error")
        detail = getattr(exc, "detail", "Request failed.")
        response.data = {"error": code, "message": _first_message(detail)}
    return response


# ---------------------------------------------------------------------------
# Throttles (counters in the shared cache, so every web process counts together)
# ---------------------------------------------------------------------------
class _SettingsRateThrottle(SimpleRateThrottle):
    setting_name = ""

    def get_rate(self) -> str:
        rate: str = getattr(settings, self.setting_name)
        return rate

    def allow_request(self, request: Request, view: APIView) -> bool:
        try:
            return super().allow_request(request, view)
        except Exception:
            # Fail open: a cache (Redis) outage must not stop messages, above all a crisis.
            logger.warning("rate-limit cache unavailable; request allowed", exc_info=True)
            return True


class WidgetIpThrottle(_SettingsRateThrottle):
    scope = "widget_ip"
    setting_name = "WIDGET_RATE_IP"

    def get_cache_key(self, request: Request, view: APIView) -> str | None:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class WidgetCreateIpThrottle(WidgetIpThrottle):
    scope = "widget_create_ip"
    setting_name = "WIDGET_RATE_CREATE_IP"


class WidgetTokenThrottle(_SettingsRateThrottle):
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
_AUTH_HEADER = OpenApiParameter(
    name="Authorization",
    type=str,
    location=OpenApiParameter.HEADER,
    required=True,
    description="`Bearer <token>` as returned when the conversation was created.",
)


class WidgetApi(APIView):
    authentication_classes: list[type] = []
    permission_classes = [AllowAny]
    throttle_classes = [WidgetIpThrottle]

    def get_exception_handler(self) -> Callable[[Exception, dict[str, Any]], Response]:
        return widget_exception_handler

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
            raise WidgetError(
                status_code=403,
                code="origin_not_allowed",
                message="This page's origin may not use this site's widget.",
            )

    def conversation_for(self, request: Request, conversation_id: str) -> Conversation:
        token = access.bearer_token(request.META.get("HTTP_AUTHORIZATION"))
        conversation = selectors.conversation_get_for_token(
            conversation_id=conversation_id, token=token
        )
        if conversation is None:
            raise _not_found()
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


class ErrorSerializer(serializers.Serializer):
    error = serializers.CharField()
    message = serializers.CharField()


def _errors(*codes: int) -> dict[int, OpenApiResponse]:
    return {code: OpenApiResponse(ErrorSerializer) for code in codes}


class WidgetConfigApi(WidgetApi):
    class WidgetConfigOutputSerializer(serializers.Serializer):
        site_key = serializers.CharField()
        name = serializers.CharField()
        locale = serializers.CharField()
        features = serializers.DictField(child=serializers.BooleanField())

    @extend_schema(
        operation_id="widget_config",
        parameters=[OpenApiParameter("site_key", str, required=True)],
        responses={200: WidgetConfigOutputSerializer, **_errors(400, 403, 404, 429)},
    )
    def get(self, request: Request) -> Response:
        site_key = request.query_params.get("site_key", "")
        if not site_key:
            raise WidgetError(status_code=400, code="invalid", message="site_key is required.")
        site = selectors.site_get_by_key(site_key=site_key)
        if site is None:
            raise WidgetError(status_code=404, code="not_found", message="Unknown site key.")
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
        responses={201: ConversationCreateOutputSerializer, **_errors(400, 403, 404, 429)},
    )
    def post(self, request: Request) -> Response:
        data = self.ConversationCreateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        site = selectors.site_get_by_key(site_key=values["site_key"])
        if site is None:
            raise WidgetError(status_code=404, code="not_found", message="Unknown site key.")
        self.check_origin(request, site)
        visitor = values.get("visitor") or {}
        claim = identity.identity_claim_resolve(
            site=site,
            external_id=visitor.get("external_id", ""),
            signature=visitor.get("signature", ""),
            timestamp=visitor.get("timestamp"),
        )
        conversation = services.conversation_start(
            site=site,
            locale=values.get("locale"),
            external_id=claim.external_id,
            display_name=visitor.get("name", ""),
            identity_verified=claim.verified,
        )
        body = {
            "id": str(conversation.id),
            "token": access.conversation_token_issue(conversation_id=conversation.id),
            "status": conversation.status,
        }
        return Response(body, status=status.HTTP_201_CREATED)


class MessageCreateApi(WidgetApi):
    throttle_classes = [WidgetIpThrottle, WidgetTokenThrottle]

    class MessageCreateInputSerializer(serializers.Serializer):
        client_message_id = serializers.UUIDField()
        text = serializers.CharField(trim_whitespace=False, allow_blank=True)

    @extend_schema(
        operation_id="widget_message_create",
        description=(
            "Send a visitor message. Idempotent on `client_message_id`: the same id and text "
            "again returns the stored message with 200; the same id with another text is 422. "
            "The text must be 1 to 4000 characters after trimming."
        ),
        parameters=[_AUTH_HEADER],
        request=MessageCreateInputSerializer,
        responses={
            201: MessageOutputSerializer,
            200: MessageOutputSerializer,
            **_errors(400, 403, 404, 409, 422, 429),
        },
    )
    def post(self, request: Request, conversation_id: str) -> Response:
        conversation = self.conversation_for(request, conversation_id)
        data = self.MessageCreateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            message, created = services.message_receive(
                conversation=conversation,
                client_message_id=data.validated_data["client_message_id"],
                text=data.validated_data["text"],
            )
        except services.MessageInvalid as exc:
            raise WidgetError(status_code=400, code=exc.code, message=exc.message) from exc
        except services.MessageConflict as exc:
            raise WidgetError(status_code=422, code=exc.code, message=exc.message) from exc
        except services.ConversationClosed as exc:
            raise WidgetError(status_code=409, code=exc.code, message=exc.message) from exc
        return Response(
            events.message_json(message),
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class EventListApi(WidgetApi):
    class EventListOutputSerializer(serializers.Serializer):
        events = EventSerializer(many=True)

    @extend_schema(
        operation_id="widget_event_list",
        description=(
            "Events with a seq greater than `after`, in seq order (at most "
            f"{selectors.EVENT_PAGE_SIZE}; ask again from the last seq for more)."
        ),
        parameters=[_AUTH_HEADER, OpenApiParameter("after", OpenApiTypes.INT, required=False)],
        responses={200: EventListOutputSerializer, **_errors(400, 403, 404, 429)},
    )
    def get(self, request: Request, conversation_id: str) -> Response:
        conversation = self.conversation_for(request, conversation_id)
        raw_after = request.query_params.get("after", "0")
        if not raw_after.isdigit() or len(raw_after) > 18:
            raise WidgetError(
                status_code=400, code="invalid", message="after must be a non-negative integer."
            )
        found = selectors.conversation_event_list(
            conversation_id=conversation.id, after=int(raw_after)
        )
        return Response({"events": found})


class UnknownPathApi(WidgetApi):
    @extend_schema(exclude=True)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        raise WidgetError(status_code=404, code="not_found", message="No such widget endpoint.")

    post = get

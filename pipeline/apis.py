"""The widget's message endpoint: the entry point of the message path (thin view)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from conversations import events
from conversations.apis import (
    MessageOutputSerializer,
    WidgetApi,
    WidgetIpThrottle,
    WidgetTokenThrottle,
)
from core.api import BEARER_AUTH_HEADER, error_responses
from pipeline import receive


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
        parameters=[BEARER_AUTH_HEADER],
        request=MessageCreateInputSerializer,
        responses={
            201: MessageOutputSerializer,
            200: MessageOutputSerializer,
            **error_responses(400, 403, 404, 409, 422, 429),
        },
    )
    def post(self, request: Request, conversation_id: str) -> Response:
        conversation = self.conversation_for(request, conversation_id)
        data = self.MessageCreateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        message, created = receive.message_receive(
            conversation=conversation,
            client_message_id=data.validated_data["client_message_id"],
            text=data.validated_data["text"],
        )
        return Response(
            events.message_json(message),
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )

"""The widget's "Did this answer your question?" buttons under a help-center answer."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from conversations.apis import WidgetApi, WidgetIpThrottle, WidgetTokenThrottle
from conversations.models import Message
from core.api import BEARER_AUTH_HEADER, error_responses
from core.errors import NotFound, ServiceError
from knowledge import services


class KbFeedbackApi(WidgetApi):
    throttle_classes = [WidgetIpThrottle, WidgetTokenThrottle]

    class KbFeedbackInputSerializer(serializers.Serializer):
        helpful = serializers.BooleanField()

    class KbFeedbackOutputSerializer(serializers.Serializer):
        helpful = serializers.BooleanField()
        offer_human = serializers.BooleanField(
            help_text="True after a 'no': the widget offers to talk to a person."
        )

    @extend_schema(
        operation_id="widget_kb_feedback",
        description=(
            "The visitor's verdict on a bot answer that came from the help center (a message "
            "with `knowledge`). A second verdict replaces the first."
        ),
        parameters=[BEARER_AUTH_HEADER],
        request=KbFeedbackInputSerializer,
        responses={200: KbFeedbackOutputSerializer, **error_responses(400, 403, 404, 429)},
    )
    def post(self, request: Request, conversation_id: str, message_id: int) -> Response:
        conversation = self.conversation_for(request, conversation_id)
        data = self.KbFeedbackInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        message = Message.objects.filter(
            conversation=conversation, pk=message_id, sender=Message.Sender.BOT
        ).first()
        if message is None:
            raise NotFound("Message not found.")
        kb = (message.meta or {}).get("kb") or {}
        if kb.get("outcome") not in {"answered", "suggested"}:
            raise ServiceError("This message did not come from the help center.")
        helpful = bool(data.validated_data["helpful"])
        services.kb_feedback_record(
            message=message,
            outcome="yes" if helpful else "no",
            article_id=kb.get("article_id") or None,
        )
        return Response({"helpful": helpful, "offer_human": not helpful})

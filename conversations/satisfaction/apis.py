"""Widget API for CSAT: the visitor rates a resolved conversation (thin view over the service)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from conversations.apis import WidgetApi, WidgetIpThrottle, WidgetTokenThrottle
from conversations.satisfaction import selectors, services
from core.api import BEARER_AUTH_HEADER, error_responses
from core.errors import ServiceError
from core.sentry import sensitive_text_register


class SatisfactionRatingCreateApi(WidgetApi):
    throttle_classes = [WidgetIpThrottle, WidgetTokenThrottle]

    class SatisfactionRatingInputSerializer(serializers.Serializer):
        # Schema only: the service checks types strictly ("3" or 3.5 is not a score).
        score = serializers.IntegerField(min_value=1, max_value=5)
        comment = serializers.CharField(
            max_length=services.MAX_COMMENT_LENGTH, required=False, allow_blank=True
        )

    class SatisfactionRatingOutputSerializer(serializers.Serializer):
        conversation_id = serializers.UUIDField()
        score = serializers.IntegerField()
        comment = serializers.CharField()
        created_at = serializers.DateTimeField()

    @extend_schema(
        operation_id="widget_satisfaction_rating_create",
        description=(
            "Rate a resolved conversation once (CSAT, 1 to 5, optional comment of at most "
            f"{services.MAX_COMMENT_LENGTH} characters). Offered when the `resolved` status "
            'event carries `"csat": "ask"`; after a crisis it carries `"check_in"` and a rating '
            "is refused with 403. Not resolved yet, or rated already: 409."
        ),
        parameters=[BEARER_AUTH_HEADER],
        request=SatisfactionRatingInputSerializer,
        responses={
            201: SatisfactionRatingOutputSerializer,
            **error_responses(400, 403, 404, 409, 429),
        },
    )
    def post(self, request: Request, conversation_id: str) -> Response:
        conversation = self.conversation_for(request, conversation_id)
        data = request.data
        if not isinstance(data, dict):
            raise ServiceError("The body must be a JSON object.", code="invalid", status=400)
        comment = data.get("comment", "")
        if isinstance(comment, str):
            sensitive_text_register(comment)
        rating = services.satisfaction_rating_create(
            conversation=conversation, score=data.get("score"), comment=comment
        )
        return Response(selectors.satisfaction_rating_json(rating), status=status.HTTP_201_CREATED)

"""Console JSON endpoints (session auth, CSRF enforced) over console selectors and services.

Claim, reply, resolve and hand back are the agent API's (/api/v1/agent/...); these are the
console's own reads and actions.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from agents_console import assist, selectors, services
from escalations.apis import IsAgent


def _not_found() -> services.ConsoleActionRejected:
    return services.ConsoleActionRejected("Not found.", code="not_found", status=404)


class ConsoleApi(APIView):
    # Browser sessions only: SessionAuthentication enforces CSRF on every unsafe method.
    authentication_classes = [SessionAuthentication]
    permission_classes = [IsAuthenticated, IsAgent]


@extend_schema(exclude=True)
class ConsoleQueueApi(ConsoleApi):
    def get(self, request: Request) -> Response:
        return Response(
            {
                "escalations": selectors.console_queue(user=request.user),
                "agent": selectors.console_agent_state(user=request.user),
            }
        )


@extend_schema(exclude=True)
class ConsoleAgentApi(ConsoleApi):
    class InputSerializer(serializers.Serializer):
        status = serializers.ChoiceField(choices=["online", "away"])

    def get(self, request: Request) -> Response:
        return Response(selectors.console_agent_state(user=request.user))

    def post(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.agent_status_set(user=request.user, status=data.validated_data["status"])
        return Response(selectors.console_agent_state(user=request.user))


@extend_schema(exclude=True)
class ConsoleFollowUpListApi(ConsoleApi):
    def get(self, request: Request) -> Response:
        return Response({"follow_ups": selectors.console_follow_ups(user=request.user)})


@extend_schema(exclude=True)
class ConsoleFollowUpHandleApi(ConsoleApi):
    def post(self, request: Request, follow_up_id: int) -> Response:
        return Response(services.follow_up_handle(user=request.user, follow_up_id=follow_up_id))


@extend_schema(exclude=True)
class ConsoleConversationApi(ConsoleApi):
    def get(self, request: Request, conversation_id: str) -> Response:
        services.console_transcript_open(user=request.user, conversation_id=conversation_id)
        detail = selectors.console_conversation_detail(
            user=request.user, conversation_id=conversation_id
        )
        if detail is None:
            raise _not_found()
        return Response(detail)


def _visible_or_404(request: Request, conversation_id: str) -> None:
    # Suggestions and similar cases are read from the messages: the crisis rule applies
    # (403), without an audit entry since no transcript is shown.
    services.console_transcript_open(
        user=request.user, conversation_id=conversation_id, audit=False
    )


def _uuid_or_404(value: str) -> str:
    from uuid import UUID

    try:
        return str(UUID(value))
    except ValueError:
        raise _not_found() from None


@extend_schema(exclude=True)
class ConsoleSuggestionsApi(ConsoleApi):
    def get(self, request: Request, conversation_id: str) -> Response:
        _visible_or_404(request, conversation_id)
        conversation = assist.conversation_for_assist(conversation_id=conversation_id)
        if conversation is None:
            raise _not_found()
        return Response(
            {
                "suggestions": assist.reply_suggestions(conversation=conversation),
                "articles": assist.help_articles(conversation=conversation),
            }
        )


@extend_schema(exclude=True)
class ConsoleSimilarApi(ConsoleApi):
    def get(self, request: Request, conversation_id: str) -> Response:
        _visible_or_404(request, conversation_id)
        return Response({"cases": selectors.console_similar_cases(conversation_id=conversation_id)})


@extend_schema(exclude=True)
class ConsoleNoteCreateApi(ConsoleApi):
    class InputSerializer(serializers.Serializer):
        text = serializers.CharField(trim_whitespace=False, allow_blank=True, max_length=10_000)

    def post(self, request: Request, conversation_id: str) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        note = services.internal_note_add(
            author=request.user,
            conversation_id=_uuid_or_404(conversation_id),
            text=data.validated_data["text"],
        )
        return Response(
            {
                "id": note.pk,
                "author": request.user.get_username(),
                "text": note.text,
                "created_at": note.created_at.isoformat().replace("+00:00", "Z"),
            },
            status=status.HTTP_201_CREATED,
        )


@extend_schema(exclude=True)
class ConsoleTransferApi(ConsoleApi):
    class InputSerializer(serializers.Serializer):
        target = serializers.ChoiceField(choices=list(services.TRANSFER_TARGETS))
        agent_id = serializers.IntegerField(required=False)

    def post(self, request: Request, conversation_id: str) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        escalation = services.escalation_transfer(
            conversation_id=_uuid_or_404(conversation_id),
            user=request.user,
            target=data.validated_data["target"],
            to_user_id=data.validated_data.get("agent_id"),
        )
        return Response(
            {
                "escalation_id": escalation.pk,
                "status": escalation.status,
                "required_skill": escalation.required_skill,
                "assigned_to": escalation.assigned_to_id,
            }
        )


@extend_schema(exclude=True)
class ConsoleEmotionFeedbackApi(ConsoleApi):
    class InputSerializer(serializers.Serializer):
        emotion = serializers.CharField(max_length=32)

    def post(self, request: Request, message_id: int) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        feedback = services.emotion_feedback_record(
            agent=request.user, message_id=message_id, emotion=data.validated_data["emotion"]
        )
        return Response(
            {
                "message_id": feedback.message_id,
                "detected_emotion": feedback.detected_emotion,
                "corrected_emotion": feedback.corrected_emotion,
                "is_correct": feedback.is_correct,
            }
        )

"""Routes used only by the logging and Sentry tests: views that log and fail like real ones."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.http import HttpRequest, JsonResponse
from django.urls import path

from core.sentry import sensitive_text_register

logger = logging.getLogger("empathy.test")


@dataclass(frozen=True)
class Draft:
    text: str
    strategy: str


def conversation_message(request: HttpRequest, conversation_id: str) -> JsonResponse:
    text = request.POST.get("text", "")
    logger.info("message stored", extra={"text": text, "seq": 4})
    return JsonResponse({"ok": True})


def crisis_message(request: HttpRequest, conversation_id: str) -> JsonResponse:
    text = request.POST["text"]
    sensitive_text_register(text)  # what the message pipeline does where the text enters
    draft = Draft(text=text, strategy="safety_first")
    words = text.split()
    note = f"visitor said: {text}"
    seq = 7
    logger.debug("seq %d", seq)
    logger.warning("assessing %s", text)
    logger.info("assessed", extra={"payload": text, "conversation": conversation_id})
    raise RuntimeError(f"crisis handler failed on {text!r} ({len(words)} words, {note}, {draft})")


urlpatterns = [
    path("c/<str:conversation_id>/messages", conversation_message),
    path("c/<str:conversation_id>/crisis", crisis_message),
]

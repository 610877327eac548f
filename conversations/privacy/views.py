"""The public privacy notice the widget links to (plain HTML, no scripts)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
def privacy_notice(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "privacy.html",
        {
            "message_text_days": settings.MESSAGE_TEXT_TTL_DAYS,
            "emotion_reading_days": settings.EMOTION_READING_TTL_DAYS,
            "crisis_transcript_days": settings.CRISIS_TRANSCRIPT_TTL_DAYS,
        },
    )

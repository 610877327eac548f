"""Remote reply providers: any OpenAI-compatible chat endpoint, through the ``openai`` SDK.

The only module of the reply engine that imports a vendor SDK. Calls have an explicit timeout
and no SDK retries (the chain fails over instead, so the visitor never waits through retries),
and every vendor error leaves as a ``ProviderTransientError`` or ``ProviderTerminalError``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Protocol

import httpx
import openai

from empathy.replies.errors import (
    BAD_RESPONSE,
    CONNECTION_ERROR,
    RATE_LIMITED,
    SERVER_ERROR,
    TIMEOUT,
    ProviderError,
    ProviderTerminalError,
    ProviderTransientError,
)
from empathy.replies.safety import prompt_messages, sentences_split
from empathy.types import ReplyDraft, ReplyRequest

# Enough for three sentences or three steps; also bounds a runaway stream.
MAX_TOKENS = 300
# Connecting should take milliseconds; a dead host must not eat the whole call budget.
CONNECT_TIMEOUT = 2.0


class ReplyGenerator(Protocol):
    name: str

    def generate(self, request: ReplyRequest, *, timeout: float) -> ReplyDraft: ...


class StreamingReplyGenerator(ReplyGenerator, Protocol):
    model: str

    def stream(self, request: ReplyRequest, *, timeout: float) -> Iterator[str]: ...


class OpenAICompatibleProvider:
    """One chat-completions endpoint (OpenAI, Anthropic's compatible API, vLLM, Ollama...)."""

    def __init__(
        self,
        *,
        name: str,
        model: str,
        api_key: str = "",
        base_url: str | None = None,
        approved_urls: Sequence[str] = (),
        max_tokens: int = MAX_TOKENS,
    ) -> None:
        self.name = name
        self.model = model
        self.max_tokens = max_tokens
        self.approved_urls = tuple(approved_urls)
        # Local endpoints (vLLM, Ollama) need no key, but the SDK insists on one.
        self._client = openai.OpenAI(
            api_key=api_key or "not-needed", base_url=base_url, max_retries=0, timeout=10.0
        )

    def messages(self, request: ReplyRequest) -> list[dict[str, str]]:
        return prompt_messages(request, approved_urls=self.approved_urls)

    def _timeout(self, timeout: float) -> httpx.Timeout:
        return httpx.Timeout(timeout, connect=min(timeout, CONNECT_TIMEOUT))

    def generate(self, request: ReplyRequest, *, timeout: float) -> ReplyDraft:
        try:
            # The SDK types messages as TypedDicts; ours are plain dicts of the same shape.
            completion = self._client.chat.completions.create(  # type: ignore[call-overload]
                model=self.model,
                messages=self.messages(request),
                max_tokens=self.max_tokens,
                temperature=0.4,
                timeout=self._timeout(timeout),
            )
            text = (
                (completion.choices[0].message.content or "").strip() if completion.choices else ""
            )
        except openai.OpenAIError as exc:
            raise error_from_vendor(exc) from exc
        except (json.JSONDecodeError, httpx.HTTPError, AttributeError, IndexError) as exc:
            raise ProviderTransientError(BAD_RESPONSE, type(exc).__name__) from exc
        if not text:
            raise ProviderTransientError(BAD_RESPONSE, "empty reply")
        return ReplyDraft(
            text=text,
            strategy=request.strategy,
            provider=self.name,
            sentences=tuple(sentences_split(text)),
            model=self.model,
        )

    def stream(self, request: ReplyRequest, *, timeout: float) -> Iterator[str]:
        """Yield the reply's text pieces as the endpoint streams them."""
        try:
            response = self._client.chat.completions.create(  # type: ignore[call-overload]
                model=self.model,
                messages=self.messages(request),
                max_tokens=self.max_tokens,
                temperature=0.4,
                stream=True,
                timeout=self._timeout(timeout),
            )
        except openai.OpenAIError as exc:
            raise error_from_vendor(exc) from exc
        try:
            for chunk in response:
                if not chunk.choices:
                    continue
                piece = chunk.choices[0].delta.content
                if piece:
                    yield piece
        except openai.OpenAIError as exc:
            raise error_from_vendor(exc) from exc
        except (json.JSONDecodeError, httpx.HTTPError, AttributeError) as exc:
            raise ProviderTransientError(BAD_RESPONSE, type(exc).__name__) from exc
        finally:
            response.close()


def error_from_vendor(exc: Exception) -> ProviderError:
    """Map an ``openai`` exception onto our two error kinds and a failure reason."""
    if isinstance(exc, openai.APITimeoutError):
        return ProviderTransientError(TIMEOUT)
    if isinstance(exc, openai.APIConnectionError):
        # The SDK wraps read timeouts met while streaming as connection errors.
        if isinstance(exc.__cause__, httpx.TimeoutException):
            return ProviderTransientError(TIMEOUT)
        return ProviderTransientError(CONNECTION_ERROR)
    if isinstance(exc, openai.RateLimitError):
        return ProviderTransientError(RATE_LIMITED, "429")
    if isinstance(exc, openai.APIStatusError):
        status = exc.status_code
        if status >= 500:
            return ProviderTransientError(SERVER_ERROR, str(status))
        if status in {408, 409}:
            return ProviderTransientError(SERVER_ERROR, str(status))
        # 400/401/403/404/422: a bad key, unknown model or rejected request; retrying won't help.
        return ProviderTerminalError(BAD_RESPONSE, str(status))
    if isinstance(exc, openai.APIResponseValidationError):
        return ProviderTransientError(BAD_RESPONSE, "invalid body")
    return ProviderTransientError(BAD_RESPONSE, type(exc).__name__)

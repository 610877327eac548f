"""Generates the bot's reply: the provider chain with failover, ending at the offline responder.

Chain: ``primary`` LLM, then ``fallback`` LLM, then the offline responder, which always answers.
This module owns the timeouts, the circuit breakers, the cache, the output check and the
failover metric; providers only talk to their endpoint.

Timing: each remote call gets at most ``timeout_seconds``, and the whole chain at most
``budget_seconds``; calls run on a worker thread, so even an endpoint that trickles bytes
cannot hold the visitor past the deadline (the SDK's own timeout frees the thread soon after).
There are no retries: an error moves on to the next provider at once.
"""

from __future__ import annotations

import logging
import queue
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, replace
from typing import Any

from empathy.conf import engine_settings
from empathy.replies.breaker import CircuitBreaker
from empathy.replies.cache import ReplyCache, cache_key, request_cacheable
from empathy.replies.errors import (
    BAD_RESPONSE,
    CIRCUIT_OPEN,
    TIMEOUT,
    UNSAFE_OUTPUT,
    ProviderError,
    ProviderTerminalError,
    ProviderTransientError,
)
from empathy.replies.metrics import ai_failover_record
from empathy.replies.offline import NAME as OFFLINE
from empathy.replies.offline import OfflineResponder, safety_first_draft, sentence_key
from empathy.replies.providers import OpenAICompatibleProvider, StreamingReplyGenerator
from empathy.replies.safety import (
    approved_urls_for,
    output_problem,
    prompt_messages,
    sentences_split,
)
from empathy.replies.strategy import SAFETY_FIRST
from empathy.types import ReplyDraft, ReplyRequest

logger = logging.getLogger(__name__)

PRIMARY = "primary"
FALLBACK = "fallback"
# How long past a call's own timeout the chain waits before giving up on the worker thread.
DEADLINE_GRACE = 0.15
# Below this, a call is not worth starting: the chain moves on to the offline responder.
MIN_CALL_SECONDS = 0.05
# A stream that has started showing text may run this long in total (max_tokens bounds it too).
STREAM_MAX_SECONDS = 30.0

_executor = ThreadPoolExecutor(max_workers=16, thread_name_prefix="reply-provider")
_BOUNDARY = re.compile(r"(?<=[^\d\s][.!?])[ \t]+|\s*\n\s*")


@dataclass(frozen=True, slots=True)
class ReplyConfig:
    """The chain's limits (from settings in production, explicit in tests and benchmarks)."""

    timeout_seconds: float = 4.0
    budget_seconds: float = 6.0
    breaker_failures: int = 5
    breaker_reset_seconds: float = 30.0
    cache_ttl: int = 3600
    approved_urls: tuple[str, ...] = ()
    redis_url: str = ""


class ReplyStream:
    """Text chunks as they become safe to show; ``draft`` is set once iteration is over."""

    def __init__(self, chunks: Callable[[ReplyStream], Iterator[str]]) -> None:
        self.draft: ReplyDraft | None = None
        self._chunks = chunks

    def __iter__(self) -> Iterator[str]:
        return self._chunks(self)


class _Unsafe(Exception):
    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


class _AllRepeated(Exception):
    """The provider answered, but only with sentences this conversation has already seen."""


class ReplyService:
    """The provider chain; one per process (see ``reply_service``), or built by tests."""

    def __init__(
        self,
        *,
        remotes: Sequence[StreamingReplyGenerator] = (),
        config: ReplyConfig | None = None,
        clock: Callable[[], float] = time.monotonic,
        cache: ReplyCache | None = None,
    ) -> None:
        self.config = config or ReplyConfig()
        self.remotes = tuple(remotes)
        self.offline = OfflineResponder()
        self.breakers = {
            provider.name: CircuitBreaker(
                failure_threshold=self.config.breaker_failures,
                reset_seconds=self.config.breaker_reset_seconds,
                clock=clock,
            )
            for provider in self.remotes
        }
        self.cache = cache or ReplyCache(
            url=self.config.redis_url, ttl_seconds=self.config.cache_ttl
        )

    # --- whole replies ----------------------------------------------------------------------

    def generate(self, request: ReplyRequest) -> ReplyDraft:
        if request.strategy == SAFETY_FIRST:
            return safety_first_draft(request)
        if not self.remotes:
            return self.offline.generate(request)
        deadline = time.monotonic() + self.config.budget_seconds
        key = self._cache_key(request)
        cached = self._cache_get(key, request)
        if cached is not None:
            return cached
        for index, provider in enumerate(self.remotes):
            timeout = self._admit(index, deadline)
            if timeout is None:
                continue
            try:
                draft = self._call(provider, request, timeout)
            except ProviderError as exc:
                self._failed(index, exc)
                continue
            self.breakers[provider.name].record_success()
            problem = output_problem(
                draft.text,
                approved_urls=approved_urls_for(request, self.config.approved_urls),
                no_celebration=request.no_celebration,
            )
            if problem is not None:
                return self._unsafe(provider.name, problem, request)
            if key is not None:
                # The model's own answer to this prompt; _cache_get re-checks repeats per use.
                self.cache.set(key, draft)
            fresh = without_repeats(draft, request.used_sentences)
            if fresh is None:
                return self._all_repeated(provider.name, request)
            return fresh
        return replace(self.offline.generate(request), ai_failed=True)

    # --- streamed replies -------------------------------------------------------------------

    def stream(self, request: ReplyRequest) -> ReplyStream:
        """Stream a reply sentence by sentence: each sentence is checked before it is shown,
        so streaming never lets an unsafe line through; offline replies come as one chunk."""
        return ReplyStream(lambda sink: self._stream(request, sink))

    def _stream(self, request: ReplyRequest, sink: ReplyStream) -> Iterator[str]:
        if request.strategy == SAFETY_FIRST or not self.remotes:
            sink.draft = self.generate(request)
            yield sink.draft.text
            return
        deadline = time.monotonic() + self.config.budget_seconds
        key = self._cache_key(request)
        cached = self._cache_get(key, request)
        if cached is not None:
            sink.draft = cached
            yield cached.text
            return
        for index, provider in enumerate(self.remotes):
            timeout = self._admit(index, deadline)
            if timeout is None:
                continue
            sent: list[str] = []
            sentences: list[str] = []
            skipped: list[str] = []
            try:
                for chunk, sentence in self._stream_call(provider, request, timeout, skipped):
                    sent.append(chunk)
                    sentences.append(sentence)
                    yield chunk
            except ProviderError as exc:
                if not sent:
                    self._failed(index, exc)
                    continue
                # Text is already on screen: end the reply there rather than mix two voices.
                self.breakers[provider.name].record_failure(
                    terminal=isinstance(exc, ProviderTerminalError)
                )
                logger.warning(
                    "reply stream cut short",
                    extra={"provider": provider.name, "reason": exc.reason},
                )
            except _AllRepeated:
                self.breakers[provider.name].record_success()
                sink.draft = self._all_repeated(provider.name, request)
                yield sink.draft.text
                return
            except _Unsafe as exc:
                self.breakers[provider.name].record_success()
                if not sent:
                    sink.draft = self._unsafe(provider.name, exc.problem, request)
                    yield sink.draft.text
                    return
                ai_failover_record(
                    primary_service=provider.name,
                    backup_service=OFFLINE,
                    failure_reason=UNSAFE_OUTPUT,
                )
                logger.warning(
                    "reply stream stopped by output check",
                    extra={"provider": provider.name, "problem": exc.problem},
                )
                sink.draft = self._streamed_draft(provider, request, sent, sentences, flagged=True)
                return
            else:
                self.breakers[provider.name].record_success()
            sink.draft = self._streamed_draft(provider, request, sent, sentences, flagged=False)
            # A reply with sentences left out is shaped by this conversation: not for reuse.
            if key is not None and sink.draft.text and not skipped:
                self.cache.set(key, sink.draft)
            return
        sink.draft = replace(self.offline.generate(request), ai_failed=True)
        yield sink.draft.text

    def _stream_call(
        self,
        provider: StreamingReplyGenerator,
        request: ReplyRequest,
        timeout: float,
        skipped: list[str],
    ) -> Iterator[tuple[str, str]]:
        """Yield (chunk to show, sentence) pairs, each sentence checked and new to this
        conversation (repeats are left out and appended to ``skipped``); raise on failure."""
        seen = {sentence_key(s) for s in request.used_sentences}
        pieces: queue.SimpleQueue[tuple[str, Any]] = queue.SimpleQueue()
        stop = threading.Event()
        started = time.monotonic()
        first_deadline = started + timeout
        _executor.submit(_pump, provider, request, timeout, pieces, stop, first_deadline)
        buffer = ""
        shown = False
        last_piece = started
        try:
            while True:
                if shown:
                    limit = min(last_piece + timeout, started + STREAM_MAX_SECONDS)
                else:
                    limit = first_deadline
                try:
                    kind, value = pieces.get(timeout=max(limit - time.monotonic(), 0.0) + 0.001)
                except queue.Empty:
                    raise ProviderTransientError(TIMEOUT, "stream") from None
                if time.monotonic() > limit + DEADLINE_GRACE:
                    raise ProviderTransientError(TIMEOUT, "stream")
                if kind == "error":
                    raise value
                last_piece = time.monotonic()
                if kind == "piece":
                    buffer += value
                    complete, buffer = _split_complete(buffer)
                else:
                    complete, buffer = [(buffer.strip(), "")] if buffer.strip() else [], ""
                for sentence, separator in complete:
                    problem = output_problem(
                        sentence,
                        approved_urls=approved_urls_for(request, self.config.approved_urls),
                        no_celebration=request.no_celebration,
                    )
                    if problem is not None:
                        raise _Unsafe(problem)
                    if sentence_key(sentence) in seen:
                        skipped.append(sentence)
                        continue
                    seen.add(sentence_key(sentence))
                    shown = True
                    yield sentence + separator, sentence
                if kind == "end":
                    if not shown and skipped:
                        raise _AllRepeated()
                    if not shown:
                        raise ProviderTransientError(BAD_RESPONSE, "empty stream")
                    return
        finally:
            stop.set()

    # --- shared steps ------------------------------------------------------------------------

    def _backup(self, index: int) -> str:
        return self.remotes[index + 1].name if index + 1 < len(self.remotes) else OFFLINE

    def _admit(self, index: int, deadline: float) -> float | None:
        """The timeout for calling provider ``index`` now, or None when it must be skipped."""
        provider = self.remotes[index]
        remaining = deadline - time.monotonic()
        if remaining < MIN_CALL_SECONDS:
            ai_failover_record(
                primary_service=provider.name,
                backup_service=self._backup(index),
                failure_reason=TIMEOUT,
            )
            return None
        if not self.breakers[provider.name].allow():
            ai_failover_record(
                primary_service=provider.name,
                backup_service=self._backup(index),
                failure_reason=CIRCUIT_OPEN,
            )
            return None
        return min(self.config.timeout_seconds, remaining)

    def _call(
        self, provider: StreamingReplyGenerator, request: ReplyRequest, timeout: float
    ) -> ReplyDraft:
        start_by = time.monotonic() + timeout
        future = _executor.submit(_generate_if_in_time, provider, request, timeout, start_by)
        try:
            return future.result(timeout=timeout + DEADLINE_GRACE)
        except FutureTimeout:
            future.cancel()
            raise ProviderTransientError(TIMEOUT, "deadline") from None
        except ProviderError:
            raise
        except Exception as exc:
            # A bug or an unmapped SDK error must cost a failover, never the reply.
            raise ProviderTransientError(BAD_RESPONSE, type(exc).__name__) from exc

    def _failed(self, index: int, exc: ProviderError) -> None:
        name = self.remotes[index].name
        self.breakers[name].record_failure(terminal=isinstance(exc, ProviderTerminalError))
        ai_failover_record(
            primary_service=name, backup_service=self._backup(index), failure_reason=exc.reason
        )
        logger.warning("reply provider failed", extra={"provider": name, "reason": exc.reason})

    def _unsafe(self, provider: str, problem: str, request: ReplyRequest) -> ReplyDraft:
        ai_failover_record(
            primary_service=provider, backup_service=OFFLINE, failure_reason=UNSAFE_OUTPUT
        )
        logger.warning(
            "reply replaced by output check", extra={"provider": provider, "problem": problem}
        )
        return replace(self.offline.generate(request), flagged=True)

    def _all_repeated(self, provider: str, request: ReplyRequest) -> ReplyDraft:
        # Not a provider failure (no failover metric, no ai_failures): the model answered, but
        # only with what this visitor has already read, so the curated library answers instead.
        logger.info("reply replaced: only repeated sentences", extra={"provider": provider})
        return self.offline.generate(request)

    def _cache_key(self, request: ReplyRequest) -> str | None:
        if not self.cache.enabled or not request_cacheable(request):
            return None
        messages = prompt_messages(request, approved_urls=self.config.approved_urls)
        return cache_key(messages, [provider.model for provider in self.remotes])

    def _cache_get(self, key: str | None, request: ReplyRequest) -> ReplyDraft | None:
        if key is None:
            return None
        draft = self.cache.get(key)
        if draft is None:
            return None
        used = {sentence_key(s) for s in request.used_sentences}
        if any(sentence_key(s) in used for s in draft.sentences):
            return None
        if (
            output_problem(
                draft.text,
                approved_urls=approved_urls_for(request, self.config.approved_urls),
                no_celebration=request.no_celebration,
            )
            is not None
        ):
            return None
        return draft

    def _streamed_draft(
        self,
        provider: StreamingReplyGenerator,
        request: ReplyRequest,
        sent: list[str],
        sentences: list[str],
        *,
        flagged: bool,
    ) -> ReplyDraft:
        return ReplyDraft(
            text="".join(sent).strip(),
            strategy=request.strategy,
            provider=provider.name,
            sentences=tuple(s for s in sentences if s),
            flagged=flagged,
            model=provider.model,
        )


def without_repeats(draft: ReplyDraft, used_sentences: frozenset[str]) -> ReplyDraft | None:
    """The draft without sentences already sent in this conversation (or said twice in it);
    None when nothing new remains. The text keeps its layout (numbered steps stay on lines)."""
    seen = {sentence_key(s) for s in used_sentences}
    kept: list[str] = []
    dropped: list[str] = []
    for sentence in draft.sentences:
        key = sentence_key(sentence)
        if key in seen:
            dropped.append(sentence)
        else:
            seen.add(key)
            kept.append(sentence)
    if not dropped:
        return draft
    if not kept:
        return None
    return replace(draft, text=_text_without(draft.text, dropped), sentences=tuple(kept))


def _text_without(text: str, dropped: Sequence[str]) -> str:
    # Remove from the end so a sentence said twice loses its later copy, not the first one.
    for sentence in dropped:
        position = text.rfind(sentence)
        if position >= 0:
            text = text[:position] + text[position + len(sentence) :]
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _generate_if_in_time(
    provider: StreamingReplyGenerator, request: ReplyRequest, timeout: float, start_by: float
) -> ReplyDraft:
    # A call queued behind busy workers past its deadline is pointless: its visitor has moved on.
    if time.monotonic() > start_by:
        raise ProviderTransientError(TIMEOUT, "queued")
    return provider.generate(request, timeout=timeout)


def _pump(
    provider: StreamingReplyGenerator,
    request: ReplyRequest,
    timeout: float,
    pieces: queue.SimpleQueue[tuple[str, Any]],
    stop: threading.Event,
    start_by: float,
) -> None:
    if time.monotonic() > start_by:
        pieces.put(("error", ProviderTransientError(TIMEOUT, "queued")))
        return
    stream = provider.stream(request, timeout=timeout)
    try:
        for piece in stream:
            if stop.is_set():
                return
            pieces.put(("piece", piece))
        pieces.put(("end", None))
    except ProviderError as exc:
        pieces.put(("error", exc))
    except Exception as exc:
        pieces.put(("error", ProviderTransientError(BAD_RESPONSE, type(exc).__name__)))
    finally:
        close = getattr(stream, "close", None)
        if close is not None:
            close()


def _split_complete(buffer: str) -> tuple[list[tuple[str, str]], str]:
    """Split off the complete sentences of a growing buffer: ([(sentence, separator)], rest)."""
    complete: list[tuple[str, str]] = []
    position = 0
    for match in _BOUNDARY.finditer(buffer):
        sentence = buffer[position : match.start()].strip()
        if sentence:
            complete.append((sentence, "\n" if "\n" in match.group(0) else " "))
        position = match.end()
    return complete, buffer[position:]


# --- the process-wide chain -------------------------------------------------------------------

_service: ReplyService | None = None
_service_lock = threading.Lock()


def reply_service_from_settings() -> ReplyService:
    settings = engine_settings()
    config = ReplyConfig(
        timeout_seconds=settings.reply_timeout_seconds,
        budget_seconds=settings.reply_budget_seconds,
        breaker_failures=settings.reply_breaker_failures,
        breaker_reset_seconds=settings.reply_breaker_reset_seconds,
        cache_ttl=settings.reply_cache_ttl,
        approved_urls=tuple(settings.reply_approved_urls),
        redis_url=settings.redis_url,
    )
    remotes: list[StreamingReplyGenerator] = []
    if settings.openai_api_key or settings.openai_base_url:
        remotes.append(
            OpenAICompatibleProvider(
                name=PRIMARY,
                model=settings.openai_model,
                api_key=settings.openai_api_key,
                base_url=settings.openai_base_url,
                approved_urls=config.approved_urls,
            )
        )
    if settings.fallback_llm_api_key or settings.fallback_llm_base_url:
        remotes.append(
            OpenAICompatibleProvider(
                name=FALLBACK,
                model=settings.fallback_llm_model,
                api_key=settings.fallback_llm_api_key,
                base_url=settings.fallback_llm_base_url,
                approved_urls=config.approved_urls,
            )
        )
    return ReplyService(remotes=remotes, config=config)


def reply_service() -> ReplyService:
    """The process-wide chain, built from settings on first use (breakers live as long)."""
    global _service
    with _service_lock:
        if _service is None:
            _service = reply_service_from_settings()
        return _service


def reply_service_set(service: ReplyService | None) -> None:
    """Install a chain (tests, benchmarks), or None to rebuild from settings on next use."""
    global _service
    with _service_lock:
        _service = service


def reply_generate(request: ReplyRequest) -> ReplyDraft:
    """Return the reply for one visitor message; never raises for provider trouble.

    ``safety_first`` never reaches a generator: it returns the fixed, reviewed crisis text.
    When every remote provider failed, the offline responder answers with ``ai_failed=True``;
    when a generated reply fails the output check, a safe offline reply of the same strategy
    replaces it with ``flagged=True``.
    """
    return reply_service().generate(request)


def reply_streams() -> bool:
    """Whether replies can arrive in pieces: only a remote provider streams; the offline
    responder (the default) answers whole, so callers keep their plain path for it."""
    return bool(reply_service().remotes)


def reply_stream(request: ReplyRequest) -> ReplyStream:
    """Like ``reply_generate`` but yields text as it becomes safe to show; after iterating,
    ``.draft`` holds the full ``ReplyDraft`` to store."""
    return reply_service().stream(request)


__all__ = [
    "FALLBACK",
    "PRIMARY",
    "ReplyConfig",
    "ReplyService",
    "ReplyStream",
    "reply_generate",
    "reply_service",
    "reply_service_set",
    "reply_stream",
    "reply_streams",
    "sentences_split",
    "without_repeats",
]

"""A fake OpenAI-compatible HTTP server on 127.0.0.1 for tests that use the real ``openai`` SDK.

It speaks ``POST /v1/chat/completions`` (plain and SSE streaming) and records every request.
Tests tell it how to behave, for all requests or for the next few:

    with FakeOpenAIServer() as server:
        server.answer("Hello there.")                  # every request
        server.script(Behaviour(status=429), Behaviour(text="ok"))   # next two, in order
        server.respond_with(lambda body: Behaviour(text=body["model"]))  # computed per request
        client = openai.OpenAI(base_url=server.url, api_key="k", max_retries=0)
        ...
        server.requests[0].json["messages"]

Behaviours: answer with text, stream it in chunks (``stream=None`` follows the request's own
``stream`` flag), delay before answering, pause between chunks, return any HTTP status (429,
500, 401...), hang without answering until the server stops, or send a raw malformed body.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["Behaviour", "FakeOpenAIServer", "RecordedRequest"]

_ERROR_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    429: "rate_limit_exceeded",
}


@dataclass(frozen=True)
class Behaviour:
    """How the server answers one request."""

    text: str = "Thanks for your message."
    stream: bool | None = None
    chunks: tuple[str, ...] | None = None
    delay: float = 0.0
    chunk_delay: float = 0.0
    status: int = 200
    hang: bool = False
    hang_after_chunks: int | None = None
    raw_body: str | None = None


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]
    json: Any
    received_at: float = field(default_factory=time.monotonic)

    @property
    def prompt_text(self) -> str:
        """Every message content of a chat request, joined: handy for 'was X sent?' checks."""
        if not isinstance(self.json, dict):
            return ""
        return "\n".join(str(m.get("content", "")) for m in self.json.get("messages", []))


class FakeOpenAIServer:
    """Threaded HTTP server; start with ``with`` or ``start()``/``stop()``."""

    def __init__(self) -> None:
        self.requests: list[RecordedRequest] = []
        self._default = Behaviour()
        self._queue: deque[Behaviour] = deque()
        self._responder: Callable[[Any], Behaviour] | None = None
        self._lock = threading.Lock()
        self._released = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    # --- lifecycle -----------------------------------------------------------------------

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        """The base URL to give the SDK (``.../v1``)."""
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> FakeOpenAIServer:
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._released.set()  # frees handlers that hang
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeOpenAIServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- telling it what to do ---------------------------------------------------------------

    def set_default(self, behaviour: Behaviour) -> None:
        with self._lock:
            self._default = behaviour

    def answer(self, text: str, **options: Any) -> None:
        self.set_default(Behaviour(text=text, **options))

    def stream(self, text: str, *, chunks: tuple[str, ...] | None = None, **options: Any) -> None:
        self.set_default(Behaviour(text=text, stream=True, chunks=chunks, **options))

    def delay(self, seconds: float, text: str = "Sorry for the wait.") -> None:
        self.set_default(Behaviour(text=text, delay=seconds))

    def fail(self, status: int) -> None:
        self.set_default(Behaviour(status=status))

    def hang(self) -> None:
        self.set_default(Behaviour(hang=True))

    def script(self, *behaviours: Behaviour) -> None:
        """Use these for the next requests, in order, then the default again."""
        with self._lock:
            self._queue.extend(behaviours)

    def respond_with(self, responder: Callable[[Any], Behaviour] | None) -> None:
        """Compute each answer from the request body (after any scripted ones)."""
        with self._lock:
            self._responder = responder

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self._queue.clear()
            self._responder = None
            self._default = Behaviour()

    def _next(self, body: Any) -> Behaviour:
        with self._lock:
            if self._queue:
                return self._queue.popleft()
            responder = self._responder
            default = self._default
        return responder(body) if responder is not None else default

    # --- HTTP ----------------------------------------------------------------------------------

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                server._record(self, None)
                if self.path.rstrip("/").endswith("/models"):
                    self._json(200, {"object": "list", "data": [{"id": "fake", "object": "model"}]})
                else:
                    self._json(404, {"error": {"message": "not found", "type": "not_found"}})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                try:
                    body = json.loads(raw or b"null")
                except ValueError:
                    body = None
                server._record(self, body)
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self._json(404, {"error": {"message": "not found", "type": "not_found"}})
                    return
                behaviour = server._next(body)
                if behaviour.delay:
                    server._released.wait(behaviour.delay)
                if behaviour.hang:
                    server._released.wait()
                    return
                if behaviour.status != 200:
                    self._json(
                        behaviour.status,
                        {
                            "error": {
                                "message": f"fake error {behaviour.status}",
                                "type": _ERROR_TYPES.get(behaviour.status, "server_error"),
                                "code": None,
                            }
                        },
                    )
                    return
                if behaviour.raw_body is not None:
                    self._send(200, behaviour.raw_body.encode(), "application/json")
                    return
                model = body.get("model", "fake") if isinstance(body, dict) else "fake"
                wants_stream = bool(isinstance(body, dict) and body.get("stream"))
                streaming = wants_stream if behaviour.stream is None else behaviour.stream
                if streaming:
                    self._stream(behaviour, model)
                else:
                    self._json(200, _completion(behaviour.text, model))

            def _json(self, status: int, payload: Any) -> None:
                self._send(status, json.dumps(payload).encode(), "application/json")

            def _send(self, status: int, data: bytes, content_type: str) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:
                    pass  # the client gave up (timeout): nothing to do

            def _stream(self, behaviour: Behaviour, model: str) -> None:
                chunks = behaviour.chunks or tuple(_words(behaviour.text))
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream")
                    self.send_header("Cache-Control", "no-cache")
                    self.end_headers()
                    self._event(_chunk({"role": "assistant", "content": ""}, model, None))
                    for index, piece in enumerate(chunks):
                        if behaviour.hang_after_chunks is not None and (
                            index >= behaviour.hang_after_chunks
                        ):
                            server._released.wait()
                            return
                        if behaviour.chunk_delay:
                            server._released.wait(behaviour.chunk_delay)
                        self._event(_chunk({"content": piece}, model, None))
                    self._event(_chunk({}, model, "stop"))
                    self.wfile.write(b"data: [DONE]\n\n")
                    self.wfile.flush()
                except OSError:
                    pass

            def _event(self, payload: Any) -> None:
                self.wfile.write(b"data: " + json.dumps(payload).encode() + b"\n\n")
                self.wfile.flush()

        return Handler

    def _record(self, handler: BaseHTTPRequestHandler, body: Any) -> None:
        with self._lock:
            self.requests.append(
                RecordedRequest(
                    method=handler.command,
                    path=handler.path,
                    headers={k.lower(): v for k, v in handler.headers.items()},
                    json=body,
                )
            )


def _completion(text: str, model: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


def _chunk(delta: dict[str, Any], model: str, finish_reason: str | None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
    }


def _words(text: str) -> list[str]:
    """Split like a tokenizer would: words with their following space."""
    pieces: list[str] = []
    current = ""
    for char in text:
        current += char
        if char == " ":
            pieces.append(current)
            current = ""
    if current:
        pieces.append(current)
    return pieces

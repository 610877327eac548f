"""Load benchmark of the message pipeline: N concurrent widget sessions over REST + websocket.

Each simulated visitor does what the widget does: POST /api/v1/widget/conversations, opens
/ws/widget/conversations/{id}/ and authenticates with its first frame, then sends messages with
POST .../messages (a fresh client_message_id each) and waits for the bot's reply on the socket
before "thinking" and writing again. Latency is measured from just before the POST until the
reply (a bot ``message.created`` whose ``reply_to`` is that message) is read from the socket.
It prints sessions, messages sent, messages/s, p50/p95/p99, errors, lost messages (no reply
within --reply-deadline) and duplicated messages (one message id delivered twice on a socket).
A socket that drops is reopened with ``after=<last seq>`` like the widget, so a lost push shows
up as a lost reply only if the stored event log lost it too.

Target (issue 3): 200 sessions on 2 cores with PostgreSQL, Redis and one Celery worker:
0 lost, 0 duplicated, p95 <= 500 ms. The pace is a person's: by default each visitor pauses
5-15 s (mean 10 s) between reading a reply and sending the next message, which is still faster
than reading and typing take; --think-time 5 doubles the offered load as a stress test.

How to start the server in production mode for the target run (from the repository root, each
command in its own terminal; PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379):

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/empathy_desk
    export REDIS_URL=redis://127.0.0.1:6379/0
    export DJANGO_DEBUG=false DJANGO_HTTPS=false DJANGO_SECRET_KEY=bench-only-secret-change-me
    export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
    # Every simulated visitor comes from 127.0.0.1, so the per-IP limits must admit them all;
    # the per-token limit (30/minute) is left as shipped: one visitor stays far below it.
    export WIDGET_RATE_CREATE_IP=100000/minute WIDGET_RATE_IP=1000000/minute
    export LOG_LEVEL=WARNING
    .venv/bin/python manage.py migrate --noinput
    .venv/bin/python manage.py seed_demo --origin http://127.0.0.1:8000   # site key "demo"
    .venv/bin/celery -A config worker -l WARNING --concurrency 1      # one worker
    .venv/bin/uvicorn config.asgi:application --host 127.0.0.1 --port 8000 \
        --lifespan off --no-access-log                                  # the ASGI server

Then:

    .venv/bin/python benchmarks/pipeline_load.py --sessions 200 --duration 60

Exit status 0 when the run met the target (0 lost, 0 duplicated, 0 errors, p95 <= --p95-ms),
1 otherwise, so it can gate a CI job.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidStatus, WebSocketException

SAMPLE_TEXTS = [
    "Hi, I ordered a jacket last week and it still has not arrived.",
    "I'm really frustrated, this is the third time I have had to ask about my refund!",
    "Thanks so much, that was really helpful :)",
    "I'm worried my account was charged twice, what should I do?",
    "Can you tell me how to change my delivery address?",
    "This is ridiculous. Nobody answers my emails.",
    "I'm a bit confused about the new pricing plans.",
    "Great, it works now. You made my day!",
    "I feel like nobody is listening to me.",
    "Is there a way to pause my subscription for a month?",
]


@dataclass
class Stats:
    sessions_started: int = 0
    sessions_ready: int = 0
    sent: int = 0
    replied: int = 0
    lost: int = 0
    duplicated: int = 0
    reconnects: int = 0
    handed_off: int = 0  # conversations the assistant handed to a person (the notice answers)
    latencies_ms: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)


@dataclass
class Config:
    base_url: str
    ws_base: str
    origin: str
    site_key: str
    duration: float
    ramp_up: float
    think_time: float
    reply_deadline: float
    request_timeout: float


class Session:
    """One simulated visitor: a conversation, its socket, and its outstanding messages."""

    def __init__(self, index: int, cfg: Config, http: httpx.AsyncClient, stats: Stats) -> None:
        self.index = index
        self.cfg = cfg
        self.http = http
        self.stats = stats
        self.conversation_id = ""
        self.token = ""
        self.last_seq = 0
        self.seen_ids: set[int | str] = set()
        # reply_to (visitor message id) -> monotonic time the reply was read from the socket
        self.replies: dict[int | str, float] = {}
        self.reply_arrived = asyncio.Event()
        self.socket: ClientConnection | None = None
        self.reader: asyncio.Task[None] | None = None
        self.closing = False
        self.handed_off = False

    async def create(self) -> bool:
        try:
            response = await self.http.post(
                f"{self.cfg.base_url}/api/v1/widget/conversations",
                json={"site_key": self.cfg.site_key, "locale": "en"},
            )
        except httpx.HTTPError as exc:
            self.stats.errors[f"create:{type(exc).__name__}"] += 1
            return False
        if response.status_code != 201:
            self.stats.errors[f"create:http_{response.status_code}"] += 1
            return False
        body = response.json()
        self.conversation_id, self.token = str(body["id"]), str(body["token"])
        return True

    async def open_socket(self) -> bool:
        url = f"{self.cfg.ws_base}/ws/widget/conversations/{self.conversation_id}/"
        try:
            self.socket = await connect(
                url,
                origin=self.cfg.origin,  # type: ignore[arg-type]
                open_timeout=self.cfg.request_timeout,
                close_timeout=2,
                proxy=None,
                compression=None,
            )
            await self.socket.send(
                json.dumps({"type": "auth", "token": self.token, "after": self.last_seq})
            )
        except (OSError, TimeoutError, InvalidStatus, WebSocketException) as exc:
            self.stats.errors[f"ws_open:{type(exc).__name__}"] += 1
            self.socket = None
            return False
        self.reader = asyncio.create_task(self.read_loop(self.socket))
        return True

    async def read_loop(self, socket: ClientConnection) -> None:
        try:
            async for frame in socket:
                self.on_frame(frame)
        except ConnectionClosed:
            pass
        if self.closing:
            return
        code = socket.close_code
        self.stats.errors[f"ws_closed:{code}"] += 1
        if code == 4003:
            return  # refused: reopening cannot help
        # Resume like the widget: reopen with the last seq; the server replays what we missed.
        for delay in (0.2, 0.5, 1.0, 2.0, 4.0):
            if self.closing:
                return
            await asyncio.sleep(delay * (0.5 + random.random() / 2))
            self.stats.reconnects += 1
            if await self.open_socket():
                return

    def on_frame(self, frame: str | bytes) -> None:
        now = time.monotonic()
        try:
            event = json.loads(frame)
        except ValueError:
            self.stats.errors["ws_frame:not_json"] += 1
            return
        seq = event.get("seq")
        if isinstance(seq, int) and seq > self.last_seq:
            self.last_seq = seq
        if event.get("type") == "conversation.status_changed" and event.get("status") != "bot":
            self.handed_off = True
        if event.get("type") != "message.created":
            return
        message = event.get("message") or {}
        message_id = message.get("id")
        if message_id in self.seen_ids:
            self.stats.duplicated += 1
            return
        self.seen_ids.add(message_id)
        # The bot's reply answers a message; so does the notice that a person is taking over.
        if message.get("sender") in ("bot", "system") and message.get("reply_to") is not None:
            self.replies[message["reply_to"]] = now
            self.reply_arrived.set()

    async def send_and_wait(self, text: str) -> None:
        started = time.monotonic()
        try:
            response = await self.http.post(
                f"{self.cfg.base_url}/api/v1/widget/conversations/{self.conversation_id}/messages",
                json={"client_message_id": str(uuid.uuid4()), "text": text},
                headers={"Authorization": f"Bearer {self.token}"},
            )
        except httpx.HTTPError as exc:
            self.stats.errors[f"message:{type(exc).__name__}"] += 1
            return
        if response.status_code != 201:
            self.stats.errors[f"message:http_{response.status_code}"] += 1
            return
        self.stats.sent += 1
        message_id = response.json()["id"]
        deadline = started + self.cfg.reply_deadline
        # The reply may already be here: with a fast pipeline it can beat the POST's response.
        while message_id not in self.replies:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            self.reply_arrived.clear()
            try:
                await asyncio.wait_for(self.reply_arrived.wait(), timeout=remaining)
            except TimeoutError:
                break
        arrived = self.replies.get(message_id)
        if arrived is None:
            self.stats.lost += 1
            return
        self.stats.replied += 1
        self.stats.latencies_ms.append((arrived - started) * 1000)

    async def run(self, stop_sending_at: float) -> None:
        await asyncio.sleep(random.random() * self.cfg.ramp_up)
        self.stats.sessions_started += 1
        if not await self.create() or not await self.open_socket():
            return
        self.stats.sessions_ready += 1
        rng = random.Random(self.index)
        # Each visitor walks the sample texts in its own order without repeating one: the
        # same message sent twice is a repeated ask, which rightly goes to a person.
        texts = rng.sample(SAMPLE_TEXTS, len(SAMPLE_TEXTS))
        turn = 0
        try:
            while time.monotonic() < stop_sending_at:
                await self.send_and_wait(texts[turn % len(texts)])
                turn += 1
                if self.handed_off:
                    # A person takes it from here; this visitor starts a new conversation so
                    # the number of conversations talking to the bot stays at N.
                    self.stats.handed_off += 1
                    if not await self.restart():
                        return
                    texts = rng.sample(SAMPLE_TEXTS, len(SAMPLE_TEXTS))
                    turn = 0
                await asyncio.sleep(self.cfg.think_time * (0.5 + rng.random()))
        finally:
            await self.close()

    async def restart(self) -> bool:
        await self.close()
        self.closing = self.handed_off = False
        self.socket, self.reader = None, None
        self.last_seq = 0
        self.seen_ids.clear()
        self.replies.clear()
        return await self.create() and await self.open_socket()

    async def close(self) -> None:
        self.closing = True
        if self.socket is not None:
            await self.socket.close()
        if self.reader is not None:
            self.reader.cancel()


def percentile(values: list[float], pct: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


async def main_async(args: argparse.Namespace) -> int:
    parts = urlsplit(args.url.rstrip("/"))
    ws_scheme = "wss" if parts.scheme == "https" else "ws"
    cfg = Config(
        base_url=f"{parts.scheme}://{parts.netloc}",
        ws_base=f"{ws_scheme}://{parts.netloc}",
        origin=args.origin or f"{parts.scheme}://{parts.netloc}",
        site_key=args.site_key,
        duration=args.duration,
        ramp_up=min(args.ramp_up, args.duration),
        think_time=args.think_time,
        reply_deadline=args.reply_deadline,
        request_timeout=args.request_timeout,
    )
    stats = Stats()
    limits = httpx.Limits(max_connections=args.sessions, max_keepalive_connections=args.sessions)
    timeout = httpx.Timeout(args.request_timeout)
    async with httpx.AsyncClient(limits=limits, timeout=timeout, trust_env=False) as http:
        try:
            probe = await http.get(f"{cfg.base_url}/api/schema/")
        except httpx.HTTPError as exc:
            print(f"server not reachable at {cfg.base_url}: {exc}", file=sys.stderr)
            return 2
        if probe.status_code >= 500:
            print(f"server answered {probe.status_code} at {cfg.base_url}", file=sys.stderr)
            return 2
        started = time.monotonic()
        stop_sending_at = started + cfg.duration
        sessions = [Session(i, cfg, http, stats) for i in range(args.sessions)]
        tasks = [asyncio.create_task(s.run(stop_sending_at)) for s in sessions]
        # Hard bound: sending stops at --duration, the last replies get --reply-deadline, then
        # a small grace for closing sockets; whatever still runs is cancelled and reported.
        hard_limit = cfg.duration + cfg.reply_deadline + cfg.request_timeout + 5
        done, pending = await asyncio.wait(tasks, timeout=hard_limit)
        for task in pending:
            task.cancel()
        if pending:
            stats.errors["session:cancelled_at_hard_limit"] += len(pending)
            await asyncio.gather(*pending, return_exceptions=True)
        for task in done:
            if not task.cancelled() and task.exception() is not None:
                stats.errors[f"session:{type(task.exception()).__name__}"] += 1
        elapsed = time.monotonic() - started

    lat = stats.latencies_ms
    p50, p95, p99 = (percentile(lat, p) for p in (50, 95, 99))
    error_total = sum(count for key, count in stats.errors.items() if key != "ws_closed:1000")
    print("pipeline_load: REST + websocket widget sessions")
    print(f"  target                {cfg.base_url} (site key {cfg.site_key!r})")
    print(f"  sessions              {stats.sessions_ready}/{args.sessions} ready")
    print(f"  duration              {elapsed:.1f} s (sending for {cfg.duration:.0f} s)")
    print(f"  messages sent         {stats.sent}")
    print(f"  replies received      {stats.replied}")
    print(f"  messages/s            {stats.replied / elapsed:.1f} (replied messages per second)")
    print(f"  latency p50           {p50:.0f} ms   (send -> reply read from the websocket)")
    print(f"  latency p95           {p95:.0f} ms")
    print(f"  latency p99           {p99:.0f} ms")
    if lat:
        print(f"  latency mean / max    {statistics.fmean(lat):.0f} / {max(lat):.0f} ms")
    print(f"  lost                  {stats.lost} (no reply within {cfg.reply_deadline:.0f} s)")
    print(f"  duplicated            {stats.duplicated}")
    print(f"  handed to a person    {stats.handed_off} (answered by the handoff notice)")
    print(f"  socket reconnects     {stats.reconnects}")
    print(f"  errors                {error_total}")
    for key, count in sorted(stats.errors.items()):
        print(f"    {key:<30} {count}")
    if args.json:
        print(
            json.dumps(
                {
                    "sessions": stats.sessions_ready,
                    "sent": stats.sent,
                    "replied": stats.replied,
                    "messages_per_s": stats.replied / elapsed,
                    "p50_ms": p50,
                    "p95_ms": p95,
                    "p99_ms": p99,
                    "lost": stats.lost,
                    "handed_off": stats.handed_off,
                    "duplicated": stats.duplicated,
                    "errors": dict(stats.errors),
                }
            )
        )
    met = (
        stats.sessions_ready == args.sessions
        and stats.sent > 0
        and stats.lost == 0
        and stats.duplicated == 0
        and error_total == 0
        and p95 <= args.p95_ms
    )
    print(f"  target met            {'yes' if met else 'NO'} (p95 <= {args.p95_ms:.0f} ms)")
    return 0 if met else 1


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", nargs="?", default="http://127.0.0.1:8000", help="server base URL")
    parser.add_argument("--site-key", default="demo", help="widget site key (default: demo)")
    parser.add_argument("--sessions", type=int, default=200, help="concurrent visitors")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of sending")
    parser.add_argument("--ramp-up", type=float, default=10.0, help="spread session starts (s)")
    parser.add_argument(
        "--think-time",
        type=float,
        default=10.0,
        help="mean pause between a reply and the next message (s); each pause is drawn from "
        "0.5-1.5 x this. 10 s is still brisk for a person who reads a reply and types a ~50 "
        "character message (at 40 words/min typing alone takes ~15 s); 5 s is a stress setting",
    )
    parser.add_argument(
        "--reply-deadline", type=float, default=10.0, help="reply later than this is lost (s)"
    )
    parser.add_argument("--request-timeout", type=float, default=10.0, help="per request (s)")
    parser.add_argument("--origin", default="", help="Origin header (default: the URL's origin)")
    parser.add_argument("--p95-ms", type=float, default=500.0, help="p95 target for the verdict")
    parser.add_argument("--json", action="store_true", help="also print one JSON summary line")
    return parser.parse_args(argv)


def main() -> int:
    return asyncio.run(main_async(parse_args()))


if __name__ == "__main__":
    sys.exit(main())

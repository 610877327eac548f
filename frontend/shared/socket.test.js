import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BACKOFF as CONSOLE_BACKOFF } from "../console/live.js";
import { BACKOFF as WIDGET_BACKOFF } from "../widget/config.js";
import { backoffDelay, createSocket, parseFrame, restartHintDelay } from "./socket.js";

const fixed = (value) => () => value;

describe("backoffDelay: the widget (equal jitter, 0.5 s doubling to 15 s)", () => {
  it("doubles the step and keeps half of it fixed", () => {
    expect(backoffDelay(0, WIDGET_BACKOFF, fixed(0))).toBe(250);
    expect(backoffDelay(0, WIDGET_BACKOFF, fixed(0.5))).toBe(375);
    expect(backoffDelay(0, WIDGET_BACKOFF, fixed(1))).toBe(500);
    expect(backoffDelay(1, WIDGET_BACKOFF, fixed(0))).toBe(500);
    expect(backoffDelay(2, WIDGET_BACKOFF, fixed(0.5))).toBe(1500);
    expect(backoffDelay(4, WIDGET_BACKOFF, fixed(0.25))).toBe(5000);
  });

  it("stops growing at 15 s", () => {
    expect(backoffDelay(5, WIDGET_BACKOFF, fixed(0))).toBe(7500);
    expect(backoffDelay(5, WIDGET_BACKOFF, fixed(0.999))).toBe(14993);
    expect(backoffDelay(40, WIDGET_BACKOFF, fixed(1))).toBe(15000);
    expect(backoffDelay(5000, WIDGET_BACKOFF, fixed(0))).toBe(7500);
  });
});

describe("backoffDelay: the console (1 s doubling to 15 s, plus up to 0.3 s)", () => {
  it("adds the jitter to the full step", () => {
    expect(backoffDelay(0, CONSOLE_BACKOFF, fixed(0))).toBe(1000);
    expect(backoffDelay(0, CONSOLE_BACKOFF, fixed(0.999))).toBe(1299);
    expect(backoffDelay(1, CONSOLE_BACKOFF, fixed(0))).toBe(2000);
    expect(backoffDelay(3, CONSOLE_BACKOFF, fixed(0.5))).toBe(8150);
    expect(backoffDelay(4, CONSOLE_BACKOFF, fixed(0))).toBe(15000);
    expect(backoffDelay(9, CONSOLE_BACKOFF, fixed(0.999))).toBe(15299);
  });
});

describe("restartHintDelay", () => {
  it("takes the hinted delay within 0..60 s", () => {
    expect(restartHintDelay(2500)).toBe(2500);
    expect(restartHintDelay("1200")).toBe(1200);
    expect(restartHintDelay(-5)).toBe(0);
    expect(restartHintDelay(90000)).toBe(60000);
    expect(restartHintDelay(null)).toBe(0);
  });

  it("is null when no delay is named", () => {
    expect(restartHintDelay(undefined)).toBeNull();
    expect(restartHintDelay("soon")).toBeNull();
    expect(restartHintDelay(Infinity)).toBeNull();
  });
});

describe("parseFrame", () => {
  it("parses JSON and is undefined for anything else", () => {
    expect(parseFrame('{"type":"x"}')).toEqual({ type: "x" });
    expect(parseFrame("null")).toBeNull();
    expect(parseFrame("not json")).toBeUndefined();
  });
});

class FakeWebSocket {
  static all = [];
  static failNext = false;

  constructor(url) {
    if (FakeWebSocket.failNext) {
      FakeWebSocket.failNext = false;
      throw new SyntaxError("bad url");
    }
    this.url = url;
    this.readyState = 0;
    this.sent = [];
    this.closedWith = null;
    FakeWebSocket.all.push(this);
  }

  send(data) {
    this.sent.push(data);
  }

  close(code) {
    this.readyState = 3;
    this.closedWith = code;
  }

  // What the browser does:
  open() {
    this.readyState = 1;
    this.onopen();
  }

  drop(code = 1006) {
    this.readyState = 3;
    this.onclose({ code });
  }

  receive(data) {
    this.onmessage({ data });
  }
}

function latest() {
  return FakeWebSocket.all[FakeWebSocket.all.length - 1];
}

describe("createSocket", () => {
  let calls;
  let allowed;

  function make(policy = WIDGET_BACKOFF, extra = {}) {
    return createSocket({
      policy,
      url: () => "ws://desk.test/ws/" + FakeWebSocket.all.length,
      canConnect: () => allowed,
      WebSocket: FakeWebSocket,
      random: fixed(0),
      onConnecting: () => calls.push("connecting"),
      onOpen: () => calls.push("open"),
      onFrame: (data) => calls.push(["frame", data]),
      onClose: (event) => calls.push(["close", event.code]),
      onRetry: (delay) => calls.push(["retry", delay]),
      ...extra,
    });
  }

  beforeEach(() => {
    vi.useFakeTimers();
    FakeWebSocket.all = [];
    FakeWebSocket.failNext = false;
    calls = [];
    allowed = true;
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("reconnects after growing delays until a socket stays open", () => {
    const socket = make();
    socket.connect();
    expect(FakeWebSocket.all.map((ws) => ws.url)).toEqual(["ws://desk.test/ws/0"]);
    latest().drop();
    latest().drop(); // a second close of the same socket plans nothing more
    expect(calls).toEqual(["connecting", ["close", 1006], ["retry", 250], ["close", 1006]]);
    vi.advanceTimersByTime(249);
    expect(FakeWebSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeWebSocket.all).toHaveLength(2);
    latest().drop();
    vi.advanceTimersByTime(500);
    latest().drop();
    expect(calls.filter((c) => c[0] === "retry")).toEqual([
      ["retry", 250],
      ["retry", 500],
      ["retry", 1000],
    ]);
    vi.advanceTimersByTime(1000);
    expect(FakeWebSocket.all).toHaveLength(4);
  });

  it("starts the steps again only once a socket stayed open for stableMs", () => {
    const socket = make();
    socket.connect();
    latest().drop(); // 250
    vi.advanceTimersByTime(250);
    latest().open();
    vi.advanceTimersByTime(2999);
    latest().drop(); // not stable yet: the next step, 500
    vi.advanceTimersByTime(500);
    latest().open();
    vi.advanceTimersByTime(3000);
    latest().drop(); // stable: back to the first step, 250
    expect(calls.filter((c) => c[0] === "retry").map((c) => c[1])).toEqual([250, 500, 250]);
    expect(socket.state.attempt).toBe(1);
  });

  it("starts the steps again on open when stableMs is 0 (the console)", () => {
    const socket = make(CONSOLE_BACKOFF);
    socket.connect();
    latest().drop();
    vi.advanceTimersByTime(1000);
    latest().drop();
    vi.advanceTimersByTime(2000);
    latest().open();
    latest().drop();
    expect(calls.filter((c) => c[0] === "retry").map((c) => c[1])).toEqual([1000, 2000, 1000]);
  });

  it("waits a restart hint's delay without taking a backoff step", () => {
    const socket = make();
    socket.connect();
    latest().drop(); // 250, attempt 1
    vi.advanceTimersByTime(250);
    socket.planRestart(1234);
    latest().drop(1012);
    vi.advanceTimersByTime(1233);
    expect(FakeWebSocket.all).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeWebSocket.all).toHaveLength(3);
    latest().drop(); // the hint is used once: the step after 250 is 500
    expect(calls.filter((c) => c[0] === "retry").map((c) => c[1])).toEqual([250, 1234, 500]);
  });

  it("hands parsed frames on and drops the rest", () => {
    const socket = make();
    socket.connect();
    latest().open();
    latest().receive('{"type":"message.created","seq":1}');
    latest().receive("<html>");
    latest().receive("[1,2]");
    expect(calls).toEqual(["connecting", "open", ["frame", { type: "message.created", seq: 1 }], ["frame", [1, 2]]]);
    expect(socket.isOpen()).toBe(true);
    expect(socket.isDown()).toBe(false);
  });

  it("does not reconnect after disconnect, and closes with 1000", () => {
    const socket = make();
    socket.connect();
    const first = latest();
    first.open();
    socket.disconnect();
    expect(first.closedWith).toBe(1000);
    expect(socket.isDown()).toBe(true);
    first.drop(1000);
    vi.advanceTimersByTime(60000);
    expect(FakeWebSocket.all).toHaveLength(1);
    expect(calls.filter((c) => c[0] === "retry")).toEqual([]);
  });

  it("connects only while canConnect() allows and never twice at once", () => {
    const socket = make();
    allowed = false;
    socket.connect();
    expect(FakeWebSocket.all).toHaveLength(0);
    allowed = true;
    socket.connect();
    socket.connect();
    latest().open();
    socket.connect();
    expect(FakeWebSocket.all).toHaveLength(1);
    allowed = false;
    latest().drop();
    expect(calls.filter((c) => c[0] === "retry")).toEqual([]);
  });

  it("reconnectNow skips the wait for a socket that is down", () => {
    const socket = make();
    socket.reconnectNow(); // never connected: nothing to resume
    expect(FakeWebSocket.all).toHaveLength(0);
    socket.connect();
    latest().drop(); // a reconnect is planned in 250 ms
    socket.reconnectNow();
    expect(FakeWebSocket.all).toHaveLength(2);
    socket.reconnectNow(); // connecting already
    vi.advanceTimersByTime(60000);
    expect(FakeWebSocket.all).toHaveLength(2);
  });

  it("plans a reconnect when the socket cannot be created", () => {
    const socket = make();
    FakeWebSocket.failNext = true;
    socket.connect();
    expect(FakeWebSocket.all).toHaveLength(0);
    expect(calls).toEqual([["retry", 250]]);
    vi.advanceTimersByTime(250);
    expect(FakeWebSocket.all).toHaveLength(1);
    expect(socket.isOpen()).toBe(false);
  });
});

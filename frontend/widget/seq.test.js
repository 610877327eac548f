import { describe, expect, it } from "vitest";
import {
  compareBySeq,
  createSeqState,
  eventSeq,
  insertionIndex,
  receiveEvent,
  skipUnfilledGap,
} from "./seq.js";

const msg = (seq) => ({ type: "message.created", message: { id: "m" + seq, seq } });
const status = (seq) => ({ type: "conversation.status_changed", seq, status: "with_agent" });

// Feed events one by one the way the widget does; returns the final state, what was applied
// (as seqs) and how many times a gap asked for a catch-up.
function feed(events, state = createSeqState()) {
  const applied = [];
  let gaps = 0;
  let current = state;
  for (const event of events) {
    const result = receiveEvent(current, event);
    current = result.state;
    applied.push(...result.ready.map(eventSeq));
    gaps += result.gap ? 1 : 0;
  }
  return { state: current, applied, gaps };
}

describe("eventSeq", () => {
  it("reads the event's seq, else its message's, else null", () => {
    expect(eventSeq(status(7))).toBe(7);
    expect(eventSeq(msg(3))).toBe(3);
    expect(eventSeq({ type: "typing", is_typing: true })).toBeNull();
    expect(eventSeq({ type: "x", seq: "4" })).toBeNull();
  });

  it("sorts events by seq", () => {
    expect([msg(3), status(1), msg(2)].sort(compareBySeq).map(eventSeq)).toEqual([1, 2, 3]);
  });
});

describe("receiveEvent", () => {
  it("applies events that arrive in order, each at once", () => {
    const { state, applied, gaps } = feed([msg(1), msg(2), status(3)]);
    expect(applied).toEqual([1, 2, 3]);
    expect(state.lastSeq).toBe(3);
    expect(state.pending.size).toBe(0);
    expect(gaps).toBe(0);
  });

  it("drops a replayed or overlapping event", () => {
    const { state, applied } = feed([msg(1), msg(2), msg(1), msg(2), msg(3)]);
    expect(applied).toEqual([1, 2, 3]);
    expect(state.lastSeq).toBe(3);
  });

  it("holds an event that arrives ahead of a gap and reports the gap", () => {
    const first = feed([msg(1), msg(2)]).state;
    const result = receiveEvent(first, msg(4));
    expect(result.ready).toEqual([]);
    expect(result.gap).toBe(true);
    expect(result.state.lastSeq).toBe(2);
    expect([...result.state.pending.keys()]).toEqual([4]);
  });

  it("applies the held events in order once the gap is filled", () => {
    const { state, applied, gaps } = feed([msg(1), msg(4), msg(3), msg(2)]);
    expect(applied).toEqual([1, 2, 3, 4]);
    expect(gaps).toBe(2);
    expect(state.lastSeq).toBe(4);
    expect(state.pending.size).toBe(0);
  });

  it("keeps the later copy of a held event and stops at the next gap", () => {
    const late = { ...msg(3), message: { id: "m3", seq: 3, text: "second copy" } };
    const { state, applied } = feed([msg(1), msg(3), late, msg(5), msg(2)]);
    expect(applied).toEqual([1, 2, 3]);
    expect(state.lastSeq).toBe(3);
    expect([...state.pending.keys()]).toEqual([5]);
    const { ready } = receiveEvent(feed([msg(1), msg(3), late]).state, msg(2));
    expect(ready[1].message.text).toBe("second copy");
  });

  it("ignores an event without a seq", () => {
    const state = createSeqState();
    const result = receiveEvent(state, { type: "message.delta", text: "Hi" });
    expect(result).toEqual({ state, ready: [], gap: false });
  });

  it("does not change the state it is given", () => {
    const before = feed([msg(1), msg(3)]).state;
    receiveEvent(before, msg(2));
    receiveEvent(before, msg(5));
    expect(before.lastSeq).toBe(1);
    expect([...before.pending.keys()]).toEqual([3]);
  });
});

describe("skipUnfilledGap", () => {
  it("moves past a hole the server could not fill", () => {
    const held = feed([msg(1), msg(4), msg(5), msg(7)]).state;
    const { state, ready } = skipUnfilledGap(held);
    expect(ready.map(eventSeq)).toEqual([4, 5]);
    expect(state.lastSeq).toBe(5);
    expect([...state.pending.keys()]).toEqual([7]);
    const again = skipUnfilledGap(state);
    expect(again.ready.map(eventSeq)).toEqual([7]);
    expect(again.state.lastSeq).toBe(7);
    expect(again.state.pending.size).toBe(0);
  });

  it("does nothing without a hole", () => {
    const clean = feed([msg(1), msg(2)]).state;
    expect(skipUnfilledGap(clean)).toEqual({ state: clean, ready: [], gap: false });
  });
});

describe("insertionIndex", () => {
  it("places an element before the first later seq", () => {
    expect(insertionIndex(["1", "2", "4"], 3)).toBe(2);
    expect(insertionIndex(["1", "2"], 3)).toBe(2);
    expect(insertionIndex(["2", "3"], 1)).toBe(0);
    expect(insertionIndex([], 1)).toBe(0);
  });

  it("puts an equal seq after the existing one, and a local note between two seqs", () => {
    expect(insertionIndex(["1", "2", "3"], 2)).toBe(2);
    expect(insertionIndex(["1", "2", "3"], 2.5)).toBe(2);
  });

  it("keeps unsent messages (no seq) last", () => {
    expect(insertionIndex(["1", null, null], 5)).toBe(1);
    expect(insertionIndex([null], 1)).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { newestVisitorSeq } from "./conversation/page.js";
import { duration, pct, reasonLabel } from "./format.js";
import { highlightSegments } from "./highlight.js";
import { compareEscalations, visibleEscalations } from "./queue.js";

describe("format", () => {
  it("formats durations and percentages", () => {
    expect(duration(42.9)).toBe("42s");
    expect(duration(-75)).toBe("1m 15s");
    expect(duration(3 * 3600 + 7 * 60 + 5)).toBe("3h 7m");
    expect(pct(0.456)).toBe("46%");
    expect(pct("n/a")).toBe("0%");
  });

  it("labels a crisis concern as a review", () => {
    expect(reasonLabel({ reason: "crisis_indicators", crisis_level: "concern" })).toBe("Crisis concern (review)");
    expect(reasonLabel({ reason: "user_request" })).toBe("Asked for a person");
    expect(reasonLabel({ reason: "something_new" })).toBe("something_new");
  });
});

describe("queue order", () => {
  const items = {
    1: { id: 1, urgency: "low", status: "queued", created_at: "2026-01-01T10:00:00Z" },
    2: { id: 2, urgency: "critical", status: "queued", created_at: "2026-01-01T10:05:00Z" },
    3: { id: 3, urgency: "high", status: "assigned", created_at: "2026-01-01T09:00:00Z" },
    4: { id: 4, urgency: "high", status: "resolved", created_at: "2026-01-01T08:00:00Z" },
    5: { id: 5, urgency: "high", status: "queued", created_at: "2026-01-01T09:00:00Z" },
    6: { id: 6, urgency: "odd", status: "queued", created_at: "2026-01-01T07:00:00Z" },
  };

  it("shows open escalations, most urgent, then oldest, then by id", () => {
    expect(visibleEscalations(items).map((e) => e.id)).toEqual([2, 3, 5, 1, 6]);
    expect(compareEscalations(items[3], items[5])).toBe(-2);
  });
});

describe("highlightSegments", () => {
  it("marks whole trigger words, case-insensitively", () => {
    expect(highlightSegments("I am Furious, not furiously calm", ["furious"])).toEqual([
      { text: "I am ", mark: false },
      { text: "Furious", mark: true },
      { text: ", not furiously calm", mark: false },
    ]);
  });

  it("prefers the longer term where two start together", () => {
    expect(highlightSegments("speak to a human", ["speak", "speak to", " "])).toEqual([
      { text: "speak to", mark: true },
      { text: " a human", mark: false },
    ]);
  });

  it("leaves the text whole without terms", () => {
    expect(highlightSegments("hello", [])).toEqual([{ text: "hello", mark: false }]);
    expect(highlightSegments("hello", null)).toEqual([{ text: "hello", mark: false }]);
  });
});

describe("newestVisitorSeq", () => {
  it("is the seq of the last visitor message", () => {
    const transcript = [
      { sender: "visitor", seq: 1 },
      { sender: "bot", seq: 2 },
      { sender: "visitor", seq: 3 },
      { sender: "agent", seq: 4 },
    ];
    expect(newestVisitorSeq(transcript)).toBe(3);
    expect(newestVisitorSeq([{ sender: "bot", seq: 1 }])).toBeNull();
  });
});

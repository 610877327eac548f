import { describe, expect, it } from "vitest";
import { isFollowUpEvent, pendingFollowUps } from "./followups.js";

describe("follow-up requests", () => {
  it("lists pending ones oldest first, then by id", () => {
    const items = [
      { id: 3, status: "pending", created_at: "2026-01-01T10:05:00Z" },
      { id: 1, status: "done", created_at: "2026-01-01T09:00:00Z" },
      { id: 4, status: "pending", created_at: "2026-01-01T10:00:00Z" },
      { id: 2, status: "pending", created_at: "2026-01-01T10:00:00Z" },
      null,
    ];
    expect(pendingFollowUps(items).map((item) => item.id)).toEqual([2, 4, 3]);
  });

  it("reads follow_up.* pushes as hints and nothing else", () => {
    expect(isFollowUpEvent({ type: "follow_up.created" })).toBe(true);
    expect(isFollowUpEvent({ type: "follow_up.handled" })).toBe(true);
    expect(isFollowUpEvent({ type: "escalation.opened" })).toBe(false);
    expect(isFollowUpEvent({ type: 7 })).toBe(false);
    expect(isFollowUpEvent(null)).toBe(false);
  });
});

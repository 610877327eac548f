import { describe, expect, it } from "vitest";

import { UNAVAILABLE_RETRIES, unavailableRetryDelay } from "./conversation.js";

describe("retrying a message the server could not take (503)", () => {
  it("waits longer each time, at most 15 s", () => {
    expect([0, 1, 2, 3, 4, 5].map(unavailableRetryDelay)).toEqual([
      2000, 4000, 8000, 15000, 15000, 15000,
    ]);
  });

  it("gives up after five tries", () => {
    expect(UNAVAILABLE_RETRIES).toBe(5);
  });
});

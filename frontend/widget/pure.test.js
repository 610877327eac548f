import { describe, expect, it } from "vitest";
import { errorMessage } from "./api.js";
import { frameEvents } from "./events.js";
import { queueText } from "./status.js";

describe("errorMessage", () => {
  it("uses the server's own words where it sent any", () => {
    expect(errorMessage(400, { message: "Text is required." })).toBe("Text is required.");
    expect(errorMessage(400, { error: { message: "Nested." } })).toBe("Nested.");
    expect(errorMessage(400, { errors: { text: ["Too long."] } })).toBe("Too long.");
    expect(errorMessage(400, { text: "Field error." })).toBe("Field error.");
  });

  it("falls back by status", () => {
    expect(errorMessage(429, null)).toBe(
      "You are sending messages too quickly. Please wait a moment and try again."
    );
    expect(errorMessage(502, {})).toBe("Something went wrong (502). Please try again.");
  });
});

describe("queueText", () => {
  it("says the place and the wait in whole minutes", () => {
    expect(queueText(2, 360)).toBe("You are number 2 in the queue, about 6 minutes.");
    expect(queueText("1", 20)).toBe("You are number 1 in the queue, about 1 minute.");
    expect(queueText(3.7, 0)).toBe("You are number 3 in the queue.");
    expect(queueText(0, 60)).toBeNull();
    expect(queueText(undefined, 60)).toBeNull();
  });
});

describe("frameEvents", () => {
  it("reads one event, a list, or {events}", () => {
    const event = { type: "message.created", seq: 1 };
    expect(frameEvents(event)).toEqual([event]);
    expect(frameEvents([event, event])).toEqual([event, event]);
    expect(frameEvents({ events: [event] })).toEqual([event]);
    expect(frameEvents(null)).toEqual([null]);
  });
});

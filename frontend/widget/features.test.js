import { describe, expect, it } from "vitest";
import { ApiError, errorCode } from "./api.js";
import { hintOffline } from "./events.js";
import { wantsFeedback } from "./knowledge.js";
import { isCrisisNotice } from "./messages.js";
import { storedConversation } from "./session.js";

describe("wantsFeedback", () => {
  it("asks under answered and suggested help-center answers only", () => {
    expect(wantsFeedback({ knowledge: { outcome: "answered", title: "T", url: "https://x.test" } })).toBe(true);
    expect(wantsFeedback({ knowledge: { outcome: "suggested" } })).toBe(true);
    expect(wantsFeedback({ knowledge: { outcome: "no_answer" } })).toBe(false);
    expect(wantsFeedback({ knowledge: { outcome: "constructor" } })).toBe(false);
    expect(wantsFeedback({ text: "plain reply" })).toBe(false);
    expect(wantsFeedback({ knowledge: "answered" })).toBe(false);
  });
});

describe("isCrisisNotice", () => {
  it("knows the notice by the server's flag or by its help-line numbers", () => {
    expect(isCrisisNotice({ sender: "system", text: "Call 988 now. You are not alone." })).toBe(true);
    expect(isCrisisNotice({ sender: "system", text: "No numbers", crisis_resources: true })).toBe(true);
    expect(
      isCrisisNotice({
        sender: "system",
        text: "I'm bringing in a member of our team. They will reply here as soon as they can.",
      })
    ).toBe(false);
  });
});

describe("storedConversation", () => {
  it("accepts an id and token and nothing else", () => {
    expect(storedConversation({ id: "a", token: "t", open: true })).toEqual({ id: "a", token: "t" });
    expect(storedConversation({ id: "a" })).toBeNull();
    expect(storedConversation({ id: "", token: "t" })).toBeNull();
    expect(storedConversation(null)).toBeNull();
    expect(storedConversation({ id: 1, token: "t" })).toBeNull();
  });
});

describe("errorCode", () => {
  it("reads the server's machine-readable error", () => {
    expect(errorCode({ error: "crisis_latched", message: "A person is with you." })).toBe("crisis_latched");
    expect(errorCode({ error: { message: "x" } })).toBe("");
    expect(errorCode(null)).toBe("");
    expect(new ApiError(409, "m", "conversation_resolved").code).toBe("conversation_resolved");
    expect(new ApiError(0, "m").code).toBe("");
  });
});

describe("hintOffline", () => {
  it("takes the hint's flag, else reads a null wait as nobody online", () => {
    expect(hintOffline({ position: 2, estimated_wait_seconds: 360 })).toBe(false);
    expect(hintOffline({ position: 2, estimated_wait_seconds: null })).toBe(true);
    expect(hintOffline({ position: 2, estimated_wait_seconds: 360, offline: true })).toBe(true);
    expect(hintOffline({ position: 2, estimated_wait_seconds: null, offline: false })).toBe(false);
  });
});

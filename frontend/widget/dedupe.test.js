import { describe, expect, it } from "vitest";
import { classifyMessage, matchOptimistic, messageKey } from "./dedupe.js";

function optimisticOf(entries) {
  return new Map(entries.map(([key, text, messageId = null]) => [key, { el: null, text, messageId }]));
}

describe("messageKey", () => {
  it("is the id as a string, or null without one", () => {
    expect(messageKey({ id: 42 })).toBe("42");
    expect(messageKey({ id: 0 })).toBe("0");
    expect(messageKey({ id: "a-1" })).toBe("a-1");
    expect(messageKey({ id: null })).toBeNull();
    expect(messageKey({ text: "no id" })).toBeNull();
    expect(messageKey(null)).toBeNull();
  });
});

describe("matchOptimistic", () => {
  const optimistic = optimisticOf([
    ["c1", "Hello"],
    ["c2", "Where is my order?"],
    ["c3", "Where is my order?"],
  ]);

  it("matches by the echoed client_message_id first", () => {
    expect(matchOptimistic(optimistic, { client_message_id: "c3", text: "Where is my order?" })).toBe("c3");
  });

  it("falls back to the first bubble with identical text", () => {
    expect(matchOptimistic(optimistic, { text: "Where is my order?" })).toBe("c2");
    expect(matchOptimistic(optimistic, { client_message_id: "gone", text: "Hello" })).toBe("c1");
  });

  it("skips a bubble confirmed already and finds none for other text", () => {
    const some = optimisticOf([
      ["c1", "Hi", "m9"],
      ["c2", "Hi"],
    ]);
    expect(matchOptimistic(some, { text: "Hi" })).toBe("c2");
    expect(matchOptimistic(some, { text: "hi" })).toBeNull();
    expect(matchOptimistic(new Map(), { text: "Hi" })).toBeNull();
  });
});

describe("classifyMessage", () => {
  const seen = new Set(["1", "2"]);
  const optimistic = optimisticOf([["c1", "Thanks"]]);

  it("ignores a message without an id and one shown already", () => {
    expect(classifyMessage(seen, optimistic, { sender: "bot", text: "x" })).toEqual({ kind: "invalid" });
    expect(classifyMessage(seen, optimistic, { id: 2, sender: "bot", text: "x" })).toEqual({
      kind: "duplicate",
      id: "2",
    });
  });

  it("pairs the visitor's own message with its optimistic bubble", () => {
    expect(classifyMessage(seen, optimistic, { id: 3, sender: "visitor", text: "Thanks" })).toEqual({
      kind: "optimistic",
      id: "3",
      key: "c1",
    });
  });

  it("renders anything else as new, even a bot reply with the visitor's text", () => {
    expect(classifyMessage(seen, optimistic, { id: 3, sender: "bot", text: "Thanks" })).toEqual({
      kind: "new",
      id: "3",
    });
    expect(classifyMessage(seen, optimistic, { id: 4, sender: "visitor", text: "Other" })).toEqual({
      kind: "new",
      id: "4",
    });
  });
});

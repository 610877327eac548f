import { describe, expect, it } from "vitest";
import { insertAtCaret } from "./conversation/side.js";

describe("insertAtCaret", () => {
  const link = "Resetting your password: https://help.example.com/articles/reset-password";

  it("fills an empty reply box", () => {
    expect(insertAtCaret("", 0, 0, link)).toEqual({ value: link, caret: link.length });
  });

  it("adds a space after the agent's words and before the rest", () => {
    expect(insertAtCaret("Here it is:", 11, 11, link).value).toBe("Here it is: " + link);
    const middle = insertAtCaret("See.Thanks", 4, 4, link);
    expect(middle.value).toBe("See. " + link + " Thanks");
    expect(middle.caret).toBe(("See. " + link + " ").length);
  });

  it("replaces a selection", () => {
    expect(insertAtCaret("See LINK now", 4, 8, link).value).toBe("See " + link + " now");
  });
});

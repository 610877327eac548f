import { describe, expect, it } from "vitest";
import { safeHref, telHref, textRuns } from "./links.js";

const linked = (text, options) =>
  textRuns(text, options)
    .filter((run) => run.kind !== "text")
    .map((run) => [run.kind, run.text, run.href]);

describe("textRuns: addresses", () => {
  it("links an article address and keeps the sentence around it", () => {
    const text = "Full article: https://help.example.com/articles/reset-password";
    expect(textRuns(text, { urls: true })).toEqual([
      { kind: "text", text: "Full article: " },
      {
        kind: "url",
        text: "https://help.example.com/articles/reset-password",
        href: "https://help.example.com/articles/reset-password",
      },
    ]);
  });

  it("leaves closing punctuation and an unopened parenthesis outside the link", () => {
    expect(linked("Related: Invoices (https://help.example.com/invoices).", { urls: true })).toEqual([
      ["url", "https://help.example.com/invoices", "https://help.example.com/invoices"],
    ]);
    expect(linked("See https://w.test/a_(b) now", { urls: true })[0][1]).toBe("https://w.test/a_(b)");
  });

  it("links only http(s), never javascript: or data:", () => {
    expect(linked("javascript:alert(1) data:text/html,x ftp://x.test", { urls: true })).toEqual([]);
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("HTTPS://X.test/a")).toBe("https://x.test/a");
  });

  it("keeps markup as text around a link", () => {
    const runs = textRuns('<img src=x onerror=alert(1)> https://x.test/"><b>', { urls: true });
    expect(runs.map((r) => r.kind)).toEqual(["text", "url", "text"]);
    expect(runs[1].href).toBe("https://x.test/");
    expect(runs.map((r) => r.text).join("")).toBe('<img src=x onerror=alert(1)> https://x.test/"><b>');
  });

  it("returns the text as one run when nothing is linked", () => {
    expect(textRuns("no links here", { urls: true, phones: true })).toEqual([{ kind: "text", text: "no links here" }]);
    expect(textRuns("", { urls: true })).toEqual([{ kind: "text", text: "" }]);
  });
});

describe("textRuns: phone numbers", () => {
  it("links the help lines of the crisis notice", () => {
    const notice = [
      "If you are in immediate danger, call 911.",
      "988 Suicide & Crisis Lifeline: call 988, Text 988, online: 988lifeline.org (24/7)",
      "National Domestic Violence Hotline: call 1-800-799-7233 (24/7)",
      "Samaritans: call 116 123 (24/7)",
      "Refuge: call 0808 2000 247",
    ].join("\n");
    expect(linked(notice, { phones: true })).toEqual([
      ["tel", "911", "tel:911"],
      ["tel", "988", "tel:988"],
      ["tel", "988", "tel:988"],
      ["tel", "988", "tel:988"],
      ["tel", "1-800-799-7233", "tel:18007997233"],
      ["tel", "116 123", "tel:116123"],
      ["tel", "0808 2000 247", "tel:08082000247"],
    ]);
  });

  it("links both numbers of the unknown-country line", () => {
    const text = "call your local emergency number (112 in Europe, 911 in North America).";
    expect(linked(text, { phones: true }).map((r) => r[2])).toEqual(["tel:112", "tel:911"]);
  });

  it("does not link short numbers, words, hours or numbers inside addresses", () => {
    expect(linked("You are number 3 in the queue, 24/7, 988lifeline.org, a12345", { phones: true })).toEqual([]);
    expect(linked("see https://x.test/call/18005551234", { urls: true, phones: true })).toEqual([
      ["url", "https://x.test/call/18005551234", "https://x.test/call/18005551234"],
    ]);
  });

  it("strips spaces and dashes for the href and keeps a leading plus", () => {
    expect(telHref("+44 116-123")).toBe("tel:+44116123");
  });
});

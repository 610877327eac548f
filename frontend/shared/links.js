// Links inside message text, found by pattern and built with DOM APIs (never parsed as HTML):
// http(s) addresses as links that open a new tab, phone numbers as tel: links.

import { el } from "./dom.js";

// An address ends at a space or a character that never belongs to one in running text.
const URL_RE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
// Trailing punctuation closes the sentence, not the address ("see https://x.test/a.").
const TRAILING = /[.,;:!?'"\]}>]+$/;
// A phone number: 3 to 15 digits in groups split by single spaces or dashes, an optional +,
// never part of a word, an address or a longer number ("988lifeline.org", "24/7", "2024-05").
const PHONE_RE = /(?<![\w./@+-])\+?\d(?:[ -]?\d){2,14}(?![\w/@-]|\.\w)/g;

// "https://x.test/a)" from "(https://x.test/a)": a closing parenthesis belongs to the address
// only when it opened one.
function trimUrl(raw) {
  let url = raw.replace(TRAILING, "");
  while (url.endsWith(")") && (url.match(/\(/g) || []).length < (url.match(/\)/g) || []).length) {
    url = url.slice(0, -1).replace(TRAILING, "");
  }
  return url;
}

// The address as a browser would open it, or null unless it is plain http(s).
export function safeHref(raw) {
  try {
    const url = new URL(raw);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

// "1-800-799-7233" -> "tel:18007997233"; "+44 116 123" -> "tel:+44116123".
export function telHref(number) {
  return "tel:" + number.replace(/[\s-]/g, "");
}

function found(text, re, make) {
  const spans = [];
  re.lastIndex = 0;
  let match;
  while ((match = re.exec(text)) !== null) {
    const span = make(match[0], match.index);
    if (span) {
      spans.push(span);
    }
  }
  return spans;
}

// text -> [{kind: "text" | "url" | "tel", text, href?}], the pieces in order; pure.
export function textRuns(text, { urls = false, phones = false } = {}) {
  const value = String(text);
  let spans = [];
  if (urls) {
    spans = found(value, URL_RE, (raw, start) => {
      const shown = trimUrl(raw);
      const href = safeHref(shown);
      return href ? { kind: "url", start, end: start + shown.length, text: shown, href } : null;
    });
  }
  if (phones) {
    const outsideUrls = (start, end) => spans.every((s) => end <= s.start || start >= s.end);
    const numbers = found(value, PHONE_RE, (raw, start) =>
      outsideUrls(start, start + raw.length)
        ? { kind: "tel", start, end: start + raw.length, text: raw, href: telHref(raw) }
        : null
    );
    spans = spans.concat(numbers).sort((a, b) => a.start - b.start);
  }
  const runs = [];
  let at = 0;
  spans.forEach((span) => {
    if (span.start > at) {
      runs.push({ kind: "text", text: value.slice(at, span.start) });
    }
    runs.push({ kind: span.kind, text: span.text, href: span.href });
    at = span.end;
  });
  if (at < value.length || !runs.length) {
    runs.push({ kind: "text", text: value.slice(at) });
  }
  return runs;
}

// The runs as DOM nodes: text nodes and <a> elements whose text and href are set as data.
export function linkedText(text, options) {
  const fragment = document.createDocumentFragment();
  textRuns(text, options).forEach((run) => {
    if (run.kind === "url") {
      fragment.appendChild(el("a", { href: run.href, target: "_blank", rel: "noopener noreferrer" }, run.text));
    } else if (run.kind === "tel") {
      fragment.appendChild(el("a", { href: run.href, class: "tel" }, run.text));
    } else {
      fragment.appendChild(document.createTextNode(run.text));
    }
  });
  return fragment;
}

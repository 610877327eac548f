// Trigger words in a visitor's message become <mark> elements; everything else stays text.

import { el } from "../shared/dom.js";

const WORD_CHAR = /[a-z0-9\u00c0-\u024f']/i;

function isWordBoundary(s, at, len) {
  const before = at === 0 ? "" : s.charAt(at - 1);
  const after = s.charAt(at + len);
  return !(before && WORD_CHAR.test(before)) && !(after && WORD_CHAR.test(after));
}

// The whole-word occurrence of a term nearest to `from` (the longer term where two start
// together): {at, len}, or null.
function nextMatch(lower, terms, from) {
  let best = -1;
  let bestLen = 0;
  terms.forEach((term) => {
    let at = lower.indexOf(term, from);
    while (at !== -1 && !isWordBoundary(lower, at, term.length)) {
      at = lower.indexOf(term, at + 1);
    }
    if (at !== -1 && (best === -1 || at < best || (at === best && term.length > bestLen))) {
      best = at;
      bestLen = term.length;
    }
  });
  return best === -1 ? null : { at: best, len: bestLen };
}

// Pure: the text cut into [{text, mark}] pieces, mark true for a trigger word (whole words,
// case-insensitive).
export function highlightSegments(text, words) {
  const terms = (words || [])
    .filter((w) => typeof w === "string" && w.trim())
    .map((w) => w.trim().toLowerCase());
  if (!terms.length) {
    return [{ text, mark: false }];
  }
  const lower = text.toLowerCase();
  const segments = [];
  let i = 0;
  while (i < text.length) {
    const found = nextMatch(lower, terms, i);
    if (!found) {
      segments.push({ text: text.slice(i), mark: false });
      break;
    }
    if (found.at > i) {
      segments.push({ text: text.slice(i, found.at), mark: false });
    }
    segments.push({ text: text.slice(found.at, found.at + found.len), mark: true });
    i = found.at + found.len;
  }
  return segments;
}

export function highlighted(text, words) {
  const frag = document.createDocumentFragment();
  highlightSegments(text, words).forEach((segment) => {
    frag.appendChild(
      segment.mark
        ? el("mark", { class: "trigger", title: "Trigger word" }, segment.text)
        : document.createTextNode(segment.text)
    );
  });
  return frag;
}

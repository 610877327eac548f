// Rendering into the panel: notices, bubbles placed by seq, the typing hint. Text always goes
// in through textContent.

import { el, owns } from "../shared/dom.js";
import { linkedText } from "../shared/links.js";
import { SENDER_LABELS, TYPING_TIMEOUT_MS } from "./config.js";
import { insertionIndex } from "./seq.js";

export function showError(app, message) {
  app.ui.errorBox.textContent = message;
  app.ui.errorBox.hidden = false;
}

export function clearError(app) {
  app.ui.errorBox.textContent = "";
  app.ui.errorBox.hidden = true;
}

export function setConn(app, text) {
  app.ui.conn.textContent = text;
}

export function scrollToEnd(app) {
  app.ui.log.scrollTop = app.ui.log.scrollHeight;
}

// One thread element per conversation: seqs restart at 1 when a new conversation begins.
export function currentThread(app) {
  if (!app.state.thread) {
    app.state.thread = el("div", { class: "thread" });
    app.ui.log.appendChild(app.state.thread);
  }
  return app.state.thread;
}

export function insertBySeq(app, node, seq) {
  const target = currentThread(app);
  if (seq === null || seq === undefined) {
    target.appendChild(node);
    return;
  }
  node.setAttribute("data-seq", String(seq));
  const children = Array.from(target.children);
  const index = insertionIndex(
    children.map((child) => child.getAttribute("data-seq")),
    seq
  );
  if (index < children.length) {
    target.insertBefore(node, children[index]);
  } else {
    target.appendChild(node);
  }
}

// Addresses in the team's messages (help-center articles) and phone numbers in notices (help
// lines) become links; a visitor's own text stays plain.
const LINKS = {
  bot: { urls: true },
  agent: { urls: true },
  system: { urls: true, phones: true },
};

export function messageNode(sender, text) {
  const kind = owns(SENDER_LABELS, sender) ? sender : "system";
  const node = el("div", { class: "msg msg--" + kind, "data-sender": kind });
  node.appendChild(el("span", { class: "who" }, SENDER_LABELS[kind]));
  const body = el("p", { class: "text", dir: "auto" });
  if (owns(LINKS, kind)) {
    body.appendChild(linkedText(text, LINKS[kind]));
  } else {
    body.textContent = String(text);
  }
  node.appendChild(body);
  return node;
}

// The small status line under a bubble ("Sending…", "Not sent." with a Retry button); the
// Retry button is returned when asked for.
export function setState(node, text, withRetry) {
  let state = node.querySelector(".state");
  if (!text) {
    if (state) {
      state.remove();
    }
    return null;
  }
  if (!state) {
    state = el("span", { class: "state" });
    node.appendChild(state);
  }
  state.textContent = text;
  if (withRetry) {
    const retry = el("button", { type: "button", class: "retry" }, "Retry");
    retry.setAttribute("aria-label", "Retry sending this message");
    state.appendChild(retry);
    return retry;
  }
  return null;
}

// A note from an event sits at its seq; a local one right after everything known so far.
export function systemNote(app, text, seq) {
  const node = messageNode("system", text);
  let at = seq;
  if (at === undefined || at === null) {
    node.classList.add("msg--local");
    at = app.state.seq.lastSeq + 0.5;
  }
  insertBySeq(app, node, at);
  scrollToEnd(app);
}

export function setTyping(app, on, sender) {
  const { state, ui } = app;
  if (state.typingTimer) {
    clearTimeout(state.typingTimer);
    state.typingTimer = null;
  }
  // While a person handles the chat the bot stays silent, so any typing is theirs.
  const isAgent = sender === "agent" || (!sender && state.status === "with_agent");
  ui.typing.textContent = isAgent ? "Support agent is typing\u2026" : "The assistant is typing\u2026";
  ui.typing.hidden = !on;
  if (on) {
    state.typingTimer = setTimeout(() => {
      ui.typing.hidden = true;
    }, TYPING_TIMEOUT_MS);
  }
}

// Streamed replies: message.delta hints grow a provisional bubble that the stored
// message.created replaces.

import { TYPING_TIMEOUT_MS } from "./config.js";
import { currentThread, messageNode, scrollToEnd, setTyping } from "./render.js";

export function clearProvisional(app) {
  const { state } = app;
  state.provisional.forEach((entry) => {
    entry.el.remove();
  });
  state.provisional.clear();
  clearTimeout(state.provisionalTimer);
  state.provisionalTimer = null;
}

// One checked piece of a reply being streamed. Lost pieces are fine: the bubble stops growing
// and the stored message replaces it; a reply that is never stored fades with the typing hint.
export function applyDelta(app, event) {
  const { state } = app;
  if (typeof event.text !== "string" || event.reply_to === undefined || event.reply_to === null) {
    return;
  }
  const key = String(event.reply_to);
  if (state.answered.has(key)) {
    return;
  }
  const index = typeof event.index === "number" ? event.index : null;
  let entry = state.provisional.get(key);
  if (!entry) {
    if (index !== null && index !== 0) {
      return; // joined mid-stream: wait for the stored reply
    }
    const node = messageNode("bot", "");
    node.classList.add("msg--streaming");
    // Screen readers hear the stored reply once, not every piece of the provisional one.
    node.setAttribute("aria-hidden", "true");
    currentThread(app).appendChild(node);
    entry = { el: node, text: "", next: 0, broken: false };
    state.provisional.set(key, entry);
    setTyping(app, false);
  }
  if (entry.broken || (index !== null && index !== entry.next)) {
    entry.broken = true;
    return;
  }
  entry.next += 1;
  entry.text += event.text;
  entry.el.querySelector(".text").textContent = entry.text;
  clearTimeout(state.provisionalTimer);
  state.provisionalTimer = setTimeout(() => clearProvisional(app), TYPING_TIMEOUT_MS);
  scrollToEnd(app);
}

// Stored messages: each shown once, at its seq; a visitor's own message confirms its optimistic
// bubble instead of appearing twice.

import { textRuns } from "../shared/links.js";
import { classifyMessage } from "./dedupe.js";
import { feedbackBox } from "./knowledge.js";
import { insertBySeq, messageNode, scrollToEnd, setState, setTyping } from "./render.js";
import { updateHumanButton } from "./status.js";
import { clearProvisional } from "./stream.js";

// The crisis notice is the system message with help lines: the server's flag where it sends
// one, else the phone numbers only that notice carries (the hand-off and status notes have none).
export function isCrisisNotice(message) {
  if (message.crisis_resources === true) {
    return true;
  }
  return textRuns(message.text || "", { phones: true }).some((run) => run.kind === "tel");
}

export function renderMessage(app, message) {
  const { state } = app;
  const verdict = classifyMessage(state.seenMessageIds, state.optimistic, message);
  if (verdict.kind === "invalid" || verdict.kind === "duplicate") {
    return; // duplicate delivery (socket replay, catch-up overlap, REST + socket)
  }
  if (verdict.kind === "optimistic") {
    confirmOptimistic(app, verdict.key, message);
    return;
  }
  const id = verdict.id;
  const fromTeam = message.sender === "bot" || message.sender === "agent";
  state.seenMessageIds.add(id);
  if (fromTeam) {
    if (message.reply_to !== undefined && message.reply_to !== null) {
      state.answered.add(String(message.reply_to));
    }
    // The stored reply replaces its provisional bubble; any other one is stale by now.
    clearProvisional(app);
  }
  const node = messageNode(message.sender, message.text);
  node.setAttribute("data-message-id", id);
  const feedback = message.sender === "bot" ? feedbackBox(app, message) : null;
  if (feedback) {
    node.appendChild(feedback);
  }
  if (message.sender === "system" && isCrisisNotice(message)) {
    state.crisisNotice = true;
    updateHumanButton(app);
  }
  state.byMessageId.set(id, node);
  insertBySeq(app, node, message.seq);
  if (fromTeam) {
    setTyping(app, false);
  }
  scrollToEnd(app);
}

export function confirmOptimistic(app, clientId, message) {
  const { state } = app;
  const entry = state.optimistic.get(clientId);
  if (!entry) {
    return;
  }
  const id = String(message.id);
  entry.messageId = id;
  state.optimistic.delete(clientId);
  state.seenMessageIds.add(id);
  state.byMessageId.set(id, entry.el);
  entry.el.classList.remove("msg--pending", "msg--failed");
  entry.el.setAttribute("data-message-id", id);
  setState(entry.el, "");
  entry.el.remove(); // it may sit in an ended conversation's thread (resent after a 404)
  insertBySeq(app, entry.el, message.seq);
  scrollToEnd(app);
}

// The conversation's status (bot, waiting_for_agent, with_agent, resolved), the queue place
// and the "Talk to a person" button.

import { owns } from "../shared/dom.js";
import { STATUS_NOTES } from "./config.js";
import { setTyping, systemNote } from "./render.js";
import { clearProvisional } from "./stream.js";

// The conversation's controls: "Talk to a person" while the bot answers; "End chat" while the
// conversation is open, except beside a crisis notice (a person stays with the visitor).
export function updateHumanButton(app) {
  const { state, ui } = app;
  ui.humanBtn.hidden = !(state.session && state.humanAvailable && state.status === "bot");
  const canEnd = !!state.session && state.status !== "resolved" && !state.crisisNotice;
  if (!canEnd) {
    state.confirmingEnd = false;
  }
  ui.endBtn.hidden = !canEnd || state.confirmingEnd;
  ui.endConfirm.hidden = !canEnd || !state.confirmingEnd;
}

export function setStatus(app, next, announce, seq) {
  const { state } = app;
  if (!next || next === state.status) {
    return;
  }
  state.status = next;
  clearProvisional(app); // a reply being streamed is not stored once the bot stops answering
  if (next !== "bot") {
    setTyping(app, false); // the bot will not answer now; only a person's typing shows from here
  }
  if (next !== "waiting_for_agent") {
    app.ui.queueInfo.hidden = true;
  }
  if (announce && owns(STATUS_NOTES, next)) {
    systemNote(app, STATUS_NOTES[next], seq);
  }
  updateHumanButton(app);
}

// "You are number 2 in the queue, about 6 minutes." while waiting for a person.
export function queueText(position, waitSeconds) {
  const place = Number(position);
  const wait = Number(waitSeconds);
  if (!isFinite(place) || place < 1) {
    return null;
  }
  const minutes = isFinite(wait) && wait > 0 ? Math.max(1, Math.round(wait / 60)) : 0;
  const eta = minutes ? ", about " + minutes + (minutes === 1 ? " minute" : " minutes") : "";
  return "You are number " + Math.floor(place) + " in the queue" + eta + ".";
}

// `offline` (nobody can come now) hides any place and wait: they would be a promise.
export function showQueue(app, position, waitSeconds, offline) {
  if (offline !== undefined && offline !== null) {
    app.state.offline = !!offline;
  }
  const text = queueText(position, waitSeconds);
  if (app.state.offline) {
    app.ui.queueInfo.hidden = true;
    return;
  }
  if (app.state.status !== "waiting_for_agent" || text === null) {
    return;
  }
  app.ui.queueInfo.textContent = text;
  app.ui.queueInfo.hidden = false;
}

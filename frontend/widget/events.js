// Conversation events from the socket and the REST event log: applied strictly in seq order
// (see seq.js); a gap triggers a catch-up through REST. Hints without a seq act at once.

import { restartHintDelay } from "../shared/socket.js";
import { offerFollowUp } from "./csat.js";
import { renderMessage } from "./messages.js";
import { offerContact } from "./offline.js";
import { setTyping } from "./render.js";
import { compareBySeq, eventSeq, receiveEvent, skipUnfilledGap } from "./seq.js";
import { sessionLost } from "./session.js";
import { setStatus, showQueue } from "./status.js";
import { applyDelta } from "./stream.js";

const CATCH_UP_RETRY_MS = 1000;

// A socket frame is one event, a list of them, or {events: [...]}.
export function frameEvents(frame) {
  if (Array.isArray(frame)) {
    return frame;
  }
  return frame && frame.events ? frame.events : [frame];
}

export function handleEvent(app, event) {
  if (!event || typeof event !== "object") {
    return;
  }
  if (eventSeq(event) === null) {
    handleEphemeral(app, event);
    return;
  }
  commit(app, receiveEvent(app.state.seq, event));
}

function commit(app, result) {
  app.state.seq = result.state;
  result.ready.forEach((event) => applyEvent(app, event));
  if (result.gap) {
    catchUp(app);
  }
}

function applyEvent(app, event) {
  if (event.type === "message.created") {
    renderMessage(app, event.message);
  } else if (event.type === "conversation.status_changed") {
    setStatus(app, event.status, true, eventSeq(event));
    if (event.status === "resolved") {
      offerFollowUp(app, event.csat, eventSeq(event));
    }
  }
}

// Whether a queue hint says nobody can come: its `offline` flag, else a null wait (the server
// promises no wait when nobody is online).
export function hintOffline(event) {
  if (typeof event.offline === "boolean") {
    return event.offline;
  }
  return event.estimated_wait_seconds === null;
}

function handleEphemeral(app, event) {
  const type = String(event.type || "");
  if (type === "reconnect") {
    // The server is restarting and closes with 1012 next: come back after its jittered delay.
    app.socket.planRestart(restartHintDelay(event.retry_after_ms));
    return;
  }
  if (type === "message.delta") {
    applyDelta(app, event);
    return;
  }
  if (type === "queue.updated") {
    const offline = hintOffline(event);
    showQueue(app, event.position, event.estimated_wait_seconds, offline);
    if (offline && app.state.status === "waiting_for_agent" && !app.state.crisisNotice) {
      offerContact(app); // handed over without asking (an escalation rule): same offer
    }
    return;
  }
  if (type.indexOf("typing") !== -1) {
    const on = event.is_typing !== undefined ? !!event.is_typing : event.typing !== false;
    setTyping(app, on, event.sender);
  }
}

// Fetch the stored events after lastSeq (a gap, or the socket is down); one request at a time.
export function catchUp(app) {
  const { state } = app;
  if (state.catchingUp || !state.session) {
    return state.catchingUp;
  }
  const { id, token } = state.session;
  const path = "/conversations/" + encodeURIComponent(id) + "/events?after=" + state.seq.lastSeq;
  state.catchingUp = app
    .request("GET", path, undefined, token)
    .then((result) => {
      const events = (result.data && result.data.events) || [];
      events.sort(compareBySeq);
      events.forEach((event) => handleEvent(app, event));
      commit(app, skipUnfilledGap(app.state.seq));
    })
    .catch((err) => {
      if (err.status === 404) {
        sessionLost(app);
      }
    })
    .finally(() => {
      state.catchingUp = null;
      if (state.seq.pending.size) {
        setTimeout(() => catchUp(app), CATCH_UP_RETRY_MS);
      }
    });
  return state.catchingUp;
}

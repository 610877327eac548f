// Starting a conversation and sending the visitor's messages (optimistic bubbles with retry); a
// message after the conversation was resolved starts a new one.

import { ApiError } from "./api.js";
import { GENERIC_ERROR, pageLocale } from "./config.js";
import { confirmOptimistic } from "./messages.js";
import { loadPrivacy } from "./privacy.js";
import {
  clearError,
  currentThread,
  messageNode,
  scrollToEnd,
  setState,
  setTyping,
  showError,
  systemNote,
} from "./render.js";
import { createSeqState } from "./seq.js";
import { saveSession, sessionLost, sessionReset } from "./session.js";
import { setStatus, updateHumanButton } from "./status.js";

function conversationPath(id, rest) {
  return "/conversations/" + encodeURIComponent(id) + rest;
}

export function ensureConversation(app) {
  const { state } = app;
  if (state.session) {
    return Promise.resolve(state.session);
  }
  if (state.creating) {
    return state.creating;
  }
  const body = { site_key: app.config.siteKey };
  const locale = pageLocale(app.config);
  if (locale) {
    body.locale = locale;
  }
  if (state.previousToken) {
    body.previous_token = state.previousToken;
  }
  state.creating = app
    .request("POST", "/conversations", body)
    .then((result) => {
      state.session = { id: String(result.data.id), token: String(result.data.token) };
      state.previousToken = null;
      state.seq = createSeqState();
      saveSession(app);
      setStatus(app, result.data.status || "bot", false);
      app.socket.connect();
      updateHumanButton(app);
      loadPrivacy(app);
      return state.session;
    })
    .finally(() => {
      state.creating = null;
    });
  return state.creating;
}

export function newClientId() {
  if (window.crypto && typeof window.crypto.randomUUID === "function") {
    return window.crypto.randomUUID();
  }
  // randomUUID needs a secure context; plain-http pages still get an RFC 4122 v4 id.
  const bytes = new Uint8Array(16);
  window.crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => (b + 256).toString(16).slice(1)).join("");
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
}

export function sendMessage(app, text) {
  clearError(app);
  if (app.state.session && app.state.status === "resolved") {
    // The visitor writes again after the end: a new conversation, below the old thread.
    sessionReset(app);
    systemNote(app, "Starting a new conversation.");
  }
  const clientId = newClientId();
  const node = messageNode("visitor", text);
  node.classList.add("msg--pending");
  node.setAttribute("data-client-id", clientId);
  currentThread(app).appendChild(node);
  setState(node, "Sending\u2026");
  app.state.optimistic.set(clientId, { el: node, text, messageId: null });
  scrollToEnd(app);
  deliver(app, clientId, text, true);
}

function markFailed(app, clientId, text) {
  const current = app.state.optimistic.get(clientId);
  if (!current) {
    return;
  }
  current.el.classList.remove("msg--pending");
  current.el.classList.add("msg--failed");
  const retry = setState(current.el, "Not sent.", true);
  retry.addEventListener("click", () => {
    deliver(app, clientId, text, true);
  });
}

// A 503 means the service is briefly unavailable (database or broker outage): the same
// client_message_id is sent again after a growing pause, so nothing is lost or doubled.
export const UNAVAILABLE_RETRIES = 5;

export function unavailableRetryDelay(attempt) {
  return Math.min(2000 * 2 ** attempt, 15000);
}

function deliver(app, clientId, text, mayRestart, attempt = 0) {
  const { state } = app;
  const entry = state.optimistic.get(clientId);
  if (!entry) {
    return;
  }
  entry.el.classList.remove("msg--failed");
  entry.el.classList.add("msg--pending");
  setState(entry.el, "Sending\u2026");
  if (state.status === "bot") {
    setTyping(app, true);
  }
  ensureConversation(app)
    .then((current) =>
      app.request(
        "POST",
        conversationPath(current.id, "/messages"),
        { client_message_id: clientId, text },
        current.token
      )
    )
    .then((result) => {
      confirmOptimistic(app, clientId, result.data);
      if (app.socket.isDown()) {
        app.socket.reconnectNow();
      }
    })
    .catch((err) => {
      if (err.status === 503 && attempt < UNAVAILABLE_RETRIES) {
        setState(entry.el, "Reconnecting\u2026");
        window.setTimeout(
          () => deliver(app, clientId, text, mayRestart, attempt + 1),
          unavailableRetryDelay(attempt)
        );
        return;
      }
      if ((err.status === 404 || err.status === 409) && state.session && mayRestart) {
        // Expired token, forgotten (404) or closed (409) conversation: start a new one and
        // send once more; the stored transcript of the old one stays on the server.
        sessionLost(app, true);
        systemNote(app, "Starting a new conversation.");
        deliver(app, clientId, text, false);
        return;
      }
      setTyping(app, false);
      showError(app, err instanceof ApiError ? err.message : GENERIC_ERROR);
      markFailed(app, clientId, text);
    });
}

// The conversation id and token, kept in sessionStorage so a reload resumes the conversation.

import { createSeqState } from "./seq.js";
import { setConn, setTyping, systemNote } from "./render.js";
import { clearProvisional } from "./stream.js";
import { updateHumanButton } from "./status.js";

export function loadSession(storageKey) {
  try {
    const raw = window.sessionStorage.getItem(storageKey);
    const data = raw ? JSON.parse(raw) : null;
    if (data && typeof data.id === "string" && typeof data.token === "string") {
      return { id: data.id, token: data.token, open: !!data.open };
    }
  } catch {
    // Storage can be disabled (private mode, sandboxed iframes); the chat still works.
  }
  return null;
}

export function saveSession(app) {
  const { session } = app.state;
  try {
    if (session) {
      window.sessionStorage.setItem(
        app.config.storageKey,
        JSON.stringify({ id: session.id, token: session.token, open: !app.ui.panel.hidden })
      );
    } else {
      window.sessionStorage.removeItem(app.config.storageKey);
    }
  } catch {
    // See loadSession.
  }
}

// The token expired or the conversation is gone: forget it; the next message starts anew.
export function sessionLost(app, quiet) {
  const { state } = app;
  app.socket.disconnect();
  state.session = null;
  saveSession(app);
  state.seq = createSeqState();
  clearProvisional(app);
  state.answered.clear();
  state.thread = null;
  setTyping(app, false);
  updateHumanButton(app);
  setConn(app, "");
  if (!quiet) {
    systemNote(app, "This chat session has ended. Send a message to start a new conversation.");
  }
}

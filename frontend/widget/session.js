// The conversation id and token, kept in localStorage per site key so a reload or another tab of
// the same site resumes the conversation; whether the panel is open stays per tab
// (sessionStorage).

import { createSeqState } from "./seq.js";
import { setConn, setTyping, systemNote } from "./render.js";
import { clearProvisional } from "./stream.js";
import { updateHumanButton } from "./status.js";

function readJson(storage, key) {
  try {
    const raw = window[storage].getItem(key);
    return raw ? JSON.parse(raw) : null;
  } catch {
    // Storage can be disabled (private mode, sandboxed iframes); the chat still works.
    return null;
  }
}

function writeJson(storage, key, value) {
  try {
    if (value === null) {
      window[storage].removeItem(key);
    } else {
      window[storage].setItem(key, JSON.stringify(value));
    }
  } catch {
    // See readJson.
  }
}

// {id, token} from a stored value, or null.
export function storedConversation(data) {
  if (data && typeof data.id === "string" && typeof data.token === "string" && data.id && data.token) {
    return { id: data.id, token: data.token };
  }
  return null;
}

export function loadSession(storageKey) {
  const tab = readJson("sessionStorage", storageKey) || {};
  // Widgets before this one kept the conversation in sessionStorage: carry it over once.
  const stored = storedConversation(readJson("localStorage", storageKey)) || storedConversation(tab);
  if (!stored) {
    return null;
  }
  writeJson("localStorage", storageKey, stored);
  return { id: stored.id, token: stored.token, open: !!tab.open };
}

export function saveSession(app) {
  const { session } = app.state;
  const key = app.config.storageKey;
  if (session) {
    writeJson("localStorage", key, { id: session.id, token: session.token });
  } else {
    // Another tab may have started a newer conversation meanwhile: forget only our own.
    const stored = storedConversation(readJson("localStorage", key));
    if (stored && app.state.lostId && stored.id === app.state.lostId) {
      writeJson("localStorage", key, null);
    }
  }
  writeJson("sessionStorage", key, { open: !app.ui.panel.hidden });
}

// The conversation this tab should show now that another tab changed the stored one, or null.
export function sharedSession(app) {
  return storedConversation(readJson("localStorage", app.config.storageKey));
}

// Forget the current conversation (the next message starts anew).
export function sessionReset(app) {
  const { state } = app;
  app.socket.disconnect();
  state.lostId = state.session ? state.session.id : null;
  // The token of the conversation that just ended: the next one continues it on the server.
  state.previousToken = state.session && state.status === "resolved" ? state.session.token : null;
  state.session = null;
  saveSession(app);
  state.seq = createSeqState();
  clearProvisional(app);
  state.answered.clear();
  state.thread = null;
  state.status = "bot";
  state.crisisNotice = false;
  state.offline = false;
  app.ui.queueInfo.hidden = true;
  setTyping(app, false);
  updateHumanButton(app);
  setConn(app, "");
}

// The token expired or the conversation is gone: forget it; the next message starts anew.
export function sessionLost(app, quiet) {
  sessionReset(app);
  if (!quiet) {
    systemNote(app, "This chat session has ended. Send a message to start a new conversation.");
  }
}

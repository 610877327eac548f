// The agent's actions on a conversation: reply, claim, resolve, hand back, transfer, emotion
// feedback, notes, and their keyboard shortcuts.

import { byId } from "../../shared/dom.js";
import { banner, claim } from "../api.js";
import { isShortcut } from "../format.js";
import { renderActions } from "./render.js";

// A second press within this long confirms a resolve: no modal dialog, works from the keyboard.
const RESOLVE_CONFIRM_MS = 3000;

function actionError(err) {
  byId("action-error").textContent = err ? err.message : "";
}

function conversationRest(app, action) {
  return app.cfg.agentRest + "conversations/" + app.cfg.conversationId + "/" + action;
}

// POST an action, then clear the error line and re-read the page (or show the failure).
function act(app, refresh, url, body, after) {
  return app
    .api("POST", url, body)
    .then(() => {
      if (after) {
        after();
      }
      actionError(null);
      refresh();
    })
    .catch(actionError);
}

function sendReply(app, refresh) {
  const box = byId("reply-text");
  const text = box.value.trim();
  if (!text) {
    byId("reply-error").textContent = "Write a reply first.";
    return;
  }
  byId("send").disabled = true;
  app
    .api("POST", conversationRest(app, "messages"), { text })
    .then(() => {
      box.value = "";
      byId("reply-error").textContent = "";
      refresh();
    })
    .catch((err) => {
      byId("reply-error").textContent = err.message;
    })
    .then(() => {
      if (app.state.detail) {
        renderActions(app.state.detail, app.me);
      }
    });
}

function doClaim(app, refresh) {
  const { detail } = app.state;
  if (!detail || !detail.escalation) {
    return;
  }
  claim(app, detail.escalation.id)
    .then(() => {
      actionError(null);
      refresh();
    })
    .catch(actionError);
}

function doResolve(app, refresh) {
  const { state } = app;
  const button = byId("resolve");
  if (!state.detail || !state.detail.escalation || button.disabled) {
    return;
  }
  if (Date.now() - state.resolveArmed > RESOLVE_CONFIRM_MS) {
    state.resolveArmed = Date.now();
    button.textContent = "Press again to resolve";
    window.setTimeout(() => {
      byId("resolve").textContent = "Resolve";
    }, RESOLVE_CONFIRM_MS);
    return;
  }
  state.resolveArmed = 0;
  // A crisis is resolved only with a closing note: the text in the Notes box goes with it.
  const note = byId("note-text").value.trim();
  act(app, refresh, conversationRest(app, "resolve"), note ? { note } : {}, () => {
    byId("resolve").textContent = "Resolved";
  });
}

function transfer(app, refresh, target) {
  if (!target) {
    return;
  }
  act(app, refresh, app.cfg.transferApi, { target }, () => {
    banner("Transferred (" + target + ").", "info");
  });
}

function feedback(app, refresh, messageId, emotion) {
  app
    .api("POST", app.cfg.feedbackApi.replace(/\/0\/emotion$/, "/" + messageId + "/emotion"), { emotion })
    .then(() => {
      refresh();
    })
    .catch(actionError);
}

function wireReply(app, refresh) {
  byId("reply-form").addEventListener("submit", (event) => {
    event.preventDefault();
    sendReply(app, refresh);
  });
  byId("reply-text").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      sendReply(app, refresh);
    } else if (event.key === "Escape") {
      byId("reply-text").blur();
    }
  });
}

function wireTransfer(app, refresh) {
  byId("transfer-target").addEventListener("change", (event) => {
    transfer(app, refresh, event.target.value);
    event.target.value = "";
  });
  document.querySelectorAll("button.next").forEach((b) => {
    b.addEventListener("click", () => {
      transfer(app, refresh, b.getAttribute("data-target"));
    });
  });
}

function wireFeedback(app, refresh, transcript) {
  transcript.addEventListener("click", (event) => {
    const b = event.target.closest("button.confirm-emotion");
    if (b) {
      feedback(app, refresh, b.getAttribute("data-message-id"), b.getAttribute("data-emotion"));
    }
  });
  transcript.addEventListener("change", (event) => {
    const s = event.target.closest("select.correct-emotion");
    if (s && s.value) {
      feedback(app, refresh, s.getAttribute("data-message-id"), s.value);
    }
  });
}

function wireNotes(app, refresh) {
  byId("note-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const box = byId("note-text");
    if (!box.value.trim()) {
      return;
    }
    app
      .api("POST", app.cfg.notesApi, { text: box.value })
      .then(() => {
        box.value = "";
        refresh();
      })
      .catch(actionError);
  });
}

function wireShortcuts(app, refresh) {
  document.addEventListener("keydown", (event) => {
    if (!isShortcut(event)) {
      return;
    }
    if (event.key === "r") {
      byId("reply-text").focus();
    } else if (event.key === "c") {
      if (!byId("claim").hidden) {
        doClaim(app, refresh);
      }
    } else if (event.key === "x") {
      doResolve(app, refresh);
    } else {
      return;
    }
    event.preventDefault();
  });
}

export function wireActions(app, refresh, transcript) {
  wireReply(app, refresh);
  byId("claim").addEventListener("click", () => doClaim(app, refresh));
  byId("resolve").addEventListener("click", () => doResolve(app, refresh));
  byId("handback").addEventListener("click", () => {
    act(app, refresh, conversationRest(app, "handback"), {});
  });
  wireTransfer(app, refresh);
  wireFeedback(app, refresh, transcript);
  wireNotes(app, refresh);
  wireShortcuts(app, refresh);
}

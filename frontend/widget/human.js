// Asking for a person: the queue place and wait when someone can come, the truth and an offer
// to leave an email address when nobody can.

import { ApiError } from "./api.js";
import { GENERIC_ERROR, HUMAN_PATH, STATUS_NOTES } from "./config.js";
import { offerContact } from "./offline.js";
import { clearError, showError, systemNote } from "./render.js";
import { setStatus, showQueue, updateHumanButton } from "./status.js";

function conversationPath(id, rest) {
  return "/conversations/" + encodeURIComponent(id) + rest;
}

// Shown only when the site's widget config offers it (the escalation API adds the feature
// and POST .../request-human); probing the URL proves nothing, as every widget path answers.
export function requestHuman(app) {
  const { state, ui } = app;
  if (!state.session) {
    return;
  }
  clearError(app);
  ui.humanBtn.disabled = true;
  app
    .request("POST", conversationPath(state.session.id, HUMAN_PATH), {}, state.session.token)
    .then((result) => {
      const data = result.data || {};
      const next = data.status;
      setStatus(app, next || "waiting_for_agent", !!next);
      if (!next) {
        systemNote(app, STATUS_NOTES.waiting_for_agent);
      }
      const offline = data.offline === true;
      showQueue(app, data.queue_position, data.estimated_wait_seconds, offline);
      if (offline) {
        offerContact(app);
      }
    })
    .catch((err) => {
      showError(app, err instanceof ApiError ? err.message : GENERIC_ERROR);
    })
    .finally(() => {
      ui.humanBtn.disabled = false;
      updateHumanButton(app);
    });
}

// "End chat": a confirm step inside the widget, then POST .../end; the resolution itself
// arrives as the usual conversation.status_changed event (with its CSAT offer).

import { ApiError } from "./api.js";
import { END_PATH, GENERIC_ERROR } from "./config.js";
import { catchUp } from "./events.js";
import { clearError, showError } from "./render.js";
import { updateHumanButton } from "./status.js";

function askToEnd(app) {
  app.state.confirmingEnd = true;
  updateHumanButton(app);
  app.ui.endYes.focus();
}

function keepChatting(app) {
  app.state.confirmingEnd = false;
  updateHumanButton(app);
  app.ui.endBtn.focus();
}

function endChat(app) {
  const { state, ui } = app;
  const session = state.session;
  if (!session) {
    return;
  }
  clearError(app);
  ui.endYes.disabled = true;
  const path = "/conversations/" + encodeURIComponent(session.id) + END_PATH;
  app
    .request("POST", path, {}, session.token)
    .then(() => {
      state.confirmingEnd = false;
      // The status event may be in flight on the socket or lost with it: read the log too.
      return catchUp(app);
    })
    .catch((err) => {
      state.confirmingEnd = false;
      const code = err instanceof ApiError ? err.code : "";
      if (code === "crisis_latched") {
        state.crisisNotice = true; // a person stays with this conversation
      } else if (code === "conversation_resolved") {
        catchUp(app); // ended already (another tab, an agent): show it
        return;
      }
      showError(app, err instanceof ApiError ? err.message : GENERIC_ERROR);
    })
    .finally(() => {
      ui.endYes.disabled = false;
      updateHumanButton(app);
    });
}

export function wireEnd(app) {
  const { ui } = app;
  ui.endBtn.addEventListener("click", () => askToEnd(app));
  ui.endNo.addEventListener("click", () => keepChatting(app));
  ui.endYes.addEventListener("click", () => endChat(app));
  ui.endConfirm.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.stopPropagation(); // cancels the question, not the whole panel
      keepChatting(app);
    }
  });
}

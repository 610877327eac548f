// Privacy: emotion-analysis consent, export and erasure of the visitor's own data.

import { el } from "../shared/dom.js";
import { showError, systemNote } from "./render.js";
import { sessionLost } from "./session.js";

const NOTHING_STORED = "Nothing is stored about you yet.";

export function loadPrivacy(app) {
  const { state, ui } = app;
  if (!state.session) {
    return;
  }
  app
    .request("GET", "/me", undefined, state.session.token)
    .then((result) => {
      if (state.wantedConsent !== null && state.wantedConsent !== result.data.emotion_analysis) {
        setConsent(app, state.wantedConsent);
        return;
      }
      ui.consentBox.checked = result.data.emotion_analysis === true;
    })
    .catch(() => {});
}

function setConsent(app, on) {
  const { state, ui } = app;
  state.wantedConsent = on;
  if (!state.session) {
    return;
  }
  app
    .request("PATCH", "/me", { emotion_analysis: on }, state.session.token)
    .then((result) => {
      state.wantedConsent = null;
      ui.consentBox.checked = result.data.emotion_analysis === true;
    })
    .catch((err) => {
      ui.consentBox.checked = !on;
      showError(app, err.message);
    });
}

function downloadData(app) {
  const { state, ui } = app;
  if (!state.session) {
    showError(app, NOTHING_STORED);
    return;
  }
  app
    .request("GET", "/me/export", undefined, state.session.token)
    .then((result) => {
      const blob = new Blob([JSON.stringify(result.data, null, 2)], { type: "application/json" });
      const url = URL.createObjectURL(blob);
      const link = el("a", { href: url, download: "my-data.json" });
      ui.shadow.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => {
        URL.revokeObjectURL(url);
      }, 1000);
    })
    .catch((err) => {
      showError(app, err.message);
    });
}

function eraseData(app) {
  const { state } = app;
  if (!state.session) {
    showError(app, NOTHING_STORED);
    return;
  }
  if (!window.confirm("Delete your messages and everything stored about you? This cannot be undone.")) {
    return;
  }
  app
    .request("DELETE", "/me", undefined, state.session.token)
    .then(() => {
      if (state.thread) {
        state.thread.remove();
      }
      sessionLost(app, true);
      systemNote(app, "Your data has been deleted.");
    })
    .catch((err) => {
      showError(app, err.message);
    });
}

export function wirePrivacy(app) {
  const { ui } = app;
  ui.consentBox.addEventListener("change", () => {
    setConsent(app, ui.consentBox.checked);
  });
  ui.exportBtn.addEventListener("click", () => downloadData(app));
  ui.eraseBtn.addEventListener("click", () => eraseData(app));
}

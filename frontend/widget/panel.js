// Opening and closing the panel, the site's display name, the message box.

import { MAX_TEXT } from "./config.js";
import { sendMessage } from "./conversation.js";
import { wireEnd } from "./end.js";
import { requestHuman } from "./human.js";
import { loadPrivacy } from "./privacy.js";
import { scrollToEnd, showError } from "./render.js";
import { saveSession } from "./session.js";
import { updateHumanButton } from "./status.js";

// The site's display name for the header; a failure here must not stop the chat.
export function loadConfig(app) {
  const { state, ui } = app;
  if (state.configLoaded) {
    return;
  }
  state.configLoaded = true;
  app
    .request("GET", "/config?site_key=" + encodeURIComponent(app.config.siteKey))
    .then((result) => {
      const data = result.data || {};
      if (typeof data.name === "string" && data.name) {
        ui.title.textContent = data.name;
      }
      state.humanAvailable = !!(data.features && data.features.request_human === true);
      updateHumanButton(app);
    })
    .catch((err) => {
      if (err.status === 404 || err.status === 403) {
        showError(app, "This chat is not available on this page.");
      }
    });
}

export function openPanel(app) {
  const { ui } = app;
  loadConfig(app);
  ui.panel.hidden = false;
  ui.root.classList.add("is-open");
  ui.launcher.setAttribute("aria-expanded", "true");
  saveSession(app);
  if (app.state.session) {
    app.socket.connect();
    loadPrivacy(app);
  }
  scrollToEnd(app);
  ui.input.focus();
}

function closePanel(app) {
  const { ui } = app;
  ui.panel.hidden = true;
  ui.root.classList.remove("is-open");
  ui.launcher.setAttribute("aria-expanded", "false");
  saveSession(app);
  ui.launcher.focus();
}

function submit(app) {
  const { input } = app.ui;
  const text = input.value.trim();
  if (!text) {
    return;
  }
  // Count code points like the server does (an emoji is one character, two UTF-16 units).
  const length = Array.from(text).length;
  if (length > MAX_TEXT) {
    showError(app, "Your message is too long (" + length + " characters, at most " + MAX_TEXT + ").");
    return;
  }
  input.value = "";
  sendMessage(app, text);
}

export function wirePanel(app) {
  const { ui } = app;
  ui.launcher.addEventListener("click", () => openPanel(app));
  ui.closeBtn.addEventListener("click", () => closePanel(app));
  ui.humanBtn.addEventListener("click", () => requestHuman(app));
  wireEnd(app);
  ui.form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit(app);
  });
  ui.input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit(app);
    }
  });
  ui.panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      closePanel(app);
    }
  });
}

// The widget's markup: a host element with a shadow root holding the launcher and the panel.
// Element creation only; every text goes in through textContent (see shared/dom.js).

import { el } from "../shared/dom.js";
import CSS from "./widget.css";

// A constructed stylesheet adopted by the shadow root where the browser has them, else <style>.
function adoptStyles(shadow) {
  if ("adoptedStyleSheets" in shadow && typeof CSSStyleSheet === "function") {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    shadow.adoptedStyleSheets = [sheet];
  } else {
    shadow.appendChild(el("style", null, CSS));
  }
}

function buildHeader() {
  const header = el("div", { class: "header" });
  const title = el("h2", { class: "title", id: "title" }, "Support chat");
  const conn = el("span", { class: "conn", role: "status" });
  const closeBtn = el("button", { type: "button", class: "close", "aria-label": "Close the chat" }, "\u00d7");
  header.append(title, conn, closeBtn);
  return { header, title, conn, closeBtn };
}

// Privacy by design: say it is an AI, say what emotion analysis is for, let the visitor say no.
function buildPrivacy(origin) {
  const privacy = el("div", { class: "privacy" });
  const disclosure = el(
    "p",
    null,
    "You are chatting with an AI assistant. Messages are analysed for emotion to route you to the right help."
  );
  const privacyRow = el("div", { class: "row" });
  const consentLabel = el("label", { class: "consent" });
  const consentBox = el("input", { type: "checkbox", checked: "" });
  consentLabel.append(consentBox, el("span", null, "Emotion analysis"));
  const privacyLink = el(
    "a",
    { href: origin + "/privacy/", target: "_blank", rel: "noopener noreferrer" },
    "Privacy notice"
  );
  const exportBtn = el("button", { type: "button", class: "link" }, "Download my data");
  const eraseBtn = el("button", { type: "button", class: "link" }, "Delete my data");
  privacyRow.append(consentLabel, privacyLink, exportBtn, eraseBtn);
  privacy.append(disclosure, privacyRow);
  return { privacy, consentBox, exportBtn, eraseBtn };
}

function buildForm() {
  const form = el("form", { class: "form", novalidate: "" });
  const inputLabel = el("label", { for: "input", class: "sr" }, "Your message");
  const input = el("textarea", {
    id: "input",
    class: "input",
    rows: "1",
    placeholder: "Type a message\u2026",
    autocomplete: "off",
    "aria-describedby": "hint",
  });
  const hint = el("span", { id: "hint", class: "sr" }, "Press Enter to send, Shift and Enter for a new line.");
  const sendBtn = el("button", { type: "submit", class: "send", "aria-label": "Send message" }, "Send");
  form.append(inputLabel, input, hint, sendBtn);
  return { form, input, sendBtn };
}

// Every element the widget touches later, by name.
export function buildView(origin) {
  const host = el("div", { "data-empathy-desk": "widget" });
  const shadow = host.attachShadow({ mode: "open" });
  adoptStyles(shadow);

  const root = el("div", { class: "root" });
  const launcher = el(
    "button",
    { type: "button", class: "launcher", "aria-expanded": "false", "aria-controls": "panel" },
    "Chat with us"
  );
  launcher.setAttribute("aria-label", "Open the support chat");
  const panel = el("section", { class: "panel", id: "panel", role: "dialog", "aria-labelledby": "title" });
  panel.hidden = true;
  const { header, title, conn, closeBtn } = buildHeader();
  const { privacy, consentBox, exportBtn, eraseBtn } = buildPrivacy(origin);
  const log = el("div", {
    class: "log",
    role: "log",
    "aria-live": "polite",
    "aria-relevant": "additions",
    "aria-label": "Messages",
    tabindex: "0",
  });
  const typing = el("div", { class: "typing", "aria-live": "polite" }, "The assistant is typing\u2026");
  typing.hidden = true;
  // Place in the agent queue and the estimated wait (from `queue.updated` hints).
  const queueInfo = el("div", { class: "queue", "aria-live": "polite" });
  queueInfo.hidden = true;
  const errorBox = el("div", { class: "error", role: "alert" });
  errorBox.hidden = true;
  const actions = el("div", { class: "actions" });
  const humanBtn = el("button", { type: "button", class: "human" }, "Talk to a person");
  humanBtn.hidden = true;
  const endBtn = el("button", { type: "button", class: "end" }, "End chat");
  endBtn.hidden = true;
  // The confirm step stays inside the widget: no window.confirm over the host page.
  const endConfirm = el("div", { class: "end-confirm", role: "group", "aria-labelledby": "end-q" });
  endConfirm.hidden = true;
  const endYes = el("button", { type: "button", class: "end-yes" }, "Yes, end chat");
  const endNo = el("button", { type: "button", class: "end-no" }, "Keep chatting");
  endConfirm.append(el("span", { id: "end-q" }, "End this chat?"), endYes, endNo);
  actions.append(humanBtn, endBtn, endConfirm);
  const { form, input, sendBtn } = buildForm();
  panel.append(header, privacy, log, typing, queueInfo, errorBox, actions, form);
  root.append(launcher, panel);
  shadow.appendChild(root);

  return {
    host,
    shadow,
    root,
    launcher,
    panel,
    title,
    conn,
    closeBtn,
    consentBox,
    exportBtn,
    eraseBtn,
    log,
    typing,
    queueInfo,
    errorBox,
    humanBtn,
    endBtn,
    endConfirm,
    endYes,
    endNo,
    form,
    input,
    sendBtn,
  };
}

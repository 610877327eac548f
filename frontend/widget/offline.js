// Nobody from the team can come now: say so, and offer to leave an email address for a reply.

import { el } from "../shared/dom.js";
import { CONTACT_PATH, OFFLINE_TEXT } from "./config.js";
import { currentThread, insertBySeq, scrollToEnd, systemNote } from "./render.js";

export function offerContact(app) {
  const { state } = app;
  if (!state.session || currentThread(app).querySelector(".contact")) {
    return; // one offer per conversation
  }
  systemNote(app, OFFLINE_TEXT);
  const form = contactForm(app, state.session);
  form.classList.add("msg--local");
  insertBySeq(app, form, state.seq.lastSeq + 0.5);
  scrollToEnd(app);
}

function contactForm(app, session) {
  app.state.contactForms += 1;
  const ids = { label: "contact-l-" + app.state.contactForms, input: "contact-e-" + app.state.contactForms };
  const form = el("form", { class: "contact", novalidate: "", "aria-labelledby": ids.label });
  const label = el("label", { id: ids.label, for: ids.input }, "Your email address");
  const input = el("input", {
    id: ids.input,
    type: "email",
    name: "email",
    autocomplete: "email",
    maxlength: "254",
    required: "",
  });
  const send = el("button", { type: "submit" }, "Send");
  const note = el("p", { class: "contact-status", role: "status" });
  const row = el("div", { class: "row" });
  row.append(input, send);
  form.append(label, row, note);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const email = input.value.trim();
    if (!email) {
      showNote(note, "Please enter your email address.", true);
      return;
    }
    send.disabled = true;
    const path = "/conversations/" + encodeURIComponent(session.id) + CONTACT_PATH;
    app
      .request("POST", path, { email }, session.token)
      .then((result) => {
        const saved = (result.data && typeof result.data.email === "string" && result.data.email) || email;
        const thanks = el("p", { class: "contact-done" }, "Thank you. We will write to " + saved + " as soon as someone is back.");
        form.replaceChildren(thanks);
      })
      .catch((err) => {
        send.disabled = false;
        showNote(note, err.message, true);
        input.focus();
      });
  });
  return form;
}

function showNote(note, text, isError) {
  note.textContent = text;
  note.classList.toggle("is-error", !!isError);
}

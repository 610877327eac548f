// "Did this answer your question?" under a bot answer from the help center (a message with
// `knowledge` outcome answered or suggested); "No" offers a person.

import { el, owns } from "../shared/dom.js";
import { FEEDBACK_PATH } from "./config.js";
import { requestHuman } from "./human.js";

const ASKS_FEEDBACK = { answered: true, suggested: true };

export function wantsFeedback(message) {
  const kb = message && message.knowledge;
  return !!(kb && typeof kb === "object" && owns(ASKS_FEEDBACK, kb.outcome));
}

// The question and its buttons, for the bubble of this bot message.
export function feedbackBox(app, message) {
  const { session } = app.state;
  if (!session || !wantsFeedback(message)) {
    return null;
  }
  const id = "kb-q-" + String(message.id).replace(/[^0-9A-Za-z_-]/g, "");
  const box = el("div", { class: "kb-feedback", role: "group", "aria-labelledby": id });
  const question = el("p", { id }, "Did this answer your question?");
  const yes = el("button", { type: "button", class: "kb-yes", "aria-pressed": "false" }, "Yes");
  const no = el("button", { type: "button", class: "kb-no", "aria-pressed": "false" }, "No");
  const row = el("div", { class: "row" });
  row.append(yes, no);
  const note = el("p", { class: "kb-status", role: "status" });
  box.append(question, row, note);
  const path =
    "/conversations/" +
    encodeURIComponent(session.id) +
    "/messages/" +
    encodeURIComponent(String(message.id)) +
    FEEDBACK_PATH;

  function answer(helpful) {
    yes.disabled = true;
    no.disabled = true;
    note.textContent = "";
    app
      .request("POST", path, { helpful }, session.token)
      .then((result) => {
        const data = result.data || {};
        yes.setAttribute("aria-pressed", helpful ? "true" : "false");
        no.setAttribute("aria-pressed", helpful ? "false" : "true");
        if (helpful) {
          note.textContent = "Thank you, glad it helped.";
          return;
        }
        note.textContent = "Sorry it did not help.";
        if (data.offer_human === true) {
          offerPerson(app, box, session);
        }
      })
      .catch((err) => {
        note.textContent = err.message;
      })
      .finally(() => {
        yes.disabled = false;
        no.disabled = false;
      });
  }

  yes.addEventListener("click", () => answer(true));
  no.addEventListener("click", () => answer(false));
  return box;
}

function offerPerson(app, box, session) {
  if (box.querySelector(".kb-human")) {
    return;
  }
  const offer = el("div", { class: "row kb-offer" });
  const text = el("span", null, "Would you like to talk to a person?");
  const button = el("button", { type: "button", class: "kb-human" }, "Talk to a person");
  button.addEventListener("click", () => {
    button.disabled = true;
    // Only for the conversation the answer belongs to (not a newer one after an end).
    if (app.state.session && app.state.session.id === session.id) {
      requestHuman(app);
    }
    offer.remove();
  });
  offer.append(text, button);
  box.appendChild(offer);
}

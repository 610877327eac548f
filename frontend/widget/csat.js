// After resolution: a 1-5 rating (csat "ask"), or only a gentle check-in after a crisis.
// Servers that predate CSAT send no `csat`: nothing is offered.

import { el } from "../shared/dom.js";
import { CHECK_IN_TEXT, CSAT_MAX_COMMENT, CSAT_PATH } from "./config.js";
import { insertBySeq, messageNode, scrollToEnd, systemNote } from "./render.js";

export function offerFollowUp(app, kind, seq) {
  const { session } = app.state;
  if (kind === "check_in") {
    systemNote(app, CHECK_IN_TEXT, seq);
  } else if (kind === "ask" && session) {
    insertBySeq(app, csatForm(app, session.id, session.token), seq);
    scrollToEnd(app);
  }
}

function scoreButtons(onChoose) {
  const buttons = [1, 2, 3, 4, 5].map((n) => {
    const button = el("button", { type: "button", class: "score", "aria-pressed": "false" }, String(n));
    button.setAttribute("aria-label", n + " out of 5");
    button.addEventListener("click", () => {
      onChoose(n);
      buttons.forEach((other, i) => {
        other.setAttribute("aria-pressed", i + 1 === n ? "true" : "false");
      });
    });
    return button;
  });
  return buttons;
}

function csatForm(app, conversationId, token) {
  app.state.csatForms += 1;
  const ids = { q: "csat-q-" + app.state.csatForms, c: "csat-c-" + app.state.csatForms };
  let chosen = 0;
  const box = el("form", { class: "csat", "aria-labelledby": ids.q, novalidate: "" });
  const question = el("p", { id: ids.q }, "How did we do? Rate this conversation from 1 (poor) to 5 (great).");
  const scores = el("div", { class: "scores", role: "group", "aria-labelledby": ids.q });
  scores.append(
    ...scoreButtons((n) => {
      chosen = n;
    })
  );
  const commentLabel = el("label", { for: ids.c }, "Anything you would like to add? (optional)");
  const comment = el("textarea", { id: ids.c, rows: "2", maxlength: String(CSAT_MAX_COMMENT) });
  const send = el("button", { type: "submit", class: "csat-send" }, "Send rating");
  const note = el("p", { class: "csat-status", role: "status" });
  box.append(question, scores, commentLabel, comment, send, note);
  box.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!chosen) {
      note.textContent = "Please choose a rating from 1 to 5.";
      return;
    }
    send.disabled = true;
    const body = { score: chosen };
    if (comment.value.trim()) {
      body.comment = comment.value.trim().slice(0, CSAT_MAX_COMMENT);
    }
    const path = "/conversations/" + encodeURIComponent(conversationId) + CSAT_PATH;
    app
      .request("POST", path, body, token)
      .then(() => {
        csatThanks(box);
      })
      .catch((err) => {
        if (err.status === 409) {
          csatThanks(box); // rated already (another tab, or before a reload)
          return;
        }
        send.disabled = false;
        note.textContent = err.message;
      });
  });
  return box;
}

function csatThanks(box) {
  const thanks = messageNode("system", "Thank you for your feedback.");
  if (box.hasAttribute("data-seq")) {
    thanks.setAttribute("data-seq", box.getAttribute("data-seq"));
  }
  box.replaceWith(thanks);
}

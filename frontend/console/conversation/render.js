// Rendering the conversation page from the console API's detail: transcript with emotion
// readings, alerts, notes and the action buttons.

import { byId, clear, el, owns } from "../../shared/dom.js";
import { safeHref } from "../../shared/links.js";
import { pct } from "../format.js";
import { highlighted } from "../highlight.js";

const SENDER_NAMES = { visitor: "Visitor", bot: "Bot", agent: "Agent", system: "System" };

function readingRow(m) {
  const emotionOptions = byId("emotion-options");
  const row = el("div", { class: "reading" });
  row.appendChild(el("span", { class: "badge emotion emotion--" + m.reading.category }, m.reading.emotion));
  row.appendChild(el("span", { class: "intensity", title: "Intensity" }, "intensity " + pct(m.reading.intensity)));
  row.appendChild(el("span", { class: "muted", title: "Valence" }, "valence " + Number(m.reading.valence).toFixed(2)));
  if (m.feedback) {
    row.appendChild(
      el(
        "span",
        { class: "feedback" },
        m.feedback.is_correct ? "\u2713 confirmed" : "corrected to " + m.feedback.corrected_emotion
      )
    );
  }
  const ok = el(
    "button",
    {
      type: "button",
      class: "tiny confirm-emotion",
      "data-message-id": m.id,
      "data-emotion": m.reading.emotion,
      title: "The detected emotion is right",
    },
    "\u2713"
  );
  row.appendChild(ok);
  const select = el("select", {
    class: "tiny correct-emotion",
    "data-message-id": m.id,
    "aria-label": "Correct the detected emotion",
  });
  select.appendChild(el("option", { value: "" }, "Correct\u2026"));
  if (emotionOptions) {
    select.appendChild(emotionOptions.content.cloneNode(true));
  }
  row.appendChild(select);
  return row;
}

const KB_OUTCOMES = {
  answered: "Answered from the help center: ",
  suggested: "Suggested a help-center article: ",
  no_answer: "The help center had no answer",
};

// Which article the bot used for this answer (from the message's `knowledge`).
export function knowledgeRow(kb) {
  const row = el("div", { class: "kb-used", "data-outcome": String(kb.outcome || "") });
  row.appendChild(el("span", { class: "tag" }, "help center"));
  const label = owns(KB_OUTCOMES, kb.outcome) ? KB_OUTCOMES[kb.outcome] : "Help center: ";
  row.appendChild(document.createTextNode(" " + label));
  if (kb.outcome !== "no_answer" && kb.title) {
    const href = safeHref(kb.url || "");
    row.appendChild(
      href
        ? el("a", { href, target: "_blank", rel: "noopener noreferrer" }, kb.title)
        : el("span", null, kb.title)
    );
  }
  return row;
}

function transcriptItem(m, triggerWords) {
  const li = el("li", { class: "tmsg tmsg--" + m.sender, "data-message-id": m.id, "data-seq": m.seq });
  const who = SENDER_NAMES[m.sender] || m.sender;
  const head = el("div", { class: "tmsg__head" });
  head.appendChild(el("span", { class: "who" }, who));
  head.appendChild(el("time", { datetime: m.created_at }, new Date(m.created_at).toLocaleTimeString()));
  li.appendChild(head);
  const body = el("p", { class: "text", dir: "auto" });
  body.appendChild(m.sender === "visitor" ? highlighted(m.text, triggerWords) : document.createTextNode(m.text));
  li.appendChild(body);
  if (m.reading) {
    li.appendChild(readingRow(m));
  }
  if (m.sender === "bot" && m.knowledge && typeof m.knowledge === "object") {
    li.appendChild(knowledgeRow(m.knowledge));
  }
  return li;
}

export function renderTranscript(transcript, data) {
  const atBottom = transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight < 40;
  clear(transcript);
  data.transcript.forEach((m) => {
    transcript.appendChild(transcriptItem(m, data.trigger_words));
  });
  if (atBottom || !transcript.dataset.loaded) {
    transcript.scrollTop = transcript.scrollHeight;
  }
  transcript.dataset.loaded = "1";
}

export function renderAlerts(alerts) {
  const box = byId("alerts");
  clear(box);
  alerts.forEach((a) => {
    box.appendChild(el("div", { class: "alert alert--" + a.level, "data-kind": a.kind }, a.text));
  });
}

export function renderNotes(notes) {
  const list = byId("notes");
  clear(list);
  notes.forEach((n) => {
    const li = el("li", { class: "note" });
    li.appendChild(el("span", { class: "muted" }, (n.author || "someone") + ", " + new Date(n.created_at).toLocaleString()));
    li.appendChild(el("p", { class: "text", dir: "auto" }, n.text));
    list.appendChild(li);
  });
}

function statusText(data, me) {
  const esc = data.escalation;
  let text;
  if (!esc) {
    text = data.conversation.status;
  } else if (esc.status === "assigned") {
    text = "with " + (esc.assigned_to === me ? "you" : esc.assigned_to_username || "an agent");
  } else {
    text = esc.status;
  }
  if (esc && esc.crisis_level === "concern" && data.conversation.status === "bot") {
    text += " \u00b7 review: the assistant is still answering; your first message takes over";
  }
  return text;
}

export function renderActions(data, me) {
  const esc = data.escalation;
  const isOpen = esc && (esc.status === "queued" || esc.status === "assigned");
  const mine = esc && esc.status === "assigned" && (esc.assigned_to === me || data.viewer.is_supervisor);
  byId("claim").hidden = !(
    isOpen &&
    (esc.status === "queued" || (data.viewer.is_supervisor && esc.assigned_to !== me))
  );
  byId("claim").textContent = esc && esc.status === "assigned" ? "Take over" : "Claim";
  ["resolve", "handback"].forEach((id) => {
    byId(id).disabled = !mine;
  });
  // A crisis stays with people until resolved; a concern under review may go back.
  byId("handback").hidden = !!(esc && esc.crisis_level === "crisis");
  byId("transfer-target").disabled = !mine;
  byId("send").disabled = !mine;
  byId("reply-text").disabled = !mine;
  document.querySelectorAll("button.next").forEach((b) => {
    b.disabled = !mine;
  });
  const status = byId("conv-status");
  status.textContent = statusText(data, me);
  status.setAttribute("data-status", data.conversation.status);
  const trend = byId("trend");
  trend.textContent = data.conversation.trend;
  trend.setAttribute("data-trend", data.conversation.trend);
}

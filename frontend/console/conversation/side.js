// The side panels: reply suggestions for the newest visitor message, similar resolved cases.

import { byId, clear, el } from "../../shared/dom.js";
import { pct, reasonText } from "../format.js";

function showError(list, err) {
  clear(list);
  list.appendChild(el("li", { class: "error" }, err.message));
}

function suggestionItem(s) {
  const li = el("li", { class: "suggestion", "data-strategy": s.strategy });
  const head = el("div", { class: "suggestion__head" });
  head.appendChild(el("span", { class: "tag" }, "Suggestion" + (s.is_recommended ? " \u00b7 recommended" : "")));
  head.appendChild(el("span", { class: "muted" }, s.strategy.replace(/_/g, " ")));
  li.appendChild(head);
  li.appendChild(el("p", { class: "text" }, s.text));
  const use = el("button", { type: "button", class: "tiny use-suggestion" }, "Use");
  use.addEventListener("click", () => {
    const box = byId("reply-text");
    box.value = s.text;
    box.focus();
  });
  li.appendChild(use);
  return li;
}

// Fill a side list from the API: one item per entry, a muted line when there is none.
function loadList(app, { listId, url, field, emptyText, item }) {
  const list = byId(listId);
  app
    .api("GET", url)
    .then((data) => {
      clear(list);
      if (!data[field].length) {
        list.appendChild(el("li", { class: "muted" }, emptyText));
      }
      data[field].forEach((entry) => list.appendChild(item(entry)));
    })
    .catch((err) => showError(list, err));
}

export function loadSuggestions(app) {
  loadList(app, {
    listId: "suggestions",
    url: app.cfg.suggestionsApi,
    field: "suggestions",
    emptyText: "No visitor message yet.",
    item: suggestionItem,
  });
}

function caseItem(c) {
  const li = el("li", { class: "case" });
  const resolvedIn = c.minutes_to_resolve !== null ? " \u00b7 resolved in " + c.minutes_to_resolve + " min" : "";
  li.appendChild(el("div", { class: "muted" }, reasonText(c.reason) + " \u00b7 " + pct(c.similarity) + " similar" + resolvedIn));
  li.appendChild(el("p", { class: "text" }, "\u201c" + c.visitor_text + "\u201d"));
  if (c.resolution) {
    li.appendChild(el("p", { class: "text resolution" }, "Agent: " + c.resolution));
  }
  return li;
}

export function loadSimilar(app) {
  loadList(app, {
    listId: "similar",
    url: app.cfg.similarApi,
    field: "cases",
    emptyText: "No similar resolved case yet.",
    item: caseItem,
  });
}

// The side panels: reply suggestions and help-center articles for the newest visitor message
// (with one-click "Insert link"), similar resolved cases.

import { byId, clear, el } from "../../shared/dom.js";
import { safeHref } from "../../shared/links.js";
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

// Put text at the caret of the reply box (or at its end), spaced from what is there.
export function insertAtCaret(value, start, end, text) {
  const before = value.slice(0, start);
  const after = value.slice(end);
  const lead = before && !/\s$/.test(before) ? " " : "";
  const trail = after && !/^\s/.test(after) ? " " : "";
  const inserted = lead + text + trail;
  return { value: before + inserted + after, caret: before.length + inserted.length };
}

function insertLink(article) {
  const box = byId("reply-text");
  const start = typeof box.selectionStart === "number" ? box.selectionStart : box.value.length;
  const end = typeof box.selectionEnd === "number" ? box.selectionEnd : box.value.length;
  const next = insertAtCaret(box.value, start, end, article.title + ": " + article.url);
  box.value = next.value;
  box.focus();
  box.setSelectionRange(next.caret, next.caret);
}

function articleItem(a) {
  const li = el("li", { class: "article", "data-confident": a.is_confident ? "true" : "false" });
  const head = el("div", { class: "article__head" });
  const href = safeHref(a.url);
  head.appendChild(
    href
      ? el("a", { href, target: "_blank", rel: "noopener noreferrer", class: "article__title" }, a.title)
      : el("span", { class: "article__title" }, a.title)
  );
  head.appendChild(
    el("span", { class: "muted" }, pct(a.score) + (a.is_confident ? " \u00b7 confident match" : " \u00b7 related"))
  );
  li.appendChild(head);
  if (href) {
    const insert = el("button", { type: "button", class: "tiny insert-link" }, "Insert link");
    insert.setAttribute("aria-label", "Insert a link to \u201c" + a.title + "\u201d in the reply");
    insert.addEventListener("click", () => insertLink({ title: a.title, url: href }));
    li.appendChild(insert);
  }
  return li;
}

function fill(list, entries, emptyText, item) {
  clear(list);
  if (!entries.length) {
    list.appendChild(el("li", { class: "muted" }, emptyText));
  }
  entries.forEach((entry) => list.appendChild(item(entry)));
}

// Suggested replies and the help-center articles for the newest visitor message: one request.
export function loadSuggestions(app) {
  const suggestions = byId("suggestions");
  const articles = byId("articles");
  app
    .api("GET", app.cfg.suggestionsApi)
    .then((data) => {
      fill(suggestions, data.suggestions, "No visitor message yet.", suggestionItem);
      if (articles) {
        fill(articles, data.articles || [], "No matching help-center article.", articleItem);
      }
    })
    .catch((err) => {
      showError(suggestions, err);
      if (articles) {
        showError(articles, err);
      }
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

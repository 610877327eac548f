// Follow-up requests on the queue page: visitors nobody could reach left an address. Listed
// oldest first from the console API; `follow_up.*` pushes are hints to re-read it. Every string
// (the address above all) goes in through textContent.

import { byId, clear, el } from "../shared/dom.js";
import { banner, conversationUrl, whileDown } from "./api.js";
import { duration, reasonText } from "./format.js";

const RESYNC_DELAY_MS = 400;
const SAFETY_NET_MS = 5000;

// Pending requests, oldest first (they have waited longest), then by id.
export function pendingFollowUps(items) {
  return items
    .filter((item) => item && item.status === "pending")
    .slice()
    .sort((a, b) => (a.created_at === b.created_at ? a.id - b.id : a.created_at < b.created_at ? -1 : 1));
}

export function isFollowUpEvent(event) {
  return !!event && typeof event.type === "string" && event.type.indexOf("follow_up.") === 0;
}

function row(app, item) {
  const li = el("li", { class: "qitem followup", "data-follow-up-id": item.id });
  const head = el("div", { class: "qitem__head" });
  head.appendChild(el("span", { class: "followup__email" }, item.email));
  if (item.escalation_reason) {
    head.appendChild(el("span", { class: "qitem__reason" }, reasonText(item.escalation_reason)));
  }
  li.appendChild(head);
  const meta = el("div", { class: "qitem__meta" });
  meta.appendChild(el("span", { class: "wait", "data-since": item.created_at }, ""));
  if (item.site_name) {
    meta.appendChild(el("span", { class: "tag" }, item.site_name));
  }
  li.appendChild(meta);
  const actions = el("div", { class: "qitem__actions" });
  actions.appendChild(
    el("button", { type: "button", class: "primary handled", "data-id": item.id }, "Mark handled")
  );
  if (item.may_open) {
    actions.appendChild(el("a", { class: "open", href: conversationUrl(app, item.conversation_id) }, "Open"));
  }
  li.appendChild(actions);
  return li;
}

function tick(list) {
  const now = Date.now();
  list.querySelectorAll(".wait").forEach((node) => {
    node.textContent = "asked " + duration((now - Date.parse(node.getAttribute("data-since"))) / 1000) + " ago";
  });
}

function render(app, view, items) {
  const rows = pendingFollowUps(items);
  clear(view.list);
  rows.forEach((item) => view.list.appendChild(row(app, item)));
  view.empty.hidden = rows.length !== 0;
  view.count.textContent = rows.length + " waiting for an answer";
  tick(view.list);
}

export function followUpsPanel(app) {
  const view = { list: byId("followups"), empty: byId("followups-empty"), count: byId("followups-count") };
  if (!view.list || !app.cfg.followUpsApi) {
    return;
  }
  let items = [];
  let timer = null;

  function resync() {
    return app
      .api("GET", app.cfg.followUpsApi)
      .then((data) => {
        items = Array.isArray(data.follow_ups) ? data.follow_ups : [];
        render(app, view, items);
      })
      .catch((err) => {
        view.count.textContent = "Could not load the follow-up requests: " + err.message;
      });
  }

  function scheduleResync() {
    if (timer) {
      return;
    }
    timer = window.setTimeout(() => {
      timer = null;
      resync();
    }, RESYNC_DELAY_MS);
  }

  function markHandled(id, button) {
    button.disabled = true;
    app
      .api("POST", app.cfg.followUpsApi + "/" + encodeURIComponent(id) + "/handled", {})
      .then(() => {
        items = items.filter((item) => item.id !== id);
        render(app, view, items);
      })
      .catch((err) => {
        banner(err.message, "error");
        button.disabled = false;
        resync();
      });
  }

  app.handlers.push((event) => {
    if (isFollowUpEvent(event)) {
      scheduleResync();
    }
  });
  app.onReconnect.push(resync);
  whileDown(app, resync, SAFETY_NET_MS);
  window.setInterval(() => tick(view.list), 1000);
  view.list.addEventListener("click", (event) => {
    const button = event.target.closest("button.handled");
    if (button) {
      markHandled(Number(button.getAttribute("data-id")), button);
    }
  });
  resync();
}

// The live queue page: open escalations by urgency, then age; claim with one click or `c`.

import { byId, clear, el } from "../shared/dom.js";
import { renderAgent } from "./agent.js";
import { banner, claim, conversationUrl, whileDown } from "./api.js";
import { URGENCY_RANK, duration, isShortcut, pct, reasonLabel, reasonText } from "./format.js";

const RESYNC_DELAY_MS = 400;
const SAFETY_NET_MS = 5000;

function rank(esc) {
  return URGENCY_RANK[esc.urgency] === undefined ? 9 : URGENCY_RANK[esc.urgency];
}

// Most urgent first, then the oldest, then by id.
export function compareEscalations(a, b) {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) {
    return ra - rb;
  }
  if (a.created_at !== b.created_at) {
    return a.created_at < b.created_at ? -1 : 1;
  }
  return a.id - b.id;
}

// The escalations the queue shows (queued or assigned), in queue order.
export function visibleEscalations(items) {
  return Object.keys(items)
    .map((k) => items[k])
    .filter((e) => e.status === "queued" || e.status === "assigned")
    .sort(compareEscalations);
}

function criticalBanner(esc) {
  banner("New critical escalation: " + reasonText(esc.reason), "critical");
}

function cardHead(esc) {
  const last = esc.journey && esc.journey.length ? esc.journey[esc.journey.length - 1] : null;
  const head = el("div", { class: "qitem__head" });
  head.appendChild(el("span", { class: "badge urgency urgency--" + esc.urgency }, esc.urgency));
  head.appendChild(el("span", { class: "qitem__reason" }, reasonLabel(esc)));
  if (last) {
    head.appendChild(
      el(
        "span",
        { class: "badge emotion emotion--" + (last.category || "neutral"), title: "Latest emotion" },
        last.emotion + " " + pct(last.intensity)
      )
    );
  }
  if (esc.trend === "deteriorating") {
    head.appendChild(el("span", { class: "badge trend-bad" }, "deteriorating"));
  }
  return head;
}

function card(app, esc, index) {
  const li = el("li", {
    class:
      "qitem urgency-row--" +
      esc.urgency +
      (esc.isNewCritical ? " is-new-critical" : "") +
      (index === app.state.selected ? " is-selected" : ""),
    "data-escalation-id": esc.id,
    "data-urgency": esc.urgency,
    "data-status": esc.status,
  });
  li.appendChild(cardHead(esc));
  if (esc.summary) {
    li.appendChild(el("p", { class: "qitem__summary" }, esc.summary));
  }
  const meta = el("div", { class: "qitem__meta" });
  meta.appendChild(el("span", { class: "wait", "data-since": esc.created_at }, ""));
  meta.appendChild(
    el("span", { class: "sla", "data-due": esc.sla_due_at, "data-breached": esc.sla_breached ? "1" : "0" }, "")
  );
  if (esc.required_skill) {
    meta.appendChild(el("span", { class: "tag" }, "needs " + esc.required_skill));
  }
  li.appendChild(meta);
  const actions = el("div", { class: "qitem__actions" });
  if (esc.status === "queued") {
    actions.appendChild(el("button", { type: "button", class: "primary claim", "data-id": esc.id }, "Claim"));
  } else {
    actions.appendChild(el("span", { class: "muted" }, esc.assigned_to === app.me ? "Yours" : "Assigned"));
  }
  actions.appendChild(el("a", { class: "open", href: conversationUrl(app, esc.conversation_id) }, "Open"));
  li.appendChild(actions);
  return li;
}

// Wait times and SLA countdowns, every second.
function tick(list) {
  const now = Date.now();
  list.querySelectorAll(".wait").forEach((node) => {
    node.textContent = "waiting " + duration((now - Date.parse(node.getAttribute("data-since"))) / 1000);
  });
  list.querySelectorAll(".sla").forEach((node) => {
    const left = (Date.parse(node.getAttribute("data-due")) - now) / 1000;
    const breached = node.getAttribute("data-breached") === "1" || left < 0;
    node.textContent = breached ? "SLA breached " + duration(left) + " ago" : "SLA in " + duration(left);
    node.classList.toggle("is-breached", breached);
    node.classList.toggle("is-close", !breached && left < 30);
  });
}

function render(app, view) {
  const { state } = app;
  const rows = visibleEscalations(state.items);
  if (state.selected >= rows.length) {
    state.selected = Math.max(0, rows.length - 1);
  }
  clear(view.list);
  rows.forEach((esc, i) => {
    view.list.appendChild(card(app, esc, i));
  });
  view.empty.hidden = rows.length !== 0;
  const queued = rows.filter((e) => e.status === "queued").length;
  view.count.textContent = queued + " waiting, " + (rows.length - queued) + " assigned";
  tick(view.list);
}

function upsert(state, esc, isLive) {
  const known = state.items[esc.id];
  if (isLive && !known && esc.urgency === "critical" && esc.status === "queued") {
    esc.isNewCritical = true;
  } else if (known && known.isNewCritical && esc.status === "queued") {
    esc.isNewCritical = true;
  }
  state.items[esc.id] = esc;
  if (esc.isNewCritical) {
    criticalBanner(esc);
  }
}

function resync(app, view) {
  const { state } = app;
  return app
    .api("GET", app.cfg.queueApi)
    .then((data) => {
      const fresh = {};
      data.escalations.forEach((esc) => {
        const isNew = state.seen !== null && !state.seen[esc.id];
        const wasNewCritical = state.items[esc.id] && state.items[esc.id].isNewCritical;
        if ((isNew || wasNewCritical) && esc.urgency === "critical" && esc.status === "queued") {
          esc.isNewCritical = true;
          criticalBanner(esc);
        }
        fresh[esc.id] = esc;
      });
      state.items = fresh;
      state.seen = state.seen || {};
      Object.keys(fresh).forEach((k) => {
        state.seen[k] = true;
      });
      renderAgent(data.agent);
      render(app, view);
    })
    .catch((err) => {
      view.count.textContent = "Could not load the queue: " + err.message;
    });
}

function doClaim(app, view, id) {
  const esc = app.state.items[id];
  claim(app, id)
    .then(() => {
      if (esc) {
        window.location.assign(conversationUrl(app, esc.conversation_id));
      }
    })
    .catch((err) => {
      banner(err.message, "error");
      resync(app, view);
    });
}

function onKey(app, view, event) {
  const { state } = app;
  if (!isShortcut(event)) {
    return;
  }
  const rows = visibleEscalations(state.items);
  if (event.key === "j") {
    state.selected = Math.min(rows.length - 1, state.selected + 1);
    render(app, view);
  } else if (event.key === "k") {
    state.selected = Math.max(0, state.selected - 1);
    render(app, view);
  } else if (event.key === "c") {
    const current = rows[state.selected];
    const target = current && current.status === "queued" ? current : rows.filter((e) => e.status === "queued")[0];
    if (target) {
      doClaim(app, view, target.id);
    }
  } else if (event.key === "Enter" && rows[state.selected]) {
    window.location.assign(conversationUrl(app, rows[state.selected].conversation_id));
  } else {
    return;
  }
  event.preventDefault();
}

export function queuePage(app) {
  const view = { list: byId("queue"), empty: byId("queue-empty"), count: byId("queue-count") };
  const agentEl = byId("agent");
  app.me = Number((agentEl || {}).dataset ? agentEl.dataset.userId : 0);
  app.state = {
    items: {}, // id -> escalation json
    seen: null, // ids known after the first load (to spot new critical ones)
    selected: 0,
    resyncTimer: null,
  };
  const { state } = app;
  window.setInterval(() => tick(view.list), 1000);

  function scheduleResync() {
    if (state.resyncTimer) {
      return;
    }
    state.resyncTimer = window.setTimeout(() => {
      state.resyncTimer = null;
      resync(app, view);
    }, RESYNC_DELAY_MS);
  }

  app.handlers.push((event) => {
    if (event.escalation && typeof event.escalation.id === "number") {
      if (state.seen === null) {
        state.seen = {};
      }
      upsert(state, event.escalation, !state.seen[event.escalation.id]);
      state.seen[event.escalation.id] = true;
      if (event.type === "escalation.closed") {
        delete state.items[event.escalation.id];
      }
      render(app, view);
      // The push may be stale or partial (e.g. another agent's view): confirm from the API.
      scheduleResync();
    } else if (event.type === "emotion.updated") {
      scheduleResync();
    }
  });
  app.onReconnect.push(() => resync(app, view));
  // Safety net while the socket is down (Redis outage): the API reads the database.
  whileDown(app, () => resync(app, view), SAFETY_NET_MS);

  view.list.addEventListener("click", (event) => {
    const button = event.target.closest("button.claim");
    if (!button) {
      return;
    }
    doClaim(app, view, Number(button.getAttribute("data-id")));
  });
  document.addEventListener("keydown", (event) => onKey(app, view, event));

  resync(app, view);
}

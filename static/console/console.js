/* Empathy Desk agent console: live queue and conversation view.
 *
 * Safety: every string that came from a visitor (or any server field) is put into the page with
 * textContent / createTextNode, never innerHTML. The page's CSP forbids inline scripts.
 * Liveness: the agent websocket is a hint. On (re)connect and on every hint the client
 * re-reads the console API, so a lost push is never a lost escalation or message.
 */
/* Built by esbuild from frontend/console/ (npm run build): edit those sources, not this file. */
"use strict";
(() => {
  // frontend/shared/dom.js
  function owns(table, key) {
    return typeof key === "string" && Object.prototype.hasOwnProperty.call(table, key);
  }
  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach((name) => {
        const value2 = attrs[name];
        if (value2 !== null && value2 !== void 0) {
          node.setAttribute(name, String(value2));
        }
      });
    }
    if (text !== void 0 && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }
  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }
  function byId(id) {
    return document.getElementById(id);
  }

  // frontend/console/api.js
  function createApi(csrf) {
    return function api(method, url, body) {
      const options = {
        method,
        credentials: "same-origin",
        headers: { Accept: "application/json" }
      };
      if (body !== void 0) {
        options.headers["Content-Type"] = "application/json";
        options.headers["X-CSRFToken"] = csrf;
        options.body = JSON.stringify(body);
      } else if (method !== "GET") {
        options.headers["X-CSRFToken"] = csrf;
      }
      return fetch(url, options).then(
        (response) => response.json().catch(() => ({})).then((data) => {
          if (data && data.error === "not_authenticated") {
            window.location.assign("/console/login/?next=" + encodeURIComponent(window.location.pathname));
          }
          if (!response.ok) {
            const error = new Error(data && data.message || "Request failed (" + response.status + ")");
            error.status = response.status;
            throw error;
          }
          return data;
        })
      );
    };
  }
  function banner(text, kind) {
    const node = byId("banner");
    if (!node) {
      return;
    }
    node.textContent = text;
    node.className = "banner" + (kind ? " banner--" + kind : "");
    node.hidden = !text;
  }
  function claim(app, escalationId) {
    return app.api("POST", app.cfg.agentRest + "escalations/" + escalationId + "/claim", {});
  }
  function conversationUrl(app, id) {
    return app.cfg.conversationPage.replace("00000000-0000-0000-0000-000000000000", id);
  }
  function whileDown(app, fn, interval) {
    window.setInterval(() => {
      if (!app.socket.isOpen()) {
        fn();
      }
    }, interval);
  }

  // frontend/console/agent.js
  function renderAgent(agent) {
    if (!agent) {
      return;
    }
    const load = byId("agent-load");
    if (load) {
      load.textContent = agent.load + " / " + agent.capacity;
    }
    const select = byId("agent-status");
    if (select && document.activeElement !== select) {
      select.value = agent.status === "online" ? "online" : "away";
    }
  }
  function wireAgentStatus(app) {
    const statusSelect = byId("agent-status");
    if (!statusSelect) {
      return;
    }
    statusSelect.addEventListener("change", () => {
      app.api("POST", app.cfg.agentApi, { status: statusSelect.value }).then(renderAgent).catch((err) => {
        banner(err.message, "error");
      });
    });
  }

  // frontend/console/timeline.js
  var NS = "http://www.w3.org/2000/svg";
  var W = 360;
  var H = 150;
  var L = 30;
  var R = 8;
  var T = 8;
  var B = 20;
  var SERIES = [
    ["intensity", "series series--intensity"],
    ["valence", "series series--valence"]
  ];
  function svgEl(tag, attrs) {
    const node = document.createElementNS(NS, tag);
    Object.keys(attrs).forEach((name) => node.setAttribute(name, attrs[name]));
    return node;
  }
  function y(v) {
    return T + (1 - (v + 1) / 2) * (H - T - B);
  }
  function value(point, key) {
    return Number(point[key]) || 0;
  }
  function drawSeries(svg, points, x, key, cls) {
    svg.appendChild(
      svgEl("polyline", { points: points.map((p, i) => x(i) + "," + y(value(p, key))).join(" "), class: cls })
    );
    points.forEach((p, i) => {
      const dot = svgEl("circle", { cx: x(i), cy: y(value(p, key)), r: 3, class: "dot dot--" + key, "data-seq": p.seq });
      const title = document.createElementNS(NS, "title");
      title.textContent = "#" + p.seq + " " + p.emotion + ": " + key + " " + value(p, key).toFixed(2);
      dot.appendChild(title);
      svg.appendChild(dot);
    });
  }
  function timelineChart(container, points) {
    clear(container);
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);
    svg.setAttribute("class", "chart");
    const line = (x1, y1, x2, y2, cls) => svg.appendChild(svgEl("line", { x1, y1, x2, y2, class: cls }));
    const label = (x2, yy, text, cls) => {
      const n = svgEl("text", { x: x2, y: yy, class: cls || "axis-label" });
      n.textContent = text;
      svg.appendChild(n);
    };
    line(L, y(1), W - R, y(1), "grid");
    line(L, y(0), W - R, y(0), "axis");
    line(L, y(-1), W - R, y(-1), "grid");
    label(2, y(1) + 4, "+1");
    label(6, y(0) + 4, "0");
    label(2, y(-1) + 4, "\u22121");
    if (!points.length) {
      label(L + 10, y(0) - 8, "No readings yet", "axis-label");
      container.appendChild(svg);
      return;
    }
    const step = points.length > 1 ? (W - L - R - 10) / (points.length - 1) : 0;
    const x = (i) => L + 5 + i * step;
    SERIES.forEach(([key, cls]) => drawSeries(svg, points, x, key, cls));
    points.forEach((p, i) => label(x(i) - 3, H - 4, String(i + 1), "axis-label"));
    container.appendChild(svg);
  }

  // frontend/console/format.js
  var URGENCY_RANK = { critical: 0, high: 1, medium: 2, low: 3 };
  var REASONS = {
    crisis_indicators: "Crisis indicators",
    high_emotional_intensity: "High emotional intensity",
    repeated_frustration: "Repeated frustration",
    complex_inquiry: "Complex inquiry",
    user_request: "Asked for a person",
    ai_confidence_low: "AI unsure of emotion",
    ai_failures: "AI failed to answer"
  };
  function reasonText(reason) {
    return REASONS[reason] || reason;
  }
  function reasonLabel(esc) {
    if (esc.crisis_level === "concern") {
      return "Crisis concern (review)";
    }
    return reasonText(esc.reason);
  }
  function pct(x) {
    return Math.round((Number(x) || 0) * 100) + "%";
  }
  function duration(seconds) {
    const s = Math.max(0, Math.floor(Math.abs(seconds)));
    const m = Math.floor(s / 60);
    const h = Math.floor(m / 60);
    if (h) {
      return h + "h " + m % 60 + "m";
    }
    if (m) {
      return m + "m " + s % 60 + "s";
    }
    return s + "s";
  }
  function isTyping(target) {
    return target && (target.tagName === "TEXTAREA" || target.tagName === "INPUT" || target.tagName === "SELECT" || target.isContentEditable);
  }
  function isShortcut(event) {
    return !(isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey);
  }

  // frontend/shared/links.js
  function safeHref(raw) {
    try {
      const url = new URL(raw);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch {
      return null;
    }
  }

  // frontend/console/highlight.js
  var WORD_CHAR = /[a-z0-9\u00c0-\u024f']/i;
  function isWordBoundary(s, at, len) {
    const before = at === 0 ? "" : s.charAt(at - 1);
    const after = s.charAt(at + len);
    return !(before && WORD_CHAR.test(before)) && !(after && WORD_CHAR.test(after));
  }
  function nextMatch(lower, terms, from) {
    let best = -1;
    let bestLen = 0;
    terms.forEach((term) => {
      let at = lower.indexOf(term, from);
      while (at !== -1 && !isWordBoundary(lower, at, term.length)) {
        at = lower.indexOf(term, at + 1);
      }
      if (at !== -1 && (best === -1 || at < best || at === best && term.length > bestLen)) {
        best = at;
        bestLen = term.length;
      }
    });
    return best === -1 ? null : { at: best, len: bestLen };
  }
  function highlightSegments(text, words) {
    const terms = (words || []).filter((w) => typeof w === "string" && w.trim()).map((w) => w.trim().toLowerCase());
    if (!terms.length) {
      return [{ text, mark: false }];
    }
    const lower = text.toLowerCase();
    const segments = [];
    let i = 0;
    while (i < text.length) {
      const found = nextMatch(lower, terms, i);
      if (!found) {
        segments.push({ text: text.slice(i), mark: false });
        break;
      }
      if (found.at > i) {
        segments.push({ text: text.slice(i, found.at), mark: false });
      }
      segments.push({ text: text.slice(found.at, found.at + found.len), mark: true });
      i = found.at + found.len;
    }
    return segments;
  }
  function highlighted(text, words) {
    const frag = document.createDocumentFragment();
    highlightSegments(text, words).forEach((segment) => {
      frag.appendChild(
        segment.mark ? el("mark", { class: "trigger", title: "Trigger word" }, segment.text) : document.createTextNode(segment.text)
      );
    });
    return frag;
  }

  // frontend/console/conversation/render.js
  var SENDER_NAMES = { visitor: "Visitor", bot: "Bot", agent: "Agent", system: "System" };
  function readingRow(m) {
    const emotionOptions = byId("emotion-options");
    const row2 = el("div", { class: "reading" });
    row2.appendChild(el("span", { class: "badge emotion emotion--" + m.reading.category }, m.reading.emotion));
    row2.appendChild(el("span", { class: "intensity", title: "Intensity" }, "intensity " + pct(m.reading.intensity)));
    row2.appendChild(el("span", { class: "muted", title: "Valence" }, "valence " + Number(m.reading.valence).toFixed(2)));
    if (m.feedback) {
      row2.appendChild(
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
        title: "The detected emotion is right"
      },
      "\u2713"
    );
    row2.appendChild(ok);
    const select = el("select", {
      class: "tiny correct-emotion",
      "data-message-id": m.id,
      "aria-label": "Correct the detected emotion"
    });
    select.appendChild(el("option", { value: "" }, "Correct\u2026"));
    if (emotionOptions) {
      select.appendChild(emotionOptions.content.cloneNode(true));
    }
    row2.appendChild(select);
    return row2;
  }
  var KB_OUTCOMES = {
    answered: "Answered from the help center: ",
    suggested: "Suggested a help-center article: ",
    no_answer: "The help center had no answer"
  };
  function knowledgeRow(kb) {
    const row2 = el("div", { class: "kb-used", "data-outcome": String(kb.outcome || "") });
    row2.appendChild(el("span", { class: "tag" }, "help center"));
    const label = owns(KB_OUTCOMES, kb.outcome) ? KB_OUTCOMES[kb.outcome] : "Help center: ";
    row2.appendChild(document.createTextNode(" " + label));
    if (kb.outcome !== "no_answer" && kb.title) {
      const href = safeHref(kb.url || "");
      row2.appendChild(
        href ? el("a", { href, target: "_blank", rel: "noopener noreferrer" }, kb.title) : el("span", null, kb.title)
      );
    }
    return row2;
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
  function renderTranscript(transcript, data) {
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
  function renderAlerts(alerts) {
    const box = byId("alerts");
    clear(box);
    alerts.forEach((a) => {
      box.appendChild(el("div", { class: "alert alert--" + a.level, "data-kind": a.kind }, a.text));
    });
  }
  function renderNotes(notes) {
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
      text += " \xB7 review: the assistant is still answering; your first message takes over";
    }
    return text;
  }
  function renderActions(data, me) {
    const esc = data.escalation;
    const isOpen = esc && (esc.status === "queued" || esc.status === "assigned");
    const mine = esc && esc.status === "assigned" && (esc.assigned_to === me || data.viewer.is_supervisor);
    byId("claim").hidden = !(isOpen && (esc.status === "queued" || data.viewer.is_supervisor && esc.assigned_to !== me));
    byId("claim").textContent = esc && esc.status === "assigned" ? "Take over" : "Claim";
    ["resolve", "handback"].forEach((id) => {
      byId(id).disabled = !mine;
    });
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

  // frontend/console/conversation/actions.js
  var RESOLVE_CONFIRM_MS = 3e3;
  function actionError(err) {
    byId("action-error").textContent = err ? err.message : "";
  }
  function conversationRest(app, action) {
    return app.cfg.agentRest + "conversations/" + app.cfg.conversationId + "/" + action;
  }
  function act(app, refresh, url, body, after) {
    return app.api("POST", url, body).then(() => {
      if (after) {
        after();
      }
      actionError(null);
      refresh();
    }).catch(actionError);
  }
  function sendReply(app, refresh) {
    const box = byId("reply-text");
    const text = box.value.trim();
    if (!text) {
      byId("reply-error").textContent = "Write a reply first.";
      return;
    }
    byId("send").disabled = true;
    app.api("POST", conversationRest(app, "messages"), { text }).then(() => {
      box.value = "";
      byId("reply-error").textContent = "";
      refresh();
    }).catch((err) => {
      byId("reply-error").textContent = err.message;
    }).then(() => {
      if (app.state.detail) {
        renderActions(app.state.detail, app.me);
      }
    });
  }
  function doClaim(app, refresh) {
    const { detail } = app.state;
    if (!detail || !detail.escalation) {
      return;
    }
    claim(app, detail.escalation.id).then(() => {
      actionError(null);
      refresh();
    }).catch(actionError);
  }
  function doResolve(app, refresh) {
    const { state } = app;
    const button = byId("resolve");
    if (!state.detail || !state.detail.escalation || button.disabled) {
      return;
    }
    if (Date.now() - state.resolveArmed > RESOLVE_CONFIRM_MS) {
      state.resolveArmed = Date.now();
      button.textContent = "Press again to resolve";
      window.setTimeout(() => {
        byId("resolve").textContent = "Resolve";
      }, RESOLVE_CONFIRM_MS);
      return;
    }
    state.resolveArmed = 0;
    const note = byId("note-text").value.trim();
    act(app, refresh, conversationRest(app, "resolve"), note ? { note } : {}, () => {
      byId("resolve").textContent = "Resolved";
    });
  }
  function transfer(app, refresh, target) {
    if (!target) {
      return;
    }
    act(app, refresh, app.cfg.transferApi, { target }, () => {
      banner("Transferred (" + target + ").", "info");
    });
  }
  function feedback(app, refresh, messageId, emotion) {
    app.api("POST", app.cfg.feedbackApi.replace(/\/0\/emotion$/, "/" + messageId + "/emotion"), { emotion }).then(() => {
      refresh();
    }).catch(actionError);
  }
  function wireReply(app, refresh) {
    byId("reply-form").addEventListener("submit", (event) => {
      event.preventDefault();
      sendReply(app, refresh);
    });
    byId("reply-text").addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        sendReply(app, refresh);
      } else if (event.key === "Escape") {
        byId("reply-text").blur();
      }
    });
  }
  function wireTransfer(app, refresh) {
    byId("transfer-target").addEventListener("change", (event) => {
      transfer(app, refresh, event.target.value);
      event.target.value = "";
    });
    document.querySelectorAll("button.next").forEach((b) => {
      b.addEventListener("click", () => {
        transfer(app, refresh, b.getAttribute("data-target"));
      });
    });
  }
  function wireFeedback(app, refresh, transcript) {
    transcript.addEventListener("click", (event) => {
      const b = event.target.closest("button.confirm-emotion");
      if (b) {
        feedback(app, refresh, b.getAttribute("data-message-id"), b.getAttribute("data-emotion"));
      }
    });
    transcript.addEventListener("change", (event) => {
      const s = event.target.closest("select.correct-emotion");
      if (s && s.value) {
        feedback(app, refresh, s.getAttribute("data-message-id"), s.value);
      }
    });
  }
  function wireNotes(app, refresh) {
    byId("note-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const box = byId("note-text");
      if (!box.value.trim()) {
        return;
      }
      app.api("POST", app.cfg.notesApi, { text: box.value }).then(() => {
        box.value = "";
        refresh();
      }).catch(actionError);
    });
  }
  function wireShortcuts(app, refresh) {
    document.addEventListener("keydown", (event) => {
      if (!isShortcut(event)) {
        return;
      }
      if (event.key === "r") {
        byId("reply-text").focus();
      } else if (event.key === "c") {
        if (!byId("claim").hidden) {
          doClaim(app, refresh);
        }
      } else if (event.key === "x") {
        doResolve(app, refresh);
      } else {
        return;
      }
      event.preventDefault();
    });
  }
  function wireActions(app, refresh, transcript) {
    wireReply(app, refresh);
    byId("claim").addEventListener("click", () => doClaim(app, refresh));
    byId("resolve").addEventListener("click", () => doResolve(app, refresh));
    byId("handback").addEventListener("click", () => {
      act(app, refresh, conversationRest(app, "handback"), {});
    });
    wireTransfer(app, refresh);
    wireFeedback(app, refresh, transcript);
    wireNotes(app, refresh);
    wireShortcuts(app, refresh);
  }

  // frontend/console/conversation/side.js
  function showError(list, err) {
    clear(list);
    list.appendChild(el("li", { class: "error" }, err.message));
  }
  function suggestionItem(s) {
    const li = el("li", { class: "suggestion", "data-strategy": s.strategy });
    const head = el("div", { class: "suggestion__head" });
    head.appendChild(el("span", { class: "tag" }, "Suggestion" + (s.is_recommended ? " \xB7 recommended" : "")));
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
  function loadList(app, { listId, url, field, emptyText, item }) {
    const list = byId(listId);
    app.api("GET", url).then((data) => {
      clear(list);
      if (!data[field].length) {
        list.appendChild(el("li", { class: "muted" }, emptyText));
      }
      data[field].forEach((entry) => list.appendChild(item(entry)));
    }).catch((err) => showError(list, err));
  }
  function insertAtCaret(value2, start2, end, text) {
    const before = value2.slice(0, start2);
    const after = value2.slice(end);
    const lead = before && !/\s$/.test(before) ? " " : "";
    const trail = after && !/^\s/.test(after) ? " " : "";
    const inserted = lead + text + trail;
    return { value: before + inserted + after, caret: before.length + inserted.length };
  }
  function insertLink(article) {
    const box = byId("reply-text");
    const start2 = typeof box.selectionStart === "number" ? box.selectionStart : box.value.length;
    const end = typeof box.selectionEnd === "number" ? box.selectionEnd : box.value.length;
    const next = insertAtCaret(box.value, start2, end, article.title + ": " + article.url);
    box.value = next.value;
    box.focus();
    box.setSelectionRange(next.caret, next.caret);
  }
  function articleItem(a) {
    const li = el("li", { class: "article", "data-confident": a.is_confident ? "true" : "false" });
    const head = el("div", { class: "article__head" });
    const href = safeHref(a.url);
    head.appendChild(
      href ? el("a", { href, target: "_blank", rel: "noopener noreferrer", class: "article__title" }, a.title) : el("span", { class: "article__title" }, a.title)
    );
    head.appendChild(
      el("span", { class: "muted" }, pct(a.score) + (a.is_confident ? " \xB7 confident match" : " \xB7 related"))
    );
    li.appendChild(head);
    if (href) {
      const insert = el("button", { type: "button", class: "tiny insert-link" }, "Insert link");
      insert.setAttribute("aria-label", "Insert a link to \u201C" + a.title + "\u201D in the reply");
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
  function loadSuggestions(app) {
    const suggestions = byId("suggestions");
    const articles = byId("articles");
    app.api("GET", app.cfg.suggestionsApi).then((data) => {
      fill(suggestions, data.suggestions, "No visitor message yet.", suggestionItem);
      if (articles) {
        fill(articles, data.articles || [], "No matching help-center article.", articleItem);
      }
    }).catch((err) => {
      showError(suggestions, err);
      if (articles) {
        showError(articles, err);
      }
    });
  }
  function caseItem(c) {
    const li = el("li", { class: "case" });
    const resolvedIn = c.minutes_to_resolve !== null ? " \xB7 resolved in " + c.minutes_to_resolve + " min" : "";
    li.appendChild(el("div", { class: "muted" }, reasonText(c.reason) + " \xB7 " + pct(c.similarity) + " similar" + resolvedIn));
    li.appendChild(el("p", { class: "text" }, "\u201C" + c.visitor_text + "\u201D"));
    if (c.resolution) {
      li.appendChild(el("p", { class: "text resolution" }, "Agent: " + c.resolution));
    }
    return li;
  }
  function loadSimilar(app) {
    loadList(app, {
      listId: "similar",
      url: app.cfg.similarApi,
      field: "cases",
      emptyText: "No similar resolved case yet.",
      item: caseItem
    });
  }

  // frontend/console/conversation/page.js
  var REFRESH_DELAY_MS = 250;
  var SAFETY_NET_MS = 5e3;
  function newestVisitorSeq(transcript) {
    const seqs = transcript.filter((m) => m.sender === "visitor").map((m) => m.seq);
    return seqs.length ? seqs[seqs.length - 1] : null;
  }
  function conversationPage(app) {
    const transcript = byId("transcript");
    app.me = Number(byId("agent").dataset.userId);
    app.state = {
      detail: null,
      // the last console API answer
      lastVisitorSeq: null,
      refreshTimer: null,
      resolveArmed: 0
      // when the first of the two presses that resolve came
    };
    const { state } = app;
    function refresh() {
      return app.api("GET", app.cfg.conversationApi).then((data) => {
        state.detail = data;
        renderTranscript(transcript, data);
        timelineChart(byId("timeline"), data.timeline);
        renderAlerts(data.alerts);
        renderNotes(data.notes);
        renderActions(data, app.me);
        const newest = newestVisitorSeq(data.transcript);
        if (newest !== state.lastVisitorSeq) {
          state.lastVisitorSeq = newest;
          loadSuggestions(app);
        }
      }).catch((err) => {
        banner("Could not load the conversation: " + err.message, "error");
      });
    }
    function scheduleRefresh() {
      if (state.refreshTimer) {
        return;
      }
      state.refreshTimer = window.setTimeout(() => {
        state.refreshTimer = null;
        refresh();
      }, REFRESH_DELAY_MS);
    }
    wireActions(app, refresh, transcript);
    app.handlers.push((event) => {
      const cid = event.conversation_id || event.escalation && event.escalation.conversation_id;
      if (cid && cid !== app.cfg.conversationId) {
        return;
      }
      scheduleRefresh();
    });
    app.onReconnect.push(refresh);
    whileDown(app, refresh, SAFETY_NET_MS);
    refresh();
    loadSimilar(app);
  }

  // frontend/console/followups.js
  var RESYNC_DELAY_MS = 400;
  var SAFETY_NET_MS2 = 5e3;
  function pendingFollowUps(items) {
    return items.filter((item) => item && item.status === "pending").slice().sort((a, b) => a.created_at === b.created_at ? a.id - b.id : a.created_at < b.created_at ? -1 : 1);
  }
  function isFollowUpEvent(event) {
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
      node.textContent = "asked " + duration((now - Date.parse(node.getAttribute("data-since"))) / 1e3) + " ago";
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
  function followUpsPanel(app) {
    const view = { list: byId("followups"), empty: byId("followups-empty"), count: byId("followups-count") };
    if (!view.list || !app.cfg.followUpsApi) {
      return;
    }
    let items = [];
    let timer = null;
    function resync2() {
      return app.api("GET", app.cfg.followUpsApi).then((data) => {
        items = Array.isArray(data.follow_ups) ? data.follow_ups : [];
        render(app, view, items);
      }).catch((err) => {
        view.count.textContent = "Could not load the follow-up requests: " + err.message;
      });
    }
    function scheduleResync() {
      if (timer) {
        return;
      }
      timer = window.setTimeout(() => {
        timer = null;
        resync2();
      }, RESYNC_DELAY_MS);
    }
    function markHandled(id, button) {
      button.disabled = true;
      app.api("POST", app.cfg.followUpsApi + "/" + encodeURIComponent(id) + "/handled", {}).then(() => {
        items = items.filter((item) => item.id !== id);
        render(app, view, items);
      }).catch((err) => {
        banner(err.message, "error");
        button.disabled = false;
        resync2();
      });
    }
    app.handlers.push((event) => {
      if (isFollowUpEvent(event)) {
        scheduleResync();
      }
    });
    app.onReconnect.push(resync2);
    whileDown(app, resync2, SAFETY_NET_MS2);
    window.setInterval(() => tick(view.list), 1e3);
    view.list.addEventListener("click", (event) => {
      const button = event.target.closest("button.handled");
      if (button) {
        markHandled(Number(button.getAttribute("data-id")), button);
      }
    });
    resync2();
  }

  // frontend/shared/socket.js
  var OPEN = 1;
  var RESTART_HINT_CAP_MS = 6e4;
  function backoffDelay(attempt, policy, random = Math.random) {
    const ceiling = Math.min(policy.capMs, policy.baseMs * Math.pow(2, attempt));
    if (policy.jitter === "equal") {
      return Math.round(ceiling / 2 + random() * (ceiling / 2));
    }
    return ceiling + Math.floor(random() * policy.jitter);
  }
  function restartHintDelay(value2, capMs = RESTART_HINT_CAP_MS) {
    const hinted = Number(value2);
    return isFinite(hinted) ? Math.min(Math.max(hinted, 0), capMs) : null;
  }
  function parseFrame(data) {
    try {
      return JSON.parse(data);
    } catch {
      return void 0;
    }
  }
  function createSocket(options) {
    const policy = options.policy;
    const canConnect = options.canConnect || (() => true);
    const random = options.random || Math.random;
    const state = {
      ws: null,
      wanted: false,
      retryTimer: null,
      stableTimer: null,
      attempt: 0,
      restartDelay: null
      // ms, from the server's reconnect hint before a restart
    };
    function call(name, ...args) {
      if (options[name]) {
        options[name](...args);
      }
    }
    function active() {
      return state.ws !== null && state.ws.readyState <= OPEN;
    }
    function connect() {
      if (!canConnect() || active()) {
        return;
      }
      state.wanted = true;
      clearTimeout(state.retryTimer);
      state.retryTimer = null;
      const Impl = options.WebSocket || globalThis.WebSocket;
      let current;
      try {
        current = new Impl(options.url());
      } catch {
        scheduleReconnect();
        return;
      }
      state.ws = current;
      call("onConnecting");
      current.onopen = () => {
        call("onOpen", current);
        clearTimeout(state.stableTimer);
        state.stableTimer = null;
        if (policy.stableMs > 0) {
          state.stableTimer = setTimeout(() => {
            state.attempt = 0;
          }, policy.stableMs);
        } else {
          state.attempt = 0;
        }
      };
      current.onmessage = (message) => {
        const data = parseFrame(message.data);
        if (data !== void 0) {
          call("onFrame", data);
        }
      };
      current.onclose = (event) => {
        clearTimeout(state.stableTimer);
        state.stableTimer = null;
        if (state.ws === current) {
          state.ws = null;
        }
        call("onClose", event);
        if (state.wanted) {
          scheduleReconnect();
        }
      };
      current.onerror = () => {
      };
    }
    function scheduleReconnect() {
      if (state.retryTimer || !canConnect()) {
        return;
      }
      let delay;
      if (state.restartDelay !== null) {
        delay = state.restartDelay;
        state.restartDelay = null;
      } else {
        delay = backoffDelay(state.attempt, policy, random);
        state.attempt += 1;
      }
      call("onRetry", delay);
      state.retryTimer = setTimeout(() => {
        state.retryTimer = null;
        connect();
      }, delay);
    }
    function reconnectNow() {
      if (!canConnect() || !state.wanted || active()) {
        return;
      }
      clearTimeout(state.retryTimer);
      state.retryTimer = null;
      connect();
    }
    function disconnect() {
      state.wanted = false;
      clearTimeout(state.retryTimer);
      state.retryTimer = null;
      if (state.ws) {
        state.ws.close(1e3);
        state.ws = null;
      }
    }
    return {
      state,
      connect,
      reconnectNow,
      disconnect,
      // The next reconnect waits this long (ms; null: the usual backoff) and takes no step.
      planRestart(delay) {
        state.restartDelay = delay;
      },
      isOpen() {
        return state.ws !== null && state.ws.readyState === OPEN;
      },
      isDown() {
        return state.ws === null;
      }
    };
  }

  // frontend/console/live.js
  var BACKOFF = { baseMs: 1e3, capMs: 15e3, jitter: 300, stableMs: 0 };
  function setConn(state, text) {
    const conn = byId("conn");
    if (!conn) {
      return;
    }
    conn.setAttribute("data-state", state);
    conn.textContent = text;
  }
  function liveSocket(app) {
    const socket = createSocket({
      policy: BACKOFF,
      url: () => (window.location.protocol === "https:" ? "wss://" : "ws://") + window.location.host + app.cfg.socket,
      onConnecting() {
        setConn("connecting", "Connecting\u2026");
      },
      onOpen() {
        setConn("live", "Live");
        app.onReconnect.forEach((fn) => fn());
      },
      onFrame(data) {
        if (!data || typeof data.type !== "string") {
          return;
        }
        if (data.type === "reconnect") {
          socket.planRestart(restartHintDelay(data.retry_after_ms));
          return;
        }
        app.handlers.forEach((fn) => fn(data));
      },
      onClose() {
        setConn("down", "Reconnecting\u2026");
      }
    });
    return socket;
  }

  // frontend/console/queue.js
  var RESYNC_DELAY_MS2 = 400;
  var SAFETY_NET_MS3 = 5e3;
  function rank(esc) {
    return URGENCY_RANK[esc.urgency] === void 0 ? 9 : URGENCY_RANK[esc.urgency];
  }
  function compareEscalations(a, b) {
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
  function visibleEscalations(items) {
    return Object.keys(items).map((k) => items[k]).filter((e) => e.status === "queued" || e.status === "assigned").sort(compareEscalations);
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
      class: "qitem urgency-row--" + esc.urgency + (esc.isNewCritical ? " is-new-critical" : "") + (index === app.state.selected ? " is-selected" : ""),
      "data-escalation-id": esc.id,
      "data-urgency": esc.urgency,
      "data-status": esc.status
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
  function tick2(list) {
    const now = Date.now();
    list.querySelectorAll(".wait").forEach((node) => {
      node.textContent = "waiting " + duration((now - Date.parse(node.getAttribute("data-since"))) / 1e3);
    });
    list.querySelectorAll(".sla").forEach((node) => {
      const left = (Date.parse(node.getAttribute("data-due")) - now) / 1e3;
      const breached = node.getAttribute("data-breached") === "1" || left < 0;
      node.textContent = breached ? "SLA breached " + duration(left) + " ago" : "SLA in " + duration(left);
      node.classList.toggle("is-breached", breached);
      node.classList.toggle("is-close", !breached && left < 30);
    });
  }
  function render2(app, view) {
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
    tick2(view.list);
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
    return app.api("GET", app.cfg.queueApi).then((data) => {
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
      render2(app, view);
    }).catch((err) => {
      view.count.textContent = "Could not load the queue: " + err.message;
    });
  }
  function doClaim2(app, view, id) {
    const esc = app.state.items[id];
    claim(app, id).then(() => {
      if (esc) {
        window.location.assign(conversationUrl(app, esc.conversation_id));
      }
    }).catch((err) => {
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
      render2(app, view);
    } else if (event.key === "k") {
      state.selected = Math.max(0, state.selected - 1);
      render2(app, view);
    } else if (event.key === "c") {
      const current = rows[state.selected];
      const target = current && current.status === "queued" ? current : rows.filter((e) => e.status === "queued")[0];
      if (target) {
        doClaim2(app, view, target.id);
      }
    } else if (event.key === "Enter" && rows[state.selected]) {
      window.location.assign(conversationUrl(app, rows[state.selected].conversation_id));
    } else {
      return;
    }
    event.preventDefault();
  }
  function queuePage(app) {
    const view = { list: byId("queue"), empty: byId("queue-empty"), count: byId("queue-count") };
    const agentEl = byId("agent");
    app.me = Number((agentEl || {}).dataset ? agentEl.dataset.userId : 0);
    app.state = {
      items: {},
      // id -> escalation json
      seen: null,
      // ids known after the first load (to spot new critical ones)
      selected: 0,
      resyncTimer: null
    };
    const { state } = app;
    window.setInterval(() => tick2(view.list), 1e3);
    function scheduleResync() {
      if (state.resyncTimer) {
        return;
      }
      state.resyncTimer = window.setTimeout(() => {
        state.resyncTimer = null;
        resync(app, view);
      }, RESYNC_DELAY_MS2);
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
        render2(app, view);
        scheduleResync();
      } else if (event.type === "emotion.updated") {
        scheduleResync();
      }
    });
    app.onReconnect.push(() => resync(app, view));
    whileDown(app, () => resync(app, view), SAFETY_NET_MS3);
    view.list.addEventListener("click", (event) => {
      const button = event.target.closest("button.claim");
      if (!button) {
        return;
      }
      doClaim2(app, view, Number(button.getAttribute("data-id")));
    });
    document.addEventListener("keydown", (event) => onKey(app, view, event));
    resync(app, view);
  }

  // frontend/console/main.js
  function start() {
    const cfgEl = byId("config");
    if (!cfgEl) {
      return;
    }
    const csrfInput = document.querySelector("input[name=csrfmiddlewaretoken]");
    const app = {
      cfg: cfgEl.dataset,
      api: createApi(csrfInput ? csrfInput.value : ""),
      handlers: [],
      // called with every pushed event
      onReconnect: [],
      // called on every (re)connect
      socket: null,
      me: 0,
      // the agent's user id (set by the page)
      state: null
      // the page's state (set by the page)
    };
    app.socket = liveSocket(app);
    wireAgentStatus(app);
    const page = document.body.getAttribute("data-page");
    if (page === "queue") {
      queuePage(app);
      followUpsPanel(app);
    } else if (page === "conversation") {
      conversationPage(app);
    }
    app.socket.connect();
  }
  start();
})();

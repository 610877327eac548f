/* Empathy Desk agent console: live queue and conversation view.
 *
 * Safety: every string that came from a visitor (or any server field) is put into the page with
 * textContent / createTextNode, never innerHTML. The page's CSP forbids inline scripts.
 * Liveness: the agent websocket is a hint. On (re)connect and on every hint the client
 * re-reads the console API, so a lost push is never a lost escalation or message.
 */
(function () {
  "use strict";

  var cfgEl = document.getElementById("config");
  if (!cfgEl) return;
  var cfg = cfgEl.dataset;
  var page = document.body.getAttribute("data-page");
  var csrfInput = document.querySelector("input[name=csrfmiddlewaretoken]");
  var CSRF = csrfInput ? csrfInput.value : "";
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

  // A crisis concern is a review: the assistant still answers until the agent writes.
  function reasonLabel(esc) {
    if (esc.crisis_level === "concern") return "Crisis concern (review)";
    return REASONS[esc.reason] || esc.reason;
  }

  // -------------------------------------------------------------------------
  // DOM helpers (text only)
  // -------------------------------------------------------------------------
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        if (attrs[key] !== null && attrs[key] !== undefined) node.setAttribute(key, String(attrs[key]));
      });
    }
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function $(id) { return document.getElementById(id); }
  function pct(x) { return Math.round((Number(x) || 0) * 100) + "%"; }
  function duration(seconds) {
    var s = Math.max(0, Math.floor(Math.abs(seconds)));
    var m = Math.floor(s / 60);
    var h = Math.floor(m / 60);
    if (h) return h + "h " + (m % 60) + "m";
    if (m) return m + "m " + (s % 60) + "s";
    return s + "s";
  }

  // -------------------------------------------------------------------------
  // HTTP
  // -------------------------------------------------------------------------
  function api(method, url, body) {
    var options = {
      method: method,
      credentials: "same-origin",
      headers: { Accept: "application/json" }
    };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.headers["X-CSRFToken"] = CSRF;
      options.body = JSON.stringify(body);
    } else if (method !== "GET") {
      options.headers["X-CSRFToken"] = CSRF;
    }
    return fetch(url, options).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (data && data.error === "not_authenticated") {
          // The session ended: sign in again, then come back here.
          window.location.assign("/console/login/?next=" + encodeURIComponent(window.location.pathname));
        }
        if (!response.ok) {
          var error = new Error((data && data.message) || ("Request failed (" + response.status + ")"));
          error.status = response.status;
          throw error;
        }
        return data;
      });
    });
  }

  function banner(text, kind) {
    var node = $("banner");
    if (!node) return;
    node.textContent = text;
    node.className = "banner" + (kind ? " banner--" + kind : "");
    node.hidden = !text;
  }

  // -------------------------------------------------------------------------
  // Agent status
  // -------------------------------------------------------------------------
  function renderAgent(agent) {
    if (!agent) return;
    var load = $("agent-load");
    if (load) load.textContent = agent.load + " / " + agent.capacity;
    var select = $("agent-status");
    if (select && document.activeElement !== select) select.value = agent.status === "online" ? "online" : "away";
  }
  var statusSelect = $("agent-status");
  if (statusSelect) {
    statusSelect.addEventListener("change", function () {
      api("POST", cfg.agentApi, { status: statusSelect.value }).then(renderAgent).catch(function (err) {
        banner(err.message, "error");
      });
    });
  }

  // -------------------------------------------------------------------------
  // Socket with reconnect; every (re)connect and every hint triggers a resync
  // -------------------------------------------------------------------------
  var conn = $("conn");
  function setConn(state, text) {
    if (!conn) return;
    conn.setAttribute("data-state", state);
    conn.textContent = text;
  }
  var socket = null;
  var retry = 0;
  var handlers = [];
  var onReconnect = [];
  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    try {
      socket = new WebSocket(scheme + window.location.host + cfg.socket);
    } catch (e) {
      scheduleReconnect();
      return;
    }
    setConn("connecting", "Connecting…");
    socket.addEventListener("open", function () {
      retry = 0;
      setConn("live", "Live");
      onReconnect.forEach(function (fn) { fn(); });
    });
    socket.addEventListener("message", function (event) {
      var data;
      try { data = JSON.parse(event.data); } catch (e) { return; }
      if (!data || typeof data.type !== "string") return;
      if (data.type === "reconnect") {
        // The server restarts and closes with 1012 next: come back after its jittered delay.
        var hinted = Number(data.retry_after_ms);
        restartDelay = isFinite(hinted) ? Math.min(Math.max(hinted, 0), 60000) : null;
        return;
      }
      handlers.forEach(function (fn) { fn(data); });
    });
    socket.addEventListener("close", function () {
      setConn("down", "Reconnecting…");
      scheduleReconnect();
    });
  }
  var restartDelay = null;
  function scheduleReconnect() {
    var delay;
    if (restartDelay !== null) {
      delay = restartDelay;
      restartDelay = null;
    } else {
      retry += 1;
      delay = Math.min(15000, 500 * Math.pow(2, Math.min(retry, 5))) + Math.floor(Math.random() * 300);
    }
    window.setTimeout(connect, delay);
  }
  function isTyping(target) {
    return target && (target.tagName === "TEXTAREA" || target.tagName === "INPUT" || target.tagName === "SELECT" || target.isContentEditable);
  }
  function claim(escalationId) {
    return api("POST", cfg.agentRest + "escalations/" + escalationId + "/claim", {});
  }
  function conversationUrl(id) {
    return cfg.conversationPage.replace("00000000-0000-0000-0000-000000000000", id);
  }

  // -------------------------------------------------------------------------
  // Queue page
  // -------------------------------------------------------------------------
  function queuePage() {
    var list = $("queue");
    var empty = $("queue-empty");
    var count = $("queue-count");
    var items = {};          // id -> escalation json
    var seen = null;         // ids known after the first load (to spot new critical ones)
    var selected = 0;
    var me = Number(($("agent") || {}).dataset ? $("agent").dataset.userId : 0);

    function order(a, b) {
      var ra = URGENCY_RANK[a.urgency] === undefined ? 9 : URGENCY_RANK[a.urgency];
      var rb = URGENCY_RANK[b.urgency] === undefined ? 9 : URGENCY_RANK[b.urgency];
      if (ra !== rb) return ra - rb;
      if (a.created_at !== b.created_at) return a.created_at < b.created_at ? -1 : 1;
      return a.id - b.id;
    }
    function visible() {
      return Object.keys(items).map(function (k) { return items[k]; }).filter(function (e) {
        return e.status === "queued" || e.status === "assigned";
      }).sort(order);
    }

    function card(esc, index) {
      var last = esc.journey && esc.journey.length ? esc.journey[esc.journey.length - 1] : null;
      var li = el("li", {
        class: "qitem urgency-row--" + esc.urgency + (esc.isNewCritical ? " is-new-critical" : "") + (index === selected ? " is-selected" : ""),
        "data-escalation-id": esc.id,
        "data-urgency": esc.urgency,
        "data-status": esc.status
      });
      var head = el("div", { class: "qitem__head" });
      head.appendChild(el("span", { class: "badge urgency urgency--" + esc.urgency }, esc.urgency));
      head.appendChild(el("span", { class: "qitem__reason" }, reasonLabel(esc)));
      if (last) {
        head.appendChild(el("span", { class: "badge emotion emotion--" + (last.category || "neutral"), title: "Latest emotion" },
          last.emotion + " " + pct(last.intensity)));
      }
      if (esc.trend === "deteriorating") head.appendChild(el("span", { class: "badge trend-bad" }, "deteriorating"));
      li.appendChild(head);
      if (esc.summary) li.appendChild(el("p", { class: "qitem__summary" }, esc.summary));
      var meta = el("div", { class: "qitem__meta" });
      meta.appendChild(el("span", { class: "wait", "data-since": esc.created_at }, ""));
      meta.appendChild(el("span", { class: "sla", "data-due": esc.sla_due_at, "data-breached": esc.sla_breached ? "1" : "0" }, ""));
      if (esc.required_skill) meta.appendChild(el("span", { class: "tag" }, "needs " + esc.required_skill));
      li.appendChild(meta);
      var actions = el("div", { class: "qitem__actions" });
      if (esc.status === "queued") {
        var btn = el("button", { type: "button", class: "primary claim", "data-id": esc.id }, "Claim");
        actions.appendChild(btn);
      } else {
        actions.appendChild(el("span", { class: "muted" }, esc.assigned_to === me ? "Yours" : "Assigned"));
      }
      actions.appendChild(el("a", { class: "open", href: conversationUrl(esc.conversation_id) }, "Open"));
      li.appendChild(actions);
      return li;
    }

    function render() {
      var rows = visible();
      if (selected >= rows.length) selected = Math.max(0, rows.length - 1);
      clear(list);
      rows.forEach(function (esc, i) { list.appendChild(card(esc, i)); });
      empty.hidden = rows.length !== 0;
      var queued = rows.filter(function (e) { return e.status === "queued"; }).length;
      count.textContent = queued + " waiting, " + (rows.length - queued) + " assigned";
      tick();
    }

    function tick() {
      var now = Date.now();
      Array.prototype.forEach.call(list.querySelectorAll(".wait"), function (node) {
        node.textContent = "waiting " + duration((now - Date.parse(node.getAttribute("data-since"))) / 1000);
      });
      Array.prototype.forEach.call(list.querySelectorAll(".sla"), function (node) {
        var left = (Date.parse(node.getAttribute("data-due")) - now) / 1000;
        var breached = node.getAttribute("data-breached") === "1" || left < 0;
        node.textContent = breached ? "SLA breached " + duration(left) + " ago" : "SLA in " + duration(left);
        node.classList.toggle("is-breached", breached);
        node.classList.toggle("is-close", !breached && left < 30);
      });
    }
    window.setInterval(tick, 1000);

    function upsert(esc, isLive) {
      var known = items[esc.id];
      if (isLive && !known && esc.urgency === "critical" && esc.status === "queued") esc.isNewCritical = true;
      else if (known && known.isNewCritical && esc.status === "queued") esc.isNewCritical = true;
      items[esc.id] = esc;
      if (esc.isNewCritical) banner("New critical escalation: " + (REASONS[esc.reason] || esc.reason), "critical");
    }

    function resync() {
      return api("GET", cfg.queueApi).then(function (data) {
        var fresh = {};
        data.escalations.forEach(function (esc) {
          var isNew = seen !== null && !seen[esc.id];
          if ((isNew || (items[esc.id] && items[esc.id].isNewCritical)) && esc.urgency === "critical" && esc.status === "queued") {
            esc.isNewCritical = true;
            banner("New critical escalation: " + (REASONS[esc.reason] || esc.reason), "critical");
          }
          fresh[esc.id] = esc;
        });
        items = fresh;
        seen = seen || {};
        Object.keys(fresh).forEach(function (k) { seen[k] = true; });
        renderAgent(data.agent);
        render();
      }).catch(function (err) { count.textContent = "Could not load the queue: " + err.message; });
    }

    handlers.push(function (event) {
      if (event.escalation && typeof event.escalation.id === "number") {
        if (seen === null) seen = {};
        upsert(event.escalation, !seen[event.escalation.id]);
        seen[event.escalation.id] = true;
        if (event.type === "escalation.closed") delete items[event.escalation.id];
        render();
        // The push may be stale or partial (e.g. another agent's view): confirm from the API.
        scheduleResync();
      } else if (event.type === "emotion.updated") {
        scheduleResync();
      }
    });
    var resyncTimer = null;
    function scheduleResync() {
      if (resyncTimer) return;
      resyncTimer = window.setTimeout(function () { resyncTimer = null; resync(); }, 400);
    }
    onReconnect.push(resync);
    // Safety net while the socket is down (Redis outage): the API reads the database.
    window.setInterval(function () {
      if (!socket || socket.readyState !== WebSocket.OPEN) resync();
    }, 5000);

    list.addEventListener("click", function (event) {
      var button = event.target.closest("button.claim");
      if (!button) return;
      doClaim(Number(button.getAttribute("data-id")));
    });
    function doClaim(id) {
      var esc = items[id];
      claim(id).then(function () {
        if (esc) window.location.assign(conversationUrl(esc.conversation_id));
      }).catch(function (err) { banner(err.message, "error"); resync(); });
    }

    document.addEventListener("keydown", function (event) {
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      var rows = visible();
      if (event.key === "j") { selected = Math.min(rows.length - 1, selected + 1); render(); }
      else if (event.key === "k") { selected = Math.max(0, selected - 1); render(); }
      else if (event.key === "c") {
        var target = rows[selected] && rows[selected].status === "queued" ? rows[selected] :
          rows.filter(function (e) { return e.status === "queued"; })[0];
        if (target) doClaim(target.id);
      } else if (event.key === "Enter" && rows[selected]) {
        window.location.assign(conversationUrl(rows[selected].conversation_id));
      } else { return; }
      event.preventDefault();
    });

    resync();
  }

  // -------------------------------------------------------------------------
  // Conversation page
  // -------------------------------------------------------------------------
  function highlighted(text, words) {
    // Trigger words become <mark> elements; everything else stays a text node.
    var frag = document.createDocumentFragment();
    var terms = (words || []).filter(function (w) { return typeof w === "string" && w.trim(); })
      .map(function (w) { return w.trim().toLowerCase(); });
    if (!terms.length) { frag.appendChild(document.createTextNode(text)); return frag; }
    var lower = text.toLowerCase();
    var i = 0;
    while (i < text.length) {
      var best = -1, bestLen = 0;
      terms.forEach(function (term) {
        var at = lower.indexOf(term, i);
        while (at !== -1 && !isWordBoundary(lower, at, term.length)) at = lower.indexOf(term, at + 1);
        if (at !== -1 && (best === -1 || at < best || (at === best && term.length > bestLen))) { best = at; bestLen = term.length; }
      });
      if (best === -1) { frag.appendChild(document.createTextNode(text.slice(i))); break; }
      if (best > i) frag.appendChild(document.createTextNode(text.slice(i, best)));
      frag.appendChild(el("mark", { class: "trigger", title: "Trigger word" }, text.slice(best, best + bestLen)));
      i = best + bestLen;
    }
    return frag;
  }
  function isWordBoundary(s, at, len) {
    var before = at === 0 ? "" : s.charAt(at - 1);
    var after = s.charAt(at + len);
    var word = /[a-z0-9\u00c0-\u024f']/i;
    return !(before && word.test(before)) && !(after && word.test(after));
  }

  function timelineChart(container, points) {
    var NS = "http://www.w3.org/2000/svg";
    clear(container);
    var W = 360, H = 150, L = 30, R = 8, T = 8, B = 20;
    var svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);
    svg.setAttribute("class", "chart");
    function line(x1, y1, x2, y2, cls) {
      var n = document.createElementNS(NS, "line");
      n.setAttribute("x1", x1); n.setAttribute("y1", y1); n.setAttribute("x2", x2); n.setAttribute("y2", y2);
      n.setAttribute("class", cls);
      svg.appendChild(n);
    }
    function label(x, y, text, cls) {
      var n = document.createElementNS(NS, "text");
      n.setAttribute("x", x); n.setAttribute("y", y); n.setAttribute("class", cls || "axis-label");
      n.textContent = text;
      svg.appendChild(n);
    }
    // y: +1 at the top, -1 at the bottom; intensity (0..1) shares the same scale.
    function y(v) { return T + (1 - (v + 1) / 2) * (H - T - B); }
    line(L, y(1), W - R, y(1), "grid");
    line(L, y(0), W - R, y(0), "axis");
    line(L, y(-1), W - R, y(-1), "grid");
    label(2, y(1) + 4, "+1"); label(6, y(0) + 4, "0"); label(2, y(-1) + 4, "−1");
    if (!points.length) {
      label(L + 10, y(0) - 8, "No readings yet", "axis-label");
      container.appendChild(svg);
      return;
    }
    var step = points.length > 1 ? (W - L - R - 10) / (points.length - 1) : 0;
    function x(i) { return L + 5 + i * step; }
    [["intensity", "series series--intensity"], ["valence", "series series--valence"]].forEach(function (spec) {
      var poly = document.createElementNS(NS, "polyline");
      poly.setAttribute("points", points.map(function (p, i) { return x(i) + "," + y(Number(p[spec[0]]) || 0); }).join(" "));
      poly.setAttribute("class", spec[1]);
      svg.appendChild(poly);
      points.forEach(function (p, i) {
        var dot = document.createElementNS(NS, "circle");
        dot.setAttribute("cx", x(i)); dot.setAttribute("cy", y(Number(p[spec[0]]) || 0)); dot.setAttribute("r", 3);
        dot.setAttribute("class", "dot dot--" + spec[0]);
        dot.setAttribute("data-seq", p.seq);
        var title = document.createElementNS(NS, "title");
        title.textContent = "#" + p.seq + " " + p.emotion + ": " + spec[0] + " " + (Number(p[spec[0]]) || 0).toFixed(2);
        dot.appendChild(title);
        svg.appendChild(dot);
      });
    });
    points.forEach(function (p, i) { label(x(i) - 3, H - 4, String(i + 1), "axis-label"); });
    container.appendChild(svg);
  }

  function conversationPage() {
    var conversationId = cfg.conversationId;
    var transcript = $("transcript");
    var detail = null;
    var emotionOptions = $("emotion-options");
    var me = Number($("agent").dataset.userId);

    function renderTranscript(data) {
      var atBottom = transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight < 40;
      clear(transcript);
      data.transcript.forEach(function (m) {
        var li = el("li", { class: "tmsg tmsg--" + m.sender, "data-message-id": m.id, "data-seq": m.seq });
        var who = { visitor: "Visitor", bot: "Bot", agent: "Agent", system: "System" }[m.sender] || m.sender;
        var head = el("div", { class: "tmsg__head" });
        head.appendChild(el("span", { class: "who" }, who));
        head.appendChild(el("time", { datetime: m.created_at }, new Date(m.created_at).toLocaleTimeString()));
        li.appendChild(head);
        var body = el("p", { class: "text", dir: "auto" });
        body.appendChild(m.sender === "visitor" ? highlighted(m.text, data.trigger_words) : document.createTextNode(m.text));
        li.appendChild(body);
        if (m.reading) li.appendChild(readingRow(m));
        transcript.appendChild(li);
      });
      if (atBottom || !transcript.dataset.loaded) transcript.scrollTop = transcript.scrollHeight;
      transcript.dataset.loaded = "1";
    }

    function readingRow(m) {
      var row = el("div", { class: "reading" });
      row.appendChild(el("span", { class: "badge emotion emotion--" + m.reading.category }, m.reading.emotion));
      row.appendChild(el("span", { class: "intensity", title: "Intensity" }, "intensity " + pct(m.reading.intensity)));
      row.appendChild(el("span", { class: "muted", title: "Valence" }, "valence " + Number(m.reading.valence).toFixed(2)));
      if (m.feedback) {
        row.appendChild(el("span", { class: "feedback" }, m.feedback.is_correct ? "✓ confirmed" : "corrected to " + m.feedback.corrected_emotion));
      }
      var ok = el("button", { type: "button", class: "tiny confirm-emotion", "data-message-id": m.id, "data-emotion": m.reading.emotion, title: "The detected emotion is right" }, "✓");
      row.appendChild(ok);
      var select = el("select", { class: "tiny correct-emotion", "data-message-id": m.id, "aria-label": "Correct the detected emotion" });
      select.appendChild(el("option", { value: "" }, "Correct…"));
      if (emotionOptions) select.appendChild(emotionOptions.content.cloneNode(true));
      row.appendChild(select);
      return row;
    }

    function renderAlerts(alerts) {
      var box = $("alerts");
      clear(box);
      alerts.forEach(function (a) {
        box.appendChild(el("div", { class: "alert alert--" + a.level, "data-kind": a.kind }, a.text));
      });
    }

    function renderNotes(notes) {
      var list = $("notes");
      clear(list);
      notes.forEach(function (n) {
        var li = el("li", { class: "note" });
        li.appendChild(el("span", { class: "muted" }, (n.author || "someone") + ", " + new Date(n.created_at).toLocaleString()));
        li.appendChild(el("p", { class: "text", dir: "auto" }, n.text));
        list.appendChild(li);
      });
    }

    function renderActions(data) {
      var esc = data.escalation;
      var isOpen = esc && (esc.status === "queued" || esc.status === "assigned");
      var mine = esc && esc.status === "assigned" && (esc.assigned_to === me || data.viewer.is_supervisor);
      $("claim").hidden = !(isOpen && (esc.status === "queued" || (data.viewer.is_supervisor && esc.assigned_to !== me)));
      $("claim").textContent = esc && esc.status === "assigned" ? "Take over" : "Claim";
      ["resolve", "handback"].forEach(function (id) { $(id).disabled = !mine; });
      // A crisis stays with people until resolved; a concern under review may go back.
      $("handback").hidden = !!(esc && esc.crisis_level === "crisis");
      $("transfer-target").disabled = !mine;
      $("send").disabled = !mine;
      $("reply-text").disabled = !mine;
      Array.prototype.forEach.call(document.querySelectorAll("button.next"), function (b) { b.disabled = !mine; });
      var status = $("conv-status");
      status.textContent = esc ? (esc.status === "assigned" ? "with " + (esc.assigned_to === me ? "you" : (esc.assigned_to_username || "an agent")) : esc.status) : data.conversation.status;
      if (esc && esc.crisis_level === "concern" && data.conversation.status === "bot") {
        status.textContent += " · review: the assistant is still answering; your first message takes over";
      }
      status.setAttribute("data-status", data.conversation.status);
      var trend = $("trend");
      trend.textContent = data.conversation.trend;
      trend.setAttribute("data-trend", data.conversation.trend);
    }

    var lastVisitorSeq = null;
    function refresh() {
      return api("GET", cfg.conversationApi).then(function (data) {
        detail = data;
        renderTranscript(data);
        timelineChart($("timeline"), data.timeline);
        renderAlerts(data.alerts);
        renderNotes(data.notes);
        renderActions(data);
        var visitorSeqs = data.transcript.filter(function (m) { return m.sender === "visitor"; }).map(function (m) { return m.seq; });
        var newest = visitorSeqs.length ? visitorSeqs[visitorSeqs.length - 1] : null;
        if (newest !== lastVisitorSeq) { lastVisitorSeq = newest; loadSuggestions(); }
      }).catch(function (err) { banner("Could not load the conversation: " + err.message, "error"); });
    }
    var refreshTimer = null;
    function scheduleRefresh() {
      if (refreshTimer) return;
      refreshTimer = window.setTimeout(function () { refreshTimer = null; refresh(); }, 250);
    }

    function loadSuggestions() {
      var list = $("suggestions");
      api("GET", cfg.suggestionsApi).then(function (data) {
        clear(list);
        if (!data.suggestions.length) list.appendChild(el("li", { class: "muted" }, "No visitor message yet."));
        data.suggestions.forEach(function (s) {
          var li = el("li", { class: "suggestion", "data-strategy": s.strategy });
          var head = el("div", { class: "suggestion__head" });
          head.appendChild(el("span", { class: "tag" }, "Suggestion" + (s.is_recommended ? " · recommended" : "")));
          head.appendChild(el("span", { class: "muted" }, s.strategy.replace(/_/g, " ")));
          li.appendChild(head);
          li.appendChild(el("p", { class: "text" }, s.text));
          var use = el("button", { type: "button", class: "tiny use-suggestion" }, "Use");
          use.addEventListener("click", function () {
            var box = $("reply-text");
            box.value = s.text;
            box.focus();
          });
          li.appendChild(use);
          list.appendChild(li);
        });
      }).catch(function (err) { clear(list); list.appendChild(el("li", { class: "error" }, err.message)); });
    }

    function loadSimilar() {
      var list = $("similar");
      api("GET", cfg.similarApi).then(function (data) {
        clear(list);
        if (!data.cases.length) list.appendChild(el("li", { class: "muted" }, "No similar resolved case yet."));
        data.cases.forEach(function (c) {
          var li = el("li", { class: "case" });
          li.appendChild(el("div", { class: "muted" }, (REASONS[c.reason] || c.reason) + " · " + pct(c.similarity) + " similar" +
            (c.minutes_to_resolve !== null ? " · resolved in " + c.minutes_to_resolve + " min" : "")));
          li.appendChild(el("p", { class: "text" }, "“" + c.visitor_text + "”"));
          if (c.resolution) li.appendChild(el("p", { class: "text resolution" }, "Agent: " + c.resolution));
          list.appendChild(li);
        });
      }).catch(function (err) { clear(list); list.appendChild(el("li", { class: "error" }, err.message)); });
    }

    function actionError(err) { $("action-error").textContent = err ? err.message : ""; }

    function sendReply() {
      var box = $("reply-text");
      var text = box.value.trim();
      if (!text) { $("reply-error").textContent = "Write a reply first."; return; }
      $("send").disabled = true;
      api("POST", cfg.agentRest + "conversations/" + conversationId + "/messages", { text: text }).then(function () {
        box.value = "";
        $("reply-error").textContent = "";
        refresh();
      }).catch(function (err) { $("reply-error").textContent = err.message; }).then(function () {
        if (detail) renderActions(detail);
      });
    }
    $("reply-form").addEventListener("submit", function (event) { event.preventDefault(); sendReply(); });
    $("reply-text").addEventListener("keydown", function (event) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); sendReply(); }
      else if (event.key === "Escape") { $("reply-text").blur(); }
    });

    function doClaim() {
      if (!detail || !detail.escalation) return;
      claim(detail.escalation.id).then(function () { actionError(null); refresh(); }).catch(actionError);
    }
    $("claim").addEventListener("click", doClaim);

    var resolveArmed = 0;
    function doResolve() {
      if (!detail || !detail.escalation || $("resolve").disabled) return;
      if (Date.now() - resolveArmed > 3000) {
        // A second press within 3 s confirms: no modal dialog, works from the keyboard.
        resolveArmed = Date.now();
        $("resolve").textContent = "Press again to resolve";
        window.setTimeout(function () { $("resolve").textContent = "Resolve"; }, 3000);
        return;
      }
      resolveArmed = 0;
      api("POST", cfg.agentRest + "conversations/" + conversationId + "/resolve", {}).then(function () {
        $("resolve").textContent = "Resolved";
        actionError(null);
        refresh();
      }).catch(actionError);
    }
    $("resolve").addEventListener("click", doResolve);
    $("handback").addEventListener("click", function () {
      api("POST", cfg.agentRest + "conversations/" + conversationId + "/handback", {}).then(function () {
        actionError(null); refresh();
      }).catch(actionError);
    });
    function transfer(target) {
      if (!target) return;
      api("POST", cfg.transferApi, { target: target }).then(function () {
        actionError(null);
        banner("Transferred (" + target + ").", "info");
        refresh();
      }).catch(actionError);
    }
    $("transfer-target").addEventListener("change", function (event) {
      transfer(event.target.value);
      event.target.value = "";
    });
    Array.prototype.forEach.call(document.querySelectorAll("button.next"), function (b) {
      b.addEventListener("click", function () { transfer(b.getAttribute("data-target")); });
    });

    function feedback(messageId, emotion) {
      api("POST", cfg.feedbackApi.replace(/\/0\/emotion$/, "/" + messageId + "/emotion"), { emotion: emotion })
        .then(function () { refresh(); }).catch(actionError);
    }
    transcript.addEventListener("click", function (event) {
      var b = event.target.closest("button.confirm-emotion");
      if (b) feedback(b.getAttribute("data-message-id"), b.getAttribute("data-emotion"));
    });
    transcript.addEventListener("change", function (event) {
      var s = event.target.closest("select.correct-emotion");
      if (s && s.value) feedback(s.getAttribute("data-message-id"), s.value);
    });

    $("note-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var box = $("note-text");
      if (!box.value.trim()) return;
      api("POST", cfg.notesApi, { text: box.value }).then(function () { box.value = ""; refresh(); }).catch(actionError);
    });

    handlers.push(function (event) {
      var cid = event.conversation_id || (event.escalation && event.escalation.conversation_id);
      if (cid && cid !== conversationId) return;
      scheduleRefresh();
    });
    onReconnect.push(refresh);
    window.setInterval(function () {
      if (!socket || socket.readyState !== WebSocket.OPEN) refresh();
    }, 5000);

    document.addEventListener("keydown", function (event) {
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === "r") { $("reply-text").focus(); }
      else if (event.key === "c") { if (!$("claim").hidden) doClaim(); }
      else if (event.key === "x") { doResolve(); }
      else { return; }
      event.preventDefault();
    });

    refresh();
    loadSimilar();
  }

  if (page === "queue") queuePage();
  else if (page === "conversation") conversationPage();
  connect();
})();

/*
 * Empathy Desk chat widget: one script tag, a shadow DOM, the public widget API and websocket.
 *
 * Embed with:
 *   <script src="https://desk.example.com/static/widget/widget.js" data-site-key="KEY" defer></script>
 *
 * Safety rules this widget keeps (do not relax them):
 *   - every string that comes from the server or the visitor is inserted with textContent,
 *     never innerHTML / insertAdjacentHTML / document.write;
 *   - no inline scripts or external resources, so the host page can run a strict CSP;
 *   - the token travels in the Authorization header and the first websocket frame, never a URL.
 */
/* Built by esbuild from frontend/widget/ (npm run build): edit those sources, not this file. */
"use strict";
(() => {
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
  function restartHintDelay(value, capMs = RESTART_HINT_CAP_MS) {
    const hinted = Number(value);
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

  // frontend/widget/config.js
  var MAX_TEXT = 4e3;
  var REQUEST_TIMEOUT_MS = 15e3;
  var TYPING_TIMEOUT_MS = 45e3;
  var CLOSE_FORBIDDEN = 4003;
  var BACKOFF = { baseMs: 500, capMs: 15e3, jitter: "equal", stableMs: 3e3 };
  var HUMAN_PATH = "/request-human";
  var CSAT_PATH = "/csat";
  var CSAT_MAX_COMMENT = 1e3;
  var END_PATH = "/end";
  var CONTACT_PATH = "/contact";
  var FEEDBACK_PATH = "/feedback";
  var OFFLINE_TEXT = "Nobody from our team is online right now. Leave your email address and we will write to you as soon as someone is back.";
  var CHECK_IN_TEXT = "Thank you for reaching out today; we are glad you talked with us. If things feel hard again, you can start a new conversation here at any time, and if you are in immediate danger, please call your local emergency number.";
  var STATUS_NOTES = {
    bot: "You are chatting with our assistant again.",
    // Neutral on purpose: whether someone can come now is said separately (queue place or offline).
    waiting_for_agent: "Your conversation has been passed to our team.",
    with_agent: "A person from our team has joined the conversation.",
    resolved: "This conversation has been marked as resolved."
  };
  var SENDER_LABELS = { visitor: "You", bot: "Assistant", agent: "Support agent", system: "Notice" };
  var GENERIC_ERROR = "Something went wrong. Please try again.";
  function findScript() {
    return document.currentScript || document.querySelector('script[data-site-key][src*="widget.js"]');
  }
  function readConfig(script, siteKey) {
    const scriptUrl = new URL(script.src, document.baseURI);
    const wsScheme = location.protocol === "https:" || scriptUrl.protocol === "https:" ? "wss:" : "ws:";
    return {
      script,
      siteKey,
      origin: scriptUrl.origin,
      apiBase: scriptUrl.origin + "/api/v1/widget",
      wsBase: wsScheme + "//" + scriptUrl.host + "/ws/widget/conversations/",
      storageKey: "empathy-desk:" + scriptUrl.origin + ":" + siteKey
    };
  }
  function pageLocale(config) {
    return config.script.getAttribute("data-locale") || document.documentElement.lang;
  }

  // frontend/widget/api.js
  var ApiError = class {
    constructor(status, message, code) {
      this.status = status;
      this.message = message;
      this.code = code || "";
    }
  };
  function errorCode(body) {
    return body && typeof body === "object" && typeof body.error === "string" ? body.error : "";
  }
  function errorMessage(status, body) {
    if (body && typeof body === "object") {
      const candidates = [body.message, body.detail, body.error];
      if (body.error && typeof body.error === "object") {
        candidates.push(body.error.message, body.error.detail);
      }
      for (const candidate of candidates) {
        if (typeof candidate === "string" && candidate) {
          return candidate;
        }
      }
      const fields = body.errors || body;
      for (const key in fields) {
        const value = fields[key];
        if (Array.isArray(value) && typeof value[0] === "string") {
          return value[0];
        }
        if (typeof value === "string") {
          return value;
        }
      }
    }
    if (status === 429) {
      return "You are sending messages too quickly. Please wait a moment and try again.";
    }
    return "Something went wrong (" + status + "). Please try again.";
  }
  function createRequest(apiBase) {
    return function request(method, path, body, token) {
      const headers = { Accept: "application/json" };
      if (body !== void 0) {
        headers["Content-Type"] = "application/json";
      }
      if (token) {
        headers.Authorization = "Bearer " + token;
      }
      const controller = typeof AbortController === "function" ? new AbortController() : null;
      const timer = controller ? setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS) : null;
      return fetch(apiBase + path, {
        method,
        headers,
        body: body === void 0 ? void 0 : JSON.stringify(body),
        credentials: "omit",
        signal: controller ? controller.signal : void 0
      }).catch(() => {
        throw new ApiError(0, "We could not reach the server. Check your connection and try again.");
      }).then(
        (response) => response.json().catch(() => null).then((data) => {
          if (!response.ok) {
            throw new ApiError(response.status, errorMessage(response.status, data), errorCode(data));
          }
          return { status: response.status, data };
        })
      ).finally(() => {
        if (timer) {
          clearTimeout(timer);
        }
      });
    };
  }

  // frontend/shared/dom.js
  function owns(table, key) {
    return typeof key === "string" && Object.prototype.hasOwnProperty.call(table, key);
  }
  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach((name) => {
        const value = attrs[name];
        if (value !== null && value !== void 0) {
          node.setAttribute(name, String(value));
        }
      });
    }
    if (text !== void 0 && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  // frontend/shared/links.js
  var URL_RE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
  var TRAILING = /[.,;:!?'"\]}>]+$/;
  var PHONE_RE = /(?<![\w./@+-])\+?\d(?:[ -]?\d){2,14}(?![\w/@-]|\.\w)/g;
  function trimUrl(raw) {
    let url = raw.replace(TRAILING, "");
    while (url.endsWith(")") && (url.match(/\(/g) || []).length < (url.match(/\)/g) || []).length) {
      url = url.slice(0, -1).replace(TRAILING, "");
    }
    return url;
  }
  function safeHref(raw) {
    try {
      const url = new URL(raw);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch {
      return null;
    }
  }
  function telHref(number) {
    return "tel:" + number.replace(/[\s-]/g, "");
  }
  function found(text, re, make) {
    const spans = [];
    re.lastIndex = 0;
    let match;
    while ((match = re.exec(text)) !== null) {
      const span = make(match[0], match.index);
      if (span) {
        spans.push(span);
      }
    }
    return spans;
  }
  function textRuns(text, { urls = false, phones = false } = {}) {
    const value = String(text);
    let spans = [];
    if (urls) {
      spans = found(value, URL_RE, (raw, start2) => {
        const shown = trimUrl(raw);
        const href = safeHref(shown);
        return href ? { kind: "url", start: start2, end: start2 + shown.length, text: shown, href } : null;
      });
    }
    if (phones) {
      const outsideUrls = (start2, end) => spans.every((s) => end <= s.start || start2 >= s.end);
      const numbers = found(
        value,
        PHONE_RE,
        (raw, start2) => outsideUrls(start2, start2 + raw.length) ? { kind: "tel", start: start2, end: start2 + raw.length, text: raw, href: telHref(raw) } : null
      );
      spans = spans.concat(numbers).sort((a, b) => a.start - b.start);
    }
    const runs = [];
    let at = 0;
    spans.forEach((span) => {
      if (span.start > at) {
        runs.push({ kind: "text", text: value.slice(at, span.start) });
      }
      runs.push({ kind: span.kind, text: span.text, href: span.href });
      at = span.end;
    });
    if (at < value.length || !runs.length) {
      runs.push({ kind: "text", text: value.slice(at) });
    }
    return runs;
  }
  function linkedText(text, options) {
    const fragment = document.createDocumentFragment();
    textRuns(text, options).forEach((run) => {
      if (run.kind === "url") {
        fragment.appendChild(el("a", { href: run.href, target: "_blank", rel: "noopener noreferrer" }, run.text));
      } else if (run.kind === "tel") {
        fragment.appendChild(el("a", { href: run.href, class: "tel" }, run.text));
      } else {
        fragment.appendChild(document.createTextNode(run.text));
      }
    });
    return fragment;
  }

  // frontend/widget/seq.js
  function createSeqState() {
    return { lastSeq: 0, pending: /* @__PURE__ */ new Map() };
  }
  function eventSeq(event) {
    if (typeof event.seq === "number") {
      return event.seq;
    }
    if (event.message && typeof event.message.seq === "number") {
      return event.message.seq;
    }
    return null;
  }
  function compareBySeq(a, b) {
    return eventSeq(a) - eventSeq(b);
  }
  function drain(lastSeq, pending, ready) {
    const left = new Map(pending);
    let last = lastSeq;
    while (left.has(last + 1)) {
      ready.push(left.get(last + 1));
      left.delete(last + 1);
      last += 1;
    }
    left.forEach((_event, seq) => {
      if (seq <= last) {
        left.delete(seq);
      }
    });
    return { state: { lastSeq: last, pending: left }, ready, gap: false };
  }
  function receiveEvent(state, event) {
    const seq = eventSeq(event);
    if (seq === null || seq <= state.lastSeq) {
      return { state, ready: [], gap: false };
    }
    if (seq > state.lastSeq + 1) {
      const pending = new Map(state.pending);
      pending.set(seq, event);
      return { state: { lastSeq: state.lastSeq, pending }, ready: [], gap: true };
    }
    return drain(seq, state.pending, [event]);
  }
  function skipUnfilledGap(state) {
    if (!state.pending.size || state.pending.has(state.lastSeq + 1)) {
      return { state, ready: [], gap: false };
    }
    const lowest = Math.min(...state.pending.keys());
    return drain(lowest - 1, state.pending, []);
  }
  function insertionIndex(seqs, seq) {
    for (let i = 0; i < seqs.length; i++) {
      if (seqs[i] === null || Number(seqs[i]) > seq) {
        return i;
      }
    }
    return seqs.length;
  }

  // frontend/widget/render.js
  function showError(app, message) {
    app.ui.errorBox.textContent = message;
    app.ui.errorBox.hidden = false;
  }
  function clearError(app) {
    app.ui.errorBox.textContent = "";
    app.ui.errorBox.hidden = true;
  }
  function setConn(app, text) {
    app.ui.conn.textContent = text;
  }
  function scrollToEnd(app) {
    app.ui.log.scrollTop = app.ui.log.scrollHeight;
  }
  function currentThread(app) {
    if (!app.state.thread) {
      app.state.thread = el("div", { class: "thread" });
      app.ui.log.appendChild(app.state.thread);
    }
    return app.state.thread;
  }
  function insertBySeq(app, node, seq) {
    const target = currentThread(app);
    if (seq === null || seq === void 0) {
      target.appendChild(node);
      return;
    }
    node.setAttribute("data-seq", String(seq));
    const children = Array.from(target.children);
    const index = insertionIndex(
      children.map((child) => child.getAttribute("data-seq")),
      seq
    );
    if (index < children.length) {
      target.insertBefore(node, children[index]);
    } else {
      target.appendChild(node);
    }
  }
  var LINKS = {
    bot: { urls: true },
    agent: { urls: true },
    system: { urls: true, phones: true }
  };
  function messageNode(sender, text) {
    const kind = owns(SENDER_LABELS, sender) ? sender : "system";
    const node = el("div", { class: "msg msg--" + kind, "data-sender": kind });
    node.appendChild(el("span", { class: "who" }, SENDER_LABELS[kind]));
    const body = el("p", { class: "text", dir: "auto" });
    if (owns(LINKS, kind)) {
      body.appendChild(linkedText(text, LINKS[kind]));
    } else {
      body.textContent = String(text);
    }
    node.appendChild(body);
    return node;
  }
  function setState(node, text, withRetry) {
    let state = node.querySelector(".state");
    if (!text) {
      if (state) {
        state.remove();
      }
      return null;
    }
    if (!state) {
      state = el("span", { class: "state" });
      node.appendChild(state);
    }
    state.textContent = text;
    if (withRetry) {
      const retry = el("button", { type: "button", class: "retry" }, "Retry");
      retry.setAttribute("aria-label", "Retry sending this message");
      state.appendChild(retry);
      return retry;
    }
    return null;
  }
  function systemNote(app, text, seq) {
    const node = messageNode("system", text);
    let at = seq;
    if (at === void 0 || at === null) {
      node.classList.add("msg--local");
      at = app.state.seq.lastSeq + 0.5;
    }
    insertBySeq(app, node, at);
    scrollToEnd(app);
  }
  function setTyping(app, on, sender) {
    const { state, ui } = app;
    if (state.typingTimer) {
      clearTimeout(state.typingTimer);
      state.typingTimer = null;
    }
    const isAgent = sender === "agent" || !sender && state.status === "with_agent";
    ui.typing.textContent = isAgent ? "Support agent is typing\u2026" : "The assistant is typing\u2026";
    ui.typing.hidden = !on;
    if (on) {
      state.typingTimer = setTimeout(() => {
        ui.typing.hidden = true;
      }, TYPING_TIMEOUT_MS);
    }
  }

  // frontend/widget/csat.js
  function offerFollowUp(app, kind, seq) {
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
      app.request("POST", path, body, token).then(() => {
        csatThanks(box);
      }).catch((err) => {
        if (err.status === 409) {
          csatThanks(box);
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

  // frontend/widget/dedupe.js
  function messageKey(message) {
    if (!message || message.id === void 0 || message.id === null) {
      return null;
    }
    return String(message.id);
  }
  function matchOptimistic(optimistic, message) {
    const key = message.client_message_id ? String(message.client_message_id) : null;
    if (key && optimistic.has(key)) {
      return key;
    }
    for (const [candidateKey, candidate] of optimistic) {
      if (!candidate.messageId && candidate.text === message.text) {
        return candidateKey;
      }
    }
    return null;
  }
  function classifyMessage(seen, optimistic, message) {
    const id = messageKey(message);
    if (id === null) {
      return { kind: "invalid" };
    }
    if (seen.has(id)) {
      return { kind: "duplicate", id };
    }
    if (message.sender === "visitor") {
      const key = matchOptimistic(optimistic, message);
      if (key !== null) {
        return { kind: "optimistic", id, key };
      }
    }
    return { kind: "new", id };
  }

  // frontend/widget/offline.js
  function offerContact(app) {
    const { state } = app;
    if (!state.session || currentThread(app).querySelector(".contact")) {
      return;
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
      required: ""
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
      app.request("POST", path, { email }, session.token).then((result) => {
        const saved = result.data && typeof result.data.email === "string" && result.data.email || email;
        const thanks = el("p", { class: "contact-done" }, "Thank you. We will write to " + saved + " as soon as someone is back.");
        form.replaceChildren(thanks);
      }).catch((err) => {
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

  // frontend/widget/stream.js
  function clearProvisional(app) {
    const { state } = app;
    state.provisional.forEach((entry) => {
      entry.el.remove();
    });
    state.provisional.clear();
    clearTimeout(state.provisionalTimer);
    state.provisionalTimer = null;
  }
  function applyDelta(app, event) {
    const { state } = app;
    if (typeof event.text !== "string" || event.reply_to === void 0 || event.reply_to === null) {
      return;
    }
    const key = String(event.reply_to);
    if (state.answered.has(key)) {
      return;
    }
    const index = typeof event.index === "number" ? event.index : null;
    let entry = state.provisional.get(key);
    if (!entry) {
      if (index !== null && index !== 0) {
        return;
      }
      const node = messageNode("bot", "");
      node.classList.add("msg--streaming");
      node.setAttribute("aria-hidden", "true");
      currentThread(app).appendChild(node);
      entry = { el: node, text: "", next: 0, broken: false };
      state.provisional.set(key, entry);
      setTyping(app, false);
    }
    if (entry.broken || index !== null && index !== entry.next) {
      entry.broken = true;
      return;
    }
    entry.next += 1;
    entry.text += event.text;
    entry.el.querySelector(".text").textContent = entry.text;
    clearTimeout(state.provisionalTimer);
    state.provisionalTimer = setTimeout(() => clearProvisional(app), TYPING_TIMEOUT_MS);
    scrollToEnd(app);
  }

  // frontend/widget/status.js
  function updateHumanButton(app) {
    const { state, ui } = app;
    ui.humanBtn.hidden = !(state.session && state.humanAvailable && state.status === "bot");
    const canEnd = !!state.session && state.status !== "resolved" && !state.crisisNotice;
    if (!canEnd) {
      state.confirmingEnd = false;
    }
    ui.endBtn.hidden = !canEnd || state.confirmingEnd;
    ui.endConfirm.hidden = !canEnd || !state.confirmingEnd;
  }
  function setStatus(app, next, announce, seq) {
    const { state } = app;
    if (!next || next === state.status) {
      return;
    }
    state.status = next;
    clearProvisional(app);
    if (next !== "bot") {
      setTyping(app, false);
    }
    if (next !== "waiting_for_agent") {
      app.ui.queueInfo.hidden = true;
    }
    if (announce && owns(STATUS_NOTES, next)) {
      systemNote(app, STATUS_NOTES[next], seq);
    }
    updateHumanButton(app);
  }
  function queueText(position, waitSeconds) {
    const place = Number(position);
    const wait = Number(waitSeconds);
    if (!isFinite(place) || place < 1) {
      return null;
    }
    const minutes = isFinite(wait) && wait > 0 ? Math.max(1, Math.round(wait / 60)) : 0;
    const eta = minutes ? ", about " + minutes + (minutes === 1 ? " minute" : " minutes") : "";
    return "You are number " + Math.floor(place) + " in the queue" + eta + ".";
  }
  function showQueue(app, position, waitSeconds, offline) {
    if (offline !== void 0 && offline !== null) {
      app.state.offline = !!offline;
    }
    const text = queueText(position, waitSeconds);
    if (app.state.offline) {
      app.ui.queueInfo.hidden = true;
      return;
    }
    if (app.state.status !== "waiting_for_agent" || text === null) {
      return;
    }
    app.ui.queueInfo.textContent = text;
    app.ui.queueInfo.hidden = false;
  }

  // frontend/widget/human.js
  function conversationPath(id, rest) {
    return "/conversations/" + encodeURIComponent(id) + rest;
  }
  function requestHuman(app) {
    const { state, ui } = app;
    if (!state.session) {
      return;
    }
    clearError(app);
    ui.humanBtn.disabled = true;
    app.request("POST", conversationPath(state.session.id, HUMAN_PATH), {}, state.session.token).then((result) => {
      const data = result.data || {};
      const next = data.status;
      setStatus(app, next || "waiting_for_agent", !!next);
      if (!next) {
        systemNote(app, STATUS_NOTES.waiting_for_agent);
      }
      const offline = data.offline === true;
      showQueue(app, data.queue_position, data.estimated_wait_seconds, offline);
      if (offline) {
        offerContact(app);
      }
    }).catch((err) => {
      showError(app, err instanceof ApiError ? err.message : GENERIC_ERROR);
    }).finally(() => {
      ui.humanBtn.disabled = false;
      updateHumanButton(app);
    });
  }

  // frontend/widget/knowledge.js
  var ASKS_FEEDBACK = { answered: true, suggested: true };
  function wantsFeedback(message) {
    const kb = message && message.knowledge;
    return !!(kb && typeof kb === "object" && owns(ASKS_FEEDBACK, kb.outcome));
  }
  function feedbackBox(app, message) {
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
    const path = "/conversations/" + encodeURIComponent(session.id) + "/messages/" + encodeURIComponent(String(message.id)) + FEEDBACK_PATH;
    function answer(helpful) {
      yes.disabled = true;
      no.disabled = true;
      note.textContent = "";
      app.request("POST", path, { helpful }, session.token).then((result) => {
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
      }).catch((err) => {
        note.textContent = err.message;
      }).finally(() => {
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
      if (app.state.session && app.state.session.id === session.id) {
        requestHuman(app);
      }
      offer.remove();
    });
    offer.append(text, button);
    box.appendChild(offer);
  }

  // frontend/widget/messages.js
  function isCrisisNotice(message) {
    if (message.crisis_resources === true) {
      return true;
    }
    return textRuns(message.text || "", { phones: true }).some((run) => run.kind === "tel");
  }
  function renderMessage(app, message) {
    const { state } = app;
    const verdict = classifyMessage(state.seenMessageIds, state.optimistic, message);
    if (verdict.kind === "invalid" || verdict.kind === "duplicate") {
      return;
    }
    if (verdict.kind === "optimistic") {
      confirmOptimistic(app, verdict.key, message);
      return;
    }
    const id = verdict.id;
    const fromTeam = message.sender === "bot" || message.sender === "agent";
    state.seenMessageIds.add(id);
    if (fromTeam) {
      if (message.reply_to !== void 0 && message.reply_to !== null) {
        state.answered.add(String(message.reply_to));
      }
      clearProvisional(app);
    }
    const node = messageNode(message.sender, message.text);
    node.setAttribute("data-message-id", id);
    const feedback = message.sender === "bot" ? feedbackBox(app, message) : null;
    if (feedback) {
      node.appendChild(feedback);
    }
    if (message.sender === "system" && isCrisisNotice(message)) {
      state.crisisNotice = true;
      updateHumanButton(app);
    }
    state.byMessageId.set(id, node);
    insertBySeq(app, node, message.seq);
    if (fromTeam) {
      setTyping(app, false);
    }
    scrollToEnd(app);
  }
  function confirmOptimistic(app, clientId, message) {
    const { state } = app;
    const entry = state.optimistic.get(clientId);
    if (!entry) {
      return;
    }
    const id = String(message.id);
    entry.messageId = id;
    state.optimistic.delete(clientId);
    state.seenMessageIds.add(id);
    state.byMessageId.set(id, entry.el);
    entry.el.classList.remove("msg--pending", "msg--failed");
    entry.el.setAttribute("data-message-id", id);
    setState(entry.el, "");
    entry.el.remove();
    insertBySeq(app, entry.el, message.seq);
    scrollToEnd(app);
  }

  // frontend/widget/session.js
  function readJson(storage, key) {
    try {
      const raw = window[storage].getItem(key);
      return raw ? JSON.parse(raw) : null;
    } catch {
      return null;
    }
  }
  function writeJson(storage, key, value) {
    try {
      if (value === null) {
        window[storage].removeItem(key);
      } else {
        window[storage].setItem(key, JSON.stringify(value));
      }
    } catch {
    }
  }
  function storedConversation(data) {
    if (data && typeof data.id === "string" && typeof data.token === "string" && data.id && data.token) {
      return { id: data.id, token: data.token };
    }
    return null;
  }
  function loadSession(storageKey) {
    const tab = readJson("sessionStorage", storageKey) || {};
    const stored = storedConversation(readJson("localStorage", storageKey)) || storedConversation(tab);
    if (!stored) {
      return null;
    }
    writeJson("localStorage", storageKey, stored);
    return { id: stored.id, token: stored.token, open: !!tab.open };
  }
  function saveSession(app) {
    const { session } = app.state;
    const key = app.config.storageKey;
    if (session) {
      writeJson("localStorage", key, { id: session.id, token: session.token });
    } else {
      const stored = storedConversation(readJson("localStorage", key));
      if (stored && app.state.lostId && stored.id === app.state.lostId) {
        writeJson("localStorage", key, null);
      }
    }
    writeJson("sessionStorage", key, { open: !app.ui.panel.hidden });
  }
  function sharedSession(app) {
    return storedConversation(readJson("localStorage", app.config.storageKey));
  }
  function sessionReset(app) {
    const { state } = app;
    app.socket.disconnect();
    state.lostId = state.session ? state.session.id : null;
    state.previousToken = state.session && state.status === "resolved" ? state.session.token : null;
    state.session = null;
    saveSession(app);
    state.seq = createSeqState();
    clearProvisional(app);
    state.answered.clear();
    state.thread = null;
    state.status = "bot";
    state.crisisNotice = false;
    state.offline = false;
    app.ui.queueInfo.hidden = true;
    setTyping(app, false);
    updateHumanButton(app);
    setConn(app, "");
  }
  function sessionLost(app, quiet) {
    sessionReset(app);
    if (!quiet) {
      systemNote(app, "This chat session has ended. Send a message to start a new conversation.");
    }
  }

  // frontend/widget/events.js
  var CATCH_UP_RETRY_MS = 1e3;
  function frameEvents(frame) {
    if (Array.isArray(frame)) {
      return frame;
    }
    return frame && frame.events ? frame.events : [frame];
  }
  function handleEvent(app, event) {
    if (!event || typeof event !== "object") {
      return;
    }
    if (eventSeq(event) === null) {
      handleEphemeral(app, event);
      return;
    }
    commit(app, receiveEvent(app.state.seq, event));
  }
  function commit(app, result) {
    app.state.seq = result.state;
    result.ready.forEach((event) => applyEvent(app, event));
    if (result.gap) {
      catchUp(app);
    }
  }
  function applyEvent(app, event) {
    if (event.type === "message.created") {
      renderMessage(app, event.message);
    } else if (event.type === "conversation.status_changed") {
      setStatus(app, event.status, true, eventSeq(event));
      if (event.status === "resolved") {
        offerFollowUp(app, event.csat, eventSeq(event));
      }
    }
  }
  function hintOffline(event) {
    if (typeof event.offline === "boolean") {
      return event.offline;
    }
    return event.estimated_wait_seconds === null;
  }
  function handleEphemeral(app, event) {
    const type = String(event.type || "");
    if (type === "reconnect") {
      app.socket.planRestart(restartHintDelay(event.retry_after_ms));
      return;
    }
    if (type === "message.delta") {
      applyDelta(app, event);
      return;
    }
    if (type === "queue.updated") {
      const offline = hintOffline(event);
      showQueue(app, event.position, event.estimated_wait_seconds, offline);
      if (offline && app.state.status === "waiting_for_agent" && !app.state.crisisNotice) {
        offerContact(app);
      }
      return;
    }
    if (type.indexOf("typing") !== -1) {
      const on = event.is_typing !== void 0 ? !!event.is_typing : event.typing !== false;
      setTyping(app, on, event.sender);
    }
  }
  function catchUp(app) {
    const { state } = app;
    if (state.catchingUp || !state.session) {
      return state.catchingUp;
    }
    const { id, token } = state.session;
    const path = "/conversations/" + encodeURIComponent(id) + "/events?after=" + state.seq.lastSeq;
    state.catchingUp = app.request("GET", path, void 0, token).then((result) => {
      const events = result.data && result.data.events || [];
      events.sort(compareBySeq);
      events.forEach((event) => handleEvent(app, event));
      commit(app, skipUnfilledGap(app.state.seq));
    }).catch((err) => {
      if (err.status === 404) {
        sessionLost(app);
      }
    }).finally(() => {
      state.catchingUp = null;
      if (state.seq.pending.size) {
        setTimeout(() => catchUp(app), CATCH_UP_RETRY_MS);
      }
    });
    return state.catchingUp;
  }

  // frontend/widget/privacy.js
  var NOTHING_STORED = "Nothing is stored about you yet.";
  function loadPrivacy(app) {
    const { state, ui } = app;
    if (!state.session) {
      return;
    }
    app.request("GET", "/me", void 0, state.session.token).then((result) => {
      if (state.wantedConsent !== null && state.wantedConsent !== result.data.emotion_analysis) {
        setConsent(app, state.wantedConsent);
        return;
      }
      ui.consentBox.checked = result.data.emotion_analysis === true;
    }).catch(() => {
    });
  }
  function setConsent(app, on) {
    const { state, ui } = app;
    state.wantedConsent = on;
    if (!state.session) {
      return;
    }
    app.request("PATCH", "/me", { emotion_analysis: on }, state.session.token).then((result) => {
      state.wantedConsent = null;
      ui.consentBox.checked = result.data.emotion_analysis === true;
    }).catch((err) => {
      ui.consentBox.checked = !on;
      showError(app, err.message);
    });
  }
  function downloadData(app) {
    const { state, ui } = app;
    if (!state.session) {
      showError(app, NOTHING_STORED);
      return;
    }
    app.request("GET", "/me/export", void 0, state.session.token).then((result) => {
      const blob = new Blob([JSON.stringify(result.data, null, 2)], { type: "application/json" });
      const url = URL.createObjectURL(blob);
      const link = el("a", { href: url, download: "my-data.json" });
      ui.shadow.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => {
        URL.revokeObjectURL(url);
      }, 1e3);
    }).catch((err) => {
      showError(app, err.message);
    });
  }
  function eraseData(app) {
    const { state } = app;
    if (!state.session) {
      showError(app, NOTHING_STORED);
      return;
    }
    if (!window.confirm("Delete your messages and everything stored about you? This cannot be undone.")) {
      return;
    }
    app.request("DELETE", "/me", void 0, state.session.token).then(() => {
      if (state.thread) {
        state.thread.remove();
      }
      sessionLost(app, true);
      systemNote(app, "Your data has been deleted.");
    }).catch((err) => {
      showError(app, err.message);
    });
  }
  function wirePrivacy(app) {
    const { ui } = app;
    ui.consentBox.addEventListener("change", () => {
      setConsent(app, ui.consentBox.checked);
    });
    ui.exportBtn.addEventListener("click", () => downloadData(app));
    ui.eraseBtn.addEventListener("click", () => eraseData(app));
  }

  // frontend/widget/conversation.js
  function conversationPath2(id, rest) {
    return "/conversations/" + encodeURIComponent(id) + rest;
  }
  function ensureConversation(app) {
    const { state } = app;
    if (state.session) {
      return Promise.resolve(state.session);
    }
    if (state.creating) {
      return state.creating;
    }
    const body = { site_key: app.config.siteKey };
    const locale = pageLocale(app.config);
    if (locale) {
      body.locale = locale;
    }
    if (state.previousToken) {
      body.previous_token = state.previousToken;
    }
    state.creating = app.request("POST", "/conversations", body).then((result) => {
      state.session = { id: String(result.data.id), token: String(result.data.token) };
      state.previousToken = null;
      state.seq = createSeqState();
      saveSession(app);
      setStatus(app, result.data.status || "bot", false);
      app.socket.connect();
      updateHumanButton(app);
      loadPrivacy(app);
      return state.session;
    }).finally(() => {
      state.creating = null;
    });
    return state.creating;
  }
  function newClientId() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") {
      return window.crypto.randomUUID();
    }
    const bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = bytes[6] & 15 | 64;
    bytes[8] = bytes[8] & 63 | 128;
    const hex = Array.from(bytes, (b) => (b + 256).toString(16).slice(1)).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }
  function sendMessage(app, text) {
    clearError(app);
    if (app.state.session && app.state.status === "resolved") {
      sessionReset(app);
      systemNote(app, "Starting a new conversation.");
    }
    const clientId = newClientId();
    const node = messageNode("visitor", text);
    node.classList.add("msg--pending");
    node.setAttribute("data-client-id", clientId);
    currentThread(app).appendChild(node);
    setState(node, "Sending\u2026");
    app.state.optimistic.set(clientId, { el: node, text, messageId: null });
    scrollToEnd(app);
    deliver(app, clientId, text, true);
  }
  function markFailed(app, clientId, text) {
    const current = app.state.optimistic.get(clientId);
    if (!current) {
      return;
    }
    current.el.classList.remove("msg--pending");
    current.el.classList.add("msg--failed");
    const retry = setState(current.el, "Not sent.", true);
    retry.addEventListener("click", () => {
      deliver(app, clientId, text, true);
    });
  }
  var UNAVAILABLE_RETRIES = 5;
  function unavailableRetryDelay(attempt) {
    return Math.min(2e3 * 2 ** attempt, 15e3);
  }
  function deliver(app, clientId, text, mayRestart, attempt = 0) {
    const { state } = app;
    const entry = state.optimistic.get(clientId);
    if (!entry) {
      return;
    }
    entry.el.classList.remove("msg--failed");
    entry.el.classList.add("msg--pending");
    setState(entry.el, "Sending\u2026");
    if (state.status === "bot") {
      setTyping(app, true);
    }
    ensureConversation(app).then(
      (current) => app.request(
        "POST",
        conversationPath2(current.id, "/messages"),
        { client_message_id: clientId, text },
        current.token
      )
    ).then((result) => {
      confirmOptimistic(app, clientId, result.data);
      if (app.socket.isDown()) {
        app.socket.reconnectNow();
      }
    }).catch((err) => {
      if (err.status === 503 && attempt < UNAVAILABLE_RETRIES) {
        setState(entry.el, "Reconnecting\u2026");
        window.setTimeout(
          () => deliver(app, clientId, text, mayRestart, attempt + 1),
          unavailableRetryDelay(attempt)
        );
        return;
      }
      if ((err.status === 404 || err.status === 409) && state.session && mayRestart) {
        sessionLost(app, true);
        systemNote(app, "Starting a new conversation.");
        deliver(app, clientId, text, false);
        return;
      }
      setTyping(app, false);
      showError(app, err instanceof ApiError ? err.message : GENERIC_ERROR);
      markFailed(app, clientId, text);
    });
  }

  // frontend/widget/end.js
  function askToEnd(app) {
    app.state.confirmingEnd = true;
    updateHumanButton(app);
    app.ui.endYes.focus();
  }
  function keepChatting(app) {
    app.state.confirmingEnd = false;
    updateHumanButton(app);
    app.ui.endBtn.focus();
  }
  function endChat(app) {
    const { state, ui } = app;
    const session = state.session;
    if (!session) {
      return;
    }
    clearError(app);
    ui.endYes.disabled = true;
    const path = "/conversations/" + encodeURIComponent(session.id) + END_PATH;
    app.request("POST", path, {}, session.token).then(() => {
      state.confirmingEnd = false;
      return catchUp(app);
    }).catch((err) => {
      state.confirmingEnd = false;
      const code = err instanceof ApiError ? err.code : "";
      if (code === "crisis_latched") {
        state.crisisNotice = true;
      } else if (code === "conversation_resolved") {
        catchUp(app);
        return;
      }
      showError(app, err instanceof ApiError ? err.message : GENERIC_ERROR);
    }).finally(() => {
      ui.endYes.disabled = false;
      updateHumanButton(app);
    });
  }
  function wireEnd(app) {
    const { ui } = app;
    ui.endBtn.addEventListener("click", () => askToEnd(app));
    ui.endNo.addEventListener("click", () => keepChatting(app));
    ui.endYes.addEventListener("click", () => endChat(app));
    ui.endConfirm.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.stopPropagation();
        keepChatting(app);
      }
    });
  }

  // frontend/widget/panel.js
  function loadConfig(app) {
    const { state, ui } = app;
    if (state.configLoaded) {
      return;
    }
    state.configLoaded = true;
    app.request("GET", "/config?site_key=" + encodeURIComponent(app.config.siteKey)).then((result) => {
      const data = result.data || {};
      if (typeof data.name === "string" && data.name) {
        ui.title.textContent = data.name;
      }
      state.humanAvailable = !!(data.features && data.features.request_human === true);
      updateHumanButton(app);
    }).catch((err) => {
      if (err.status === 404 || err.status === 403) {
        showError(app, "This chat is not available on this page.");
      }
    });
  }
  function openPanel(app) {
    const { ui } = app;
    loadConfig(app);
    ui.panel.hidden = false;
    ui.root.classList.add("is-open");
    ui.launcher.setAttribute("aria-expanded", "true");
    saveSession(app);
    if (app.state.session) {
      app.socket.connect();
      loadPrivacy(app);
    }
    scrollToEnd(app);
    ui.input.focus();
  }
  function closePanel(app) {
    const { ui } = app;
    ui.panel.hidden = true;
    ui.root.classList.remove("is-open");
    ui.launcher.setAttribute("aria-expanded", "false");
    saveSession(app);
    ui.launcher.focus();
  }
  function submit(app) {
    const { input } = app.ui;
    const text = input.value.trim();
    if (!text) {
      return;
    }
    const length = Array.from(text).length;
    if (length > MAX_TEXT) {
      showError(app, "Your message is too long (" + length + " characters, at most " + MAX_TEXT + ").");
      return;
    }
    input.value = "";
    sendMessage(app, text);
  }
  function wirePanel(app) {
    const { ui } = app;
    ui.launcher.addEventListener("click", () => openPanel(app));
    ui.closeBtn.addEventListener("click", () => closePanel(app));
    ui.humanBtn.addEventListener("click", () => requestHuman(app));
    wireEnd(app);
    ui.form.addEventListener("submit", (event) => {
      event.preventDefault();
      submit(app);
    });
    ui.input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        submit(app);
      }
    });
    ui.panel.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        closePanel(app);
      }
    });
  }

  // frontend/widget/state.js
  function createState(session) {
    return {
      session,
      // {id, token, open} or null
      seq: createSeqState(),
      // {lastSeq, pending}: events applied in seq order (see seq.js)
      seenMessageIds: /* @__PURE__ */ new Set(),
      byMessageId: /* @__PURE__ */ new Map(),
      // server message id -> element
      optimistic: /* @__PURE__ */ new Map(),
      // client_message_id -> {el, text, messageId}
      status: "bot",
      catchingUp: null,
      // the events?after= request in flight
      typingTimer: null,
      creating: null,
      // the POST /conversations in flight
      humanAvailable: false,
      thread: null,
      // element holding the current conversation's messages
      // Streamed replies: visitor message id -> {el, text, next, broken}; provisional bubbles
      // grown by message.delta hints and replaced by the stored message.created (the source of
      // truth).
      provisional: /* @__PURE__ */ new Map(),
      answered: /* @__PURE__ */ new Set(),
      // visitor message ids whose stored reply has arrived
      provisionalTimer: null,
      wantedConsent: null,
      // an emotion-analysis choice made before the conversation existed
      configLoaded: false,
      csatForms: 0,
      contactForms: 0,
      lostId: null,
      // the conversation just forgotten (see saveSession)
      previousToken: null,
      // the token of the conversation a new one continues (after resolve)
      crisisNotice: false,
      // a crisis notice is showing: the chat cannot be ended from here
      offline: false,
      // nobody from the team can come now (request-human said so)
      confirmingEnd: false
      // the "End chat" control is asking "are you sure?"
    };
  }

  // frontend/widget/widget.css
  var widget_default = `/* Empathy Desk widget styles, scoped to its shadow root. esbuild bundles this file as text;
   view.js adopts it as a constructed stylesheet (no <style> text for a CSP to block). */
:host { all: initial; }
.root { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000;
  font: 15px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1f2430; }
button { font: inherit; cursor: pointer; }
button:focus-visible, textarea:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
.launcher { border: 0; border-radius: 999px; padding: 12px 20px; background: #3b5bdb;
  color: #fff; font-weight: 600; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
.launcher[aria-expanded='true'] { display: none; }
.panel { display: flex; flex-direction: column; width: 370px; height: min(600px, 80vh);
  background: #fff; border-radius: 14px; box-shadow: 0 8px 30px rgba(0,0,0,.3); overflow: hidden; }
.panel[hidden] { display: none; }
.header { display: flex; align-items: center; gap: 8px; padding: 12px 14px; background: #3b5bdb; color: #fff; }
.title { margin: 0; font-size: 16px; font-weight: 600; flex: 1; }
.conn { font-size: 12px; opacity: .9; }
.close { border: 0; background: transparent; color: #fff; font-size: 22px; line-height: 1;
  padding: 4px 8px; border-radius: 6px; min-width: 44px; min-height: 44px; }
.log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 8px;
  background: #f6f7fb; overscroll-behavior: contain; }
.thread { display: flex; flex-direction: column; gap: 8px; }
.msg { max-width: 85%; padding: 8px 12px; border-radius: 12px; white-space: pre-wrap;
  overflow-wrap: anywhere; }
.msg .who { display: block; font-size: 11px; font-weight: 600; opacity: .75; margin-bottom: 2px; }
.msg .text { margin: 0; }
.msg--visitor { align-self: flex-end; background: #3b5bdb; color: #fff; }
.msg--bot, .msg--agent { align-self: flex-start; background: #fff; border: 1px solid #dde1ec; }
.msg--agent { border-color: #2f9e44; }
/* System notices carry help resources and handoff news: they must be easy to read. */
.msg--system { align-self: stretch; max-width: 100%; background: #fff8e6; color: #2b2b2b;
  font-size: 14px; text-align: left; border: 1px solid #f0c36d; }
.msg--pending { opacity: .7; }
.msg--streaming { opacity: .85; }
.msg--failed { background: #fff0f0; color: #8a1c1c; border: 1px solid #e03131; }
.state { display: block; font-size: 11px; margin-top: 2px; opacity: .85; }
.retry { margin-left: 6px; border: 0; background: transparent; color: inherit;
  text-decoration: underline; padding: 0; font-size: 11px; }
.typing { padding: 4px 14px; font-size: 13px; color: #5c6370; min-height: 18px; }
.typing[hidden] { display: none; }
.queue { padding: 4px 14px; font-size: 13px; color: #5c6370; }
.queue[hidden] { display: none; }
.error { margin: 0 12px 6px; padding: 8px 10px; border-radius: 8px; background: #fff0f0;
  color: #8a1c1c; border: 1px solid #e03131; font-size: 13px; }
.error[hidden] { display: none; }
.actions { padding: 0 12px; }
.human { border: 1px solid #3b5bdb; background: #fff; color: #3b5bdb; border-radius: 999px;
  padding: 6px 14px; font-size: 13px; margin-bottom: 6px; min-height: 36px; }
.human[hidden] { display: none; }
.actions { display: flex; flex-wrap: wrap; align-items: center; gap: 0 8px; }
.end, .end-yes, .end-no { border: 1px solid #868e96; background: #fff; color: #3d434d;
  border-radius: 999px; padding: 6px 14px; font-size: 13px; margin-bottom: 6px; min-height: 36px; }
.end-yes { border-color: #c92a2a; color: #c92a2a; }
.end[hidden], .end-confirm[hidden] { display: none; }
.end-confirm { display: flex; flex-wrap: wrap; align-items: center; gap: 0 8px; font-size: 13px; }
.msg a { color: #1c3faa; text-decoration: underline; }
.msg--system a.tel { font-weight: 600; color: #7a4a00; }
/* "Did this answer your question?" under a help-center answer, and the offline offer. */
.kb-feedback, .contact { align-self: flex-start; max-width: 85%; background: #fff;
  border: 1px dashed #c5cad6; border-radius: 12px; padding: 8px 12px; font-size: 13px;
  display: flex; flex-direction: column; gap: 6px; }
.contact { align-self: stretch; max-width: 100%; }
.msg .kb-feedback { max-width: none; margin-top: 8px; padding: 6px 0 0; border: 0;
  border-top: 1px dashed #c5cad6; border-radius: 0; white-space: normal; }
.kb-offer { align-items: center; }
.kb-feedback p, .contact p { margin: 0; }
.kb-feedback .row, .contact .row { display: flex; flex-wrap: wrap; gap: 6px; }
.kb-feedback button, .contact button { border: 1px solid #3b5bdb; background: #fff; color: #3b5bdb;
  border-radius: 8px; padding: 4px 12px; min-height: 36px; font-size: 13px; }
.kb-feedback button[aria-pressed='true'] { background: #3b5bdb; color: #fff; }
.contact input { flex: 1; min-width: 0; font: inherit; border: 1px solid #c5cad6;
  border-radius: 8px; padding: 6px 8px; min-height: 36px; }
.contact .contact-status { color: #5c6370; min-height: 1em; }
.contact .contact-status.is-error { color: #8a1c1c; }
.form { display: flex; gap: 8px; padding: 10px 12px; border-top: 1px solid #dde1ec; background: #fff; }
.input { flex: 1; resize: none; border: 1px solid #c5cad6; border-radius: 10px; padding: 8px 10px;
  font: inherit; min-height: 40px; max-height: 120px; }
.send { border: 0; border-radius: 10px; padding: 0 16px; background: #3b5bdb; color: #fff;
  font-weight: 600; min-width: 64px; min-height: 44px; }
.sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.privacy { padding: 6px 12px; font-size: 12px; color: #5c6370; background: #fff;
  border-bottom: 1px solid #dde1ec; }
.privacy p { margin: 0 0 4px; }
.privacy a, .privacy .link { color: #3b5bdb; }
.privacy .row { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 12px; }
.privacy .link { border: 0; background: transparent; padding: 0; font-size: 12px;
  text-decoration: underline; min-height: 24px; }
.privacy input { margin: 0 4px 0 0; vertical-align: middle; }
.csat { align-self: stretch; background: #fff; border: 1px solid #dde1ec; border-radius: 12px;
  padding: 10px 12px; display: flex; flex-direction: column; gap: 8px; }
.csat p { margin: 0; }
.csat .scores { display: flex; gap: 6px; }
.csat .score { flex: 1; min-height: 44px; border: 1px solid #3b5bdb; border-radius: 8px;
  background: #fff; color: #3b5bdb; font-weight: 600; }
.csat .score[aria-pressed='true'] { background: #3b5bdb; color: #fff; }
.csat textarea { font: inherit; border: 1px solid #c5cad6; border-radius: 8px; padding: 6px 8px;
  resize: vertical; min-height: 40px; }
.csat .csat-send { align-self: flex-end; border: 0; border-radius: 8px; padding: 0 14px;
  min-height: 40px; background: #3b5bdb; color: #fff; font-weight: 600; }
.csat .csat-status { font-size: 13px; color: #5c6370; min-height: 1em; }
@media (max-width: 480px) {
  .root { right: 12px; bottom: 12px; }
  .root.is-open { inset: 0; right: 0; bottom: 0; }
  .panel { position: fixed; inset: 0; width: 100%; height: 100%; border-radius: 0; }
  .input { font-size: 16px; } /* 16px stops iOS from zooming into the field */
}
@media (prefers-reduced-motion: no-preference) { .msg { animation: pop .15s ease-out; } }
@keyframes pop { from { transform: translateY(4px); opacity: 0; } to { transform: none; } }
`;

  // frontend/widget/view.js
  function adoptStyles(shadow) {
    if ("adoptedStyleSheets" in shadow && typeof CSSStyleSheet === "function") {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(widget_default);
      shadow.adoptedStyleSheets = [sheet];
    } else {
      shadow.appendChild(el("style", null, widget_default));
    }
  }
  function buildHeader() {
    const header = el("div", { class: "header" });
    const title = el("h2", { class: "title", id: "title" }, "Support chat");
    const conn = el("span", { class: "conn", role: "status" });
    const closeBtn = el("button", { type: "button", class: "close", "aria-label": "Close the chat" }, "\xD7");
    header.append(title, conn, closeBtn);
    return { header, title, conn, closeBtn };
  }
  function buildPrivacy(origin) {
    const privacy = el("div", { class: "privacy" });
    const disclosure = el(
      "p",
      null,
      "You are chatting with an AI assistant. Messages are analysed for emotion to route you to the right help."
    );
    const privacyRow = el("div", { class: "row" });
    const consentLabel = el("label", { class: "consent" });
    const consentBox = el("input", { type: "checkbox", checked: "" });
    consentLabel.append(consentBox, el("span", null, "Emotion analysis"));
    const privacyLink = el(
      "a",
      { href: origin + "/privacy/", target: "_blank", rel: "noopener noreferrer" },
      "Privacy notice"
    );
    const exportBtn = el("button", { type: "button", class: "link" }, "Download my data");
    const eraseBtn = el("button", { type: "button", class: "link" }, "Delete my data");
    privacyRow.append(consentLabel, privacyLink, exportBtn, eraseBtn);
    privacy.append(disclosure, privacyRow);
    return { privacy, consentBox, exportBtn, eraseBtn };
  }
  function buildForm() {
    const form = el("form", { class: "form", novalidate: "" });
    const inputLabel = el("label", { for: "input", class: "sr" }, "Your message");
    const input = el("textarea", {
      id: "input",
      class: "input",
      rows: "1",
      placeholder: "Type a message\u2026",
      autocomplete: "off",
      "aria-describedby": "hint"
    });
    const hint = el("span", { id: "hint", class: "sr" }, "Press Enter to send, Shift and Enter for a new line.");
    const sendBtn = el("button", { type: "submit", class: "send", "aria-label": "Send message" }, "Send");
    form.append(inputLabel, input, hint, sendBtn);
    return { form, input, sendBtn };
  }
  function buildView(origin) {
    const host = el("div", { "data-empathy-desk": "widget" });
    const shadow = host.attachShadow({ mode: "open" });
    adoptStyles(shadow);
    const root = el("div", { class: "root" });
    const launcher = el(
      "button",
      { type: "button", class: "launcher", "aria-expanded": "false", "aria-controls": "panel" },
      "Chat with us"
    );
    launcher.setAttribute("aria-label", "Open the support chat");
    const panel = el("section", { class: "panel", id: "panel", role: "dialog", "aria-labelledby": "title" });
    panel.hidden = true;
    const { header, title, conn, closeBtn } = buildHeader();
    const { privacy, consentBox, exportBtn, eraseBtn } = buildPrivacy(origin);
    const log = el("div", {
      class: "log",
      role: "log",
      "aria-live": "polite",
      "aria-relevant": "additions",
      "aria-label": "Messages",
      tabindex: "0"
    });
    const typing = el("div", { class: "typing", "aria-live": "polite" }, "The assistant is typing\u2026");
    typing.hidden = true;
    const queueInfo = el("div", { class: "queue", "aria-live": "polite" });
    queueInfo.hidden = true;
    const errorBox = el("div", { class: "error", role: "alert" });
    errorBox.hidden = true;
    const actions = el("div", { class: "actions" });
    const humanBtn = el("button", { type: "button", class: "human" }, "Talk to a person");
    humanBtn.hidden = true;
    const endBtn = el("button", { type: "button", class: "end" }, "End chat");
    endBtn.hidden = true;
    const endConfirm = el("div", { class: "end-confirm", role: "group", "aria-labelledby": "end-q" });
    endConfirm.hidden = true;
    const endYes = el("button", { type: "button", class: "end-yes" }, "Yes, end chat");
    const endNo = el("button", { type: "button", class: "end-no" }, "Keep chatting");
    endConfirm.append(el("span", { id: "end-q" }, "End this chat?"), endYes, endNo);
    actions.append(humanBtn, endBtn, endConfirm);
    const { form, input, sendBtn } = buildForm();
    panel.append(header, privacy, log, typing, queueInfo, errorBox, actions, form);
    root.append(launcher, panel);
    shadow.appendChild(root);
    return {
      host,
      shadow,
      root,
      launcher,
      panel,
      title,
      conn,
      closeBtn,
      consentBox,
      exportBtn,
      eraseBtn,
      log,
      typing,
      queueInfo,
      errorBox,
      humanBtn,
      endBtn,
      endConfirm,
      endYes,
      endNo,
      form,
      input,
      sendBtn
    };
  }

  // frontend/widget/main.js
  function widgetSocket(app) {
    return createSocket({
      policy: BACKOFF,
      canConnect: () => app.state.session !== null,
      url: () => app.config.wsBase + encodeURIComponent(app.state.session.id) + "/",
      onOpen(ws) {
        const { session, seq } = app.state;
        if (session) {
          ws.send(JSON.stringify({ type: "auth", token: session.token, after: seq.lastSeq }));
        }
        setConn(app, "");
      },
      onFrame(frame) {
        frameEvents(frame).forEach((event) => handleEvent(app, event));
      },
      onClose(event) {
        if (event.code === CLOSE_FORBIDDEN) {
          sessionLost(app);
        }
      },
      onRetry() {
        setConn(app, "Reconnecting\u2026");
        catchUp(app);
      }
    });
  }
  function followOtherTabs(app) {
    window.addEventListener("storage", (event) => {
      if (event.key !== app.config.storageKey) {
        return;
      }
      const shared = sharedSession(app);
      const { state } = app;
      if (!shared || state.session && state.session.id === shared.id) {
        return;
      }
      sessionReset(app);
      state.session = { id: shared.id, token: shared.token, open: !app.ui.panel.hidden };
      saveSession(app);
      updateHumanButton(app);
      app.socket.connect();
      loadConfig(app);
      loadPrivacy(app);
    });
  }
  function mount(app) {
    document.body.appendChild(app.ui.host);
    const { session } = app.state;
    if (session) {
      const wasOpen = session.open;
      updateHumanButton(app);
      app.socket.connect();
      loadConfig(app);
      if (wasOpen) {
        openPanel(app);
      }
    }
  }
  function start() {
    const script = findScript();
    if (!script || window.__empathyDeskWidget) {
      return;
    }
    const siteKey = script.getAttribute("data-site-key") || "";
    if (!siteKey) {
      return;
    }
    window.__empathyDeskWidget = true;
    const config = readConfig(script, siteKey);
    const app = {
      config,
      ui: buildView(config.origin),
      request: createRequest(config.apiBase),
      state: createState(loadSession(config.storageKey)),
      socket: null
    };
    app.socket = widgetSocket(app);
    wirePrivacy(app);
    wirePanel(app);
    followOtherTabs(app);
    window.addEventListener("online", () => app.socket.reconnectNow());
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") {
        app.socket.reconnectNow();
      }
    });
    if (document.body) {
      mount(app);
    } else {
      document.addEventListener("DOMContentLoaded", () => mount(app));
    }
  }
  start();
})();

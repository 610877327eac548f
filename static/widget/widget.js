/*
 * Empathy Desk chat widget: one script tag, a shadow DOM, the public widget API and websocket.
 *
 * Embed with:
 *   <script src="https://desk.example.com/static/widget/widget.js" data-site-key="KEY" defer></script>
 *
 * Safety rules this file keeps (do not relax them):
 *   - every string that comes from the server or the visitor is inserted with textContent,
 *     never innerHTML / insertAdjacentHTML / document.write;
 *   - no inline scripts or external resources, so the host page can run a strict CSP;
 *   - the token travels in the Authorization header and the first websocket frame, never a URL.
 */
(function () {
  "use strict";

  var script =
    document.currentScript ||
    document.querySelector('script[data-site-key][src*="widget.js"]');
  if (!script || window.__empathyDeskWidget) {
    return;
  }
  var SITE_KEY = script.getAttribute("data-site-key") || "";
  if (!SITE_KEY) {
    return;
  }
  window.__empathyDeskWidget = true;

  var SCRIPT_URL = new URL(script.src, document.baseURI);
  var API_BASE = SCRIPT_URL.origin + "/api/v1/widget";
  // Websocket scheme follows the page (a secure page may not open ws://) and the script's own
  // origin (the API lives where the widget is served from, not on the host page).
  var WS_SCHEME =
    location.protocol === "https:" || SCRIPT_URL.protocol === "https:" ? "wss:" : "ws:";
  var WS_BASE = WS_SCHEME + "//" + SCRIPT_URL.host + "/ws/widget/conversations/";
  var STORAGE_KEY = "empathy-desk:" + SCRIPT_URL.origin + ":" + SITE_KEY;
  var MAX_TEXT = 4000;
  var REQUEST_TIMEOUT_MS = 15000;
  var TYPING_TIMEOUT_MS = 45000;
  var BACKOFF_BASE_MS = 500;
  var BACKOFF_CAP_MS = 15000;
  var STABLE_SOCKET_MS = 3000;
  var CLOSE_FORBIDDEN = 4003;
  // Added by the escalation work (see updateHumanButton).
  var HUMAN_PATH = "/request-human";
  // CSAT after a resolved conversation; a server restart's reconnect hint (see connect).
  var CSAT_PATH = "/csat";
  var CSAT_MAX_COMMENT = 1000;
  var RESTART_HINT_CAP_MS = 60000;
  var CHECK_IN_TEXT =
    "Thank you for reaching out today; we are glad you talked with us. " +
    "If things feel hard again, you can start a new conversation here at any time, " +
    "and if you are in immediate danger, please call your local emergency number.";

  var STATUS_NOTES = {
    bot: "You are chatting with our assistant again.",
    waiting_for_agent: "We are connecting you with a person. Please stay with us.",
    with_agent: "A person from our team has joined the conversation.",
    resolved: "This conversation has been marked as resolved.",
  };
  var SENDER_LABELS = { visitor: "You", bot: "Assistant", agent: "Support agent", system: "Notice" };

  // ---------------------------------------------------------------------------------------------
  // Styles: a constructed stylesheet adopted by the shadow root (no <style> text for CSP to block)
  // ---------------------------------------------------------------------------------------------
  var CSS = [
    ":host { all: initial; }",
    ".root { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000;",
    "  font: 15px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1f2430; }",
    "button { font: inherit; cursor: pointer; }",
    "button:focus-visible, textarea:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }",
    ".launcher { border: 0; border-radius: 999px; padding: 12px 20px; background: #3b5bdb;",
    "  color: #fff; font-weight: 600; box-shadow: 0 4px 14px rgba(0,0,0,.25); }",
    ".launcher[aria-expanded='true'] { display: none; }",
    ".panel { display: flex; flex-direction: column; width: 370px; height: min(600px, 80vh);",
    "  background: #fff; border-radius: 14px; box-shadow: 0 8px 30px rgba(0,0,0,.3); overflow: hidden; }",
    ".panel[hidden] { display: none; }",
    ".header { display: flex; align-items: center; gap: 8px; padding: 12px 14px; background: #3b5bdb; color: #fff; }",
    ".title { margin: 0; font-size: 16px; font-weight: 600; flex: 1; }",
    ".conn { font-size: 12px; opacity: .9; }",
    ".close { border: 0; background: transparent; color: #fff; font-size: 22px; line-height: 1;",
    "  padding: 4px 8px; border-radius: 6px; min-width: 44px; min-height: 44px; }",
    ".log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 8px;",
    "  background: #f6f7fb; overscroll-behavior: contain; }",
    ".thread { display: flex; flex-direction: column; gap: 8px; }",
    ".msg { max-width: 85%; padding: 8px 12px; border-radius: 12px; white-space: pre-wrap;",
    "  overflow-wrap: anywhere; }",
    ".msg .who { display: block; font-size: 11px; font-weight: 600; opacity: .75; margin-bottom: 2px; }",
    ".msg .text { margin: 0; }",
    ".msg--visitor { align-self: flex-end; background: #3b5bdb; color: #fff; }",
    ".msg--bot, .msg--agent { align-self: flex-start; background: #fff; border: 1px solid #dde1ec; }",
    ".msg--agent { border-color: #2f9e44; }",
    // System notices carry help resources and handoff news: they must be easy to read.
    ".msg--system { align-self: stretch; max-width: 100%; background: #fff8e6; color: #2b2b2b;",
    "  font-size: 14px; text-align: left; border: 1px solid #f0c36d; }",
    ".msg--pending { opacity: .7; }",
    ".msg--streaming { opacity: .85; }",
    ".msg--failed { background: #fff0f0; color: #8a1c1c; border: 1px solid #e03131; }",
    ".state { display: block; font-size: 11px; margin-top: 2px; opacity: .85; }",
    ".retry { margin-left: 6px; border: 0; background: transparent; color: inherit;",
    "  text-decoration: underline; padding: 0; font-size: 11px; }",
    ".typing { padding: 4px 14px; font-size: 13px; color: #5c6370; min-height: 18px; }",
    ".typing[hidden] { display: none; }",
    ".queue { padding: 4px 14px; font-size: 13px; color: #5c6370; }",
    ".queue[hidden] { display: none; }",
    ".error { margin: 0 12px 6px; padding: 8px 10px; border-radius: 8px; background: #fff0f0;",
    "  color: #8a1c1c; border: 1px solid #e03131; font-size: 13px; }",
    ".error[hidden] { display: none; }",
    ".actions { padding: 0 12px; }",
    ".human { border: 1px solid #3b5bdb; background: #fff; color: #3b5bdb; border-radius: 999px;",
    "  padding: 6px 14px; font-size: 13px; margin-bottom: 6px; min-height: 36px; }",
    ".human[hidden] { display: none; }",
    ".form { display: flex; gap: 8px; padding: 10px 12px; border-top: 1px solid #dde1ec; background: #fff; }",
    ".input { flex: 1; resize: none; border: 1px solid #c5cad6; border-radius: 10px; padding: 8px 10px;",
    "  font: inherit; min-height: 40px; max-height: 120px; }",
    ".send { border: 0; border-radius: 10px; padding: 0 16px; background: #3b5bdb; color: #fff;",
    "  font-weight: 600; min-width: 64px; min-height: 44px; }",
    ".sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;",
    "  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }",
    ".privacy { padding: 6px 12px; font-size: 12px; color: #5c6370; background: #fff;",
    "  border-bottom: 1px solid #dde1ec; }",
    ".privacy p { margin: 0 0 4px; }",
    ".privacy a, .privacy .link { color: #3b5bdb; }",
    ".privacy .row { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 12px; }",
    ".privacy .link { border: 0; background: transparent; padding: 0; font-size: 12px;",
    "  text-decoration: underline; min-height: 24px; }",
    ".privacy input { margin: 0 4px 0 0; vertical-align: middle; }",
    ".csat { align-self: stretch; background: #fff; border: 1px solid #dde1ec; border-radius: 12px;",
    "  padding: 10px 12px; display: flex; flex-direction: column; gap: 8px; }",
    ".csat p { margin: 0; }",
    ".csat .scores { display: flex; gap: 6px; }",
    ".csat .score { flex: 1; min-height: 44px; border: 1px solid #3b5bdb; border-radius: 8px;",
    "  background: #fff; color: #3b5bdb; font-weight: 600; }",
    ".csat .score[aria-pressed='true'] { background: #3b5bdb; color: #fff; }",
    ".csat textarea { font: inherit; border: 1px solid #c5cad6; border-radius: 8px; padding: 6px 8px;",
    "  resize: vertical; min-height: 40px; }",
    ".csat .csat-send { align-self: flex-end; border: 0; border-radius: 8px; padding: 0 14px;",
    "  min-height: 40px; background: #3b5bdb; color: #fff; font-weight: 600; }",
    ".csat .csat-status { font-size: 13px; color: #5c6370; min-height: 1em; }",
    "@media (max-width: 480px) {",
    "  .root { right: 12px; bottom: 12px; }",
    "  .root.is-open { inset: 0; right: 0; bottom: 0; }",
    "  .panel { position: fixed; inset: 0; width: 100%; height: 100%; border-radius: 0; }",
    "  .input { font-size: 16px; }", // 16px stops iOS from zooming into the field
    "}",
    "@media (prefers-reduced-motion: no-preference) { .msg { animation: pop .15s ease-out; } }",
    "@keyframes pop { from { transform: translateY(4px); opacity: 0; } to { transform: none; } }",
  ].join("\n");

  // ---------------------------------------------------------------------------------------------
  // DOM helpers: element creation only; text always through textContent.
  // ---------------------------------------------------------------------------------------------
  // Server strings pick table entries only through own keys ("constructor" is not a sender).
  function owns(table, key) {
    return typeof key === "string" && Object.prototype.hasOwnProperty.call(table, key);
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        node.setAttribute(name, attrs[name]);
      });
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  var host = el("div", { "data-empathy-desk": "widget" });
  var shadow = host.attachShadow({ mode: "open" });
  if ("adoptedStyleSheets" in shadow && typeof CSSStyleSheet === "function") {
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    shadow.adoptedStyleSheets = [sheet];
  } else {
    shadow.appendChild(el("style", null, CSS));
  }

  var root = el("div", { class: "root" });
  var launcher = el(
    "button",
    { type: "button", class: "launcher", "aria-expanded": "false", "aria-controls": "panel" },
    "Chat with us"
  );
  launcher.setAttribute("aria-label", "Open the support chat");
  var panel = el("section", { class: "panel", id: "panel", role: "dialog", "aria-labelledby": "title" });
  panel.hidden = true;
  var header = el("div", { class: "header" });
  var title = el("h2", { class: "title", id: "title" }, "Support chat");
  var conn = el("span", { class: "conn", role: "status" });
  var closeBtn = el("button", { type: "button", class: "close", "aria-label": "Close the chat" }, "\u00d7");
  header.append(title, conn, closeBtn);
  // Privacy by design: say it is an AI, say what emotion analysis is for, let the visitor say no.
  var privacy = el("div", { class: "privacy" });
  var disclosure = el(
    "p",
    null,
    "You are chatting with an AI assistant. Messages are analysed for emotion to route you to the right help."
  );
  var privacyRow = el("div", { class: "row" });
  var consentLabel = el("label", { class: "consent" });
  var consentBox = el("input", { type: "checkbox", checked: "" });
  consentLabel.append(consentBox, el("span", null, "Emotion analysis"));
  var privacyLink = el(
    "a",
    { href: SCRIPT_URL.origin + "/privacy/", target: "_blank", rel: "noopener noreferrer" },
    "Privacy notice"
  );
  var exportBtn = el("button", { type: "button", class: "link" }, "Download my data");
  var eraseBtn = el("button", { type: "button", class: "link" }, "Delete my data");
  privacyRow.append(consentLabel, privacyLink, exportBtn, eraseBtn);
  privacy.append(disclosure, privacyRow);
  var log = el("div", {
    class: "log",
    role: "log",
    "aria-live": "polite",
    "aria-relevant": "additions",
    "aria-label": "Messages",
    tabindex: "0",
  });
  var typing = el("div", { class: "typing", "aria-live": "polite" }, "The assistant is typing\u2026");
  typing.hidden = true;
  // Place in the agent queue and the estimated wait (from `queue.updated` hints).
  var queueInfo = el("div", { class: "queue", "aria-live": "polite" });
  queueInfo.hidden = true;
  var errorBox = el("div", { class: "error", role: "alert" });
  errorBox.hidden = true;
  var actions = el("div", { class: "actions" });
  var humanBtn = el("button", { type: "button", class: "human" }, "Talk to a person");
  humanBtn.hidden = true;
  actions.append(humanBtn);
  var form = el("form", { class: "form", novalidate: "" });
  var inputLabel = el("label", { for: "input", class: "sr" }, "Your message");
  var input = el("textarea", {
    id: "input",
    class: "input",
    rows: "1",
    placeholder: "Type a message\u2026",
    autocomplete: "off",
    "aria-describedby": "hint",
  });
  var hint = el("span", { id: "hint", class: "sr" }, "Press Enter to send, Shift and Enter for a new line.");
  var sendBtn = el("button", { type: "submit", class: "send", "aria-label": "Send message" }, "Send");
  form.append(inputLabel, input, hint, sendBtn);
  panel.append(header, privacy, log, typing, queueInfo, errorBox, actions, form);
  root.append(launcher, panel);
  shadow.appendChild(root);

  // ---------------------------------------------------------------------------------------------
  // State
  // ---------------------------------------------------------------------------------------------
  var session = loadSession(); // {id, token} or null
  var lastSeq = 0; // highest event seq applied, contiguous
  var pendingEvents = new Map(); // seq -> event that arrived ahead of a gap
  var seenMessageIds = new Set();
  var byMessageId = new Map(); // server message id -> element
  var optimistic = new Map(); // client_message_id -> {el, text, messageId}
  var status = "bot";
  var socket = null;
  var socketWanted = false;
  var reconnectTimer = null;
  var stableTimer = null;
  var attempt = 0;
  var catchingUp = null;
  var typingTimer = null;
  var creating = null;
  var humanAvailable = false;
  var thread = null; // element holding the current conversation's messages
  var restartDelay = null; // ms, from the server's reconnect hint before a restart
  // Streamed replies: visitor message id -> {el, text, next, broken}; provisional bubbles grown by
  // message.delta hints and replaced by the stored message.created (the source of truth).
  var provisional = new Map();
  var answered = new Set(); // visitor message ids whose stored reply has arrived
  var provisionalTimer = null;

  function loadSession() {
    try {
      var raw = window.sessionStorage.getItem(STORAGE_KEY);
      var data = raw ? JSON.parse(raw) : null;
      if (data && typeof data.id === "string" && typeof data.token === "string") {
        return { id: data.id, token: data.token, open: !!data.open };
      }
    } catch (err) {
      // Storage can be disabled (private mode, sandboxed iframes); the chat still works.
    }
    return null;
  }

  function saveSession() {
    try {
      if (session) {
        window.sessionStorage.setItem(
          STORAGE_KEY,
          JSON.stringify({ id: session.id, token: session.token, open: !panel.hidden })
        );
      } else {
        window.sessionStorage.removeItem(STORAGE_KEY);
      }
    } catch (err) {
      // See loadSession.
    }
  }

  // ---------------------------------------------------------------------------------------------
  // HTTP
  // ---------------------------------------------------------------------------------------------
  function ApiError(status, message) {
    this.status = status;
    this.message = message;
  }

  function errorMessage(status, body) {
    if (body && typeof body === "object") {
      var candidates = [body.message, body.detail, body.error];
      if (body.error && typeof body.error === "object") {
        candidates.push(body.error.message, body.error.detail);
      }
      for (var i = 0; i < candidates.length; i++) {
        if (typeof candidates[i] === "string" && candidates[i]) {
          return candidates[i];
        }
      }
      var fields = body.errors || body;
      for (var key in fields) {
        var value = fields[key];
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

  function request(method, path, body, token) {
    var headers = { Accept: "application/json" };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
    }
    if (token) {
      headers.Authorization = "Bearer " + token;
    }
    var controller = typeof AbortController === "function" ? new AbortController() : null;
    var timer = controller
      ? setTimeout(function () {
          controller.abort();
        }, REQUEST_TIMEOUT_MS)
      : null;
    return fetch(API_BASE + path, {
      method: method,
      headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "omit",
      signal: controller ? controller.signal : undefined,
    })
      .catch(function () {
        throw new ApiError(0, "We could not reach the server. Check your connection and try again.");
      })
      .then(function (response) {
        return response
          .json()
          .catch(function () {
            return null;
          })
          .then(function (data) {
            if (!response.ok) {
              throw new ApiError(response.status, errorMessage(response.status, data));
            }
            return { status: response.status, data: data };
          });
      })
      .finally(function () {
        if (timer) {
          clearTimeout(timer);
        }
      });
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering
  // ---------------------------------------------------------------------------------------------
  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = false;
  }

  function clearError() {
    errorBox.textContent = "";
    errorBox.hidden = true;
  }

  function setConn(text) {
    conn.textContent = text;
  }

  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
  }

  // One thread element per conversation: seqs restart at 1 when a new conversation begins.
  function currentThread() {
    if (!thread) {
      thread = el("div", { class: "thread" });
      log.appendChild(thread);
    }
    return thread;
  }

  function insertBySeq(node, seq) {
    var target = currentThread();
    if (seq === null || seq === undefined) {
      target.appendChild(node);
      return;
    }
    node.setAttribute("data-seq", String(seq));
    var children = target.children;
    for (var i = 0; i < children.length; i++) {
      var other = children[i].getAttribute("data-seq");
      // Elements without a seq are unsent optimistic messages: always the newest.
      if (other === null || Number(other) > seq) {
        target.insertBefore(node, children[i]);
        return;
      }
    }
    target.appendChild(node);
  }

  function messageNode(sender, text) {
    var kind = owns(SENDER_LABELS, sender) ? sender : "system";
    var node = el("div", { class: "msg msg--" + kind, "data-sender": kind });
    node.appendChild(el("span", { class: "who" }, SENDER_LABELS[kind]));
    node.appendChild(el("p", { class: "text" }, text));
    return node;
  }

  function setState(node, text, withRetry) {
    var state = node.querySelector(".state");
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
      var retry = el("button", { type: "button", class: "retry" }, "Retry");
      retry.setAttribute("aria-label", "Retry sending this message");
      state.appendChild(retry);
      return retry;
    }
    return null;
  }

  // A note from an event sits at its seq; a local one right after everything known so far.
  function systemNote(text, seq) {
    var node = messageNode("system", text);
    if (seq === undefined || seq === null) {
      node.classList.add("msg--local");
      seq = lastSeq + 0.5;
    }
    insertBySeq(node, seq);
    scrollToEnd();
  }

  function renderMessage(message) {
    if (!message || message.id === undefined || message.id === null) {
      return;
    }
    var id = String(message.id);
    if (seenMessageIds.has(id)) {
      return; // duplicate delivery (socket replay, catch-up overlap, REST + socket)
    }
    if (message.sender === "visitor") {
      var match = adoptOptimistic(message);
      if (match) {
        return;
      }
    }
    seenMessageIds.add(id);
    if (message.sender === "bot" || message.sender === "agent") {
      if (message.reply_to !== undefined && message.reply_to !== null) {
        answered.add(String(message.reply_to));
      }
      // The stored reply replaces its provisional bubble; any other one is stale by now.
      clearProvisional();
    }
    var node = messageNode(message.sender, message.text);
    node.setAttribute("data-message-id", id);
    byMessageId.set(id, node);
    insertBySeq(node, message.seq);
    if (message.sender === "bot" || message.sender === "agent") {
      setTyping(false);
    }
    scrollToEnd();
  }

  // A visitor message can come back over the socket before its POST answers: pair it with the
  // optimistic bubble (by client_message_id when the server echoes it, else by identical text).
  function adoptOptimistic(message) {
    var entry = null;
    var key = message.client_message_id ? String(message.client_message_id) : null;
    if (key && optimistic.has(key)) {
      entry = optimistic.get(key);
    } else {
      optimistic.forEach(function (candidate, candidateKey) {
        if (!entry && !candidate.messageId && candidate.text === message.text) {
          entry = candidate;
          key = candidateKey;
        }
      });
    }
    if (!entry) {
      return false;
    }
    confirmOptimistic(key, message);
    return true;
  }

  function confirmOptimistic(clientId, message) {
    var entry = optimistic.get(clientId);
    if (!entry) {
      return;
    }
    var id = String(message.id);
    entry.messageId = id;
    optimistic.delete(clientId);
    seenMessageIds.add(id);
    byMessageId.set(id, entry.el);
    entry.el.classList.remove("msg--pending", "msg--failed");
    entry.el.setAttribute("data-message-id", id);
    setState(entry.el, "");
    entry.el.remove(); // it may sit in an ended conversation's thread (resent after a 404)
    insertBySeq(entry.el, message.seq);
    scrollToEnd();
  }

  function setTyping(on, sender) {
    if (typingTimer) {
      clearTimeout(typingTimer);
      typingTimer = null;
    }
    // While a person handles the chat the bot stays silent, so any typing is theirs.
    var isAgent = sender === "agent" || (!sender && status === "with_agent");
    typing.textContent = isAgent ? "Support agent is typing\u2026" : "The assistant is typing\u2026";
    typing.hidden = !on;
    if (on) {
      typingTimer = setTimeout(function () {
        typing.hidden = true;
      }, TYPING_TIMEOUT_MS);
    }
  }

  function setStatus(next, announce, seq) {
    if (!next || next === status) {
      return;
    }
    status = next;
    clearProvisional(); // a reply being streamed is not stored once the bot stops answering
    if (next !== "bot") {
      setTyping(false); // the bot will not answer now; only a person's typing shows from here
    }
    if (next !== "waiting_for_agent") {
      queueInfo.hidden = true;
    }
    if (announce && owns(STATUS_NOTES, next)) {
      systemNote(STATUS_NOTES[next], seq);
    }
    updateHumanButton();
  }

  // ---------------------------------------------------------------------------------------------
  // Events: applied strictly in seq order; a gap triggers a catch-up through REST.
  // ---------------------------------------------------------------------------------------------
  function eventSeq(event) {
    if (typeof event.seq === "number") {
      return event.seq;
    }
    if (event.message && typeof event.message.seq === "number") {
      return event.message.seq;
    }
    return null;
  }

  function handleEvent(event) {
    if (!event || typeof event !== "object") {
      return;
    }
    var seq = eventSeq(event);
    if (seq === null) {
      handleEphemeral(event);
      return;
    }
    if (seq <= lastSeq) {
      return;
    }
    if (seq > lastSeq + 1) {
      pendingEvents.set(seq, event);
      catchUp();
      return;
    }
    applyEvent(event);
    lastSeq = seq;
    drainPending();
  }

  function drainPending() {
    while (pendingEvents.has(lastSeq + 1)) {
      var next = pendingEvents.get(lastSeq + 1);
      pendingEvents.delete(lastSeq + 1);
      applyEvent(next);
      lastSeq += 1;
    }
    pendingEvents.forEach(function (_event, seq) {
      if (seq <= lastSeq) {
        pendingEvents.delete(seq);
      }
    });
  }

  function applyEvent(event) {
    if (event.type === "message.created") {
      renderMessage(event.message);
    } else if (event.type === "conversation.status_changed") {
      setStatus(event.status, true, eventSeq(event));
      if (event.status === "resolved") {
        offerFollowUp(event.csat, eventSeq(event));
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // After resolution: a 1-5 rating (csat "ask"), or only a gentle check-in after a crisis.
  // Servers that predate CSAT send no `csat`: nothing is offered.
  // ---------------------------------------------------------------------------------------------
  var csatForms = 0;

  function offerFollowUp(kind, seq) {
    if (kind === "check_in") {
      systemNote(CHECK_IN_TEXT, seq);
    } else if (kind === "ask" && session) {
      insertBySeq(csatForm(session.id, session.token), seq);
      scrollToEnd();
    }
  }

  function csatForm(conversationId, token) {
    csatForms += 1;
    var ids = { q: "csat-q-" + csatForms, c: "csat-c-" + csatForms };
    var chosen = 0;
    var box = el("form", { class: "csat", "aria-labelledby": ids.q, novalidate: "" });
    var question = el("p", { id: ids.q }, "How did we do? Rate this conversation from 1 (poor) to 5 (great).");
    var scores = el("div", { class: "scores", role: "group", "aria-labelledby": ids.q });
    var buttons = [1, 2, 3, 4, 5].map(function (n) {
      var button = el("button", { type: "button", class: "score", "aria-pressed": "false" }, String(n));
      button.setAttribute("aria-label", n + " out of 5");
      button.addEventListener("click", function () {
        chosen = n;
        buttons.forEach(function (other, i) {
          other.setAttribute("aria-pressed", i + 1 === n ? "true" : "false");
        });
      });
      scores.appendChild(button);
      return button;
    });
    var commentLabel = el("label", { for: ids.c }, "Anything you would like to add? (optional)");
    var comment = el("textarea", { id: ids.c, rows: "2", maxlength: String(CSAT_MAX_COMMENT) });
    var send = el("button", { type: "submit", class: "csat-send" }, "Send rating");
    var note = el("p", { class: "csat-status", role: "status" });
    box.append(question, scores, commentLabel, comment, send, note);
    box.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!chosen) {
        note.textContent = "Please choose a rating from 1 to 5.";
        return;
      }
      send.disabled = true;
      var body = { score: chosen };
      if (comment.value.trim()) {
        body.comment = comment.value.trim().slice(0, CSAT_MAX_COMMENT);
      }
      var path = "/conversations/" + encodeURIComponent(conversationId) + CSAT_PATH;
      request("POST", path, body, token)
        .then(function () {
          csatThanks(box);
        })
        .catch(function (err) {
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
    var thanks = messageNode("system", "Thank you for your feedback.");
    if (box.hasAttribute("data-seq")) {
      thanks.setAttribute("data-seq", box.getAttribute("data-seq"));
    }
    box.replaceWith(thanks);
  }

  function clearProvisional() {
    provisional.forEach(function (entry) {
      entry.el.remove();
    });
    provisional.clear();
    clearTimeout(provisionalTimer);
    provisionalTimer = null;
  }

  // One checked piece of a reply being streamed. Lost pieces are fine: the bubble stops growing
  // and the stored message replaces it; a reply that is never stored fades with the typing hint.
  function applyDelta(event) {
    if (typeof event.text !== "string" || event.reply_to === undefined || event.reply_to === null) {
      return;
    }
    var key = String(event.reply_to);
    if (answered.has(key)) {
      return;
    }
    var index = typeof event.index === "number" ? event.index : null;
    var entry = provisional.get(key);
    if (!entry) {
      if (index !== null && index !== 0) {
        return; // joined mid-stream: wait for the stored reply
      }
      var node = messageNode("bot", "");
      node.classList.add("msg--streaming");
      // Screen readers hear the stored reply once, not every piece of the provisional one.
      node.setAttribute("aria-hidden", "true");
      currentThread().appendChild(node);
      entry = { el: node, text: "", next: 0, broken: false };
      provisional.set(key, entry);
      setTyping(false);
    }
    if (entry.broken || (index !== null && index !== entry.next)) {
      entry.broken = true;
      return;
    }
    entry.next += 1;
    entry.text += event.text;
    entry.el.querySelector(".text").textContent = entry.text;
    clearTimeout(provisionalTimer);
    provisionalTimer = setTimeout(clearProvisional, TYPING_TIMEOUT_MS);
    scrollToEnd();
  }

  function handleEphemeral(event) {
    var type = String(event.type || "");
    if (type === "reconnect") {
      // The server is restarting and closes with 1012 next: come back after its jittered delay.
      var hinted = Number(event.retry_after_ms);
      restartDelay = isFinite(hinted) ? Math.min(Math.max(hinted, 0), RESTART_HINT_CAP_MS) : null;
      return;
    }
    if (type === "message.delta") {
      applyDelta(event);
      return;
    }
    if (type === "queue.updated") {
      showQueue(event.position, event.estimated_wait_seconds);
      return;
    }
    if (type.indexOf("typing") !== -1) {
      var on = event.is_typing !== undefined ? !!event.is_typing : event.typing !== false;
      setTyping(on, event.sender);
    }
  }

  function catchUp() {
    if (catchingUp || !session) {
      return catchingUp;
    }
    var from = lastSeq;
    var id = session.id;
    catchingUp = request(
      "GET",
      "/conversations/" + encodeURIComponent(id) + "/events?after=" + from,
      undefined,
      session.token
    )
      .then(function (result) {
        var events = (result.data && result.data.events) || [];
        events.sort(function (a, b) {
          return eventSeq(a) - eventSeq(b);
        });
        events.forEach(handleEvent);
        // The server had nothing to fill the hole with: it is not a hole, move past it.
        if (pendingEvents.size && !pendingEvents.has(lastSeq + 1)) {
          var lowest = Math.min.apply(null, Array.from(pendingEvents.keys()));
          lastSeq = lowest - 1;
          drainPending();
        }
      })
      .catch(function (err) {
        if (err.status === 404) {
          sessionLost();
        }
      })
      .finally(function () {
        catchingUp = null;
        if (pendingEvents.size) {
          setTimeout(catchUp, 1000);
        }
      });
    return catchingUp;
  }

  // ---------------------------------------------------------------------------------------------
  // Websocket with exponential backoff and full jitter; every (re)connect resumes after lastSeq.
  // ---------------------------------------------------------------------------------------------
  function connect() {
    if (!session || (socket && socket.readyState <= 1)) {
      return;
    }
    socketWanted = true;
    clearTimeout(reconnectTimer);
    reconnectTimer = null;
    var current = new WebSocket(WS_BASE + encodeURIComponent(session.id) + "/");
    socket = current;
    var token = session.token;
    current.onopen = function () {
      current.send(JSON.stringify({ type: "auth", token: token, after: lastSeq }));
      setConn("");
      clearTimeout(stableTimer);
      stableTimer = setTimeout(function () {
        attempt = 0;
      }, STABLE_SOCKET_MS);
    };
    current.onmessage = function (message) {
      var frame;
      try {
        frame = JSON.parse(message.data);
      } catch (err) {
        return;
      }
      var list = Array.isArray(frame) ? frame : frame && frame.events ? frame.events : [frame];
      list.forEach(handleEvent);
    };
    current.onclose = function (event) {
      clearTimeout(stableTimer);
      if (socket === current) {
        socket = null;
      }
      if (event.code === CLOSE_FORBIDDEN) {
        sessionLost();
        return;
      }
      if (socketWanted) {
        scheduleReconnect();
      }
    };
    current.onerror = function () {
      // onclose follows and decides; nothing to add here.
    };
  }

  function scheduleReconnect() {
    if (reconnectTimer || !session) {
      return;
    }
    var ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * Math.pow(2, attempt));
    var delay = Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
    if (restartDelay !== null) {
      delay = restartDelay; // a planned restart, not a failure: no backoff step
      restartDelay = null;
    } else {
      attempt += 1;
    }
    setConn("Reconnecting\u2026");
    // While the socket is down (proxy, network policy, restart) the stored log still answers
    // over plain HTTPS, at the same backoff pace, so a reply is not stuck behind the socket.
    catchUp();
    reconnectTimer = setTimeout(function () {
      reconnectTimer = null;
      connect();
    }, delay);
  }

  function reconnectNow() {
    if (!session || !socketWanted || (socket && socket.readyState <= 1)) {
      return;
    }
    clearTimeout(reconnectTimer);
    reconnectTimer = null;
    connect();
  }

  function disconnect() {
    socketWanted = false;
    clearTimeout(reconnectTimer);
    reconnectTimer = null;
    if (socket) {
      socket.close(1000);
      socket = null;
    }
  }

  // The token expired or the conversation is gone: forget it; the next message starts anew.
  function sessionLost(quiet) {
    disconnect();
    session = null;
    saveSession();
    lastSeq = 0;
    pendingEvents.clear();
    clearProvisional();
    answered.clear();
    thread = null;
    setTyping(false);
    updateHumanButton();
    setConn("");
    if (!quiet) {
      systemNote("This chat session has ended. Send a message to start a new conversation.");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Conversation and messages
  // ---------------------------------------------------------------------------------------------
  function ensureConversation() {
    if (session) {
      return Promise.resolve(session);
    }
    if (creating) {
      return creating;
    }
    var body = { site_key: SITE_KEY };
    var locale = script.getAttribute("data-locale") || document.documentElement.lang;
    if (locale) {
      body.locale = locale;
    }
    creating = request("POST", "/conversations", body)
      .then(function (result) {
        session = { id: String(result.data.id), token: String(result.data.token) };
        lastSeq = 0;
        saveSession();
        setStatus(result.data.status || "bot", false);
        connect();
        updateHumanButton();
        loadPrivacy();
        return session;
      })
      .finally(function () {
        creating = null;
      });
    return creating;
  }

  function newClientId() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") {
      return window.crypto.randomUUID();
    }
    // randomUUID needs a secure context; plain-http pages still get an RFC 4122 v4 id.
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.from(bytes, function (b) {
      return (b + 256).toString(16).slice(1);
    }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  function sendMessage(text) {
    clearError();
    var clientId = newClientId();
    var node = messageNode("visitor", text);
    node.classList.add("msg--pending");
    node.setAttribute("data-client-id", clientId);
    currentThread().appendChild(node);
    setState(node, "Sending\u2026");
    optimistic.set(clientId, { el: node, text: text, messageId: null });
    scrollToEnd();
    deliver(clientId, text, true);
  }

  function deliver(clientId, text, mayRestart) {
    var entry = optimistic.get(clientId);
    if (!entry) {
      return;
    }
    entry.el.classList.remove("msg--failed");
    entry.el.classList.add("msg--pending");
    setState(entry.el, "Sending\u2026");
    if (status === "bot") {
      setTyping(true);
    }
    ensureConversation()
      .then(function (current) {
        return request(
          "POST",
          "/conversations/" + encodeURIComponent(current.id) + "/messages",
          { client_message_id: clientId, text: text },
          current.token
        );
      })
      .then(function (result) {
        confirmOptimistic(clientId, result.data);
        if (!socket) {
          reconnectNow();
        }
      })
      .catch(function (err) {
        if ((err.status === 404 || err.status === 409) && session && mayRestart) {
          // Expired token, forgotten (404) or closed (409) conversation: start a new one and
          // send once more; the stored transcript of the old one stays on the server.
          sessionLost(true);
          systemNote("Starting a new conversation.");
          deliver(clientId, text, false);
          return;
        }
        setTyping(false);
        var message = err instanceof ApiError ? err.message : "Something went wrong. Please try again.";
        showError(message);
        var current = optimistic.get(clientId);
        if (current) {
          current.el.classList.remove("msg--pending");
          current.el.classList.add("msg--failed");
          var retry = setState(current.el, "Not sent.", true);
          retry.addEventListener("click", function () {
            deliver(clientId, text, true);
          });
        }
      });
  }

  // ---------------------------------------------------------------------------------------------
  // "Talk to a person": shown only when the server offers the endpoint for this conversation.
  // ---------------------------------------------------------------------------------------------
  // Shown only when the site's widget config offers it (the escalation API adds the feature
  // and POST .../request-human); probing the URL proves nothing, as every widget path answers.
  function showQueue(position, waitSeconds) {
    var place = Number(position);
    var wait = Number(waitSeconds);
    if (status !== "waiting_for_agent" || !isFinite(place) || place < 1) {
      return;
    }
    var minutes = isFinite(wait) && wait > 0 ? Math.max(1, Math.round(wait / 60)) : 0;
    var eta = minutes ? ", about " + minutes + (minutes === 1 ? " minute" : " minutes") : "";
    queueInfo.textContent = "You are number " + Math.floor(place) + " in the queue" + eta + ".";
    queueInfo.hidden = false;
  }

  function updateHumanButton() {
    humanBtn.hidden = !(session && humanAvailable && status === "bot");
  }

  function requestHuman() {
    if (!session) {
      return;
    }
    clearError();
    humanBtn.disabled = true;
    request(
      "POST",
      "/conversations/" + encodeURIComponent(session.id) + HUMAN_PATH,
      {},
      session.token
    )
      .then(function (result) {
        var next = result.data && result.data.status;
        setStatus(next || "waiting_for_agent", !!next);
        if (!next) {
          systemNote(STATUS_NOTES.waiting_for_agent);
        }
        var data = result.data || {};
        showQueue(data.queue_position, data.estimated_wait_seconds);
      })
      .catch(function (err) {
        showError(err instanceof ApiError ? err.message : "Something went wrong. Please try again.");
      })
      .finally(function () {
        humanBtn.disabled = false;
        updateHumanButton();
      });
  }

  // ---------------------------------------------------------------------------------------------
  // Panel and input wiring
  // ---------------------------------------------------------------------------------------------
  // ---------------------------------------------------------------------------------------------
  // Privacy: emotion-analysis consent, export and erasure of the visitor's own data
  // ---------------------------------------------------------------------------------------------
  var wantedConsent = null; // a choice made before the conversation existed

  function loadPrivacy() {
    if (!session) {
      return;
    }
    request("GET", "/me", undefined, session.token)
      .then(function (result) {
        if (wantedConsent !== null && wantedConsent !== result.data.emotion_analysis) {
          setConsent(wantedConsent);
          return;
        }
        consentBox.checked = result.data.emotion_analysis === true;
      })
      .catch(function () {});
  }

  function setConsent(on) {
    wantedConsent = on;
    if (!session) {
      return;
    }
    request("PATCH", "/me", { emotion_analysis: on }, session.token)
      .then(function (result) {
        wantedConsent = null;
        consentBox.checked = result.data.emotion_analysis === true;
      })
      .catch(function (err) {
        consentBox.checked = !on;
        showError(err.message);
      });
  }

  function downloadData() {
    if (!session) {
      showError("Nothing is stored about you yet.");
      return;
    }
    request("GET", "/me/export", undefined, session.token)
      .then(function (result) {
        var blob = new Blob([JSON.stringify(result.data, null, 2)], { type: "application/json" });
        var url = URL.createObjectURL(blob);
        var link = el("a", { href: url, download: "my-data.json" });
        shadow.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () {
          URL.revokeObjectURL(url);
        }, 1000);
      })
      .catch(function (err) {
        showError(err.message);
      });
  }

  function eraseData() {
    if (!session) {
      showError("Nothing is stored about you yet.");
      return;
    }
    if (!window.confirm("Delete your messages and everything stored about you? This cannot be undone.")) {
      return;
    }
    request("DELETE", "/me", undefined, session.token)
      .then(function () {
        if (thread) {
          thread.remove();
        }
        sessionLost(true);
        systemNote("Your data has been deleted.");
      })
      .catch(function (err) {
        showError(err.message);
      });
  }

  consentBox.addEventListener("change", function () {
    setConsent(consentBox.checked);
  });
  exportBtn.addEventListener("click", downloadData);
  eraseBtn.addEventListener("click", eraseData);

  var configLoaded = false;

  // The site's display name for the header; a failure here must not stop the chat.
  function loadConfig() {
    if (configLoaded) {
      return;
    }
    configLoaded = true;
    request("GET", "/config?site_key=" + encodeURIComponent(SITE_KEY))
      .then(function (result) {
        var data = result.data || {};
        if (typeof data.name === "string" && data.name) {
          title.textContent = data.name;
        }
        humanAvailable = !!(data.features && data.features.request_human === true);
        updateHumanButton();
      })
      .catch(function (err) {
        if (err.status === 404 || err.status === 403) {
          showError("This chat is not available on this page.");
        }
      });
  }

  function openPanel() {
    loadConfig();
    panel.hidden = false;
    root.classList.add("is-open");
    launcher.setAttribute("aria-expanded", "true");
    saveSession();
    if (session) {
      connect();
      loadPrivacy();
    }
    scrollToEnd();
    input.focus();
  }

  function closePanel() {
    panel.hidden = true;
    root.classList.remove("is-open");
    launcher.setAttribute("aria-expanded", "false");
    saveSession();
    launcher.focus();
  }

  function submit() {
    var text = input.value.trim();
    if (!text) {
      return;
    }
    // Count code points like the server does (an emoji is one character, two UTF-16 units).
    var length = Array.from(text).length;
    if (length > MAX_TEXT) {
      showError("Your message is too long (" + length + " characters, at most " + MAX_TEXT + ").");
      return;
    }
    input.value = "";
    sendMessage(text);
  }

  launcher.addEventListener("click", openPanel);
  closeBtn.addEventListener("click", closePanel);
  humanBtn.addEventListener("click", requestHuman);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    submit();
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      closePanel();
    }
  });
  window.addEventListener("online", reconnectNow);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") {
      reconnectNow();
    }
  });

  function mount() {
    document.body.appendChild(host);
    if (session) {
      // A reload resumes the stored conversation: the socket replays every event after seq 0.
      var wasOpen = session.open;
      connect();
      loadConfig();
      if (wasOpen) {
        openPanel();
      }
    }
  }

  if (document.body) {
    mount();
  } else {
    document.addEventListener("DOMContentLoaded", mount);
  }
})();

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

import { createSocket } from "../shared/socket.js";
import { createRequest } from "./api.js";
import { BACKOFF, CLOSE_FORBIDDEN, findScript, readConfig } from "./config.js";
import { catchUp, frameEvents, handleEvent } from "./events.js";
import { loadConfig, openPanel, wirePanel } from "./panel.js";
import { loadPrivacy, wirePrivacy } from "./privacy.js";
import { setConn } from "./render.js";
import { loadSession, saveSession, sessionLost, sessionReset, sharedSession } from "./session.js";
import { createState } from "./state.js";
import { updateHumanButton } from "./status.js";
import { buildView } from "./view.js";

// The conversation's websocket: every (re)connect resumes after lastSeq; while it is down the
// stored log still answers over plain HTTPS, at the same backoff pace, so a reply is not stuck
// behind the socket (proxy, network policy, restart).
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
    },
  });
}

// Another tab of this site started a new conversation (or the first one): show that one here
// too, below what this tab already shows.
function followOtherTabs(app) {
  window.addEventListener("storage", (event) => {
    if (event.key !== app.config.storageKey) {
      return;
    }
    const shared = sharedSession(app);
    const { state } = app;
    if (!shared || (state.session && state.session.id === shared.id)) {
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
    // A reload resumes the stored conversation: the socket replays every event after seq 0.
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
    socket: null,
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

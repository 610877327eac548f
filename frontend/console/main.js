/* Empathy Desk agent console: live queue and conversation view.
 *
 * Safety: every string that came from a visitor (or any server field) is put into the page with
 * textContent / createTextNode, never innerHTML. The page's CSP forbids inline scripts.
 * Liveness: the agent websocket is a hint. On (re)connect and on every hint the client
 * re-reads the console API, so a lost push is never a lost escalation or message.
 */

import { byId } from "../shared/dom.js";
import { wireAgentStatus } from "./agent.js";
import { createApi } from "./api.js";
import { conversationPage } from "./conversation/page.js";
import { followUpsPanel } from "./followups.js";
import { liveSocket } from "./live.js";
import { queuePage } from "./queue.js";

function start() {
  const cfgEl = byId("config");
  if (!cfgEl) {
    return;
  }
  const csrfInput = document.querySelector("input[name=csrfmiddlewaretoken]");
  const app = {
    cfg: cfgEl.dataset,
    api: createApi(csrfInput ? csrfInput.value : ""),
    handlers: [], // called with every pushed event
    onReconnect: [], // called on every (re)connect
    socket: null,
    me: 0, // the agent's user id (set by the page)
    state: null, // the page's state (set by the page)
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

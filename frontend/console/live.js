// The agent websocket is a hint: on every (re)connect and every hint the pages re-read the
// console API, so a lost push is never a lost escalation or message.

import { byId } from "../shared/dom.js";
import { createSocket, restartHintDelay } from "../shared/socket.js";

// Reconnect backoff: 1 s doubling up to 15 s, plus up to 0.3 s at random; an open socket
// starts the steps again.
export const BACKOFF = { baseMs: 1000, capMs: 15000, jitter: 300, stableMs: 0 };

function setConn(state, text) {
  const conn = byId("conn");
  if (!conn) {
    return;
  }
  conn.setAttribute("data-state", state);
  conn.textContent = text;
}

// app.handlers get every pushed event; app.onReconnect run on every (re)connect.
export function liveSocket(app) {
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
        // The server restarts and closes with 1012 next: come back after its jittered delay.
        socket.planRestart(restartHintDelay(data.retry_after_ms));
        return;
      }
      app.handlers.forEach((fn) => fn(data));
    },
    onClose() {
      setConn("down", "Reconnecting\u2026");
    },
  });
  return socket;
}

// The conversation page: re-read the console API on every hint for this conversation, and
// every 5 s while the socket is down.

import { byId } from "../../shared/dom.js";
import { banner, whileDown } from "../api.js";
import { timelineChart } from "../timeline.js";
import { wireActions } from "./actions.js";
import { renderActions, renderAlerts, renderNotes, renderTranscript } from "./render.js";
import { loadSimilar, loadSuggestions } from "./side.js";

const REFRESH_DELAY_MS = 250;
const SAFETY_NET_MS = 5000;

// The seq of the newest visitor message, or null: new suggestions are due when it changes.
export function newestVisitorSeq(transcript) {
  const seqs = transcript.filter((m) => m.sender === "visitor").map((m) => m.seq);
  return seqs.length ? seqs[seqs.length - 1] : null;
}

export function conversationPage(app) {
  const transcript = byId("transcript");
  app.me = Number(byId("agent").dataset.userId);
  app.state = {
    detail: null, // the last console API answer
    lastVisitorSeq: null,
    refreshTimer: null,
    resolveArmed: 0, // when the first of the two presses that resolve came
  };
  const { state } = app;

  function refresh() {
    return app
      .api("GET", app.cfg.conversationApi)
      .then((data) => {
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
      })
      .catch((err) => {
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
    const cid = event.conversation_id || (event.escalation && event.escalation.conversation_id);
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

// The agent's own status (online/away) and load in the top bar.

import { byId } from "../shared/dom.js";
import { banner } from "./api.js";

export function renderAgent(agent) {
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

export function wireAgentStatus(app) {
  const statusSelect = byId("agent-status");
  if (!statusSelect) {
    return;
  }
  statusSelect.addEventListener("change", () => {
    app
      .api("POST", app.cfg.agentApi, { status: statusSelect.value })
      .then(renderAgent)
      .catch((err) => {
        banner(err.message, "error");
      });
  });
}

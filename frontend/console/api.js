// HTTP to the console API (session cookie + CSRF header) and the page's banner.

import { byId } from "../shared/dom.js";

export function createApi(csrf) {
  return function api(method, url, body) {
    const options = {
      method,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.headers["X-CSRFToken"] = csrf;
      options.body = JSON.stringify(body);
    } else if (method !== "GET") {
      options.headers["X-CSRFToken"] = csrf;
    }
    return fetch(url, options).then((response) =>
      response
        .json()
        .catch(() => ({}))
        .then((data) => {
          if (data && data.error === "not_authenticated") {
            // The session ended: sign in again, then come back here.
            window.location.assign("/console/login/?next=" + encodeURIComponent(window.location.pathname));
          }
          if (!response.ok) {
            const error = new Error((data && data.message) || "Request failed (" + response.status + ")");
            error.status = response.status;
            throw error;
          }
          return data;
        })
    );
  };
}

export function banner(text, kind) {
  const node = byId("banner");
  if (!node) {
    return;
  }
  node.textContent = text;
  node.className = "banner" + (kind ? " banner--" + kind : "");
  node.hidden = !text;
}

export function claim(app, escalationId) {
  return app.api("POST", app.cfg.agentRest + "escalations/" + escalationId + "/claim", {});
}

export function conversationUrl(app, id) {
  return app.cfg.conversationPage.replace("00000000-0000-0000-0000-000000000000", id);
}

// Every `interval` ms while the socket is down (a Redis outage), `fn` reads the API anyway.
export function whileDown(app, fn, interval) {
  window.setInterval(() => {
    if (!app.socket.isOpen()) {
      fn();
    }
  }, interval);
}

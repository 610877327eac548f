// A websocket that reconnects with exponential backoff, shared by the widget and the console.
// The pure parts (the backoff step, the restart hint) are exported for the unit tests.

const OPEN = 1; // WebSocket.OPEN; CONNECTING is 0

// A server restart's `{type: "reconnect", retry_after_ms}` hint is obeyed up to this long.
export const RESTART_HINT_CAP_MS = 60000;

// The delay before reconnect number `attempt` (0 for the first after a good connection).
// The step doubles from baseMs up to capMs. jitter "equal": half the step is fixed and half
// random; a number: that many random milliseconds are added to the full step.
export function backoffDelay(attempt, policy, random = Math.random) {
  const ceiling = Math.min(policy.capMs, policy.baseMs * Math.pow(2, attempt));
  if (policy.jitter === "equal") {
    return Math.round(ceiling / 2 + random() * (ceiling / 2));
  }
  return ceiling + Math.floor(random() * policy.jitter);
}

// The delay a restart hint asks for (clamped to 0..cap ms), or null when it names none.
export function restartHintDelay(value, capMs = RESTART_HINT_CAP_MS) {
  const hinted = Number(value);
  return isFinite(hinted) ? Math.min(Math.max(hinted, 0), capMs) : null;
}

// Parsed JSON of a frame, or undefined when it is not JSON.
export function parseFrame(data) {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

/**
 * One reconnecting websocket.
 *
 * options:
 *   url()              the address to open, asked on every connect
 *   policy             {baseMs, capMs, jitter, stableMs}: the backoff (see backoffDelay); the
 *                      step count starts again once a socket has stayed open stableMs (0: at once)
 *   canConnect()       false while there is nothing to connect for (no reconnect is planned)
 *   onConnecting()     a socket was created
 *   onOpen(ws)         it opened
 *   onFrame(data)      a frame's parsed JSON (frames that are not JSON are dropped)
 *   onClose(event)     it closed; a reconnect follows unless disconnect() was called
 *   onRetry(delay)     a reconnect is planned in `delay` ms
 *   WebSocket, random  stand-ins for tests
 */
export function createSocket(options) {
  const policy = options.policy;
  const canConnect = options.canConnect || (() => true);
  const random = options.random || Math.random;
  const state = {
    ws: null,
    wanted: false,
    retryTimer: null,
    stableTimer: null,
    attempt: 0,
    restartDelay: null, // ms, from the server's reconnect hint before a restart
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
      if (data !== undefined) {
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
      // onclose follows and decides; nothing to add here.
    };
  }

  function scheduleReconnect() {
    if (state.retryTimer || !canConnect()) {
      return;
    }
    let delay;
    if (state.restartDelay !== null) {
      delay = state.restartDelay; // a planned restart, not a failure: no backoff step
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

  // Back online or visible again: skip the wait for a socket that is down.
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
      state.ws.close(1000);
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
    },
  };
}

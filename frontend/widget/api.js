// HTTP to the widget API: JSON in and out, the token in the Authorization header, a timeout.

import { REQUEST_TIMEOUT_MS } from "./config.js";

export class ApiError {
  constructor(status, message, code) {
    this.status = status;
    this.message = message;
    this.code = code || ""; // the server's machine-readable `error`, when it sent one
  }
}

export function errorCode(body) {
  return body && typeof body === "object" && typeof body.error === "string" ? body.error : "";
}

// The message to show for a failed request: the server's own words when it sent any.
export function errorMessage(status, body) {
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

// request(method, path, body?, token?) -> Promise<{status, data}>, rejecting with an ApiError.
export function createRequest(apiBase) {
  return function request(method, path, body, token) {
    const headers = { Accept: "application/json" };
    if (body !== undefined) {
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
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "omit",
      signal: controller ? controller.signal : undefined,
    })
      .catch(() => {
        throw new ApiError(0, "We could not reach the server. Check your connection and try again.");
      })
      .then((response) =>
        response
          .json()
          .catch(() => null)
          .then((data) => {
            if (!response.ok) {
              throw new ApiError(response.status, errorMessage(response.status, data), errorCode(data));
            }
            return { status: response.status, data };
          })
      )
      .finally(() => {
        if (timer) {
          clearTimeout(timer);
        }
      });
  };
}

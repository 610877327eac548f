// The widget's fixed texts and limits, and what it reads from its own <script> tag.

export const MAX_TEXT = 4000;
export const REQUEST_TIMEOUT_MS = 15000;
export const TYPING_TIMEOUT_MS = 45000;
export const CLOSE_FORBIDDEN = 4003;
// Reconnect backoff: 0.5 s doubling up to 15 s, half of each step random; a socket that stayed
// open 3 s starts the steps again.
export const BACKOFF = { baseMs: 500, capMs: 15000, jitter: "equal", stableMs: 3000 };
// Added by the escalation work (see updateHumanButton).
export const HUMAN_PATH = "/request-human";
// CSAT after a resolved conversation.
export const CSAT_PATH = "/csat";
export const CSAT_MAX_COMMENT = 1000;
// Ending the chat from the widget, leaving an address when nobody is online, and the
// "Did this answer your question?" verdict on a help-center answer.
export const END_PATH = "/end";
export const CONTACT_PATH = "/contact";
export const FEEDBACK_PATH = "/feedback";
export const OFFLINE_TEXT =
  "Nobody from our team is online right now. Leave your email address and we will write to you " +
  "as soon as someone is back.";
export const CHECK_IN_TEXT =
  "Thank you for reaching out today; we are glad you talked with us. " +
  "If things feel hard again, you can start a new conversation here at any time, " +
  "and if you are in immediate danger, please call your local emergency number.";

export const STATUS_NOTES = {
  bot: "You are chatting with our assistant again.",
  // Neutral on purpose: whether someone can come now is said separately (queue place or offline).
  waiting_for_agent: "Your conversation has been passed to our team.",
  with_agent: "A person from our team has joined the conversation.",
  resolved: "This conversation has been marked as resolved.",
};
export const SENDER_LABELS = { visitor: "You", bot: "Assistant", agent: "Support agent", system: "Notice" };
export const GENERIC_ERROR = "Something went wrong. Please try again.";

// The embedding <script data-site-key="KEY">, or null.
export function findScript() {
  return document.currentScript || document.querySelector('script[data-site-key][src*="widget.js"]');
}

// Addresses derived from the script's own URL: the API lives where the widget is served from,
// not on the host page.
export function readConfig(script, siteKey) {
  const scriptUrl = new URL(script.src, document.baseURI);
  // Websocket scheme follows the page (a secure page may not open ws://) and the script's own
  // origin.
  const wsScheme = location.protocol === "https:" || scriptUrl.protocol === "https:" ? "wss:" : "ws:";
  return {
    script,
    siteKey,
    origin: scriptUrl.origin,
    apiBase: scriptUrl.origin + "/api/v1/widget",
    wsBase: wsScheme + "//" + scriptUrl.host + "/ws/widget/conversations/",
    storageKey: "empathy-desk:" + scriptUrl.origin + ":" + siteKey,
  };
}

// The conversation's language: the script's data-locale, else the page's lang.
export function pageLocale(config) {
  return config.script.getAttribute("data-locale") || document.documentElement.lang;
}

// Labels and number formats for the console; pure.

export const URGENCY_RANK = { critical: 0, high: 1, medium: 2, low: 3 };
export const REASONS = {
  crisis_indicators: "Crisis indicators",
  high_emotional_intensity: "High emotional intensity",
  repeated_frustration: "Repeated frustration",
  complex_inquiry: "Complex inquiry",
  user_request: "Asked for a person",
  ai_confidence_low: "AI unsure of emotion",
  ai_failures: "AI failed to answer",
};

export function reasonText(reason) {
  return REASONS[reason] || reason;
}

// A crisis concern is a review: the assistant still answers until the agent writes.
export function reasonLabel(esc) {
  if (esc.crisis_level === "concern") {
    return "Crisis concern (review)";
  }
  return reasonText(esc.reason);
}

export function pct(x) {
  return Math.round((Number(x) || 0) * 100) + "%";
}

export function duration(seconds) {
  const s = Math.max(0, Math.floor(Math.abs(seconds)));
  const m = Math.floor(s / 60);
  const h = Math.floor(m / 60);
  if (h) {
    return h + "h " + (m % 60) + "m";
  }
  if (m) {
    return m + "m " + (s % 60) + "s";
  }
  return s + "s";
}

// Keyboard shortcuts stay out of the way while the agent types in a field.
export function isTyping(target) {
  return (
    target &&
    (target.tagName === "TEXTAREA" ||
      target.tagName === "INPUT" ||
      target.tagName === "SELECT" ||
      target.isContentEditable)
  );
}

// A single-letter shortcut: no modifier held and not typing in a field.
export function isShortcut(event) {
  return !(isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey);
}

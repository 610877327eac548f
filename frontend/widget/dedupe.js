// One bubble per message: the same message can come over the socket, a socket replay, a REST
// catch-up and the POST answer. Pure functions over the widget's bookkeeping.

// The id a message is known by, or null when it has none (it is not shown then).
export function messageKey(message) {
  if (!message || message.id === undefined || message.id === null) {
    return null;
  }
  return String(message.id);
}

// A visitor message can come back over the socket before its POST answers: the key of its
// optimistic bubble, by client_message_id when the server echoes it, else the first unconfirmed
// bubble with identical text; null when none matches.
export function matchOptimistic(optimistic, message) {
  const key = message.client_message_id ? String(message.client_message_id) : null;
  if (key && optimistic.has(key)) {
    return key;
  }
  for (const [candidateKey, candidate] of optimistic) {
    if (!candidate.messageId && candidate.text === message.text) {
      return candidateKey;
    }
  }
  return null;
}

// What to do with an incoming stored message:
//   {kind: "invalid"}                  no id: ignore it
//   {kind: "duplicate", id}            shown already
//   {kind: "optimistic", id, key}      confirms the optimistic bubble under client key `key`
//   {kind: "new", id}                  render it
export function classifyMessage(seen, optimistic, message) {
  const id = messageKey(message);
  if (id === null) {
    return { kind: "invalid" };
  }
  if (seen.has(id)) {
    return { kind: "duplicate", id };
  }
  if (message.sender === "visitor") {
    const key = matchOptimistic(optimistic, message);
    if (key !== null) {
      return { kind: "optimistic", id, key };
    }
  }
  return { kind: "new", id };
}

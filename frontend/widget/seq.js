// Conversation events carry a seq (1, 2, 3, ... per conversation). They are applied strictly in
// seq order, each once; one that arrives ahead of a gap waits until the gap is filled (a
// catch-up through REST) or found to be no gap at all. Pure functions: state in, state out.

// {lastSeq: highest seq applied with none missing below it, pending: Map seq -> event}
export function createSeqState() {
  return { lastSeq: 0, pending: new Map() };
}

// An event's seq, its message's for message events, or null for hints that have none.
export function eventSeq(event) {
  if (typeof event.seq === "number") {
    return event.seq;
  }
  if (event.message && typeof event.message.seq === "number") {
    return event.message.seq;
  }
  return null;
}

export function compareBySeq(a, b) {
  return eventSeq(a) - eventSeq(b);
}

// Apply every pending event that follows lastSeq; forget pending ones at or below it.
function drain(lastSeq, pending, ready) {
  const left = new Map(pending);
  let last = lastSeq;
  while (left.has(last + 1)) {
    ready.push(left.get(last + 1));
    left.delete(last + 1);
    last += 1;
  }
  left.forEach((_event, seq) => {
    if (seq <= last) {
      left.delete(seq);
    }
  });
  return { state: { lastSeq: last, pending: left }, ready, gap: false };
}

// One event with a seq arrives. Returns {state, ready, gap}: the next state, the events to apply
// now in order, and whether a gap opened (the caller fetches what it missed).
export function receiveEvent(state, event) {
  const seq = eventSeq(event);
  if (seq === null || seq <= state.lastSeq) {
    return { state, ready: [], gap: false }; // a duplicate (socket replay, catch-up overlap)
  }
  if (seq > state.lastSeq + 1) {
    const pending = new Map(state.pending);
    pending.set(seq, event);
    return { state: { lastSeq: state.lastSeq, pending }, ready: [], gap: true };
  }
  return drain(seq, state.pending, [event]);
}

// After a catch-up: when the server had nothing to fill the hole with, it is not a hole; move
// past it to the lowest pending event.
export function skipUnfilledGap(state) {
  if (!state.pending.size || state.pending.has(state.lastSeq + 1)) {
    return { state, ready: [], gap: false };
  }
  const lowest = Math.min(...state.pending.keys());
  return drain(lowest - 1, state.pending, []);
}

// Where an element with this seq goes among siblings whose data-seq values are `seqs` (null for
// an unsent optimistic message, which is always the newest): before the first later one.
export function insertionIndex(seqs, seq) {
  for (let i = 0; i < seqs.length; i++) {
    if (seqs[i] === null || Number(seqs[i]) > seq) {
      return i;
    }
  }
  return seqs.length;
}

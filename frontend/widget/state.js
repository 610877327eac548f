// The widget's one mutable state object. The socket's own state lives in shared/socket.js.

import { createSeqState } from "./seq.js";

export function createState(session) {
  return {
    session, // {id, token, open} or null
    seq: createSeqState(), // {lastSeq, pending}: events applied in seq order (see seq.js)
    seenMessageIds: new Set(),
    byMessageId: new Map(), // server message id -> element
    optimistic: new Map(), // client_message_id -> {el, text, messageId}
    status: "bot",
    catchingUp: null, // the events?after= request in flight
    typingTimer: null,
    creating: null, // the POST /conversations in flight
    humanAvailable: false,
    thread: null, // element holding the current conversation's messages
    // Streamed replies: visitor message id -> {el, text, next, broken}; provisional bubbles
    // grown by message.delta hints and replaced by the stored message.created (the source of
    // truth).
    provisional: new Map(),
    answered: new Set(), // visitor message ids whose stored reply has arrived
    provisionalTimer: null,
    wantedConsent: null, // an emotion-analysis choice made before the conversation existed
    configLoaded: false,
    csatForms: 0,
    contactForms: 0,
    lostId: null, // the conversation just forgotten (see saveSession)
    previousToken: null, // the token of the conversation a new one continues (after resolve)
    crisisNotice: false, // a crisis notice is showing: the chat cannot be ended from here
    offline: false, // nobody from the team can come now (request-human said so)
    confirmingEnd: false, // the "End chat" control is asking "are you sure?"
  };
}

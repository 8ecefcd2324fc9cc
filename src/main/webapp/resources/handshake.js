// How a page reads a /meta/handshake reply. A reply without an error is a transport failure (the
// request did not reach the server or timed out, or WebSocket was refused and CometD falls back to
// long-polling); CometD then handshakes again by itself, so the page waits for that attempt instead
// of giving up. Only an answer of the server with an error (403::handshake_denied and the like), or
// too many failures in a row, is final.

const MAX_TRANSPORT_FAILURES = 5;

/**
 * Calls onOpen(reply) on every successful handshake, onRefused(message) once when the handshake is
 * refused for good (the session is then disconnected), and onRetry() on a failure CometD retries.
 */
export function watchHandshake(cometd, {onOpen, onRefused, onRetry = () => {}}) {
  let failures = 0;
  let refused = false;
  cometd.addListener("/meta/handshake", (reply) => {
    if (reply.successful) {
      failures = 0;
      onOpen(reply);
      return;
    }
    if (refused) {
      return;
    }
    failures += 1;
    const final = reply.error || reply.advice?.reconnect === "none" || failures >= MAX_TRANSPORT_FAILURES;
    if (!final) {
      onRetry();
      return;
    }
    refused = true;
    cometd.disconnect();
    onRefused(reply.error || "the server could not be reached");
  });
}

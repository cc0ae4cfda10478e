/**
 * Lets the requests that arrived meanwhile run, then goes on: background work on the server's
 * one event loop (the round's steps, a forecast per site, a batch of messages) takes turns
 * with the API instead of holding it for its whole length (issue 19).
 */
export function yieldToRequests(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Lets the requests that arrived meanwhile run, then goes on: background work on the server's
 * one event loop (the round's steps, a forecast per site, a batch of messages) takes turns
 * with the API instead of holding it for its whole length (issue 19).
 */
export function yieldToRequests(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export type FairShareOptions = {
  /** The part of the event loop the work may take while requests keep it busy (0 < share < 1). */
  share: number;
  /** The shortest turn: what the work gets when the loop is idle, or requests take little. */
  minSliceMs: number;
  /** The longest turn: how long a request that arrives meanwhile may wait for it. */
  maxSliceMs: number;
  now?: () => number;
  yieldTurn?: () => Promise<void>;
};

/**
 * Turn-taking for background work that must keep up, such as the outbox: the pickup code
 * is in the message. A fixed turn of a few milliseconds per event-loop turn starves it under
 * load, because the loop's turn grows with the requests waiting (at bench:load's peak the
 * outbox sent almost nothing and its backlog grew by hundreds a second). So each turn lasts
 * in proportion to how long the requests held the loop before it, which gives the work
 * `share` of the loop when requests keep it busy, and `minSliceMs` turns when they do not.
 */
export class FairShare {
  private readonly now: () => number;
  private readonly yieldTurn: () => Promise<void>;
  private sliceStart: number;
  private sliceMs: number;

  constructor(private readonly options: FairShareOptions) {
    this.now = options.now ?? (() => performance.now());
    this.yieldTurn = options.yieldTurn ?? yieldToRequests;
    this.sliceStart = this.now();
    this.sliceMs = options.minSliceMs;
  }

  /** How long the current turn may last, in milliseconds. */
  get turnMs(): number {
    return this.sliceMs;
  }

  /** Between two units of work: lets requests run once this turn is used up. */
  async pause(): Promise<void> {
    if (this.now() - this.sliceStart < this.sliceMs) return;
    await this.waitFor(this.yieldTurn);
  }

  /** Waits for what `start` starts (a commit, I/O); the requests that ran meanwhile count as a turn given away. */
  async waitFor<T>(start: () => Promise<T>): Promise<T> {
    const left = this.now();
    try {
      return await start();
    } finally {
      this.startTurn(this.now() - left);
    }
  }

  private startTurn(awayMs: number): void {
    const { share, minSliceMs, maxSliceMs } = this.options;
    this.sliceMs = Math.max(minSliceMs, Math.min(maxSliceMs, (awayMs * share) / (1 - share)));
    this.sliceStart = this.now();
  }
}

import { domain } from "./domain";

/**
 * Runs one round of the server's housekeeping now — the parcel sweep, then delivery of
 * every message due (verbs/setup.ts) — instead of waiting for the server's 10-second timer.
 */
export async function runBackgroundRound(): Promise<void> {
  await domain("round", undefined);
}

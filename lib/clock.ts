import "server-only";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

/*
 * The server's clock: what every request's ctx.now is. Normally Date.now. Only when
 * TEST_CLOCK=true (set by scripts/e2e-server.mjs, never by default) it adds an offset
 * kept in a small file beside the database, so the browser journeys move time — past a
 * slow-down, a door-retry window, an expiry — instead of waiting for it, and pass as well
 * on a machine four times slower. Same pattern as the simulated controller's jammed doors
 * (lib/doors/index.ts): a file the tests write and the server reads.
 *
 * The file holds one number of milliseconds per line; the offset is their sum. A move
 * appends a line (O_APPEND writes of a few bytes are atomic), so two test workers moving
 * the clock at once both count and neither overwrites the other. Time only moves forward.
 */

export const TEST_CLOCK_FILE = "test-clock-offset";

let read: (() => number) | undefined;

/** Milliseconds since the epoch, as this server tells time. */
export function now(): number {
  read ??= pickClock();
  return read();
}

function pickClock(): () => number {
  const config = env();
  if (!config.TEST_CLOCK) return Date.now;
  const file = testClockFile(config.DATABASE_PATH);
  return () => Date.now() + offsetIn(file);
}

/** Where the test clock's offset lives for the database at `databasePath`. */
export function testClockFile(databasePath: string): string {
  return path.join(path.dirname(path.resolve(databasePath)), TEST_CLOCK_FILE);
}

function offsetIn(file: string): number {
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return 0;
  }
  let sum = 0;
  for (const line of text.split("\n")) {
    const ms = Number(line);
    if (line.trim() !== "" && Number.isFinite(ms) && ms > 0) sum += ms;
  }
  return sum;
}

import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { e2eDataDir } from "./domain";

/*
 * The test clock. Journeys that cross a time window — a kiosk's slow-down, its idle reset,
 * a door-retry window, an expiry — move time instead of waiting for it, so they pass as
 * well on a machine four times slower:
 *
 * - the server's clock (lib/clock.ts, on because scripts/e2e-server.mjs sets TEST_CLOCK)
 *   adds the offset in `test-clock-offset` beside the e2e database; a move appends a line;
 * - a screen's own timers (countdowns, the kiosk's idle reset) read the browser's Date,
 *   which Playwright's page.clock holds still until a move sets it on by the same amount.
 *   Its timers keep running, so a countdown notices a move within a tick.
 *
 * The server's offset is shared by every test running at the moment, so it only ever moves
 * forward, by as little as a journey needs, and only from journeys that run in one project.
 */

const OFFSET_FILE = "test-clock-offset";
const browserTime = new WeakMap<Page, number>();

function offsetFile(): string {
  return path.join(e2eDataDir(), OFFSET_FILE);
}

/** The server's offset from real time, as lib/clock.ts sums it. */
export function serverClockOffset(): number {
  let text = "";
  try {
    text = fs.readFileSync(offsetFile(), "utf8");
  } catch {
    return 0;
  }
  return text
    .split("\n")
    .map(Number)
    .filter((ms) => Number.isFinite(ms) && ms > 0)
    .reduce((sum, ms) => sum + ms, 0);
}

/** Holds this page's clock still at the server's time; call before the page loads anything. */
export async function holdBrowserClock(page: Page): Promise<void> {
  const now = Date.now() + serverClockOffset();
  browserTime.set(page, now);
  await page.clock.setFixedTime(now);
}

/** Moves this page's clock on by `ms` (its timers see it on their next tick). */
export async function moveBrowserClock(page: Page, ms: number): Promise<void> {
  const now = (browserTime.get(page) ?? Date.now() + serverClockOffset()) + ms;
  browserTime.set(page, now);
  await page.clock.setFixedTime(now);
}

/** Moves the server's clock on by `ms`, and the clocks of `pages` with it. */
export async function moveClock(ms: number, ...pages: Page[]): Promise<void> {
  if (!(ms > 0)) throw new Error("the test clock only moves forward");
  fs.mkdirSync(path.dirname(offsetFile()), { recursive: true });
  // O_APPEND: two workers moving at once both count.
  fs.appendFileSync(offsetFile(), `${Math.round(ms)}\n`);
  for (const page of pages) await moveBrowserClock(page, ms);
}

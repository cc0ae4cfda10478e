import { execFileSync } from "node:child_process";
import path from "node:path";
import { e2eDataDir } from "./courier";

const root = path.resolve(__dirname, "../..");

/**
 * Runs one round of the server's housekeeping now — the parcel sweep, then delivery of
 * every message due (e2e/support/run-background.ts) — instead of waiting for the server's
 * 10-second timer.
 */
export function runBackgroundRound(): void {
  execFileSync(process.execPath, ["scripts/run-ts.mjs", "e2e/support/run-background.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_PATH: path.join(e2eDataDir(), "locker.db"), TEST_CLOCK: "true" },
    encoding: "utf8",
  });
}

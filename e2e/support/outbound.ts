import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { DEMO } from "./accounts";
import { e2eDataDir, testPhone } from "./courier";

/*
 * Returns of a courier's carrier made through the app's own verbs (support/make-outbound.ts)
 * on a server's database: the e2e server's unless a journey names another (the cabinets' server).
 */

const defaultDatabase = () => path.join(e2eDataDir(), "locker.db");

function makeOutbound(args: string[], databasePath: string): unknown {
  const out = execFileSync(process.execPath, ["scripts/run-ts.mjs", "e2e/support/make-outbound.ts", ...args], {
    cwd: path.resolve(__dirname, "..", ".."),
    env: { ...process.env, DATABASE_PATH: databasePath, TEST_CLOCK: "true" },
    encoding: "utf8",
  });
  return JSON.parse(out.trim().split("\n").at(-1)!);
}

const orderReference = (prefix: string) => `${prefix}-${crypto.randomBytes(4).toString("hex").toUpperCase()}`;

/** A return as the customer's phone holds it, before the kiosk: its drop-off code and what its QR holds. */
export function makeReturnToDropOff(siteCode: string, courier: string, databasePath = defaultDatabase()) {
  return makeOutbound([siteCode, courier, DEMO.admin, orderReference("RT"), testPhone(), "created"], databasePath) as {
    outboundParcelId: number;
    code: string;
    qr: string;
  };
}

/** A return already dropped off at `siteCode`'s kiosk, waiting in a door for the courier's carrier. */
export function makeDroppedOffReturn(siteCode: string, courier: string, databasePath = defaultDatabase()) {
  return makeOutbound([siteCode, courier, DEMO.admin, orderReference("ZH"), testPhone()], databasePath) as {
    outboundParcelId: number;
    door: string;
    orderReference: string;
  };
}

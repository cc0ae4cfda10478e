/*
 * The test-data process: one per Playwright worker and server database, started by
 * e2e/support/domain.ts at a worker's first call and kept for the worker's life. It opens
 * the database of the server under test (SQLite lets both write) and runs the verbs below
 * in the app's own domain functions, as the console's forms and the kiosk's screens do.
 * One process instead of one per call: starting one (tsx compiling lib/) costs 2–3 s of
 * CPU, and the suite makes a few hundred such things on two cores.
 *
 * Requests: one JSON line per call on stdin, { id, verb, input }. Answers: one JSON line
 * per call on fd 3, { id, result } or { id, error }, so nothing the app logs on stdout can
 * be taken for one. Calls run one at a time, in order. Exits when stdin closes.
 *
 *   DATABASE_PATH=… TEST_CLOCK=true node --conditions=react-server --import tsx e2e/support/verbs/server.ts
 */
import fs from "node:fs";
import readline from "node:readline";
import { droppedOffReturn, returnToDropOff } from "./outbound";
import { announcedParcel, expiredParcel, lostCodeParcel, waitingParcel } from "./parcels";
import { acceptOutbound, makeConfirmedCustomer, makeCourier, makeLocker, makeSite, pairKiosk, readMailbox, runBackgroundRound } from "./setup";
import { openWorld, type World } from "./world";

export const VERBS = {
  waitingParcel,
  expiredParcel,
  announcedParcel,
  lostCodeParcel,
  returnToDropOff,
  droppedOffReturn,
  site: makeSite,
  locker: makeLocker,
  courier: makeCourier,
  outbound: acceptOutbound,
  kiosk: pairKiosk,
  customer: makeConfirmedCustomer,
  round: runBackgroundRound,
  mailbox: readMailbox,
} satisfies Record<string, (world: World, input: never) => unknown>;

export type Verbs = typeof VERBS;

async function main() {
  const world = openWorld();
  const answers = fs.createWriteStream("", { fd: 3 });
  for await (const line of readline.createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    const { id, verb, input } = JSON.parse(line) as { id: number; verb: keyof Verbs; input: never };
    let answer: { id: number; result?: unknown; error?: string };
    try {
      answer = { id, result: await VERBS[verb](world, input) };
    } catch (error) {
      answer = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    answers.write(`${JSON.stringify(answer)}\n`);
  }
  world.db.$client.close();
  answers.end();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

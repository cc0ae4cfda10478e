import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import type { Readable } from "node:stream";
import type { Verbs } from "./verbs/server";

/*
 * Test data through the app's own domain functions (e2e/support/verbs/), on the database of a
 * server under test: the e2e server's unless a journey names another (the cabinets' server).
 * Each Playwright worker keeps one test-data process per database; it ends with the worker.
 */

const root = path.resolve(__dirname, "../..");

/** The e2e server's data directory, chosen as scripts/e2e-server.mjs chooses it. */
export function e2eDataDir(): string {
  const port = process.env.E2E_PORT ?? "3100";
  return path.join(root, port === "3100" ? ".e2e-data" : `.e2e-data-${port}`);
}

export const e2eDatabase = () => path.join(e2eDataDir(), "locker.db");

type Helper = { child: ChildProcess; waiting: Map<number, { resolve(value: unknown): void; reject(error: Error): void }> };

const helpers = new Map<string, Helper>();
let nextId = 1;

export async function domain<V extends keyof Verbs>(
  verb: V,
  input: Parameters<Verbs[V]>[1],
  databasePath = e2eDatabase(),
): Promise<Awaited<ReturnType<Verbs[V]>>> {
  const helper = helpers.get(databasePath) ?? start(databasePath);
  const id = nextId++;
  const answer = new Promise<unknown>((resolve, reject) => helper.waiting.set(id, { resolve, reject }));
  helper.child.stdin!.write(`${JSON.stringify({ id, verb, input })}\n`);
  return (await answer) as Awaited<ReturnType<Verbs[V]>>;
}

/** Ends the test-data process of `databasePath`, before its server's database goes away. */
export function closeDomain(databasePath: string): void {
  helpers.get(databasePath)?.child.stdin!.end();
  helpers.delete(databasePath);
}

function start(databasePath: string): Helper {
  const child = spawn(
    process.execPath,
    // As scripts/run-ts.mjs runs TypeScript: tsx, under the "react-server" condition that
    // makes lib/'s `import "server-only"` an empty module.
    ["--conditions=react-server", "--import", "tsx", "e2e/support/verbs/server.ts"],
    {
      cwd: root,
      // The server's clock, test offset included (e2e/support/clock.ts), and its open
      // development mailbox (both set by scripts/e2e-server.mjs and the cabinets' server).
      env: { ...process.env, DATABASE_PATH: databasePath, TEST_CLOCK: "true", DEV_MAILBOX: "open" },
      stdio: ["pipe", "inherit", "inherit", "pipe"],
    },
  );
  const helper: Helper = { child, waiting: new Map() };
  helpers.set(databasePath, helper);
  const answers = child.stdio[3] as Readable;
  // Nothing of it keeps a worker from ending; its stdin closes with the worker, and it exits.
  child.unref();
  for (const pipe of [child.stdin, answers]) (pipe as unknown as { unref(): void }).unref();
  readline.createInterface({ input: answers }).on("line", (line) => {
    const { id, result, error } = JSON.parse(line) as { id: number; result?: unknown; error?: string };
    const call = helper.waiting.get(id);
    helper.waiting.delete(id);
    if (error !== undefined) call?.reject(new Error(`test data: ${error}`));
    else call?.resolve(result);
  });
  const fail = (why: string) => {
    if (helpers.get(databasePath) === helper) helpers.delete(databasePath);
    for (const call of helper.waiting.values()) call.reject(new Error(`the test-data process ${why} before answering`));
    helper.waiting.clear();
  };
  child.on("error", (error) => fail(`failed (${error.message})`));
  child.stdin!.on("error", (error) => fail(`stopped reading (${error.message})`));
  child.on("exit", (code, signal) => fail(`ended (${signal ?? code})`));
  return helper;
}

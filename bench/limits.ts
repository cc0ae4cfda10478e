/*
 * The machine's own limits, measured in the same run as the app's figures (issue 19):
 * machines here differ by about 3× from day to day, so a figure alone says little; the
 * app's rate beside what this machine does with no app at all is the result.
 *
 *   - sqliteCommitRate: one-row write transactions per second through better-sqlite3 on a
 *     WAL file with the benchmark's synchronous setting: the ceiling of "one commit per
 *     request" on this disk.
 *   - bareHttpRate: keep-alive requests per second of a bare node:http server in its own
 *     process, driven by the benchmark's own client (bench/support.ts call): the ceiling of
 *     "one HTTP request" with this CPU, Node and load generator.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { call } from "./support";

export type Limits = { sqliteCommitsPerSecond: number; bareHttpPerSecond: number };

/** One-row insert transactions per second for `seconds`, on a fresh WAL file in `dir`. */
export function sqliteCommitRate(dir: string, synchronous: "FULL" | "NORMAL", seconds = 2): number {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "limits.db");
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const db = new Database(file);
  // The pragmas of db/client.ts openDatabase: the app's durability, nothing else.
  db.pragma("journal_mode = WAL");
  db.pragma(`synchronous = ${synchronous}`);
  db.exec("create table t (id integer primary key, at integer not null, body text not null)");
  const insert = db.prepare("insert into t (at, body) values (?, ?)");
  const commit = db.transaction((at: number) => insert.run(at, "x".repeat(200)));
  const until = performance.now() + seconds * 1000;
  let commits = 0;
  const started = performance.now();
  while (performance.now() < until) {
    commit(Date.now());
    commits++;
  }
  const rate = commits / ((performance.now() - started) / 1000);
  db.close();
  return rate;
}

const BARE_SERVER = `
  const http = require("node:http");
  const body = JSON.stringify({ ok: true });
  const server = http.createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      response.end(body);
    });
  });
  server.keepAliveTimeout = 60000;
  server.listen(Number(process.env.PORT), "127.0.0.1", () => process.send && process.send("ready"));
`;

/**
 * Requests per second a bare node:http server answers over kept-alive connections, in its
 * own process (as the app's server is), with `concurrency` requests in flight from the
 * benchmark's client: a closed loop, so the figure is the pair's saturation.
 */
export async function bareHttpRate(port: number, seconds = 3, concurrency = 64): Promise<number> {
  const child = spawn(process.execPath, ["-e", BARE_SERVER], { env: { ...process.env, PORT: String(port) }, stdio: ["ignore", "ignore", "inherit", "ipc"] });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  const body = { siteId: 1, trackingNumber: "LIMITS", size: "M", recipientPhone: "13900000000" };
  let done = 0;
  const run = async (until: number, count: boolean) => {
    const worker = async () => {
      while (performance.now() < until) {
        await call(url, "token", "POST", "/parcels", body, "key");
        if (count) done++;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  };
  await run(performance.now() + 500, false); // connections open, JIT warm
  const started = performance.now();
  await run(started + seconds * 1000, true);
  const rate = done / ((performance.now() - started) / 1000);
  child.kill();
  return rate;
}

/** CPU milliseconds (user + system) a process has used so far, from /proc (Linux). */
export function processCpuMs(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    // Fields 14 and 15 of stat (utime, stime), counted from after the command name.
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

// sysconf(_SC_CLK_TCK): 100 on every Linux this runs on.
const CLOCK_TICKS = 100;

/**
 * The limits measured at both ends of a run: this machine's speed drifts within minutes (bare
 * HTTP measured 15,600 and 24,700 requests/s an hour apart on 2026-12-01, with no other work
 * on it). The ratios are taken against the higher of each pair, so a slow moment at either
 * end never flatters the app.
 */
export function higherLimits(before: Limits, after: Limits): Limits {
  return {
    sqliteCommitsPerSecond: Math.max(before.sqliteCommitsPerSecond, after.sqliteCommitsPerSecond),
    bareHttpPerSecond: Math.max(before.bareHttpPerSecond, after.bareHttpPerSecond),
  };
}

export function describeLimitPair(before: Limits, after: Limits, synchronous: string): string {
  return [
    `this machine, before and after the run: raw SQLite ${before.sqliteCommitsPerSecond.toFixed(0)} and ${after.sqliteCommitsPerSecond.toFixed(0)} commits/s (WAL, synchronous=${synchronous});`,
    `bare node:http ${before.bareHttpPerSecond.toFixed(0)} and ${after.bareHttpPerSecond.toFixed(0)} keep-alive requests/s (same client); ratios against the higher of each`,
  ].join(" ");
}

export async function measureLimits(dir: string, synchronous: "FULL" | "NORMAL", port: number): Promise<Limits> {
  const sqliteCommitsPerSecond = sqliteCommitRate(dir, synchronous);
  const bareHttpPerSecond = await bareHttpRate(port);
  return { sqliteCommitsPerSecond, bareHttpPerSecond };
}

export function describeLimits(limits: Limits, synchronous: string): string {
  return [
    `this machine, same run: raw SQLite ${limits.sqliteCommitsPerSecond.toFixed(0)} commits/s (WAL, synchronous=${synchronous});`,
    `bare node:http ${limits.bareHttpPerSecond.toFixed(0)} keep-alive requests/s (same client)`,
  ].join(" ");
}


/*
 * Shared pieces of the load and crash benchmarks: a network built through the real
 * layout functions, API tokens issued by the real admin verb, the production server
 * started as a child process, and the checks run on the database afterwards.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { openDatabase, type Db } from "../db/client";
import { courierSites, kiosks, LIVE_STATES_SQL, organizations } from "../db/schema";
import { createApiToken } from "@/lib/auth/api-tokens";
import type { Ctx } from "../lib/context";
import { SimulatedDoorController } from "@/lib/cabinet/door-controller";
import { decryptPickupCode, keysFromHex } from "../lib/pickup-codes/code";
import { insertLocker, insertSite, layoutByRow } from "../lib/sites/layout";
import * as f from "../lib/testing/factories";

export const ROOT = process.cwd();
export const HMAC_HEX = crypto.randomBytes(32).toString("hex");
export const ENC_HEX = crypto.randomBytes(32).toString("hex");
export const keys = keysFromHex(HMAC_HEX, ENC_HEX);

export type Network = { sites: { id: number; carrierToken: string; kioskToken: string }[]; file: string };

/** A campus of `siteCount` stations of 240 doors each, one courier token and one kiosk token per site. */
export function buildNetwork(dir: string, siteCount: number): Network {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "locker.db");
  const db = openDatabase(file);
  const now = Date.now();
  const org = db.insert(organizations).values({ name: "Load Campus", slug: "load-campus", createdAt: now }).returning().get();
  const carrier = f.createCarrier(db, "Load Express");
  const admin = f.createAdmin(db, org.id);
  const ctx: Ctx = { db, actor: admin, now: Date.now, doors: new SimulatedDoorController(), keys };
  const sites: Network["sites"] = [];
  for (let s = 0; s < siteCount; s++) {
    const site = insertSite(db, {
      organizationId: org.id,
      code: `LOAD-${s}`,
      name: `Load Station ${s}`,
      address: `${s} Bench Road`,
      latitude: 30.3 + s * 0.002,
      longitude: 120.08 + s * 0.002,
    });
    for (const code of ["A", "B", "C", "D", "E", "F"]) {
      insertLocker(db, { siteId: site.id, code, layout: layoutByRow(["S", "S", "M", "M", "M", "L", "L", "XL"], 5) });
    }
    const courier = f.createCourier(db, carrier.id, []);
    db.insert(courierSites).values({ userId: courier.userId, siteId: site.id }).run();
    const kiosk = db.insert(kiosks).values({ siteId: site.id, name: "Kiosk 1", createdAt: now }).returning().get();
    sites.push({
      id: site.id,
      carrierToken: createApiToken(ctx, { scope: "carrier", name: `courier ${s}`, courierId: courier.userId }).token,
      kioskToken: createApiToken(ctx, { scope: "kiosk", name: `kiosk ${s}`, kioskId: kiosk.id }).token,
    });
  }
  db.$client.close();
  return { sites, file };
}

export function ensureBuild(): void {
  if (fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) return;
  console.log("building the production app (next build)…");
  const result = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { stdio: "inherit", cwd: ROOT });
  if (result.status !== 0) throw new Error("next build failed");
}

export type Server = { child: ChildProcess; url: string; stop(signal?: NodeJS.Signals): Promise<void> };

export async function startServer(databasePath: string, port: number, synchronous: "FULL" | "NORMAL" = "FULL"): Promise<Server> {
  // BENCH_SERVER_PROFILE=<folder>: the server writes a V8 CPU profile there when it stops
  // (node bench/cpu-profile.mjs reads it).
  const profile = process.env.BENCH_SERVER_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_SERVER_PROFILE)}`] : [];
  // BENCH_SERVER_NODE_ARGS: more flags for the server's node (--trace-gc, a heap size), and
  // BENCH_SERVER_STDOUT=<file> to keep what it prints.
  const extra = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...profile, ...extra, path.join(ROOT, "scripts", "server.mjs")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      DATABASE_PATH: databasePath,
      DB_SYNCHRONOUS: synchronous,
      PICKUP_CODE_HMAC_KEY: HMAC_HEX,
      PICKUP_CODE_ENCRYPTION_KEY: ENC_HEX,
      AUTH_SECRET: crypto.randomBytes(32).toString("hex"),
      AUTH_TRUST_HOST: "true",
      API_RATE_LIMIT_PER_MINUTE: "1000000",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", process.env.BENCH_SERVER_STDOUT ? fs.openSync(process.env.BENCH_SERVER_STDOUT, "w") : "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    child,
    url,
    stop: (signal = "SIGTERM") =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill(signal);
      }),
  };
}

export type Ack = { kind: "deposit" | "collect"; parcelId: number };

export type CallResult = { status: number; body: Record<string, unknown>; ms: number };

// Real devices hold their connection open between calls; so do the simulated ones. Node's
// own http client costs the load generator a fraction of what fetch does, which matters
// when it shares the server's two cores.
// Idle sockets are closed well before the server's keep-alive timeout (65 s, scripts/server.mjs):
// a long run otherwise now and then sent a request on a socket the server was closing at that
// moment (14 ECONNRESET in 540,000 requests over 10 minutes), the client's race, not the server's.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256, timeout: 30_000 });

export function call(url: string, token: string, method: string, pathname: string, body?: unknown, key?: string): Promise<CallResult> {
  const started = performance.now();
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}/api/v1${pathname}`,
      {
        method,
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          ...(payload === undefined ? {} : { "content-length": Buffer.byteLength(payload) }),
          ...(key ? { "idempotency-key": key } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          try {
            resolve({ status: response.statusCode ?? 0, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, ms: performance.now() - started });
          } catch (error) {
            reject(error as Error);
          }
        });
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
}

/** Reads a parcel's pickup code the way its recipient's phone would show it. */
export function codeReader(file: string) {
  const db: Db = openDatabase(file, { migrate: false });
  const statement = db.$client.prepare("select pickup_code_cipher as cipher from parcels where id = ?");
  return {
    code(parcelId: number): string {
      const row = statement.get(parcelId) as { cipher: string | null } | undefined;
      if (!row?.cipher) throw new Error(`parcel ${parcelId} has no code`);
      return decryptPickupCode(keys, row.cipher);
    },
    close: () => db.$client.close(),
  };
}

/**
 * The server's outbox from outside: messages due and not yet sent. A benchmark's cycles each
 * queue messages (deposited, collected) that the server's background round delivers later.
 */
export function outboxReader(file: string) {
  const db: Db = openDatabase(file, { migrate: false });
  const statement = db.$client.prepare("select count(*) as n from notifications where status = 'queued' and next_attempt_at <= ?");
  const oldest = db.$client.prepare("select min(next_attempt_at) as at from notifications where status = 'queued' and next_attempt_at <= ?");
  return {
    due: (now: number) => (statement.get(now) as { n: number }).n,
    /** How long the longest-waiting due message has waited (0 when none waits). */
    lagMs: (now: number) => {
      const { at } = oldest.get(now) as { at: number | null };
      return at === null ? 0 : now - at;
    },
    close: () => db.$client.close(),
  };
}

export type Verdict = { twoLiveInOneSlot: number; lostDeposits: number; lostCollections: number; parcels: number };

/** The invariants after the run: nothing acknowledged is missing, no door holds two parcels. */
export function checkDatabase(file: string, acks: Ack[]): Verdict {
  const db = openDatabase(file, { migrate: false });
  const sqlite = db.$client;
  const twoLive = sqlite
    .prepare(
      `select count(*) as n from (select slot_id from parcels where state in ${LIVE_STATES_SQL} group by slot_id having count(*) > 1)`,
    )
    .get() as { n: number };
  const stateOf = sqlite.prepare("select state from parcels where id = ?");
  let lostDeposits = 0;
  let lostCollections = 0;
  for (const ack of acks) {
    const row = stateOf.get(ack.parcelId) as { state: string } | undefined;
    if (ack.kind === "deposit" && !(row && ["deposited", "collected", "expired", "returned"].includes(row.state))) lostDeposits++;
    if (ack.kind === "collect" && row?.state !== "collected") lostCollections++;
  }
  const parcels = (sqlite.prepare("select count(*) as n from parcels").get() as { n: number }).n;
  sqlite.close();
  return { twoLiveInOneSlot: twoLive.n, lostDeposits, lostCollections, parcels };
}

export function percentile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export const SIZES = ["S", "S", "S", "M", "M", "M", "L", "XL"] as const;

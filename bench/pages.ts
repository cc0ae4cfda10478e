/*
 * Page benchmark (`npm run bench:pages`): the server's time to first byte of the pages
 * people open most (the courier's site page, the customer's parcel list, the admin
 * dashboard), signed in as each, through the production server (scripts/server.mjs), at the
 * demo's size and at a 500-door site with a year of history. Beside them, in the same run,
 * a bare node:http server's time per request on the same machine (bench/limits.ts).
 *
 *   BENCH_REQUESTS=200 npm run bench:pages
 */
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { openDatabase, type Db } from "../db/client";
import { courierSites, organizations, sites, slots, users } from "../db/schema";
import { seedDemoData } from "../lib/demo/seed";
import { encryptPickupCode, hashPickupCode } from "../lib/pickup-codes/code";
import { insertLocker, insertSite, layoutByRow } from "../lib/sites/layout";
import { measureLimits } from "./limits";
import { appContext } from "../lib/app-context";
import { SimulatedDoorController } from "../lib/cabinet/door-controller";
import { refreshStaleForecasts } from "../lib/forecast/store";
import { ROOT, ensureBuild, keys, percentile, startServer } from "./support";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARM_UP = 20;
const PORT = Number(process.env.BENCH_PORT ?? 3420);
const GOAL_P95_MS = 50;
const DAY = 86_400_000;
const PASSWORD = "locker-demo-2026";

type Page = { who: string; email: string; path: (bigSiteId: number | null, demoSiteId: number) => string };
const PAGES: Page[] = [
  { who: "courier site page", email: "zto.courier@demo.campus", path: (big, demo) => `/courier/sites/${big ?? demo}` },
  { who: "customer parcel list", email: "alice@demo.campus", path: () => "/parcels" },
  { who: "admin dashboard", email: "admin@demo.campus", path: () => "/admin" },
];

/**
 * A 500-door station on the demo campus with a year of collected parcels (150 a day, one
 * a week for Alice), written straight into the tables: the domain verbs would take an hour
 * for 55,000 parcels, and the pages only read them.
 */
function addBigSite(db: Db, now: number): number {
  const campus = db.select().from(organizations).orderBy(organizations.id).get()!;
  const site = insertSite(db, {
    organizationId: campus.id,
    code: "BIG",
    name: "Big Station",
    address: "1 Benchmark Road",
    latitude: 30.31,
    longitude: 120.09,
  });
  for (const code of "ABCDEFGHIJ") insertLocker(db, { siteId: site.id, code, layout: layoutByRow(["S", "S", "S", "M", "M", "M", "M", "L", "L", "XL"], 5) });
  const courier = db.select().from(users).where(eq(users.email, "zto.courier@demo.campus")).get()!;
  const alice = db.select().from(users).where(eq(users.email, "alice@demo.campus")).get()!;
  db.insert(courierSites).values({ userId: courier.id, siteId: site.id }).run();
  const doors = db.select({ id: slots.id, size: slots.size, rank: slots.sizeRank }).from(slots).where(eq(slots.siteId, site.id)).all();

  const sqlite = db.$client;
  const insertParcel = sqlite.prepare(
    `insert into parcels (id, carrier_id, tracking_number, site_id, slot_id, state, size, size_rank, recipient_phone, courier_id,
       pickup_code_hash, pickup_code_cipher, deposited_at, expires_at, closed_at, created_at, updated_at)
     values (?, ?, ?, ?, ?, 'collected', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertConsent = sqlite.prepare("insert into parcel_consents (parcel_id, source, attested_by_user_id, recorded_at) values (?, 'standing', ?, ?)");
  const insertEvent = sqlite.prepare(
    "insert into parcel_events (parcel_id, at, kind, from_state, to_state, actor_user_id, actor_kind, site_id, slot_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  let id = (sqlite.prepare("select coalesce(max(id), 0) as id from parcels").get() as { id: number }).id + 1_000;
  let serial = 0;
  const day = sqlite.transaction((start: number) => {
    for (let i = 0; i < 150; i++) {
      const door = doors[(serial * 7) % doors.length];
      const depositedAt = start + 8 * 3_600_000 + i * 240_000;
      const collectedAt = depositedAt + (2 + (serial % 30)) * 3_600_000;
      const phone = i === 0 && serial % 7 === 0 ? alice.phone! : `158${String(serial % 5_000).padStart(8, "0")}`;
      const code = String(100_000 + (serial % 900_000));
      // Consent first: the database refuses a deposited parcel without one (migration 0013).
      insertConsent.run(id, courier.id, depositedAt);
      insertParcel.run(id, courier.carrierId, `BIG${serial}X`, site.id, door.id, door.size, door.rank, phone, courier.id, hashPickupCode(keys, site.id, code),
        encryptPickupCode(keys, code), depositedAt, depositedAt + 72 * 3_600_000, collectedAt, depositedAt - 60_000, collectedAt);
      insertEvent.run(id, depositedAt - 60_000, "reserved", null, "reserved", courier.id, "user", site.id, door.id);
      insertEvent.run(id, depositedAt, "deposited", "reserved", "deposited", courier.id, "user", site.id, door.id);
      insertEvent.run(id, collectedAt, "collected", "deposited", "collected", null, "kiosk", site.id, door.id);
      id++;
      serial++;
    }
  });
  // parcel_consents names its parcel before the parcel exists: foreign keys are checked at
  // the end of each day's transaction instead of per row (the pragma lasts one transaction).
  for (let back = 365; back >= 1; back--) {
    sqlite.pragma("defer_foreign_keys = ON");
    day(now - back * DAY);
  }
  return site.id;
}

/** Signs in through Auth.js's own credentials route, as the sign-in form's action does. */
async function signIn(url: string, email: string): Promise<string> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const csrfCookie = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, identifier: email, password: PASSWORD, callbackUrl: `${url}/` }),
  });
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith("authjs.session-token="));
  if (!session) throw new Error(`sign-in as ${email} failed (${response.status})`);
  return session.split(";")[0];
}

/** Time to the response's headers (first byte), then the whole body read. */
async function timePage(url: string, cookie: string): Promise<number[]> {
  const times: number[] = [];
  for (let n = 0; n < WARM_UP + REQUESTS; n++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie, "accept-language": "zh-CN" }, redirect: "manual" });
    const firstByte = performance.now() - started;
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${url}: ${response.status} ${body.slice(0, 200)}`);
    if (n >= WARM_UP) times.push(firstByte);
  }
  return times;
}

async function measure(label: string, withBigSite: boolean, bareMsPerRequest: number) {
  const dir = path.join(ROOT, "bench", "out", `pages-${label}`);
  const file = path.join(dir, "locker.db");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const now = Date.now();
  const db = openDatabase(file);
  await seedDemoData(db, keys, now);
  const bigSiteId = withBigSite ? addBigSite(db, now) : null;
  // What the server's background round does every 10 s: the pages read stored forecasts.
  refreshStaleForecasts(appContext({ kind: "system" }, { db, now: () => now, doors: new SimulatedDoorController(), keys }));
  const demoSiteId = db.select({ id: sites.id }).from(sites).orderBy(sites.id).get()!.id;
  const parcelCount = (db.$client.prepare("select count(*) as n from parcels").get() as { n: number }).n;
  const doorCount = (db.$client.prepare("select count(*) as n from slots").get() as { n: number }).n;
  db.$client.close();

  const server = await startServer(file, PORT);
  try {
    console.log(`\n${label}: ${parcelCount.toLocaleString("en")} parcels, ${doorCount} doors${bigSiteId ? " (one station of 500 doors with a year of history)" : ""}`);
    for (const page of PAGES) {
      const cookie = await signIn(server.url, page.email);
      const times = await timePage(`${server.url}${page.path(bigSiteId, demoSiteId)}`, cookie);
      const p50 = percentile(times, 0.5);
      const p95 = percentile(times, 0.95);
      console.log(
        `  ${page.who.padEnd(22)} p50 ${p50.toFixed(1).padStart(6)} ms · p95 ${p95.toFixed(1).padStart(6)} ms ` +
          `(${p95 <= GOAL_P95_MS ? "within" : "OVER"} the ${GOAL_P95_MS} ms goal; ${(p95 / bareMsPerRequest).toFixed(0)}× a bare HTTP request)`,
      );
    }
  } finally {
    await server.stop();
  }
}

async function main() {
  ensureBuild();
  const limits = await measureLimits(path.join(ROOT, "bench", "out", "limits"), "FULL", PORT + 1);
  const bareMsPerRequest = 1000 / limits.bareHttpPerSecond;
  console.log(`this machine, same run: bare node:http ${limits.bareHttpPerSecond.toFixed(0)} keep-alive requests/s = ${bareMsPerRequest.toFixed(3)} ms per request`);
  console.log(`pages: ${REQUESTS} requests each after ${WARM_UP} to warm up, one at a time, time to first byte`);
  await measure("demo", false, bareMsPerRequest);
  await measure("year", true, bareMsPerRequest);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

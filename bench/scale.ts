/*
 * Scale benchmark (`npm run bench:scale`): the cost of assigning a door, depositing and
 * looking up a pickup code in a network the size of Cainiao's (170,000 sites, ~10 million
 * doors, tens of millions of past parcels) against the same at 100 sites. Both databases
 * are built with the real migrations; the operations are the real domain verbs. The large
 * database is kept in bench/out/ and reused by later runs with the same shape.
 *
 *   BENCH_SITES=170000 BENCH_HISTORY_PER_SITE=120 npm run bench:scale
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { openDatabase, type Db } from "../db/client";
import type { Ctx, KioskActor, UserActor } from "../lib/context";
import { SimulatedDoorController } from "@/lib/cabinet/door-controller";
import { collectParcel } from "../lib/parcels/collect";
import { confirmDeposit } from "../lib/parcels/deposit";
import { reserveParcel } from "../lib/parcels/reserve";
import { decryptPickupCode, encryptPickupCode, hashPickupCode, keysFromHex } from "../lib/pickup-codes/code";
import { reachOfRow } from "../lib/slots/sizes";

const LARGE_SITES = Number(process.env.BENCH_SITES ?? 170_000);
const SMALL_SITES = 100;
const HISTORY_PER_SITE = Number(process.env.BENCH_HISTORY_PER_SITE ?? 120);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 1000);
const OUT = path.join(process.cwd(), "bench", "out");
const keys = keysFromHex("11".repeat(32), "22".repeat(32));
const HOUR = 3_600_000;

// Every site has the same cabinets: 59 doors (8×4 + 6×3 + 3×3), about 10 million at 170,000 sites.
const CABINETS: { code: string; rows: ("S" | "M" | "L" | "XL")[]; columns: number }[] = [
  { code: "A", rows: ["S", "S", "M", "M", "M", "L", "L", "XL"], columns: 4 },
  { code: "B", rows: ["S", "M", "M", "M", "L", "XL"], columns: 3 },
  { code: "C", rows: ["L", "L", "XL"], columns: 3 },
];
const RANK = { S: 1, M: 2, L: 3, XL: 4 } as const;
const DOORS_PER_SITE = CABINETS.reduce((n, c) => n + c.rows.length * c.columns, 0);

function log(message: string) {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
}

/** Builds (or reuses) a network of `siteCount` sites, about 40 % of doors holding a parcel. */
function buildNetwork(siteCount: number): { db: Db; file: string } {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `scale-${siteCount}-${HISTORY_PER_SITE}.db`);
  const done = `${file}.complete`;
  if (fs.existsSync(done)) {
    log(`reusing ${path.relative(process.cwd(), file)}`);
    return { db: openDatabase(file, { synchronous: "NORMAL" }), file };
  }
  for (const stale of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(stale, { force: true });
  const db = openDatabase(file, { synchronous: "NORMAL" });
  const sqlite = db.$client;
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -262144");
  const now = Date.now();
  const began = Date.now();
  log(`building ${siteCount} sites × ${DOORS_PER_SITE} doors, ${HISTORY_PER_SITE} past parcels per site`);

  const insertOrg = sqlite.prepare("insert into organizations (name, slug, created_at) values (?, ?, ?)");
  const insertSite = sqlite.prepare(
    "insert into sites (organization_id, code, name, address, latitude, longitude, opening_hours, hold_period_hours, status, created_at) values (?, ?, ?, ?, ?, ?, 'Open 24 hours', 72, 'open', ?)",
  );
  const insertLocker = sqlite.prepare("insert into lockers (site_id, code, controller_id, rows, columns, created_at) values (?, ?, ?, ?, ?, ?)");
  const insertSlot = sqlite.prepare(
    "insert into slots (site_id, locker_id, label, row, column, size, size_rank, reach, in_service, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)",
  );
  const insertCarrier = sqlite.prepare("insert into carriers (code, name, created_at) values (?, ?, ?)");
  const insertParcel = sqlite.prepare(
    `insert into parcels (carrier_id, tracking_number, site_id, slot_id, state, size, size_rank, upsized, recipient_phone,
       pickup_code_hash, pickup_code_cipher, deposited_at, expires_at, closed_at, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (let c = 1; c <= 12; c++) insertCarrier.run(`C${c}`, `Carrier ${c}`, now);

  let serial = 0;
  const batch = sqlite.transaction((from: number, to: number) => {
    for (let s = from; s < to; s++) {
      if (s % 100 === 0) insertOrg.run(`Operator ${s / 100}`, `org-${s / 100}`, now);
      const orgId = Math.floor(s / 100) + 1;
      const latitude = 18 + ((s * 7919) % 2300) / 100;
      const longitude = 100 + ((s * 104729) % 2200) / 100;
      const siteId = Number(insertSite.run(orgId, `S${s}`, `Station ${s}`, `${s} Example Road`, latitude, longitude, now).lastInsertRowid);
      const doors: { id: number; size: "S" | "M" | "L" | "XL" }[] = [];
      for (const cabinet of CABINETS) {
        const lockerId = Number(insertLocker.run(siteId, cabinet.code, `ctl-${siteId}-${cabinet.code}`, cabinet.rows.length, cabinet.columns, now).lastInsertRowid);
        cabinet.rows.forEach((size, r) => {
          for (let c = 0; c < cabinet.columns; c++) {
            const label = `${cabinet.code}-${String(c * cabinet.rows.length + r + 1).padStart(2, "0")}`;
            const id = Number(insertSlot.run(siteId, lockerId, label, r + 1, c + 1, size, RANK[size], reachOfRow(r + 1, cabinet.rows.length), now).lastInsertRowid);
            doors.push({ id, size });
          }
        });
      }
      // The past: collected parcels whose doors are free again.
      for (let h = 0; h < HISTORY_PER_SITE; h++) {
        const door = doors[(h * 7) % doors.length];
        const at = now - (h + 1) * 6 * HOUR;
        insertParcel.run((h % 12) + 1, `H${++serial}`, siteId, door.id, "collected", door.size, RANK[door.size], `138${String(serial % 1e8).padStart(8, "0")}`, null, null, at, at + 72 * HOUR, at + 5 * HOUR, at, at + 5 * HOUR);
      }
      // The present: 40 % of doors hold a waiting parcel with a live code.
      for (let d = 0; d < doors.length; d += 5) {
        for (const door of [doors[d], doors[d + 2]].filter(Boolean)) {
          const code = String(100000 + ((serial * 7919) % 900000));
          insertParcel.run(((serial + 1) % 12) + 1, `L${++serial}`, siteId, door.id, "deposited", door.size, RANK[door.size], `139${String(serial % 1e8).padStart(8, "0")}`, hashPickupCode(keys, siteId, code), encryptPickupCode(keys, code), now - HOUR, now + 71 * HOUR, null, now - HOUR, now - HOUR);
        }
      }
    }
  });
  const step = 1000;
  for (let s = 0; s < siteCount; s += step) {
    batch(s, Math.min(siteCount, s + step));
    if ((s / step) % 20 === 0) log(`  ${Math.min(siteCount, s + step)} sites, ${serial} parcels`);
  }
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.exec("analyze");
  sqlite.pragma("synchronous = NORMAL");
  fs.writeFileSync(done, new Date().toISOString());
  log(`built in ${((Date.now() - began) / 1000).toFixed(0)} s; ${(fs.statSync(file).size / 1e9).toFixed(2)} GB`);
  return { db, file };
}

type Timing = { p50: number; p95: number; p99: number; mean: number };
function summarize(ms: number[]): Timing {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), mean: ms.reduce((a, b) => a + b, 0) / ms.length };
}

async function measure(db: Db, siteCount: number) {
  const sqlite = db.$client;
  const doors = new SimulatedDoorController();
  const now = Date.now();
  const ctx = <A extends Ctx["actor"]>(actor: A): Ctx<A> => ({ db, actor, now: () => now, doors, keys });
  // A courier of carrier 1 serving a random sample of sites; one kiosk per sampled site.
  const courierId = Number(
    sqlite
      .prepare("insert into users (name, email, password_hash, role, carrier_id, created_at) values ('Bench courier', ?, 'x', 'courier', 1, ?)")
      .run(`bench-${crypto.randomUUID()}@example.com`, now).lastInsertRowid,
  );
  const sites: number[] = [];
  for (let i = 0; i < SAMPLES; i++) sites.push(1 + Math.floor(Math.random() * siteCount));
  const uniqueSites = [...new Set(sites)];
  const serve = sqlite.prepare("insert or ignore into courier_sites (user_id, site_id) values (?, ?)");
  const addKiosk = sqlite.prepare("insert into kiosks (site_id, name, created_at) values (?, ?, ?)");
  const kiosks = new Map<number, KioskActor>();
  for (const siteId of uniqueSites) {
    serve.run(courierId, siteId);
    const kioskId = Number(addKiosk.run(siteId, `bench-${crypto.randomUUID()}`, now).lastInsertRowid);
    kiosks.set(siteId, { kind: "kiosk", kioskId, siteId });
  }
  const courier = ctx<UserActor>({ kind: "user", userId: courierId, role: "courier", organizationId: null, carrierId: 1, verifiedPhone: null });

  // Two passes over the same sites: the first reads their pages from disk (cold), the
  // second finds them in the page cache (warm) and shows the cost of the queries alone.
  const pass = async () => {
    const reserveMs: number[] = [];
    const depositMs: number[] = [];
    const collectMs: number[] = [];
    for (const siteId of sites) {
      const phone = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
      let t = performance.now();
      const reserved = await reserveParcel(courier, { siteId, trackingNumber: `B${crypto.randomUUID().slice(0, 12)}`, size: "M", recipientPhone: phone });
      reserveMs.push(performance.now() - t);
      t = performance.now();
      confirmDeposit(courier, { parcelId: reserved.parcel.id });
      depositMs.push(performance.now() - t);
      const cipher = sqlite.prepare("select pickup_code_cipher as c from parcels where id = ?").get(reserved.parcel.id) as { c: string };
      t = performance.now();
      await collectParcel(ctx(kiosks.get(siteId)!), { code: decryptPickupCode(keys, cipher.c), phoneLast4: phone.slice(-4) });
      collectMs.push(performance.now() - t);
    }
    return { reserve: summarize(reserveMs), deposit: summarize(depositMs), collect: summarize(collectMs) };
  };
  const cold = await pass();
  const warm = await pass();
  const counts = sqlite.prepare("select (select count(*) from sites) as sites, (select count(*) from slots) as slots, (select count(*) from parcels) as parcels").get() as Record<string, number>;
  return { counts, cold, warm };
}

async function main() {
  const small = buildNetwork(SMALL_SITES);
  const smallResult = await measure(small.db, SMALL_SITES);
  small.db.$client.close();
  const large = buildNetwork(LARGE_SITES);
  const largeResult = await measure(large.db, LARGE_SITES);
  large.db.$client.close();

  const fmt = (t: Timing) => `${t.p50.toFixed(3)} / ${t.p95.toFixed(3)} / ${t.p99.toFixed(3)}`;
  console.log(`\nScale benchmark (${SAMPLES} operations each at random sites; synchronous=NORMAL; ms p50 / p95 / p99)`);
  console.log("network, pass                                  | assign a door (reserve) | deposit (door closed)   | look up code + collect");
  for (const [name, r] of [["small", smallResult], ["large", largeResult]] as const) {
    for (const phase of ["cold", "warm"] as const) {
      const label = `${name} (${r.counts.sites} sites, ${r.counts.slots} doors, ${r.counts.parcels} parcels), ${phase}`;
      const t = r[phase];
      console.log(`${label.padEnd(46)} | ${fmt(t.reserve).padEnd(23)} | ${fmt(t.deposit).padEnd(23)} | ${fmt(t.collect)}`);
    }
  }
  const ratio = (a: Timing, b: Timing) => (b.p50 / a.p50).toFixed(2);
  for (const phase of ["cold", "warm"] as const) {
    console.log(
      `large / small at p50, ${phase}: assign ×${ratio(smallResult[phase].reserve, largeResult[phase].reserve)}, deposit ×${ratio(smallResult[phase].deposit, largeResult[phase].deposit)}, collect ×${ratio(smallResult[phase].collect, largeResult[phase].collect)}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

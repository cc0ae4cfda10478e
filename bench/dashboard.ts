/*
 * The admin dashboard's data without Next.js (`npm run bench:dashboard`): every read the
 * page (app/(main)/admin/page.tsx) makes, timed one by one on the database of bench/pages.ts
 * (the demo campus plus a 500-door station with a year of history), p50 and p95 of each and
 * of their sum. A digest of each result shows that a change kept the numbers.
 *
 *   BENCH_RUNS=100 npm run bench:dashboard            # builds bench/out/dashboard/locker.db
 *   BENCH_REUSE=1 npm run bench:dashboard             # the same database and clock again
 *   BENCH_NOW=1796140800000 npm run bench:dashboard   # a database built as of that instant
 *   BENCH_YEAR=0 npm run bench:dashboard              # the demo alone (bench/out/dashboard-demo)
 *
 * The clock is the one the database was built at (kept beside it), so a reused database
 * reads the same stored forecasts and gives the same figures; two builds at the same
 * BENCH_NOW hold the same parcels (the demo's history is seeded), so their digests compare.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { openDatabase } from "../db/client";
import { users } from "../db/schema";
import { seedDemoData } from "../lib/demo/seed";
import { appContext } from "../lib/app-context";
import { SimulatedDoorController } from "../lib/cabinet/door-controller";
import type { Ctx, UserActor } from "../lib/context";
import { organizationDashboard } from "../lib/admin/dashboard";
import { organizationForecasts, siteForecastView } from "../lib/forecast/admin";
import { refreshStaleForecasts } from "../lib/forecast/store";
import { overdueOutbound } from "../lib/outbound/admin";
import { kioskGuessingBySite } from "../lib/kiosk/attempts";
import { cabinetPresence } from "../lib/fleet/presence";
import { recentCabinetAlarms } from "../lib/fleet/alarms";
import { ROOT, keys, percentile } from "./support";
import { addBigSite } from "./year-site";

const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const WARM_UP = 10;
const YEAR = process.env.BENCH_YEAR !== "0";
const dir = path.join(ROOT, "bench", "out", YEAR ? "dashboard" : "dashboard-demo");
const file = path.join(dir, "locker.db");
const clockFile = path.join(dir, "now.json");

async function database(): Promise<number> {
  if (process.env.BENCH_REUSE && fs.existsSync(clockFile)) return (JSON.parse(fs.readFileSync(clockFile, "utf8")) as { now: number }).now;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const now = Number(process.env.BENCH_NOW ?? Date.now());
  const db = openDatabase(file);
  await seedDemoData(db, keys, now);
  if (YEAR) addBigSite(db, now);
  // What the server's background round does: the page reads stored forecasts.
  await refreshStaleForecasts(appContext({ kind: "system" }, { db, now: () => now, doors: new SimulatedDoorController(), keys }));
  db.$client.close();
  fs.writeFileSync(clockFile, JSON.stringify({ now }));
  return now;
}

const digest = (value: unknown) => crypto.createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 12);

async function main() {
  const now = await database();
  const db = openDatabase(file);
  const admin = db.select().from(users).where(eq(users.email, "admin@demo.campus")).get()!;
  const actor: UserActor = { kind: "user", userId: admin.id, role: admin.role, organizationId: admin.organizationId, carrierId: null, verifiedPhone: null };
  const ctx: Ctx = appContext(actor, { db, now: () => now, doors: new SimulatedDoorController(), keys });
  const siteRows = organizationDashboard(ctx).sites;
  const siteIds = siteRows.map((site) => site.id);

  // What the page calls (organizationDashboard, organizationForecasts, overdueOutbound), and
  // the three reads organizationDashboard makes through other modules, timed on their own.
  const reads: [string, () => unknown, boolean][] = [
    ["organizationDashboard", () => organizationDashboard(ctx), true],
    ["  of which kioskGuessingBySite", () => kioskGuessingBySite(ctx), false],
    ["  of which cabinetPresence", () => cabinetPresence(ctx, siteIds), false],
    ["  of which recentCabinetAlarms", () => recentCabinetAlarms(ctx, actor.organizationId!), false],
    ["organizationForecasts", () => organizationForecasts(ctx), true],
    ["overdueOutbound", () => overdueOutbound(ctx), true],
    // Not the dashboard's: each site's own forecast page, every chart with its past day.
    ["(siteForecastView of every site)", () => siteRows.map((site) => siteForecastView(ctx, site)), false],
  ];
  // Wall time per call, and the process's CPU time (the mean): on a machine shared with
  // other work the CPU time says what the reads cost when the wall time's tail says little.
  const times = new Map(reads.map(([name]) => [name, [] as number[]]));
  const cpu = new Map(reads.map(([name]) => [name, 0]));
  const totals: number[] = [];
  let totalCpu = 0;
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    let total = 0;
    for (const [name, read, onPage] of reads) {
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      read();
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpuBefore);
      const cpuMs = (used.user + used.system) / 1000;
      if (onPage) total += ms;
      if (run < WARM_UP) continue;
      times.get(name)!.push(ms);
      cpu.set(name, cpu.get(name)! + cpuMs);
      if (onPage) totalCpu += cpuMs;
    }
    if (run >= WARM_UP) totals.push(total);
  }

  const parcels = (db.$client.prepare("select count(*) as n from parcels").get() as { n: number }).n;
  const events = (db.$client.prepare("select count(*) as n from parcel_events").get() as { n: number }).n;
  const views = organizationForecasts(ctx);
  console.log(`dashboard data, in-process: ${parcels.toLocaleString("en")} parcels, ${events.toLocaleString("en")} events, ${siteIds.length} sites`);
  console.log(`forecast views: ${views.length}, with a warning (charts drawn): ${views.filter((v) => v.crunches.length > 0).map((v) => v.code).join(", ") || "none"}`);
  console.log(`${RUNS} runs after ${WARM_UP} to warm up`);
  const row = (name: string, values: number[], cpuMs: number, result: string) =>
    console.log(
      `  ${name.padEnd(32)} p50 ${percentile(values, 0.5).toFixed(2).padStart(6)} ms · p95 ${percentile(values, 0.95).toFixed(2).padStart(6)} ms · ` +
        `cpu ${(cpuMs / RUNS).toFixed(2).padStart(6)} ms  ${result}`,
    );
  for (const [name, read] of reads) row(name, times.get(name)!, cpu.get(name)!, `result ${digest(read())}`);
  row("total (the page's three)", totals, totalCpu, "");
  db.$client.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

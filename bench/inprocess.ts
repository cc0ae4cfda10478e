/*
 * The API without HTTP: the same cycles as bench/load.ts called straight into
 * lib/api/handler.ts, one after another, to show what our own code costs per request, in
 * CPU and in commits, beside the machine's own limits measured in the same run
 * (bench/limits.ts).
 *
 *   BENCH_CYCLES=3000 npm run bench:inprocess
 */
import path from "node:path";
import { openDatabase } from "../db/client";
import type { ApiServices } from "../lib/api/handler";
import { postInProcess } from "./in-process-call";
import { SimulatedDoorController } from "@/lib/cabinet/door-controller";
import { walCommits } from "../db/wal";
import { describeLimitPair, higherLimits, measureLimits } from "./limits";
import { ROOT, SIZES, buildNetwork, codeReader, keys, percentile } from "./support";

const CYCLES = Number(process.env.BENCH_CYCLES ?? 3000);
const SYNCHRONOUS = (process.env.BENCH_SYNCHRONOUS ?? "FULL") as "FULL" | "NORMAL";
// Commits are counted over a first stretch with checkpoints off (db/wal.ts walCommits).
const COUNTED_CYCLES = 100;
const LIMITS_PORT = Number(process.env.BENCH_PORT ?? 3400) + 1;

async function main() {
  const network = buildNetwork(path.join(ROOT, "bench", "out", "inprocess"), 20);
  const db = openDatabase(network.file, { synchronous: SYNCHRONOUS });
  const services: ApiServices = { db, now: Date.now, doors: new SimulatedDoorController(), keys, rateLimitPerMinute: 1_000_000 };
  const reader = codeReader(network.file);
  const times: Record<string, number[]> = { reserve: [], deposit: [], collect: [] };
  const commits: Record<string, number> = { reserve: 0, deposit: 0, collect: 0 };
  let countingCommits = false;
  const send = async (what: string, token: string, pathname: string, body: unknown, key: string) => {
    const before = countingCommits ? walCommits(network.file) : 0;
    const started = performance.now();
    const response = await postInProcess(services, token, pathname, body, key);
    const json = JSON.parse(response.body) as Record<string, unknown>;
    times[what].push(performance.now() - started);
    if (countingCommits) commits[what] += walCommits(network.file) - before;
    if (response.status >= 300) throw new Error(`${what} ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const limitsBefore = await measureLimits(path.join(ROOT, "bench", "out", "limits"), SYNCHRONOUS, LIMITS_PORT);
  const cycle = async (n: number) => {
    const site = network.sites[n % network.sites.length];
    const phone = `139${String(n).padStart(8, "0")}`;
    const reserved = await send("reserve", site.carrierToken, "/parcels", { siteId: site.id, trackingNumber: `INPROC${n}X`, size: SIZES[n % SIZES.length], recipientPhone: phone }, `r-${n}`);
    const parcelId = (reserved.parcel as { id: number }).id;
    await send("deposit", site.carrierToken, `/parcels/${parcelId}/deposit`, undefined, `d-${n}`);
    await send("collect", site.kioskToken, "/kiosk/collections", { code: reader.code(parcelId), phoneLast4: phone.slice(-4) }, `c-${n}`);
  };

  // How many commits (fsyncs) one request costs: a first stretch with checkpoints off, its
  // commits read off the WAL.
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.pragma("wal_autocheckpoint = 0");
  countingCommits = true;
  for (let n = 1; n <= COUNTED_CYCLES; n++) await cycle(n);
  countingCommits = false;
  const commitsPerRequest = walCommits(network.file) / (COUNTED_CYCLES * 3);
  db.$client.pragma("wal_autocheckpoint = 1000");
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  for (const values of Object.values(times)) values.length = 0;

  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let n = COUNTED_CYCLES + 1; n <= COUNTED_CYCLES + CYCLES; n++) await cycle(n);
  const elapsed = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const requests = CYCLES * 3;
  console.log(`in-process: ${CYCLES} cycles, ${requests} requests (synchronous=${SYNCHRONOUS})`);
  const cpuMs = (used.user + used.system) / 1000 / requests;
  console.log(`wall ${(elapsed / requests).toFixed(3)} ms/request; cpu ${cpuMs.toFixed(3)} ms/request; ${commitsPerRequest.toFixed(2)} commits/request`);
  // Again after the run, as bench:load does: the ratios against the higher of each (higherLimits).
  const limitsAfter = await measureLimits(path.join(ROOT, "bench", "out", "limits"), SYNCHRONOUS, LIMITS_PORT);
  const limits = higherLimits(limitsBefore, limitsAfter);
  console.log(describeLimitPair(limitsBefore, limitsAfter, SYNCHRONOUS));
  // The results: what one core spends per request against what the machine allows.
  console.log(
    `result: ${(1000 / cpuMs).toFixed(0)} requests/s of one core's CPU = ${((1000 / cpuMs / limits.bareHttpPerSecond) * 100).toFixed(1)} % of bare HTTP; ` +
      `commits alone allow ${(limits.sqliteCommitsPerSecond / commitsPerRequest).toFixed(0)} requests/s (${commitsPerRequest.toFixed(2)} commits each)`,
  );
  for (const [what, values] of Object.entries(times)) {
    console.log(
      `  ${what.padEnd(8)} p50 ${percentile(values, 0.5).toFixed(3)} ms · p99 ${percentile(values, 0.99).toFixed(3)} ms · ${(commits[what] / COUNTED_CYCLES).toFixed(2)} commits`,
    );
  }
  reader.close();
  db.$client.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

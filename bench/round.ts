/*
 * The background round's hold on the event loop (`npm run bench:round`): the server runs it
 * every 10 s on the one event loop that also answers the API, so its longest stretch without
 * a turn is what a request arriving meanwhile waits. On the demo plus a 500-door station with
 * a year of history (bench/year-site.ts, as bench:pages), with every forecast stale so the
 * round recomputes them all: the round's length, its longest block (a 1 ms timer's largest
 * gap), and the parcel sweep alone, beside a bare turn of the event loop measured the same way.
 *
 *   npm run bench:round
 */
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "../db/client";
import { appContext } from "../lib/app-context";
import { runBackgroundJobsOnce } from "../lib/background/round";
import { SimulatedDoorController } from "../lib/cabinet/door-controller";
import { seedDemoData } from "../lib/demo/seed";
import { runParcelSweep } from "../lib/parcels/sweep";
import { ROOT, keys } from "./support";
import { addBigSite } from "./year-site";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** Runs `work` while a 1 ms timer notes the largest gap between its ticks. */
async function longestBlock(work: () => Promise<unknown>): Promise<{ totalMs: number; longestMs: number }> {
  let last = performance.now();
  let longestMs = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    longestMs = Math.max(longestMs, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  await work();
  const totalMs = performance.now() - started;
  // The stretch from the last tick to the end counts too.
  longestMs = Math.max(longestMs, performance.now() - last);
  clearInterval(tick);
  return { totalMs, longestMs };
}

async function main() {
  const dir = path.join(ROOT, "bench", "out", "round");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const db = openDatabase(path.join(dir, "locker.db"));
  const now = Date.now();
  await seedDemoData(db, keys, now);
  addBigSite(db, now);
  const ctx = appContext({ kind: "system" }, { db, now: Date.now, doors: new SimulatedDoorController(), keys });
  const parcels = (db.$client.prepare("select count(*) as n from parcels").get() as { n: number }).n;
  const sites = (db.$client.prepare("select count(*) as n from sites").get() as { n: number }).n;

  // The machine's own floor: a 1 ms timer's largest gap with nothing else to do.
  const idle = await longestBlock(() => new Promise((resolve) => setTimeout(resolve, 200)));
  console.log(`round: ${sites} sites, ${parcels.toLocaleString("en")} parcels; an idle event loop's longest gap ${idle.longestMs.toFixed(1)} ms`);

  // A first round compiles the code and statements, as a running server has.
  await runBackgroundJobsOnce(ctx);
  for (let n = 1; n <= ROUNDS; n++) {
    db.$client.exec("delete from site_forecasts");
    const round = await longestBlock(() => runBackgroundJobsOnce(ctx));
    console.log(`  round ${n}: ${round.totalMs.toFixed(0)} ms in all, longest block ${round.longestMs.toFixed(1)} ms (every forecast recomputed)`);
  }
  const sweeps = 20;
  const started = performance.now();
  for (let n = 0; n < sweeps; n++) runParcelSweep(ctx);
  console.log(`  parcel sweep alone: ${((performance.now() - started) / sweeps).toFixed(2)} ms`);
  db.$client.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/*
 * Load benchmark (`npm run bench:load`): the production server under many simulated
 * couriers and kiosks doing deposit → collect cycles over HTTP at a fixed arrival rate.
 * Prints throughput, latency percentiles, the server's CPU per request and the error rate
 * beside this machine's own limits measured in the same run (bench/limits.ts), then checks
 * the database: no door holds two live parcels, every acknowledged deposit and collection
 * is there.
 *
 * Without BENCH_RATE it first searches the highest arrival rate whose p99 stays under
 * 100 ms with no errors while the outbox keeps up (no message due for longer than 5 s when
 * the trial ends: each deposit's message carries its pickup code), with short trials,
 * doubling then bisecting, then measures that rate. Each trial starts once the server has
 * sent the messages the trials before it queued, so it pays for its own messages and not
 * for theirs.
 *
 *   npm run bench:load                       # search, then measure
 *   BENCH_RATE=150 BENCH_SECONDS=20 BENCH_SITES=20 npm run bench:load
 */
import path from "node:path";
import { describeLimitPair, describeLimits, higherLimits, measureLimits, processCpuMs } from "./limits";
import { ROOT, SIZES, buildNetwork, call, checkDatabase, codeReader, ensureBuild, outboxReader, percentile, startServer, type Ack } from "./support";

// Cycles per second; each cycle is three requests (assign, deposit, collect). Unset: searched.
const FIXED_RATE = process.env.BENCH_RATE ? Number(process.env.BENCH_RATE) : null;
const P99_GOAL_MS = 100;
const TRIAL_SECONDS = Number(process.env.BENCH_TRIAL_SECONDS ?? 6);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const SITES = Number(process.env.BENCH_SITES ?? 20);
const SYNCHRONOUS = (process.env.BENCH_SYNCHRONOUS ?? "FULL") as "FULL" | "NORMAL";
const PORT = Number(process.env.BENCH_PORT ?? 3400);
const MAX_IN_FLIGHT = 400;
// Reserve, deposit, collect: a cycle is three requests, one deposit and one collection.
const REQUESTS_PER_CYCLE = 3;
// A freshly started server compiles its code and statements on the first requests (about
// 0.3 s here); the figures are of a running server, so the first seconds are not counted.
// Their deposits and collections are still checked in the database afterwards.
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const OUTBOX_DRAIN_MAX_MS = 90_000;
// The outbox keeps up when no message has been due longer than this as a trial ends: the
// server sends every second (lib/background/round.ts), and a recipient waits for the code.
const OUTBOX_LAG_GOAL_MS = 5_000;

async function main() {
  ensureBuild();
  const limitsBefore = await measureLimits(path.join(ROOT, "bench", "out", "limits"), SYNCHRONOUS, PORT + 1);
  console.log(describeLimits(limitsBefore, SYNCHRONOUS));
  const network = buildNetwork(path.join(ROOT, "bench", "out", "load"), SITES);
  const server = await startServer(network.file, PORT, SYNCHRONOUS);
  const reader = codeReader(network.file);
  const outbox = outboxReader(network.file);
  // Each trial starts with the messages of the ones before it sent: the server delivers them in
  // its background round, and a trial that inherited that backlog would pay for its predecessors.
  const drainOutbox = async () => {
    const started = performance.now();
    while (outbox.due(Date.now()) > 0 && performance.now() - started < OUTBOX_DRAIN_MAX_MS) await new Promise((r) => setTimeout(r, 500));
    const left = outbox.due(Date.now());
    if (left > 0) console.log(`  (the outbox still held ${left} due messages after ${OUTBOX_DRAIN_MAX_MS / 1000} s)`);
  };
  const latency: Record<"reserve" | "deposit" | "collect", number[]> = { reserve: [], deposit: [], collect: [] };
  const acks: (Ack & { parcelSerial: number })[] = [];
  let errors = 0;
  let siteFull = 0;
  let inFlight = 0;
  let skipped = 0;
  const errorSamples = new Map<string, number>();
  const noteError = (what: string) => {
    errors++;
    errorSamples.set(what, (errorSamples.get(what) ?? 0) + 1);
  };

  // Every counted latency in order of arrival as well, for the per-minute lines of a long run.
  const inOrder: number[] = [];
  const noteLatency = (of: number[], ms: number) => {
    of.push(ms);
    inOrder.push(ms);
  };

  let serial = 0;
  let counting = false;
  const cycle = async () => {
    const n = ++serial;
    const site = network.sites[n % network.sites.length];
    const phone = `139${String(n).padStart(8, "0")}`;
    const reserve = await call(server.url, site.carrierToken, "POST", "/parcels", { siteId: site.id, trackingNumber: `LOAD${n}X`, size: SIZES[n % SIZES.length], recipientPhone: phone }, `r-${n}`);
    if (counting) noteLatency(latency.reserve, reserve.ms);
    if (reserve.status === 409 && (reserve.body.error as { code: string }).code === "SITE_FULL") return void siteFull++;
    if (reserve.status !== 201) return noteError(`reserve ${reserve.status}`);
    const parcelId = (reserve.body.parcel as { id: number }).id;
    const deposit = await call(server.url, site.carrierToken, "POST", `/parcels/${parcelId}/deposit`, undefined, `d-${n}`);
    if (counting) noteLatency(latency.deposit, deposit.ms);
    if (deposit.status !== 200) return noteError(`deposit ${deposit.status}`);
    acks.push({ kind: "deposit", parcelId, parcelSerial: n });
    const collect = await call(server.url, site.kioskToken, "POST", "/kiosk/collections", { code: reader.code(parcelId), phoneLast4: phone.slice(-4) }, `c-${n}`);
    if (counting) noteLatency(latency.collect, collect.ms);
    if (collect.status !== 200) return noteError(`collect ${collect.status}`);
    acks.push({ kind: "collect", parcelId, parcelSerial: n });
  };

  const drive = async (seconds: number, RATE: number) => {
    const started = performance.now();
    const running: Promise<void>[] = [];
    const total = RATE * seconds;
    for (let i = 0; i < total; i++) {
      // Open loop: arrivals keep their schedule whatever the server does.
      const due = started + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (inFlight >= MAX_IN_FLIGHT) {
        if (counting) skipped++;
        continue;
      }
      inFlight++;
      running.push(
        cycle()
          .catch((error: unknown) => noteError(`client ${(error as Error).message}`))
          .finally(() => inFlight--),
      );
    }
    await Promise.all(running);
    return started;
  };
  // One trial: warm-up, then `seconds` counted at `rate`. Latencies and errors are the trial's.
  const trial = async (rate: number, seconds: number) => {
    await drainOutbox();
    counting = false;
    await drive(WARMUP_SECONDS, rate);
    errors = 0;
    siteFull = 0;
    skipped = 0;
    errorSamples.clear();
    for (const values of Object.values(latency)) values.length = 0;
    const firstCounted = serial;
    counting = true;
    const cpuBefore = processCpuMs(server.child.pid!);
    inOrder.length = 0;
    // A run of two minutes or more prints each minute on its own: whether the server holds as
    // the database grows (a peak hour), not only on average.
    const started0 = performance.now();
    let mark = { at: started0, cpuMs: cpuBefore, requests: 0 };
    const minutes =
      seconds >= 120
        ? setInterval(() => {
            const now = { at: performance.now(), cpuMs: processCpuMs(server.child.pid!), requests: inOrder.length };
            const window = inOrder.slice(mark.requests, now.requests);
            const perRequest = now.cpuMs !== null && mark.cpuMs !== null && window.length > 0 ? ` · ${((now.cpuMs - mark.cpuMs) / window.length).toFixed(2)} ms CPU per request` : "";
            console.log(
              `  minute ${Math.round((now.at - started0) / 60_000)}: ${(window.length / ((now.at - mark.at) / 1000)).toFixed(0)} requests/s · p99 ${percentile(window, 0.99).toFixed(1)} ms${perRequest} · outbox ${outbox.due(Date.now())} due`,
            );
            mark = now;
          }, 60_000)
        : null;
    const started = await drive(seconds, rate);
    if (minutes) clearInterval(minutes);
    const elapsed = (performance.now() - started) / 1000;
    const cpuMs = cpuBefore === null ? null : processCpuMs(server.child.pid!)! - cpuBefore;
    counting = false;
    const backlog = outbox.due(Date.now());
    const outboxLagMs = outbox.lagMs(Date.now());
    const all = [...latency.reserve, ...latency.deposit, ...latency.collect];
    return { firstCounted, elapsed, all, p99: percentile(all, 0.99), cpuMs, backlog, outboxLagMs, clean: errors === 0 && skipped === 0 };
  };
  const held = (t: Awaited<ReturnType<typeof trial>>) => t.p99 < P99_GOAL_MS && t.clean && t.outboxLagMs <= OUTBOX_LAG_GOAL_MS;
  const describeTrial = (t: Awaited<ReturnType<typeof trial>>) =>
    `p99 ${t.p99.toFixed(1)} ms, oldest message due ${(t.outboxLagMs / 1000).toFixed(1)} s${t.clean ? "" : ` (errors ${errors}, not started ${skipped})`}`;

  let rate = FIXED_RATE;
  if (rate === null) {
    // Double while the goal holds, then bisect between the last rate that held and the first that did not.
    let good = 0;
    let bad = 0;
    for (let r = 25; bad === 0; r *= 2) {
      const t = await trial(r, TRIAL_SECONDS);
      console.log(`  search: ${r} cycles/s → ${describeTrial(t)}`);
      if (held(t)) good = r;
      else bad = r;
      if (r >= 4000) break;
    }
    for (let step = 0; step < 3 && bad > 0; step++) {
      const r = Math.round((good + bad) / 2);
      const t = await trial(r, TRIAL_SECONDS);
      console.log(`  search: ${r} cycles/s → ${describeTrial(t)}`);
      if (held(t)) good = r;
      else bad = r;
    }
    rate = Math.max(good, 10);
    console.log(`search: the highest rate holding p99 < ${P99_GOAL_MS} ms with the outbox keeping up is about ${rate} cycles/s (${rate * REQUESTS_PER_CYCLE} requests/s)`);
  }

  console.log(`load: ${rate} deposit→collect cycles/s for ${SECONDS} s over ${SITES} sites × 240 doors (synchronous=${SYNCHRONOUS}), after ${WARMUP_SECONDS} s of warm-up`);
  let measured = await trial(rate, SECONDS);
  // Short trials flatter the knee (a rate that held for 6 s can miss over 20 s): a searched
  // rate must also hold for the full measurement, else it steps down by 15 %, up to three times.
  for (let step = 0; FIXED_RATE === null && step < 3 && !held(measured); step++) {
    console.log(`  ${rate} cycles/s did not hold for ${SECONDS} s (${describeTrial(measured)}): trying ${Math.round(rate * 0.85)}`);
    rate = Math.round(rate * 0.85);
    measured = await trial(rate, SECONDS);
  }
  const { firstCounted, elapsed, all, cpuMs, backlog, outboxLagMs } = measured;
  console.log(`measured at ${rate} cycles/s`);
  await server.stop();
  reader.close();
  outbox.close();

  const counted = acks.filter((a) => a.parcelSerial > firstCounted);
  const deposits = counted.filter((a) => a.kind === "deposit").length;
  const collections = counted.length - deposits;
  const requests = all.length;
  const fmt = (values: number[]) =>
    `p50 ${percentile(values, 0.5).toFixed(1)} ms · p95 ${percentile(values, 0.95).toFixed(1)} ms · p99 ${percentile(values, 0.99).toFixed(1)} ms`;
  console.log(`elapsed ${elapsed.toFixed(1)} s; ${requests} requests (${(requests / elapsed).toFixed(0)}/s)`);
  console.log(`deposits + collections: ${deposits} + ${collections} = ${((deposits + collections) / elapsed).toFixed(0)} per second`);
  console.log(`  assign (reserve)  ${fmt(latency.reserve)}`);
  console.log(`  deposit           ${fmt(latency.deposit)}`);
  console.log(`  collect           ${fmt(latency.collect)}`);
  console.log(`  all requests      ${fmt(all)}`);
  const perSecond = requests / elapsed;
  if (cpuMs !== null) console.log(`server CPU ${(cpuMs / requests).toFixed(2)} ms per request (${((cpuMs / 1000 / elapsed) * 100).toFixed(0)} % of one core)`);
  // Whether the server's messages kept up with the cycles: a backlog is work the figures
  // above did not pay for, and recipients waiting for their codes.
  console.log(
    `outbox: ${backlog} messages due and not yet sent when the measure ended, the oldest due for ${(outboxLagMs / 1000).toFixed(1)} s ` +
      `(${outboxLagMs <= OUTBOX_LAG_GOAL_MS ? "kept up" : `DID NOT keep up: goal ≤ ${OUTBOX_LAG_GOAL_MS / 1000} s`})`,
  );
  // Again now that the app's server has stopped: see higherLimits.
  const limitsAfter = await measureLimits(path.join(ROOT, "bench", "out", "limits"), SYNCHRONOUS, PORT + 1);
  const limits = higherLimits(limitsBefore, limitsAfter);
  console.log(describeLimitPair(limitsBefore, limitsAfter, SYNCHRONOUS));
  console.log(
    `result: ${perSecond.toFixed(0)} requests/s = ${((perSecond / limits.bareHttpPerSecond) * 100).toFixed(1)} % of bare HTTP; ` +
      `${((perSecond / limits.sqliteCommitsPerSecond) * 100).toFixed(1)} % of raw SQLite commits (bench:inprocess counts commits per request)`,
  );
  // Issue 19's goal, as written: deposits + collections per second, sustained at p99 under
  // 100 ms with no errors, of at least 25 % of the bare server's requests per second divided
  // by the requests per cycle (3), and at least 1,000. A rate that missed p99 meets nothing.
  const handled = (deposits + collections) / elapsed;
  const bareCycles = limits.bareHttpPerSecond / REQUESTS_PER_CYCLE;
  const sustained = held(measured);
  const goalMet = sustained && handled >= 0.25 * bareCycles && handled >= 1000;
  console.log(
    `goal: deposits + collections ${handled.toFixed(0)}/s = ${((handled / bareCycles) * 100).toFixed(1)} % of bare HTTP ÷ ${REQUESTS_PER_CYCLE} requests per cycle ` +
      `(${bareCycles.toFixed(0)}/s; goal ≥ 25 %, and ≥ 1,000/s, at p99 < ${P99_GOAL_MS} ms with no errors and the outbox keeping up): ` +
      `${goalMet ? "met" : sustained ? "NOT met" : `NOT met (${describeTrial(measured)})`}`,
  );
  console.log(`errors ${errors} (${((100 * errors) / Math.max(1, serial - firstCounted)).toFixed(2)} % of cycles), site full ${siteFull}, not started (client saturated) ${skipped}`);
  for (const [what, n] of errorSamples) console.log(`  ${what}: ${n}`);
  const verdict = checkDatabase(network.file, acks);
  console.log(
    `database: ${verdict.parcels} parcels; doors with two live parcels: ${verdict.twoLiveInOneSlot}; acknowledged deposits missing: ${verdict.lostDeposits}; acknowledged collections missing: ${verdict.lostCollections}`,
  );
  const ok = verdict.twoLiveInOneSlot === 0 && verdict.lostDeposits === 0 && verdict.lostCollections === 0;
  console.log(ok ? "invariants: hold" : "invariants: BROKEN");
  process.exit(ok ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

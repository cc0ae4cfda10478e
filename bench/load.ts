/*
 * Load benchmark (`npm run bench:load`): the production server under many simulated
 * couriers and kiosks doing deposit → collect cycles over HTTP at a fixed arrival rate.
 * Prints throughput, latency percentiles and the error rate, then checks the database:
 * no door holds two live parcels, every acknowledged deposit and collection is there.
 *
 *   BENCH_RATE=250 BENCH_SECONDS=20 BENCH_SITES=20 npm run bench:load
 */
import path from "node:path";
import { ROOT, SIZES, buildNetwork, call, checkDatabase, codeReader, ensureBuild, percentile, startServer, type Ack } from "./support";

const RATE = Number(process.env.BENCH_RATE ?? 250); // cycles per second; each cycle is a deposit and a collection: 250 is the target of 500
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const SITES = Number(process.env.BENCH_SITES ?? 20);
const SYNCHRONOUS = (process.env.BENCH_SYNCHRONOUS ?? "FULL") as "FULL" | "NORMAL";
const PORT = Number(process.env.BENCH_PORT ?? 3400);
const MAX_IN_FLIGHT = 400;
// A freshly started server compiles its code and statements on the first requests (about
// 0.3 s here); the figures are of a running server, so the first seconds are not counted.
// Their deposits and collections are still checked in the database afterwards.
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);

async function main() {
  ensureBuild();
  const network = buildNetwork(path.join(ROOT, "bench", "out", "load"), SITES);
  const server = await startServer(network.file, PORT, SYNCHRONOUS);
  const reader = codeReader(network.file);
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

  let serial = 0;
  let counting = false;
  const cycle = async () => {
    const n = ++serial;
    const site = network.sites[n % network.sites.length];
    const phone = `139${String(n).padStart(8, "0")}`;
    const reserve = await call(server.url, site.carrierToken, "POST", "/parcels", { siteId: site.id, trackingNumber: `LOAD${n}X`, size: SIZES[n % SIZES.length], recipientPhone: phone }, `r-${n}`);
    if (counting) latency.reserve.push(reserve.ms);
    if (reserve.status === 409 && (reserve.body.error as { code: string }).code === "SITE_FULL") return void siteFull++;
    if (reserve.status !== 201) return noteError(`reserve ${reserve.status}`);
    const parcelId = (reserve.body.parcel as { id: number }).id;
    const deposit = await call(server.url, site.carrierToken, "POST", `/parcels/${parcelId}/deposit`, undefined, `d-${n}`);
    if (counting) latency.deposit.push(deposit.ms);
    if (deposit.status !== 200) return noteError(`deposit ${deposit.status}`);
    acks.push({ kind: "deposit", parcelId, parcelSerial: n });
    const collect = await call(server.url, site.kioskToken, "POST", "/kiosk/collections", { code: reader.code(parcelId), phoneLast4: phone.slice(-4) }, `c-${n}`);
    if (counting) latency.collect.push(collect.ms);
    if (collect.status !== 200) return noteError(`collect ${collect.status}`);
    acks.push({ kind: "collect", parcelId, parcelSerial: n });
  };

  console.log(`load: ${RATE} deposit→collect cycles/s for ${SECONDS} s over ${SITES} sites × 240 doors (synchronous=${SYNCHRONOUS}), after ${WARMUP_SECONDS} s of warm-up`);
  const drive = async (seconds: number) => {
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
  await drive(WARMUP_SECONDS);
  errors = 0;
  siteFull = 0;
  errorSamples.clear();
  const firstCounted = serial;
  counting = true;
  const started = await drive(SECONDS);
  const elapsed = (performance.now() - started) / 1000;
  await server.stop();
  reader.close();

  const counted = acks.filter((a) => a.parcelSerial > firstCounted);
  const deposits = counted.filter((a) => a.kind === "deposit").length;
  const collections = counted.length - deposits;
  const all = [...latency.reserve, ...latency.deposit, ...latency.collect];
  const requests = all.length;
  const fmt = (values: number[]) =>
    `p50 ${percentile(values, 0.5).toFixed(1)} ms · p95 ${percentile(values, 0.95).toFixed(1)} ms · p99 ${percentile(values, 0.99).toFixed(1)} ms`;
  console.log(`elapsed ${elapsed.toFixed(1)} s; ${requests} requests (${(requests / elapsed).toFixed(0)}/s)`);
  console.log(`deposits + collections: ${deposits} + ${collections} = ${((deposits + collections) / elapsed).toFixed(0)} per second`);
  console.log(`  assign (reserve)  ${fmt(latency.reserve)}`);
  console.log(`  deposit           ${fmt(latency.deposit)}`);
  console.log(`  collect           ${fmt(latency.collect)}`);
  console.log(`  all requests      ${fmt(all)}`);
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

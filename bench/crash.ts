/*
 * Crash benchmark (`npm run bench:crash`): deposit → collect cycles over HTTP while the
 * server is killed with SIGKILL again and again and restarted on the same database.
 * Clients retry with the same Idempotency-Key, as a handheld would. Afterwards: every
 * deposit and collection the server acknowledged is in the database, and no door holds
 * two live parcels.
 *
 *   BENCH_KILLS=5 BENCH_RATE=80 npm run bench:crash
 */
import path from "node:path";
import { ROOT, SIZES, buildNetwork, call, checkDatabase, codeReader, ensureBuild, startServer, type Ack, type CallResult, type Server } from "./support";

const KILLS = Number(process.env.BENCH_KILLS ?? 5);
const RATE = Number(process.env.BENCH_RATE ?? 80);
const KILL_EVERY_MS = Number(process.env.BENCH_KILL_EVERY_MS ?? 3000);
const SITES = Number(process.env.BENCH_SITES ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3410);

async function main() {
  ensureBuild();
  const network = buildNetwork(path.join(ROOT, "bench", "out", "crash"), SITES);
  let server: Server = await startServer(network.file, PORT);
  const url = server.url;
  const reader = codeReader(network.file);
  const acks: Ack[] = [];
  let retries = 0;
  let stopping = false;

  /** Retries a write through connection errors, 5xx and "still running", with one key. */
  const persist = async (token: string, pathname: string, body: unknown, key: string): Promise<CallResult | null> => {
    for (let attempt = 0; attempt < 200; attempt++) {
      try {
        const result = await call(url, token, "POST", pathname, body, key);
        if (result.status < 500 && !(result.status === 409 && (result.body.error as { code?: string })?.code === "IDEMPOTENCY_IN_PROGRESS")) return result;
      } catch {
        // the server is down; try again shortly
      }
      retries++;
      if (stopping && attempt > 100) return null;
      await new Promise((r) => setTimeout(r, 250));
    }
    return null;
  };

  let serial = 0;
  const cycle = async () => {
    const n = ++serial;
    const site = network.sites[n % network.sites.length];
    const phone = `139${String(n).padStart(8, "0")}`;
    const reserve = await persist(site.carrierToken, "/parcels", { siteId: site.id, trackingNumber: `CRASH${n}X`, size: SIZES[n % SIZES.length], recipientPhone: phone }, `r-${n}`);
    if (!reserve || (reserve.status !== 201 && reserve.status !== 200)) return;
    const parcelId = (reserve.body.parcel as { id: number }).id;
    const deposit = await persist(site.carrierToken, `/parcels/${parcelId}/deposit`, undefined, `d-${n}`);
    if (deposit?.status !== 200) return;
    acks.push({ kind: "deposit", parcelId });
    const collect = await persist(site.kioskToken, "/kiosk/collections", { code: reader.code(parcelId), phoneLast4: phone.slice(-4) }, `c-${n}`);
    if (collect?.status === 200) acks.push({ kind: "collect", parcelId });
  };

  console.log(`crash: ${RATE} cycles/s, SIGKILL every ${KILL_EVERY_MS} ms, ${KILLS} times`);
  const running: Promise<void>[] = [];
  const generator = (async () => {
    const started = performance.now();
    for (let i = 0; !stopping; i++) {
      const wait = started + (i * 1000) / RATE - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      running.push(cycle());
    }
  })();
  for (let kill = 1; kill <= KILLS; kill++) {
    await new Promise((r) => setTimeout(r, KILL_EVERY_MS));
    await server.stop("SIGKILL");
    console.log(`  kill ${kill}: server killed with ${acks.length} acknowledgements so far; restarting`);
    server = await startServer(network.file, PORT);
  }
  await new Promise((r) => setTimeout(r, KILL_EVERY_MS));
  stopping = true;
  await generator;
  await Promise.all(running);
  await server.stop();
  reader.close();

  const verdict = checkDatabase(network.file, acks);
  const deposits = acks.filter((a) => a.kind === "deposit").length;
  console.log(`cycles started ${serial}; acknowledged deposits ${deposits}, collections ${acks.length - deposits}; client retries ${retries}`);
  console.log(
    `database: ${verdict.parcels} parcels; doors with two live parcels: ${verdict.twoLiveInOneSlot}; acknowledged deposits missing: ${verdict.lostDeposits}; acknowledged collections missing: ${verdict.lostCollections}`,
  );
  const ok = verdict.twoLiveInOneSlot === 0 && verdict.lostDeposits === 0 && verdict.lostCollections === 0;
  console.log(ok ? "invariants: hold — nothing acknowledged was lost" : "invariants: BROKEN");
  process.exit(ok ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

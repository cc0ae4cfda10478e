/*
 * The API without HTTP: the same cycles as bench/load.ts called straight into
 * lib/api/handler.ts, one after another, to show what our own code costs per request.
 *
 *   BENCH_CYCLES=3000 npm run bench:inprocess
 */
import path from "node:path";
import { openDatabase } from "../db/client";
import { handleApiRequest, type ApiServices } from "../lib/api/handler";
import { SimulatedDoorController } from "@/lib/cabinet/door-controller";
import { ROOT, SIZES, buildNetwork, codeReader, keys, percentile } from "./support";

const CYCLES = Number(process.env.BENCH_CYCLES ?? 3000);
const SYNCHRONOUS = (process.env.BENCH_SYNCHRONOUS ?? "FULL") as "FULL" | "NORMAL";

async function main() {
  const network = buildNetwork(path.join(ROOT, "bench", "out", "inprocess"), 20);
  const db = openDatabase(network.file, { synchronous: SYNCHRONOUS });
  const services: ApiServices = { db, now: Date.now, doors: new SimulatedDoorController(), keys, rateLimitPerMinute: 1_000_000 };
  const reader = codeReader(network.file);
  const times: Record<string, number[]> = { reserve: [], deposit: [], collect: [] };
  const send = async (what: string, token: string, pathname: string, body: unknown, key: string) => {
    const started = performance.now();
    const response = await handleApiRequest(services, {
      method: "POST",
      path: pathname,
      query: new URLSearchParams(),
      header: (name) => ({ authorization: `Bearer ${token}`, "idempotency-key": key })[name],
      body: body === undefined ? "" : JSON.stringify(body),
    });
    const json = JSON.parse(response.body) as Record<string, unknown>;
    times[what].push(performance.now() - started);
    if (response.status >= 300) throw new Error(`${what} ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let n = 1; n <= CYCLES; n++) {
    const site = network.sites[n % network.sites.length];
    const phone = `139${String(n).padStart(8, "0")}`;
    const reserved = await send("reserve", site.carrierToken, "/parcels", { siteId: site.id, trackingNumber: `INPROC${n}X`, size: SIZES[n % SIZES.length], recipientPhone: phone }, `r-${n}`);
    const parcelId = (reserved.parcel as { id: number }).id;
    await send("deposit", site.carrierToken, `/parcels/${parcelId}/deposit`, undefined, `d-${n}`);
    await send("collect", site.kioskToken, "/kiosk/collections", { code: reader.code(parcelId), phoneLast4: phone.slice(-4) }, `c-${n}`);
  }
  const elapsed = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const requests = CYCLES * 3;
  console.log(`in-process: ${CYCLES} cycles, ${requests} requests (synchronous=${SYNCHRONOUS})`);
  console.log(`wall ${(elapsed / requests).toFixed(3)} ms/request; cpu ${((used.user + used.system) / 1000 / requests).toFixed(3)} ms/request`);
  for (const [what, values] of Object.entries(times)) {
    console.log(`  ${what.padEnd(8)} p50 ${percentile(values, 0.5).toFixed(3)} ms · p99 ${percentile(values, 0.99).toFixed(3)} ms`);
  }
  reader.close();
  db.$client.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

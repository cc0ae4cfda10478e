/*
 * Pages written per request, by table and index (`npm run bench:wal-pages`): the same
 * deposit → collect cycles as bench/load.ts, called in-process 8 at a time so that their
 * writes share commits as concurrent requests do (db/group-commit.ts), with checkpoints off;
 * then every frame in the WAL is charged to the B-tree that owns its page (SQLite's dbstat).
 * Each frame is a 4 KiB page written with two system calls and copied again by the next
 * checkpoint, so this is the write cost a schema change moves (docs/PERFORMANCE.md).
 *
 *   BENCH_CYCLES=2000 npm run bench:wal-pages
 */
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "../db/client";
import type { ApiServices } from "../lib/api/handler";
import { postInProcess } from "./in-process-call";
import { SimulatedDoorController } from "@/lib/cabinet/door-controller";
import { ROOT, SIZES, buildNetwork, codeReader, keys } from "./support";

const CYCLES = Number(process.env.BENCH_CYCLES ?? 2000);
const WARMUP_CYCLES = 500;
const TOGETHER = 8;

async function main() {
  const network = buildNetwork(path.join(ROOT, "bench", "out", "wal-pages"), 20);
  const db = openDatabase(network.file, { synchronous: "NORMAL" });
  const services: ApiServices = { db, now: Date.now, doors: new SimulatedDoorController(), keys, rateLimitPerMinute: 1_000_000 };
  const reader = codeReader(network.file);
  const send = async (token: string, pathname: string, body: unknown, key: string) => {
    const response = await postInProcess(services, token, pathname, body, key);
    if (response.status >= 300) throw new Error(`${pathname} ${response.status} ${response.body}`);
    return JSON.parse(response.body) as Record<string, unknown>;
  };
  const cycles = async (from: number, to: number) => {
    for (let first = from; first < to; first += TOGETHER) {
      const ns = Array.from({ length: TOGETHER }, (_, i) => first + i);
      const deposited = await Promise.all(
        ns.map(async (n) => {
          const site = network.sites[n % network.sites.length];
          const phone = `139${String(n).padStart(8, "0")}`;
          const reserved = await send(site.carrierToken, "/parcels", { siteId: site.id, trackingNumber: `WALPAGES${n}X`, size: SIZES[n % SIZES.length], recipientPhone: phone }, `r-${n}`);
          const parcelId = (reserved.parcel as { id: number }).id;
          await send(site.carrierToken, `/parcels/${parcelId}/deposit`, undefined, `d-${n}`);
          return { site, parcelId, phone, n };
        }),
      );
      await Promise.all(
        deposited.map(({ site, parcelId, phone, n }) => send(site.kioskToken, "/kiosk/collections", { code: reader.code(parcelId), phoneLast4: phone.slice(-4) }, `c-${n}`)),
      );
    }
  };

  await cycles(0, WARMUP_CYCLES);
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.pragma("wal_autocheckpoint = 0");
  await cycles(WARMUP_CYCLES, WARMUP_CYCLES + CYCLES);

  const owners = new Map<number, string>();
  for (const row of db.$client.prepare("select name, pageno from dbstat").all() as { name: string; pageno: number }[]) owners.set(row.pageno, row.name);
  const wal = fs.readFileSync(`${network.file}-wal`);
  const pageSize = wal.readUInt32BE(8);
  const byTree = new Map<string, number>();
  let frames = 0;
  let commits = 0;
  for (let offset = 32; offset + 24 + pageSize <= wal.length; offset += 24 + pageSize) {
    frames++;
    if (wal.readUInt32BE(offset + 4) !== 0) commits++;
    const tree = owners.get(wal.readUInt32BE(offset)) ?? "(freed since)";
    byTree.set(tree, (byTree.get(tree) ?? 0) + 1);
  }
  const requests = CYCLES * 3;
  console.log(`wal-pages: ${CYCLES} cycles, ${requests} requests, ${TOGETHER} cycles at a time, checkpoints off`);
  console.log(`${frames} WAL frames of ${pageSize} bytes in ${commits} commits: ${(frames / requests).toFixed(2)} pages per request, ${(requests / commits).toFixed(1)} requests per commit`);
  for (const [tree, n] of [...byTree].sort((a, b) => b[1] - a[1])) {
    if (n / requests < 0.01) continue;
    console.log(`  ${(n / requests).toFixed(2).padStart(5)}  ${tree}`);
  }
  reader.close();
  db.$client.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

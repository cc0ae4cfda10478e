/*
 * Page benchmark (`npm run bench:pages`): the server's time to first byte of the pages
 * people open most (the courier's site page, the customer's parcel list, the admin
 * dashboard), signed in as each, through the production server (scripts/server.mjs), at the
 * demo's size and at a 500-door site with a year of history, and the time to the page's last
 * byte (compressed, as a browser asks for it). Beside them, in the same run,
 * a bare node:http server's time per request on the same machine (bench/limits.ts).
 *
 *   BENCH_REQUESTS=200 npm run bench:pages
 */
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "../db/client";
import { sites } from "../db/schema";
import { seedDemoData } from "../lib/demo/seed";
import { measureLimits, processCpuMs } from "./limits";
import { appContext } from "../lib/app-context";
import { SimulatedDoorController } from "../lib/cabinet/door-controller";
import { refreshStaleForecasts } from "../lib/forecast/store";
import { ROOT, ensureBuild, keys, percentile, startServer } from "./support";
import { addBigSite } from "./year-site";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARM_UP = 20;
const PORT = Number(process.env.BENCH_PORT ?? 3420);
const GOAL_P95_MS = 50;
const PASSWORD = "locker-demo-2026";

type Page = { who: string; email: string; path: (bigSiteId: number | null, demoSiteId: number) => string };
const PAGES: Page[] = [
  { who: "courier site page", email: "zto.courier@demo.campus", path: (big, demo) => `/courier/sites/${big ?? demo}` },
  { who: "customer parcel list", email: "alice@demo.campus", path: () => "/parcels" },
  { who: "admin dashboard", email: "admin@demo.campus", path: () => "/admin" },
];

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

/** Time to the response's headers (first byte), and to its last byte. */
async function timePage(url: string, cookie: string): Promise<{ firstByte: number[]; lastByte: number[] }> {
  const times: number[] = [];
  const whole: number[] = [];
  for (let n = 0; n < WARM_UP + REQUESTS; n++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie, "accept-language": "zh-CN" }, redirect: "manual" });
    const firstByte = performance.now() - started;
    const body = await response.text();
    const lastByte = performance.now() - started;
    if (response.status !== 200) throw new Error(`${url}: ${response.status} ${body.slice(0, 200)}`);
    if (n >= WARM_UP) {
      times.push(firstByte);
      whole.push(lastByte);
    }
  }
  return { firstByte: times, lastByte: whole };
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
  await refreshStaleForecasts(appContext({ kind: "system" }, { db, now: () => now, doors: new SimulatedDoorController(), keys }));
  const demoSiteId = db.select({ id: sites.id }).from(sites).orderBy(sites.id).get()!.id;
  const parcelCount = (db.$client.prepare("select count(*) as n from parcels").get() as { n: number }).n;
  const doorCount = (db.$client.prepare("select count(*) as n from slots").get() as { n: number }).n;
  db.$client.close();

  const server = await startServer(file, PORT);
  try {
    console.log(`\n${label}: ${parcelCount.toLocaleString("en")} parcels, ${doorCount} doors${bigSiteId ? " (one station of 500 doors with a year of history)" : ""}`);
    for (const page of PAGES) {
      const cookie = await signIn(server.url, page.email);
      const cpuBefore = processCpuMs(server.child.pid!);
      const { firstByte: times, lastByte } = await timePage(`${server.url}${page.path(bigSiteId, demoSiteId)}`, cookie);
      const cpuAfter = processCpuMs(server.child.pid!);
      // The server's own CPU per page (all its threads), steadier from run to run than the
      // time to first byte, which the machine's other work stretches.
      const cpu = cpuBefore !== null && cpuAfter !== null ? `; server CPU ${((cpuAfter - cpuBefore) / (WARM_UP + REQUESTS)).toFixed(1)} ms a page` : "";
      const p50 = percentile(times, 0.5);
      const p95 = percentile(times, 0.95);
      console.log(
        `  ${page.who.padEnd(22)} p50 ${p50.toFixed(1).padStart(6)} ms · p95 ${p95.toFixed(1).padStart(6)} ms ` +
          `(${p95 <= GOAL_P95_MS ? "within" : "OVER"} the ${GOAL_P95_MS} ms goal; ${(p95 / bareMsPerRequest).toFixed(0)}× a bare HTTP request${cpu}); ` +
          // A page that streams its slow part after its shell sends its first byte early; the last byte says when all of it was there.
          `whole page p95 ${percentile(lastByte, 0.95).toFixed(1)} ms`,
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

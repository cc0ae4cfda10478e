/*
 * Largest Contentful Paint benchmark (`npm run bench:lcp`): Lighthouse's mobile preset
 * (slow 4G, CPU × 4), applied and simulated (LCP_THROTTLING; see Throttling), median of three runs, on the pages issue 14 set a goal for
 * — a customer's pickup page (its QR and code), the unpaired kiosk, and /sign-in — and,
 * as the same run's baseline on the same loaded machine, the landing page: the same shell,
 * stylesheet and framework scripts, and no client component of its own (Lighthouse will
 * not measure a 404, so the app's smallest page cannot be the baseline). The goal is an LCP
 * of 1.5 s on a quiet machine; the ratio to the baseline is what carries across machines.
 *
 * Lighthouse runs through npx (pinned; fetched once into npm's cache) on the system
 * Chromium (CHROME_PATH, default /usr/bin/chromium).
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { ENC_HEX, HMAC_HEX, ROOT, ensureBuild, startServer } from "./support";

const LIGHTHOUSE = "lighthouse@12.8.2";
const PORT = Number(process.env.BENCH_PORT ?? 3410);
const RUNS = Number(process.env.LCP_RUNS ?? 3);
const THROTTLING = (process.env.LCP_THROTTLING ?? "devtools,simulate").split(",") as Throttling[];
const CHROME = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

type Run = { lcp: number; element: string };

/**
 * "simulate" is Lighthouse's default (Lantern): it loads the page unthrottled and estimates
 * slow 4G and CPU × 4 from that trace. On localhost it counts every script that happened to
 * load and run before the unthrottled first paint as blocking it, which depends on a race
 * of a few milliseconds: runs of the same page land near 1 s or near 2 s. "devtools" applies
 * the same throttling to the real load (network latency and throughput, CPU × 4), so the
 * order of paint and scripts is the throttled one: the figure the goal is read against.
 */
type Throttling = "devtools" | "simulate";

function lighthouse(url: string, cookie: string | null, throttling: Throttling): Promise<Run> {
  const out = path.join(os.tmpdir(), `lcp-${process.pid}-${Date.now()}.json`);
  const args = [
    "-y",
    LIGHTHOUSE,
    url,
    "--only-audits=largest-contentful-paint,largest-contentful-paint-element,first-contentful-paint",
    "--output=json",
    `--output-path=${out}`,
    "--quiet",
    `--throttling-method=${throttling}`,
    "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
  ];
  if (cookie) args.push(`--extra-headers=${JSON.stringify({ Cookie: cookie })}`);
  return new Promise((resolve, reject) => {
    const child = spawn("npx", args, { env: { ...process.env, CHROME_PATH: CHROME }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => {
      if (code !== 0 || !fs.existsSync(out)) return reject(new Error(`lighthouse failed (${code}): ${stderr.slice(-800)}`));
      const report = JSON.parse(fs.readFileSync(out, "utf8"));
      fs.rmSync(out, { force: true });
      const lcp = report.audits["largest-contentful-paint"].numericValue as number;
      const items = report.audits["largest-contentful-paint-element"]?.details?.items?.[0]?.items ?? [];
      const node = items.find((item: { node?: unknown }) => item.node)?.node as { nodeLabel?: string; selector?: string } | undefined;
      resolve({ lcp, element: node ? `${node.selector ?? ""} “${(node.nodeLabel ?? "").slice(0, 40)}”` : "?" });
    });
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A signed-in customer's session cookie and the page of one of their waiting parcels. */
async function customerPickupPage(url: string): Promise<{ cookie: string; pickup: string }> {
  const browser = await chromium.launch({ executablePath: CHROME, args: ["--no-sandbox"] });
  try {
    const page = await browser.newPage();
    await page.goto(`${url}/sign-in`);
    await page.getByLabel("Email or phone").fill("alice@demo.campus");
    await page.getByLabel("Password").fill("locker-demo-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/parcels$/);
    const href = await page.getByRole("link", { name: /Details and timeline/ }).first().getAttribute("href");
    const cookies = await page.context().cookies();
    return { cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; "), pickup: `${url}${href}` };
  } finally {
    await browser.close();
  }
}

async function main() {
  ensureBuild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-lcp-"));
  const databasePath = path.join(dir, "locker.db");
  const env = { ...process.env, DATABASE_PATH: databasePath, DEMO_DATA: "true", PICKUP_CODE_HMAC_KEY: HMAC_HEX, PICKUP_CODE_ENCRYPTION_KEY: ENC_HEX };
  const setup = spawnSync(process.execPath, [path.join(ROOT, "scripts/run-ts.mjs"), "scripts/db-setup.ts"], { cwd: ROOT, env, stdio: "ignore" });
  if (setup.status !== 0) throw new Error("database setup failed");
  const server = await startServer(databasePath, PORT);
  try {
    const { cookie, pickup } = await customerPickupPage(server.url);
    const pages: { name: string; url: string; cookie: string | null; goal: boolean }[] = [
      { name: "baseline: the landing page", url: `${server.url}/`, cookie: null, goal: false },
      { name: "/sign-in", url: `${server.url}/sign-in`, cookie: null, goal: true },
      { name: "kiosk, unpaired", url: `${server.url}/kiosk/ZJG-N`, cookie: null, goal: true },
      { name: "pickup (customer's parcel)", url: pickup, cookie, goal: true },
    ];
    console.log(`LCP, Lighthouse mobile (slow 4G, CPU × 4), median of ${RUNS}; goal 1500 ms on a quiet machine`);
    for (const throttling of THROTTLING) {
      console.log(throttling === "devtools" ? "throttling applied to the load (devtools):" : "throttling simulated from an unthrottled load (Lantern, Lighthouse's default):");
      let baseline = 0;
      for (const page of pages) {
        const runs: Run[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await lighthouse(page.url, page.cookie, throttling));
        const lcp = median(runs.map((run) => run.lcp));
        if (!page.goal) baseline = lcp;
        const element = runs.find((run) => run.lcp === lcp)!.element;
        const ratio = page.goal && baseline > 0 ? `  ×${(lcp / baseline).toFixed(2)} of baseline` : "";
        console.log(`  ${page.name.padEnd(30)} ${String(Math.round(lcp)).padStart(6)} ms${ratio}  runs ${runs.map((r) => Math.round(r.lcp)).join("/")}  ${element}`);
      }
    }
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

#!/usr/bin/env node
/*
 * The web server Playwright starts (playwright.config.ts → webServer): a fresh database in
 * .e2e-data/ with the demo data, then the production build (`npm run test:e2e` builds it
 * first) on 127.0.0.1:3100. Every run starts from the same state.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

const PORT = process.env.E2E_PORT ?? "3100";
const dataDir = path.join(root, PORT === "3100" ? ".e2e-data" : `.e2e-data-${PORT}`);
fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });

const env = {
  ...process.env,
  DATABASE_PATH: path.join(dataDir, "locker.db"),
  // The journeys run on the demo network, whatever the operator's shell says.
  DEMO_DATA: "true",
  // The journeys confirm phones with the codes they read in the development mailbox
  // (e2e/support/customers.ts); a real deployment never opens it (.env.example).
  DEV_MAILBOX: "open",
  AUTH_TRUST_HOST: "true",
  // The server's clock adds the offset the journeys move (lib/clock.ts, e2e/support/clock.ts).
  TEST_CLOCK: "true",
  NEXT_TELEMETRY_DISABLED: "1",
  PORT,
};

const setup = spawnSync(process.execPath, ["scripts/run-ts.mjs", "scripts/db-setup.ts"], { stdio: "inherit", env });
if (setup.status !== 0) {
  console.error("e2e-server: database setup failed");
  process.exit(setup.status ?? 1);
}

const server = spawn(process.execPath, ["scripts/server.mjs"], { stdio: "inherit", env: { ...env, HOSTNAME: "127.0.0.1" } });

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

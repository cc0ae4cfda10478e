#!/usr/bin/env node
/*
 * `npm start`: the quick start. Prepares the database (created, migrated and filled with
 * demo data on first start), builds the app when the build is missing or older than the
 * source, then serves it with the production server (scripts/server.mjs).
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const port = process.env.PORT ?? "3000";
// Auth.js refuses requests from a host it was not told to trust; behind `next start` the
// host is whatever the browser used (localhost, a LAN address), so trust it unless the
// operator decided otherwise.
// Next.js's anonymous usage reports are off unless the operator turns them on: a campus
// server has no business calling home (and often cannot).
const env = { ...process.env, AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true", NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1", PORT: port };

const SOURCE_DIRS = ["app", "components", "lib", "db", "public"];
const SOURCE_FILES = [
  "proxy.ts",
  "middleware.ts",
  "instrumentation.ts",
  "auth.ts",
  "auth.config.ts",
  "package.json",
  "package-lock.json",
  "next.config.js",
  "tsconfig.json",
  "postcss.config.mjs",
];

/** Newest modification time (ms) under `dir`; tests and migrations do not affect the build. */
function newestMtime(dir) {
  let newest = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules" || entry.name === "migrations") continue;
    if (/\.test\.tsx?$/.test(entry.name) || entry.name === "__tests__") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.isFile()) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsStale() {
  let built;
  try {
    built = fs.statSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID")).mtimeMs;
  } catch {
    return true;
  }
  const sources = [
    ...SOURCE_DIRS.map((dir) => newestMtime(path.join(root, dir))),
    ...SOURCE_FILES.map((file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0)),
  ];
  return Math.max(...sources) > built;
}

function run(args, what) {
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`\n${what} failed${result.signal ? ` (${result.signal})` : ""}.`);
    process.exit(result.status ?? 1);
  }
}

// The database first: a page rendered at build time may read it.
run(["scripts/run-ts.mjs", "scripts/db-setup.ts"], "Database setup");

if (buildIsStale()) {
  console.log("Building the app (first start only)…");
  run([nextBin, "build"], "The build");
}

console.log(`\nParcel lockers: http://localhost:${port}${process.env.DEMO_DATA === "false" ? "" : "  (demo accounts: see README.md)"}\n`);
const server = spawn(process.execPath, ["scripts/server.mjs"], { stdio: "inherit", env });

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

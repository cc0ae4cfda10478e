#!/usr/bin/env node
/*
 * Runs a TypeScript file the way the app's server code runs: compiled on the fly by tsx and
 * resolved under the "react-server" export condition. db/ and lib/ start with
 * `import "server-only"`, which throws under the default condition and is an empty module
 * under "react-server" — the same condition Next.js uses for server code.
 *
 *   node scripts/run-ts.mjs scripts/db-setup.ts [args…]
 */
import { spawn } from "node:child_process";

const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error("usage: node scripts/run-ts.mjs <file.ts> [args…]");
  process.exit(2);
}

const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", file, ...args], {
  stdio: "inherit",
});

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => child.kill(signal));
}

child.on("error", (error) => {
  console.error(`run-ts: could not start ${file}: ${error.message}`);
  process.exit(1);
});

child.on("exit", (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});

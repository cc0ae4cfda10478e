/*
 * Where a CPU profile of bench/inprocess.ts spends the requests' time, for
 * docs/PERFORMANCE.md:
 *
 *   BENCH_CYCLES=2000 node --conditions=react-server --import tsx --cpu-prof --cpu-prof-dir=bench/out/profile bench/inprocess.ts
 *   node bench/cpu-profile.mjs bench/out/profile/CPU.*.001.cpuprofile
 *
 * Or of the production server under load (its code is Next.js's build, read back to our
 * sources through the build's source maps):
 *
 *   BENCH_SERVER_PROFILE=bench/out/profile BENCH_RATE=375 npm run bench:load
 *   node bench/cpu-profile.mjs bench/out/profile/CPU.*.0.001.cpuprofile   (the main thread)
 *
 * Samples of the benchmark's own bookkeeping (the machine's limits, the network it builds,
 * the WAL read that counts commits) are left out, and so is the COMMIT itself (the fsync of
 * synchronous=FULL, which waits on the disk rather than using the CPU). Every other sample
 * is charged to the nearest function of our code (lib/, db/) on its stack, and sorted into
 * drizzle building a query, drizzle mapping rows, SQLite running a statement, the garbage
 * collector, or other JavaScript. Async continuations lose their callers, so a sample with
 * none of our code on its stack is "(none)": the benchmark's driver, module loading, and
 * the request's own code after an await.
 */
import fs from "node:fs";
import { SourceMap } from "node:module";

const [file, top = "30"] = process.argv.slice(2);
if (!file) {
  console.error("usage: node bench/cpu-profile.mjs <file.cpuprofile> [rows]");
  process.exit(1);
}
const BOOKKEEPING = new Set(["walCommits", "measureLimits", "buildNetwork", "codeReader", "(idle)", "(program)"]);
const profile = JSON.parse(fs.readFileSync(file, "utf8"));
// A frame in a chunk of the build becomes the source line it was built from.
const sourceMaps = new Map();
function sourceMapOf(url) {
  if (!sourceMaps.has(url)) {
    let map = null;
    try {
      map = new SourceMap(JSON.parse(fs.readFileSync(`${new URL(url).pathname}.map`, "utf8")));
    } catch {
      // not a file of the build, or built without a map
    }
    sourceMaps.set(url, map);
  }
  return sourceMaps.get(url);
}
for (const node of profile.nodes) {
  const frame = node.callFrame;
  if (!frame.url.includes("/.next/")) continue;
  const entry = sourceMapOf(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber);
  if (!entry?.originalSource) continue;
  // Turbopack names our files [project]/lib/…; packages keep their node_modules path.
  const source = entry.originalSource.replace(/^.*?\[project\]\//, "/").replace(/^(\.\.\/)+/, "/");
  // Our own functions' names in the build are minified, so the map's name; a package's
  // frame keeps V8's name (its methods, get/run/all/values, survive minifying), which the map
  // would give as whatever name stands nearest in its source.
  const ours = !source.includes("/node_modules/");
  node.callFrame = { ...frame, functionName: ours ? entry.name || "(anonymous)" : frame.functionName, url: source };
}
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
const timeOf = new Map();
profile.samples.forEach((id, i) => timeOf.set(id, (timeOf.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

function* stack(id) {
  for (let at = id; at !== undefined; at = parents.get(at)) yield nodes.get(at).callFrame;
}

const charged = new Map();
const kinds = new Map();
let total = 0;
let commits = 0;
for (const [id, time] of timeOf) {
  const frames = [...stack(id)];
  if (frames.some((frame) => BOOKKEEPING.has(frame.functionName))) continue;
  const leaf = frames[0];
  if (leaf.functionName === "exec" && frames.some((frame) => frame.functionName === "commitGroup")) {
    commits += time;
    continue;
  }
  total += time;
  let inStatement = false;
  let inDrizzle = false;
  let owner = "(none)";
  for (const frame of frames) {
    if (/drizzle-orm\/better-sqlite3\/session/.test(frame.url) && /^(get|run|all|values)$/.test(frame.functionName)) inStatement = true;
    if (frame.url.includes("drizzle-orm")) inDrizzle = true;
    const ours = /\/(lib|db)\/[^/].*\.ts$/.exec(frame.url);
    if (ours && !frame.url.includes("node_modules")) {
      owner = `${frame.functionName || "(anonymous)"} ${frame.url.slice(frame.url.lastIndexOf("/lib/") >= 0 ? frame.url.lastIndexOf("/lib/") + 1 : frame.url.lastIndexOf("/db/") + 1)}`;
      break;
    }
  }
  const kind =
    leaf.functionName === "(garbage collector)"
      ? "garbage collector"
      : inStatement && /drizzle-orm\/better-sqlite3\/session/.test(leaf.url)
        ? "SQLite runs the statement"
        : inDrizzle
          ? inStatement
            ? "drizzle maps rows"
            : "drizzle builds a query"
          : "JavaScript";
  kinds.set(kind, (kinds.get(kind) ?? 0) + time);
  const key = `${owner} — ${kind}`;
  charged.set(key, (charged.get(key) ?? 0) + time);
}

const share = (time) => `${((100 * time) / total).toFixed(1).padStart(5)} %`;
console.log(`requests' CPU in the profile: ${(total / 1e6).toFixed(1)} s (the COMMITs' fsync, left out: ${(commits / 1e6).toFixed(1)} s)`);
for (const [kind, time] of [...kinds].sort((a, b) => b[1] - a[1])) console.log(`${share(time)}  ${kind}`);
console.log("by our function:");
for (const [key, time] of [...charged].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) console.log(`${share(time)}  ${key}`);

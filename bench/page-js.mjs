#!/usr/bin/env node
/*
 * JavaScript a page sends above a blank Next.js page (issue 15's budget: kiosk and pickup
 * pages within 25 KiB gzip above it), read from a production build:
 *  - a page's JavaScript: the union of its route's client entry chunks
 *    (page_client-reference-manifest.js: layouts, boundaries, page), gzip level 9;
 *  - the blank page: Next's root main files (build-manifest.json rootMainFiles), which
 *    every page loads and a blank page loads alone;
 *  - next-intl's own share: its client API (NextIntlClientProvider, useTranslations,
 *    useLocale) bundled alone by esbuild, minified, with react and next left out, gzip 9,
 *    formatting precompiled messages as the build does (next.config.js: precompile), and
 *    beside it the same API with the ICU parser it would otherwise bring.
 *    "Without next-intl" is the page's figure less that share.
 * Usage: npm run bench:page-js [-- <distDir>]   (after `next build`)
 *        node bench/page-js.mjs --check       exits 1 when a page is over the budget
 *                                             (npm run test:e2e runs it after its build)
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { createRequire } from "node:module";
import { build } from "esbuild";

const args = process.argv.slice(2);
const check = args.includes("--check");
const dist = args.find((arg) => !arg.startsWith("--")) ?? process.env.NEXT_DIST_DIR ?? ".next";
const BUDGET = 25 * 1024;
const gz = (buffer) => zlib.gzipSync(buffer, { level: 9 }).length;
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const fileSize = (file) => gz(fs.readFileSync(path.join(dist, file)));

const manifest = JSON.parse(fs.readFileSync(path.join(dist, "build-manifest.json"), "utf8"));
const root = new Set(manifest.rootMainFiles);
const blank = [...root].reduce((sum, file) => sum + fileSize(file), 0);

function routeChunks(route, key) {
  globalThis.self = globalThis;
  globalThis.__RSC_MANIFEST = {};
  new Function(fs.readFileSync(path.join(dist, "server/app", route, "page_client-reference-manifest.js"), "utf8"))();
  const entries = globalThis.__RSC_MANIFEST[key].entryJSFiles;
  return new Set(Object.values(entries).flat().filter((file) => !root.has(file)));
}

const require = createRequire(import.meta.url);
const bundleLibrary = (alias) => build({
  stdin: { contents: 'export { NextIntlClientProvider, useTranslations, useLocale } from "next-intl";', resolveDir: process.cwd() },
  bundle: true,
  minify: true,
  write: false,
  format: "esm",
  platform: "browser",
  conditions: ["production"],
  define: { "process.env.NODE_ENV": '"production"' },
  external: ["react", "react-dom", "react/jsx-runtime", "next", "next/*"],
  alias,
});
// next-intl's plugin makes the same alias when it precompiles the message files.
const precompiled = await bundleLibrary({ "use-intl/format-message": require.resolve("use-intl/format-message/format-only") });
const withParser = await bundleLibrary({});
const library = gz(Buffer.from(precompiled.outputFiles[0].contents));
const parser = gz(Buffer.from(withParser.outputFiles[0].contents)) - library;

console.log(`blank Next.js page (root main files): ${kib(blank)} gzip`);
console.log(`next-intl client API alone: ${kib(library)} gzip with precompiled messages (the ICU parser it leaves out: ${kib(parser)})`);
for (const [name, route, key] of [
  ["kiosk", "kiosk/[site]", "/kiosk/[site]/page"],
  ["pickup (My parcels → one parcel)", "(main)/(customer)/parcels/[id]", "/(main)/(customer)/parcels/[id]/page"],
]) {
  const above = [...routeChunks(route, key)].reduce((sum, file) => sum + fileSize(file), 0);
  console.log(`${name}: ${kib(above)} above blank with next-intl, ${kib(above - library)} without (budget ${kib(BUDGET)})`);
  if (above > BUDGET) {
    console.error(`${name}: over the budget by ${kib(above - BUDGET)}`);
    if (check) process.exitCode = 1;
  }
}

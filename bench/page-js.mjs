#!/usr/bin/env node
/*
 * JavaScript a page sends above a blank Next.js page (issue 15's budget: kiosk and pickup
 * pages within 25 KiB gzip above it), read from a production build:
 *  - a page's JavaScript: the union of its route's client entry chunks
 *    (page_client-reference-manifest.js: layouts, boundaries, page), gzip level 9;
 *  - the blank page: Next's root main files (build-manifest.json rootMainFiles), which
 *    every page loads and a blank page loads alone;
 *  - next-intl's own share: its client API (NextIntlClientProvider, useTranslations,
 *    useLocale) bundled alone by esbuild, minified, with react and next left out, gzip 9.
 *    "Without next-intl" is the page's figure less that share.
 * Usage: npm run bench:page-js [-- <distDir>]   (after `next build`)
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { build } from "esbuild";

const dist = process.argv[2] ?? process.env.NEXT_DIST_DIR ?? ".next";
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

const bundled = await build({
  stdin: { contents: 'export { NextIntlClientProvider, useTranslations, useLocale } from "next-intl";', resolveDir: process.cwd() },
  bundle: true,
  minify: true,
  write: false,
  format: "esm",
  platform: "browser",
  conditions: ["production"],
  define: { "process.env.NODE_ENV": '"production"' },
  external: ["react", "react-dom", "react/jsx-runtime", "next", "next/*"],
});
const library = gz(Buffer.from(bundled.outputFiles[0].contents));

console.log(`blank Next.js page (root main files): ${kib(blank)} gzip`);
console.log(`next-intl client API alone: ${kib(library)} gzip`);
for (const [name, route, key] of [
  ["kiosk", "kiosk/[site]", "/kiosk/[site]/page"],
  ["pickup (My parcels → one parcel)", "(main)/(customer)/parcels/[id]", "/(main)/(customer)/parcels/[id]/page"],
]) {
  const above = [...routeChunks(route, key)].reduce((sum, file) => sum + fileSize(file), 0);
  console.log(`${name}: ${kib(above)} above blank with next-intl, ${kib(above - library)} without (budget 25 KiB)`);
}

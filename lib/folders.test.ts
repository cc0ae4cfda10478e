import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * The folders of lib/ are layers: a rule is found by its folder's name only if folders
 * do not lean on each other in a circle (then neither can be read, changed or tested
 * without the other). This builds the folder-level import graph — type imports count
 * too, since a type drags its folder's meaning along — and fails on any cycle, naming
 * the files that close it. A file at lib/'s top (clock.ts, context.ts…) is its own node.
 */

const LIB = path.resolve(__dirname);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** "parcels" for lib/parcels/deposit.ts, "clock" for lib/clock.ts; null outside lib/. */
function folderOf(libRelative: string): string | null {
  if (libRelative.startsWith("..")) return null;
  const parts = libRelative.split("/");
  return parts.length > 1 ? parts[0] : parts[0].replace(/\.tsx?$/, "");
}

const SPECIFIER = /(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;

type FolderGraph = Map<string, Map<string, Set<string>>>;

function folderGraph(files: { path: string; source: string }[]): FolderGraph {
  const graph: FolderGraph = new Map();
  for (const file of files) {
    const from = folderOf(file.path);
    if (from === null) continue;
    const edges = graph.get(from) ?? new Map<string, Set<string>>();
    graph.set(from, edges);
    for (const match of file.source.matchAll(SPECIFIER)) {
      const specifier = match[1] ?? match[2];
      let target: string;
      if (specifier.startsWith("@/lib/")) target = specifier.slice("@/lib/".length);
      else if (specifier.startsWith(".")) target = path.posix.join(path.posix.dirname(file.path), specifier);
      else continue;
      const to = folderOf(target.includes("/") ? target : `${target}.ts`);
      if (to === null || to === from) continue;
      edges.set(to, (edges.get(to) ?? new Set()).add(file.path));
    }
  }
  return graph;
}

/** Strongly connected groups of more than one folder (Tarjan). */
function cycles(graph: FolderGraph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe("lib/ folders form layers", () => {
  it("no folder imports, directly or through others, a folder that imports it", () => {
    const files = sourceFiles(LIB).map((file) => ({
      path: path.relative(LIB, file).split(path.sep).join("/"),
      source: fs.readFileSync(file, "utf8"),
    }));
    const graph = folderGraph(files);
    const report = cycles(graph).map((group) =>
      group
        .flatMap((a) => group.filter((b) => graph.get(a)?.has(b)).map((b) => `${a} → ${b} (${[...graph.get(a)!.get(b)!].join(", ")})`))
        .join("; "),
    );
    expect(report).toEqual([]);
  });

  it("the check sees a cycle through relative, alias and type imports", () => {
    const graph = folderGraph([
      { path: "parcels/deposit.ts", source: 'import type { Door } from "@/lib/doors/open";' },
      { path: "doors/open.ts", source: 'import { hold } from "./hold";\nimport { ctx } from "../context";' },
      { path: "context.ts", source: 'export { deposit } from "./parcels/deposit";' },
      { path: "clock.ts", source: 'import { z } from "zod";' },
    ]);
    expect(cycles(graph)).toEqual([["context", "doors", "parcels"]]);
  });
});

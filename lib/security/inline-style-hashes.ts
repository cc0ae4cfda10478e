import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/*
 * Next.js puts the stylesheet inline in each page's <head> (next.config.js,
 * experimental.inlineCss), so the first paint waits on no stylesheet request (issue 14).
 * React renders those <style> elements without the request's nonce, so the policy names
 * them by the hash of their content instead: the build's own CSS files, read once per
 * process. No file (a test, `next dev`) means no hash: nothing inline is allowed then.
 */

const cached = new Map<string, string[]>();

function cssFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return cssFiles(full);
    return entry.name.endsWith(".css") ? [full] : [];
  });
}

/** CSP sources ('sha256-…') for every stylesheet of the build in `distDir`. */
export function inlineStyleHashes(distDir = process.env.NEXT_DIST_DIR || ".next"): string[] {
  let hashes = cached.get(distDir);
  if (!hashes) {
    hashes = cssFiles(path.join(process.cwd(), distDir, "static")).map(
      (file) => `'sha256-${createHash("sha256").update(fs.readFileSync(file)).digest("base64")}'`,
    );
    cached.set(distDir, hashes);
  }
  return hashes;
}

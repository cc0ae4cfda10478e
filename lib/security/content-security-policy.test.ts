import { describe, expect, test } from "vitest";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { contentSecurityPolicy, generateNonce } from "./content-security-policy";
import { inlineStyleHashes } from "./inline-style-hashes";

const directives = (policy: string) =>
  new Map(policy.split("; ").map((directive) => [directive.split(" ")[0], directive.split(" ").slice(1)] as const));

describe("the Content-Security-Policy header", () => {
  test("scripts run only with this request's nonce, and what they load (strict-dynamic)", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123==" }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy.get("script-src")).not.toContain("'unsafe-eval'");
  });

  test("style elements need the nonce; only style attributes may be inline", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123==" }));
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(policy.get("style-src-elem")).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(policy.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
  });

  test("the build's inlined stylesheets are allowed by the hash of their content, and nothing else inline", () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), "csp-dist-"));
    try {
      fs.mkdirSync(path.join(dist, "static", "chunks"), { recursive: true });
      const css = "body{color:red}";
      fs.writeFileSync(path.join(dist, "static", "chunks", "app.css"), css);
      fs.writeFileSync(path.join(dist, "static", "chunks", "app.js"), "not a stylesheet");
      const hashes = inlineStyleHashes(path.relative(process.cwd(), dist));
      expect(hashes).toEqual([`'sha256-${createHash("sha256").update(css).digest("base64")}'`]);
      const policy = directives(contentSecurityPolicy({ nonce: "abc123==", styleHashes: hashes }));
      expect(policy.get("style-src-elem")).toEqual(["'self'", "'nonce-abc123=='", hashes[0]]);
      expect(policy.get("style-src-elem")).not.toContain("'unsafe-inline'");
    } finally {
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });

  test("no framing, no plugins, no foreign base or form targets", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "n" }));
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
  });

  test("development alone allows eval and inline style elements, which next dev needs", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "n", development: true }));
    expect(policy.get("script-src")).toContain("'unsafe-eval'");
    expect(policy.get("style-src-elem")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  test("only a page that asks for WebAssembly may compile it, and still may not eval JavaScript", () => {
    expect(directives(contentSecurityPolicy({ nonce: "n" })).get("script-src")).not.toContain("'wasm-unsafe-eval'");
    const courier = directives(contentSecurityPolicy({ nonce: "n", webAssembly: true }));
    expect(courier.get("script-src")).toEqual(["'self'", "'nonce-n'", "'strict-dynamic'", "'wasm-unsafe-eval'"]);
    expect(courier.get("script-src")).not.toContain("'unsafe-eval'");
  });

  test("is one header line: no newline, each directive once", () => {
    const policy = contentSecurityPolicy({ nonce: generateNonce() });
    expect(policy).not.toMatch(/[\r\n]/);
    const names = policy.split("; ").map((directive) => directive.split(" ")[0]);
    expect(new Set(names).size).toBe(names.length);
  });

  test("a nonce is 16 random bytes in base64, new every time", () => {
    const nonces = Array.from({ length: 100 }, generateNonce);
    expect(new Set(nonces).size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

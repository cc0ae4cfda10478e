/*
 * The Content-Security-Policy of every page, built per request around a fresh nonce
 * (proxy.ts). Next.js reads the policy from the request headers, finds the nonce and puts
 * it on its own <script> tags; 'strict-dynamic' then lets those scripts load the chunks
 * they need, and nothing else runs: no injected inline script, no script from elsewhere.
 *
 * No "server-only" here: proxy.ts imports this, and it reads no secret and no database.
 */

export type CspOptions = {
  /** Fresh per request, unguessable (generateNonce). */
  nonce: string;
  /**
   * `next dev` evaluates code with eval (React's debugging stacks, fast refresh) and its
   * overlay injects styles without the nonce; a production build needs neither.
   */
  development?: boolean;
  /**
   * Lets the page compile WebAssembly: the courier's pages, whose barcode decoder is
   * ZXing-C++ built to WebAssembly where the browser has no BarcodeDetector
   * (components/courier/scan/waybill-detector.ts). 'wasm-unsafe-eval' allows compiling
   * WebAssembly only, not eval() of JavaScript; the .wasm still comes from 'self'.
   */
  webAssembly?: boolean;
  /** Hashes of the stylesheets inlined in the page (lib/security/inline-style-hashes.ts). */
  styleHashes?: string[];
};

/** 16 bytes from the platform's cryptographic source, base64: a new one for every request. */
export function generateNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** The policy as one header value. */
export function contentSecurityPolicy({ nonce, development = false, webAssembly = false, styleHashes = [] }: CspOptions): string {
  const scripts = [
    "'self'",
    `'nonce-${nonce}'`,
    "'strict-dynamic'",
    ...(webAssembly ? ["'wasm-unsafe-eval'"] : []),
    ...(development ? ["'unsafe-eval'"] : []),
  ];
  // Stylesheets are Tailwind's, inline and named by hash (or its file, same origin), or carry the nonce. Components position
  // doors and draw bars with style="" attributes (grid rows and columns, widths, heights);
  // attributes cannot carry a nonce, so only they may be inline. An attribute cannot run
  // script, and any url() in it still answers to img-src.
  const styleElements = development ? ["'self'", "'unsafe-inline'"] : ["'self'", `'nonce-${nonce}'`, ...styleHashes];
  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    ["script-src", scripts],
    ["style-src", styleElements],
    ["style-src-elem", styleElements],
    ["style-src-attr", ["'unsafe-inline'"]],
    // data: for the pickup QR, drawn on the server as a data URL; blob: for camera frames.
    ["img-src", ["'self'", "data:", "blob:"]],
    ["font-src", ["'self'"]],
    ["connect-src", ["'self'"]],
    ["media-src", ["'self'", "blob:"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(" ")}`).join("; ");
}

// @ts-check
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const createNextIntlPlugin = require("next-intl/plugin");

/** next-intl reads each request's language and messages from here (no locale in the URL). */
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./app/_i18n/request.ts",
  experimental: {
    // The message files are compiled at build time, so browsers get no ICU parser
    // (issue 15's JavaScript budget; lib/i18n/messages.ts says what that means for our code).
    messages: { path: "./messages", format: "json", precompile: true },
  },
});

/**
 * Sent with every response: no framing (clickjacking on the kiosk and admin screens), no MIME sniffing, no referrer leaving the site.
 * The Content-Security-Policy is not here: it carries a per-request nonce, so proxy.ts sets it on every page.
 */
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
];

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // NEXT_DIST_DIR lets parallel e2e runs build side by side without sharing .next/.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native modules: loaded by Node at run time, never bundled.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2"],
  typescript: {
    // `npm test` type-checks the whole tree before it builds (`npm run typecheck`: the route
    // types, then tsc over every file the build would check) and says so, so that its build
    // does not check the same files again (about half a minute on CI's two cores).
    ignoreBuildErrors: process.env.TYPES_CHECKED === "true",
  },
  experimental: {
    // A CI machine builds once from a clean clone: the build's own cache would only be written.
    turbopackFileSystemCacheForBuild: !process.env.CI,
    // The stylesheet inline in each page's <head>, so the first paint waits on no second
    // request (issue 14: LCP). Its CSP hash: lib/security/inline-style-hashes.ts.
    inlineCss: true,
    // Turbopack merges chunks under 50 KB into each route's own, so a small module every
    // error boundary uses (next/link, the error screen) was copied into each of them.
    turbopackChunking: { minChunkSize: 8_000 },
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

module.exports = withNextIntl(nextConfig);

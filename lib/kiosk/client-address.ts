import "server-only";
import net from "node:net";

/*
 * The address a request came from, for limits on public pages (lib/kiosk/screen-pairing.ts).
 * X-Forwarded-For alone is whatever the client wrote: Next.js fills it in only when the
 * request has none. So the production server (scripts/server.mjs) stamps the socket's own
 * peer address in PEER_HEADER, replacing anything a client sent under that name. When that
 * peer is this machine or a private network — a reverse proxy in front of us — the proxy's
 * own entry, the last one of X-Forwarded-For, names the client instead.
 */

export const PEER_HEADER = "x-parcel-lockers-peer";

export function clientAddress(headers: Headers): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const peer = headers.get(PEER_HEADER)?.trim();
  // `next dev` / `next start` without our server: Next.js's own entry, or the client's.
  if (!peer) return forwarded.at(-1) ?? "unknown";
  return isProxyAddress(peer) && forwarded.length > 0 ? forwarded.at(-1)! : peer;
}

function isProxyAddress(address: string): boolean {
  const bare = address.startsWith("::ffff:") ? address.slice(7) : address;
  if (bare === "::1") return true;
  if (net.isIPv4(bare)) {
    const [a, b] = bare.split(".").map(Number);
    return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  return /^f[cd]/i.test(bare);
}

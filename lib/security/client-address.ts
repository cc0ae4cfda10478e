import "server-only";
import { env } from "@/lib/env";

/**
 * The address a request came from, for the limits per client: sign-in and sign-up, and the public kiosk-pairing page.
 *
 * X-Forwarded-For is a list each proxy appends to: the last `trustedProxyHops` entries
 * were written by proxies of ours, so the client is the entry just before them; anything
 * further left is whatever the client chose to send. With no proxy of ours (hops 0, the
 * default), scripts/server.mjs replaces the header with the socket's address, which Next.js
 * would otherwise only fill in when the client sent none — so the one entry is the socket's.
 * An operator behind a reverse proxy sets TRUSTED_PROXY_HOPS to the number of proxies in
 * front of the app (1 for one nginx); set higher than the truth, clients choose their own
 * address and escape the per-address limit (the per-account one still holds).
 */
export function clientAddress(headers: Headers, trustedProxyHops: number): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  if (entries.length === 0) return "unknown";
  return entries[Math.max(entries.length - Math.max(trustedProxyHops, 1), 0)];
}

/** This request's client address under the operator's proxy setting. */
export function requestClientAddress(headers: Headers): string {
  return clientAddress(headers, env().TRUSTED_PROXY_HOPS);
}

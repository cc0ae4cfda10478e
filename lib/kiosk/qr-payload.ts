// Client-safe: browser code imports this (CLIENT_SAFE_MODULES, eslint.config.mjs); it imports only client-safe modules.
/*
 * What the customer's pickup QR holds: the site code, so a kiosk can say "this code is for
 * another station" without asking the server, and a token the server signed for that one
 * parcel (lib/pickup-codes/qr-token.ts) — short-lived and never slowed down at the kiosk,
 * because it is not a guess. Shared by the server (rendering the QR) and the kiosk's
 * scanner in the browser, so it holds no server code.
 *
 *   PLK2:ZJG-N:2x.mhd1k2q0.9f86d081884c7d659a2feaa0c55ad015
 *
 * The first QRs (PLK1) held the code and phone digits themselves; one still on a phone
 * reads as the code typed by hand, so it goes through the kiosk's guessing limits.
 */

export const PICKUP_QR_VERSION = "PLK2";
const LEGACY_QR_VERSION = "PLK1";

/*
 * The code scheme's lengths (lib/pickup-codes/code.ts, which is server code and cannot be
 * imported by the kiosk's browser bundle); a unit test keeps the two equal.
 */
export const CODE_DIGITS = 6;
export const PHONE_DIGITS = 4;

export type PickupQr = { siteCode: string; token: string };
export type ScannedQr = ({ kind: "token" } & PickupQr) | { kind: "code"; siteCode: string; code: string; phoneLast4: string };

export function pickupQrPayload(qr: PickupQr): string {
  return [PICKUP_QR_VERSION, qr.siteCode, qr.token].join(":");
}

const SITE = "([A-Z0-9-]{1,40})";
const TOKEN_PATTERN = new RegExp(`^${PICKUP_QR_VERSION}:${SITE}:([0-9A-Z]{1,11}\\.[0-9A-Z]{1,11}\\.[0-9A-F]{32})$`);
const LEGACY_PATTERN = new RegExp(`^${LEGACY_QR_VERSION}:${SITE}:(\\d{${CODE_DIGITS}}):(\\d{${PHONE_DIGITS}})$`);

/** What a scanned QR holds, or null when it is not one of ours. Scanners may change its case. */
export function parsePickupQr(text: string): ScannedQr | null {
  const upper = text.trim().toUpperCase();
  const token = TOKEN_PATTERN.exec(upper);
  if (token) return { kind: "token", siteCode: token[1], token: token[2].toLowerCase() };
  const legacy = LEGACY_PATTERN.exec(upper);
  return legacy ? { kind: "code", siteCode: legacy[1], code: legacy[2], phoneLast4: legacy[3] } : null;
}

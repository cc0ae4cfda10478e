// Client-safe: browser code imports this (CLIENT_SAFE_MODULES, eslint.config.mjs); it imports only client-safe modules.
/*
 * What the customer's pickup QR holds: exactly what they would type at the kiosk — the
 * pickup code and the last 4 digits of their phone — plus the site code, so a kiosk can
 * say "this code is for another station" without spending one of the site's guesses.
 * Nothing else secret goes in. Shared by the server (rendering the QR) and the kiosk's
 * scanner in the browser, so it holds no server code.
 *
 *   PLK1:ZJG-N:482913:0001
 */

const PICKUP_QR_VERSION = "PLK1";

/*
 * The code scheme's lengths (lib/pickup-codes/code.ts, which is server code and cannot be
 * imported by the kiosk's browser bundle); a unit test keeps the two equal.
 */
export const CODE_DIGITS = 6;
export const PHONE_DIGITS = 4;

export type PickupQr = { siteCode: string; code: string; phoneLast4: string };

export function pickupQrPayload(qr: PickupQr): string {
  return [PICKUP_QR_VERSION, qr.siteCode, qr.code, qr.phoneLast4].join(":");
}

const PATTERN = new RegExp(`^${PICKUP_QR_VERSION}:([A-Z0-9-]{1,40}):(\\d{${CODE_DIGITS}}):(\\d{${PHONE_DIGITS}})$`);

/** The code and digits in a scanned QR, or null when it is not one of ours. */
export function parsePickupQr(text: string): PickupQr | null {
  const match = PATTERN.exec(text.trim().toUpperCase());
  return match ? { siteCode: match[1], code: match[2], phoneLast4: match[3] } : null;
}

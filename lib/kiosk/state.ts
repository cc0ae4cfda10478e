// Client-safe: browser code imports this (CLIENT_SAFE_MODULES, eslint.config.mjs); it imports only client-safe modules.
/*
 * What the kiosk's collect action hands back to the screen. Shared with the browser, so it
 * holds no server code. It never carries the code or phone digits that were entered, nor
 * anything about the parcel beyond its door — and, while its door failed to open, the id
 * the screen sends back to try the door again (lib/parcels/retry-door.ts).
 */

export type KioskState =
  | { status: "idle" }
  | { status: "opened"; nonce: number; door: { label: string; lockerCode: string }; doorOpened: boolean; retryParcelId: number | null }
  | { status: "wrong"; nonce: number; message: string }
  | { status: "locked"; nonce: number; message: string; retryAfterMs: number }
  | { status: "expired"; nonce: number; message: string }
  | { status: "invalid"; nonce: number; message: string; fieldErrors: Record<string, string[]> }
  | { status: "error"; nonce: number; message: string };

export const KIOSK_IDLE: KioskState = { status: "idle" };

/** What asking for a pairing code hands back to an unpaired screen (the code itself is on the page). */
export type ScreenPairingState = { status: "idle" } | { status: "error"; message: string };

import "server-only";
import type { Ctx } from "@/lib/context";
import { kioskSlowDown, slowDownMessage, type LockedOutDetails } from "@/lib/kiosk/slow-down";
import { isDomainError } from "@/lib/errors";
import { KIOSK_IDLE, type KioskState } from "./state";

let nonce = 0;
const next = () => Date.now() * 1000 + (++nonce % 1000);

/**
 * The kiosk's one mapper from a refused collection to what the screen says. WRONG_CODE
 * keeps the verb's single message for every kind of miss; anything unexpected is logged
 * and becomes a generic apology, never the error itself.
 */
export function kioskErrorState(error: unknown): KioskState {
  if (isDomainError(error)) {
    switch (error.code) {
      case "WRONG_CODE":
        return { status: "wrong", nonce: next(), message: error.message };
      case "LOCKED_OUT":
        return {
          status: "locked",
          nonce: next(),
          message: error.message,
          retryAfterMs: (error.details as LockedOutDetails | undefined)?.retryAfterMs ?? 60_000,
        };
      case "PARCEL_EXPIRED":
        return { status: "expired", nonce: next(), message: error.message };
      case "NOT_FOUND":
        // A door that may not be tried again (lib/parcels/retry-door.ts): its own words.
        return { status: "error", nonce: next(), message: error.message };
      case "INVALID": {
        const details = (error.details ?? {}) as { fieldErrors?: Record<string, string[]> };
        return { status: "invalid", nonce: next(), message: error.message, fieldErrors: details.fieldErrors ?? {} };
      }
    }
  }
  console.error("Unexpected error at a kiosk:", error);
  return { status: "error", nonce: next(), message: "Something went wrong on our side. No door was opened; please try again." };
}

/** A door opened — or not: then `retryParcelId` lets the screen try it again, if it still may. */
export function openedState(door: { label: string; lockerCode: string }, doorOpened: boolean, retryParcelId: number | null = null): KioskState {
  return { status: "opened", nonce: next(), door, doorOpened, retryParcelId: doorOpened ? null : retryParcelId };
}

/**
 * What a paired screen shows when its page loads: the keypad, or the slow-down the server is
 * applying to this kiosk — the countdown is the server's, so a reload does not hide it.
 */
export function kioskStartState(ctx: Ctx): KioskState {
  const { retryAfterMs } = kioskSlowDown(ctx);
  return retryAfterMs > 0 ? { status: "locked", nonce: next(), message: slowDownMessage(retryAfterMs), retryAfterMs } : KIOSK_IDLE;
}

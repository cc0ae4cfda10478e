import "server-only";
import { isDomainError } from "@/lib/errors";
import { errorWords, fieldErrorWords, unexpectedWords } from "@/lib/error-words";
import type { Locale } from "@/lib/i18n/locales";
import { translateKey } from "@/lib/i18n/translate";
import type { DropOffDoor } from "./drop-off";
import type { SendState } from "./kiosk-state";

let nonce = 0;
const next = () => Date.now() * 1000 + (++nonce % 1000);

/**
 * The send screen's one mapper from a refusal to what the screen says, worded in `locale`
 * (runAction passes the request's: at a kiosk, the kiosk's); anything unexpected is logged, never shown.
 */
export function sendErrorState(error: unknown, _values: Record<string, string> = {}, locale: Locale = "en"): SendState {
  if (isDomainError(error)) {
    const message = errorWords(error, locale);
    switch (error.code) {
      case "WRONG_CODE":
        return { status: "wrong", nonce: next(), message };
      case "LOCKED_OUT":
        return { status: "locked", nonce: next(), message };
      case "PARCEL_EXPIRED":
        return { status: "expired", nonce: next(), message };
      case "SITE_FULL":
        return { status: "full", nonce: next(), message };
      case "NOT_FOUND":
      case "INVALID_TRANSITION":
        return { status: "error", nonce: next(), message };
      case "INVALID":
        return { status: "invalid", nonce: next(), message, fieldErrors: fieldErrorWords(error, locale) };
    }
  }
  console.error("Unexpected error at a kiosk's send screen:", error);
  return { status: "error", nonce: next(), message: unexpectedWords(locale, true) };
}

export function doorOpenState(door: DropOffDoor, message?: string): SendState {
  return {
    status: "open",
    nonce: next(),
    door: { label: door.slotLabel, lockerCode: door.lockerCode, size: door.size },
    doorOpened: door.doorOpened || door.replayed,
    outboundParcelId: door.outboundParcelId,
    message,
  };
}

export function doneState(carrierName: string, locale: Locale = "en"): SendState {
  return { status: "done", nonce: next(), message: translateKey(locale, "kiosk.send.doneMessage", { carrier: carrierName }) };
}

export function noDoorState(message: string): SendState {
  return { status: "full", nonce: next(), message };
}

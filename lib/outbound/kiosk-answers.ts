import "server-only";
import { isDomainError } from "@/lib/errors";
import type { DropOffDoor } from "./drop-off";
import type { SendState } from "./kiosk-state";

let nonce = 0;
const next = () => Date.now() * 1000 + (++nonce % 1000);

/** The send screen's one mapper from a refusal to what the screen says; anything unexpected is logged, never shown. */
export function sendErrorState(error: unknown): SendState {
  if (isDomainError(error)) {
    switch (error.code) {
      case "WRONG_CODE":
        return { status: "wrong", nonce: next(), message: error.message };
      case "LOCKED_OUT":
        return { status: "locked", nonce: next(), message: error.message };
      case "PARCEL_EXPIRED":
        return { status: "expired", nonce: next(), message: error.message };
      case "SITE_FULL":
        return { status: "full", nonce: next(), message: error.message };
      case "NOT_FOUND":
      case "INVALID_TRANSITION":
        return { status: "error", nonce: next(), message: error.message };
      case "INVALID": {
        const details = (error.details ?? {}) as { fieldErrors?: Record<string, string[]> };
        return { status: "invalid", nonce: next(), message: error.message, fieldErrors: details.fieldErrors ?? {} };
      }
    }
  }
  console.error("Unexpected error at a kiosk's send screen:", error);
  return { status: "error", nonce: next(), message: "Something went wrong on our side. Please try again." };
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

export function doneState(carrierName: string): SendState {
  return { status: "done", nonce: next(), message: `Thank you. Your parcel is in the locker and waits for ${carrierName} to collect it.` };
}

export function noDoorState(message: string): SendState {
  return { status: "full", nonce: next(), message };
}

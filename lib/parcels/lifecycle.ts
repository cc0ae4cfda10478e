import type { ParcelState } from "@/db/schema";
import { DomainError } from "@/lib/errors";

/** The arrows of DESIGN.md's lifecycle diagram; nothing else moves a parcel. */
const TRANSITIONS: Record<ParcelState, readonly ParcelState[]> = {
  announced: ["reserved", "cancelled"],
  reserved: ["deposited", "cancelled"],
  deposited: ["collected", "expired"],
  expired: ["returned"],
  collected: [],
  returned: [],
  cancelled: [],
};

export const STATE_LABELS: Record<ParcelState, string> = {
  announced: "announced",
  reserved: "waiting for the courier to close the door",
  deposited: "waiting for pickup",
  collected: "collected",
  expired: "expired, waiting for the courier to take it back",
  returned: "returned to the carrier",
  cancelled: "cancelled",
};

export function canTransition(from: ParcelState, to: ParcelState): boolean {
  return TRANSITIONS[from].includes(to);
}

export function assertTransition(from: ParcelState, to: ParcelState): void {
  if (!canTransition(from, to)) {
    throw new DomainError("INVALID_TRANSITION", "transitionRefused", { params: { from, to }, details: { from, to } });
  }
}

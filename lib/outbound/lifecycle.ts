import type { OutboundState } from "@/db/schema";
import { DomainError } from "@/lib/errors";

/*
 * The outbound lifecycle (docs/decisions/0013-outbound-parcels.md); nothing else moves an
 * outbound parcel. dropping_off → created is the open door's window lapsing, or no door
 * being left after a door fault: the code is not used up until a door closes on the parcel.
 */
const TRANSITIONS: Record<OutboundState, readonly OutboundState[]> = {
  created: ["dropping_off", "cancelled", "expired"],
  dropping_off: ["dropped_off", "created"],
  dropped_off: ["taken"],
  taken: [],
  cancelled: [],
  expired: [],
};

export const OUTBOUND_STATE_LABELS: Record<OutboundState, string> = {
  created: "waiting for drop-off",
  dropping_off: "door open for drop-off",
  dropped_off: "in the locker, waiting for the carrier",
  taken: "handed to carrier",
  cancelled: "cancelled",
  expired: "drop-off code expired",
};

export function canMoveOutbound(from: OutboundState, to: OutboundState): boolean {
  return TRANSITIONS[from].includes(to);
}

export function assertOutboundTransition(from: OutboundState, to: OutboundState): void {
  if (!canMoveOutbound(from, to)) {
    throw new DomainError("INVALID_TRANSITION", "outboundTransitionRefused", {
      params: { from, to: OUTBOUND_STATE_LABELS[to] },
      details: { from, to },
    });
  }
}

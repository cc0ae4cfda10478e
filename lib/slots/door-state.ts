import type { ParcelState, SlotSize } from "@/db/schema";
import { DomainError, type MessageParams } from "@/lib/errors";

/** What the admin's door grid shows a door as: what is behind it, or why nothing can be. */
export type DoorState = "free" | "reserved" | "occupied" | "expired" | "out_of_service" | "retired";

export function doorState(door: { inService: boolean; retiredAt: number | null; parcelState: ParcelState | null }): DoorState {
  if (door.retiredAt !== null) return "retired";
  if (door.parcelState === "reserved") return "reserved";
  if (door.parcelState === "deposited") return "occupied";
  if (door.parcelState === "expired") return "expired";
  return door.inService ? "free" : "out_of_service";
}

/** The refusal to remove a door, cabinet or site that still holds live parcels. */
export function holdsParcels(
  key: "lockerHoldsParcels" | "doorHoldsParcel" | "thisDoorHoldsParcel" | "thisLockerHoldsParcel",
  params?: MessageParams,
): DomainError {
  return new DomainError("CONFLICT", key, { params });
}

/** What every screen that draws a door knows of it: where it is, its size and its state. */
export type DoorFacts = {
  id: number;
  label: string;
  row: number;
  column: number;
  size: SlotSize;
  state: DoorState;
  inService: boolean;
  outOfServiceReason: string | null;
};

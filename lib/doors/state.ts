import "server-only";
import type { Ctx } from "@/lib/context";
import { loadDoor } from "./open";

/** A door as its cabinet reports it: open, closed, or a sensor that cannot tell. */
export type ReportedDoorState = "open" | "closed" | "unknown";

/**
 * What the cabinet last reported of the door of `slotId`, for the courier's door screen to
 * follow; null when the controller hears no cabinets (the simulated one), so a person's
 * "Door closed" is all there is. "unknown" also when a cabinet that is heard has not said.
 * No authorization: the caller has shown the parcel in this door to its reader.
 */
export function reportedDoorState(ctx: Ctx, slotId: number): ReportedDoorState | null {
  if (!ctx.doors.hearsCabinets) return null;
  return ctx.doors.reportedState?.(loadDoor(ctx, slotId)) ?? "unknown";
}

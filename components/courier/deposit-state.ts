import type { FormState } from "@/lib/forms/state";
import type { ConsentRequiredDetails } from "@/lib/consent/required";
import type { NoDoorWithinReachDetails, SiteFullDetails } from "@/lib/parcels/reserve";

/*
 * The state of the courier's deposit forms: the house FormState, plus — when the site has
 * no door of the size (SITE_FULL), or none within reach for a recipient who needs one
 * (NO_DOOR_WITHIN_REACH, with `withinReachMm`) — the nearest sites with room, so the form
 * can offer to switch.
 */
export type SiteFullNotice = SiteFullDetails | NoDoorWithinReachDetails;

export type DepositState = FormState & {
  siteFull?: SiteFullNotice;
  /** The recipient has not agreed to a locker: the action takes the courier to the request's screen. */
  consent?: ConsentRequiredDetails;
};

export const DEPOSIT_IDLE: DepositState = { status: "idle" };

/** The fields a deposit carries from one form (or site) to the next. */
export type DepositValues = Partial<
  Record<"trackingNumber" | "recipientPhone" | "recipientName" | "recipientEmail" | "size", string>
>;

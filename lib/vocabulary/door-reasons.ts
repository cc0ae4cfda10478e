// Client-safe: browser code imports this (CLIENT_SAFE_MODULES, eslint.config.mjs); it imports nothing.

/*
 * The reasons a courier picks on the door screen. The value sent is the English wording,
 * whatever the courier reads: it is stored in the parcel's history and the slot's fault,
 * which the admin screens and timelines word back into the reader's language by finding it
 * here (components/courier/parcel-timeline.tsx, lib/history/describe.ts).
 */
export const FAULT_REASONS = {
  notOpen: "Door did not open",
  damaged: "Door is damaged",
  noLock: "Door does not close or lock",
  occupied: "Something is already inside",
} as const;

export const CANCEL_REASONS = {
  wrongSite: "Wrong site for this parcel",
  wrongRecipient: "Recipient details are wrong",
  damaged: "Parcel is damaged",
} as const;

/** The message key (under courier.door) of a stored reason the courier picked, or null for their own words. */
export function pickedReasonKey(reason: string): `faultReasons.${keyof typeof FAULT_REASONS}` | `cancelReasons.${keyof typeof CANCEL_REASONS}` | null {
  for (const [key, value] of Object.entries(FAULT_REASONS)) if (value === reason) return `faultReasons.${key as keyof typeof FAULT_REASONS}`;
  for (const [key, value] of Object.entries(CANCEL_REASONS)) if (value === reason) return `cancelReasons.${key as keyof typeof CANCEL_REASONS}`;
  return null;
}

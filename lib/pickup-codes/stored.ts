import "server-only";
import { readPickupCode, type PickupCodeKeys } from "./code";

/**
 * Parcels already reported as holding a code this server cannot read: one log line each. On
 * globalThis, as Next.js loads this module once for the background round and again for pages.
 */
const REPORTED = Symbol.for("parcel-lockers.unreadable-pickup-codes");
const held = globalThis as typeof globalThis & { [REPORTED]?: Set<number> };
const reported = (held[REPORTED] ??= new Set<number>());

/**
 * A parcel's pickup code as stored, or null when it has none or this server's keys cannot
 * give it back (lib/pickup-codes/code.ts readPickupCode). A code that cannot be read is
 * logged once per parcel, for the operator: the cure is an admin's "Send the code again",
 * which issues the parcel a new one (lib/parcels/admin-actions.ts).
 */
export function storedPickupCode(
  keys: PickupCodeKeys,
  parcel: { id: number; siteId: number; pickupCodeHash: string | null; pickupCodeCipher: string | null },
): string | null {
  if (!parcel.pickupCodeHash || !parcel.pickupCodeCipher) return null;
  const code = readPickupCode(keys, parcel.siteId, parcel.pickupCodeHash, parcel.pickupCodeCipher);
  if (code === null && !reported.has(parcel.id)) {
    reported.add(parcel.id);
    console.error(
      `parcel ${parcel.id}: its pickup code cannot be read with this server's PICKUP_CODE_HMAC_KEY and PICKUP_CODE_ENCRYPTION_KEY; an admin's "send the code again" issues a new one`,
    );
  }
  return code;
}

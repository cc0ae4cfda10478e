import "server-only";
import type { SlotSize } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { DomainError, type ErrorKey } from "@/lib/errors";
import { nearestSitesWithRoom, needsDoorWithinReach, type AlternativeSite } from "@/lib/slots/assignment";
import { REACH_BAND_MM } from "@/lib/slots/reach";
import { SIZE_RANK } from "@/lib/slots/sizes";

export type SiteFullDetails = { size: SlotSize; alternatives: AlternativeSite[] };
/**
 * No free door of this size or larger lies within reach for a recipient who asked for one.
 * `alternatives`: the nearest sites with such a door free in the band, `free` counting only
 * doors in the band.
 */
export type NoDoorWithinReachDetails = SiteFullDetails & { withinReachMm: { low: number; high: number } };

export type NoDoor =
  | { code: "SITE_FULL"; details: SiteFullDetails }
  | { code: "NO_DOOR_WITHIN_REACH"; details: NoDoorWithinReachDetails };

/**
 * Why the assignment found no door for this recipient at this site, and where else to go:
 * the recipient who asked for doors within reach hears NO_DOOR_WITHIN_REACH with the sites
 * that have a free door in the band, anyone else SITE_FULL with the sites that have room.
 * Asked only after a refusal (off the hot path), inside the caller's transaction.
 */
export function whyNoDoor(ctx: Ctx, siteId: number, size: SlotSize, recipientPhone: string | null): NoDoor {
  const rank = SIZE_RANK[size];
  if (recipientPhone !== null && needsDoorWithinReach(ctx, recipientPhone)) {
    return {
      code: "NO_DOOR_WITHIN_REACH",
      details: { size, withinReachMm: REACH_BAND_MM, alternatives: nearestSitesWithRoom(ctx, siteId, rank, { withinReach: true }) },
    };
  }
  return { code: "SITE_FULL", details: { size, alternatives: nearestSitesWithRoom(ctx, siteId, rank) } };
}

/** The refusal for `noDoor`; `cancelled`: a reassignment found no door and cancelled the reservation (committed). */
export function noDoorError(noDoor: NoDoor, { cancelled = false }: { cancelled?: boolean } = {}): DomainError<SiteFullDetails> {
  const key: ErrorKey =
    noDoor.code === "SITE_FULL"
      ? cancelled
        ? "siteFullReservationCancelled"
        : "siteFull"
      : cancelled
        ? "noDoorWithinReachReservationCancelled"
        : "noDoorWithinReach";
  return new DomainError<SiteFullDetails>(noDoor.code, key, { params: { size: noDoor.details.size }, details: noDoor.details });
}

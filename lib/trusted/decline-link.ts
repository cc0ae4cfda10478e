import "server-only";
import { eq } from "drizzle-orm";
import { carriers, parcels, sites, slots, trustedPickups } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import type { Ctx } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { linkLocaleFacts, type LinkLocaleFacts } from "@/lib/i18n/preferences";
import { isSignedTokenFor, readSignedToken } from "@/lib/pickup-codes/signed-token";
import type { TrustedPickupRow } from "@/lib/parcels/trusted-codes";
import { parseInput } from "@/lib/validation";
import { trustedAsker } from "@/lib/notifications/trusted-asker";
import { TrustedDeclineInput } from "./schemas";
import { revoke } from "./trusted-persons";

/*
 * The trusted person's own say: the text that gives them a code carries a link, and
 * someone who cannot (or will not) collect for the recipient says so there. Their code
 * stops working at once and the recipient's parcel page says who declined, so the
 * recipient can name somebody else or go themselves. No sign-in: the signed link is the
 * proof, as for consent answers (lib/pickup-codes/signed-token.ts). The text's link is made
 * by trustedDeclinePath (lib/notifications/trusted-pickup.ts).
 */

const PURPOSE = "trusted-decline-v1";

export type TrustedLinkParcel = {
  recipient: string;
  carrier: string;
  trackingNumber: string;
  site: string;
  door: string | null;
  expiresAt: number | null;
  timeZone: string;
};

/** What the link's page shows: the open choice, that it was declined or used, or that the link is not (or no longer) good. */
export type TrustedLinkPage =
  | { kind: "invalid" }
  | { kind: "open" | "declined" | "ended"; parcel: TrustedLinkParcel };

/** The trusted pickup a token was signed for, run out or not; null when we signed no such token. */
function signedPickup(ctx: Ctx, token: string): { pickup: TrustedPickupRow; expiresAt: number } | null {
  const claim = readSignedToken(token);
  if (!claim) return null;
  const pickup = ctx.db.select().from(trustedPickups).where(eq(trustedPickups.id, claim.id)).get();
  if (!pickup || !isSignedTokenFor(ctx.keys, PURPOSE, claim, { id: pickup.id, expiresAt: claim.expiresAt, bound: pickup.phone })) return null;
  return { pickup, expiresAt: claim.expiresAt };
}

function pickupForToken(ctx: Ctx, token: string): TrustedPickupRow | null {
  const signed = signedPickup(ctx, token);
  return signed && signed.expiresAt > ctx.now() ? signed.pickup : null;
}

function parcelOf(ctx: Ctx, pickup: TrustedPickupRow): TrustedLinkParcel {
  const row = ctx.db
    .select({
      recipientName: parcels.recipientName,
      recipientPhone: parcels.recipientPhone,
      carrier: carriers.name,
      trackingNumber: parcels.trackingNumber,
      site: sites.name,
      timeZone: sites.timeZone,
      door: slots.label,
      expiresAt: parcels.expiresAt,
    })
    .from(parcels)
    .innerJoin(carriers, eq(carriers.id, parcels.carrierId))
    .innerJoin(sites, eq(sites.id, parcels.siteId))
    .leftJoin(slots, eq(slots.id, parcels.slotId))
    .where(eq(parcels.id, pickup.parcelId))
    .get()!;
  return {
    recipient: trustedAsker(ctx, row, pickup.createdByUserId),
    carrier: row.carrier,
    trackingNumber: row.trackingNumber,
    site: row.site,
    door: row.door,
    expiresAt: row.expiresAt,
    timeZone: row.timeZone,
  };
}

function pageOf(ctx: Ctx, pickup: TrustedPickupRow): TrustedLinkPage {
  const parcel = parcelOf(ctx, pickup);
  if (pickup.status === "active") return { kind: "open", parcel };
  if (pickup.status === "revoked" && pickup.revokedBy === "trusted_person") return { kind: "declined", parcel };
  return { kind: "ended", parcel };
}

/** The link's page. Anyone with the link — that is the point of it. */
export function trustedPickupByToken(ctx: Ctx, token: string): TrustedLinkPage {
  const pickup = pickupForToken(ctx, token);
  return pickup ? pageOf(ctx, pickup) : { kind: "invalid" };
}

/**
 * Whose language the link's page speaks (lib/i18n/person-link.ts): the account of the trusted
 * person's phone (their text was worded the same way), and the parcel's site. Null when the
 * token is not one we signed; a run-out link still names its person. Read only.
 */
export function trustedLinkLocale(ctx: Ctx, token: string): LinkLocaleFacts | null {
  const signed = signedPickup(ctx, token);
  const parcel = signed && ctx.db.select({ siteId: parcels.siteId }).from(parcels).where(eq(parcels.id, signed.pickup.parcelId)).get();
  return signed && parcel ? linkLocaleFacts(ctx.db, { phone: signed.pickup.phone, siteId: parcel.siteId }) : null;
}

/**
 * The trusted person declines: their code stops opening the door in this commit. Saying it
 * twice is fine. Raises INVALID (not our link, or it ran out) and CONFLICT (the code was
 * used, revoked by the recipient, or the parcel left the locker).
 */
export function declineTrustedPickup(ctx: Ctx, raw: unknown): TrustedLinkPage {
  const input = parseInput(TrustedDeclineInput, raw);
  return writeTransaction(ctx.db, () => {
    const pickup = pickupForToken(ctx, input.token);
    if (!pickup) throw new DomainError("INVALID", "trustedLinkInvalid");
    if (pickup.status === "revoked" && pickup.revokedBy === "trusted_person") return pageOf(ctx, pickup);
    if (pickup.status !== "active") throw new DomainError("CONFLICT", "trustedLinkEnded");
    const parcel = ctx.db.select().from(parcels).where(eq(parcels.id, pickup.parcelId)).get()!;
    revoke(ctx, parcel, pickup, "trusted_person");
    return pageOf(ctx, ctx.db.select().from(trustedPickups).where(eq(trustedPickups.id, pickup.id)).get()!);
  });
}

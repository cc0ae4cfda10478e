import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { parcels, trustedPersons, trustedPickups } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { requireRole } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { DomainError, field } from "@/lib/errors";
import { loadVisibleParcel, type ParcelRow } from "@/lib/parcels/access";
import { recordParcelEvent } from "@/lib/parcels/events";
import { ParcelRef } from "@/lib/parcels/schemas";
import { maskPhone } from "@/lib/phone";
import { parseInput } from "@/lib/validation";
import { activeTrustedPickup, closeTrustedPickup, giveCode, type TrustedPickupRow } from "@/lib/parcels/trusted-codes";
import { ParcelTrustedPersonInput, TrustedPersonInput } from "./schemas";

/*
 * The recipient's trusted person (代收人; 快递市场管理办法 Art. 28 lets a recipient name
 * someone to receive for them): a standing one for every parcel, or one for a single
 * parcel. Either gets their own pickup code (lib/parcels/trusted-codes.ts) and text; either can be
 * revoked before pickup, and the code stops opening the door in the same commit.
 */

export type TrustedPerson = { phone: string; name: string | null };

/** What the recipient's parcel page shows: who may collect it now, and who did. */
export type ParcelTrustedPerson = {
  /** The working nomination, if any; `hasCode` once the parcel is in the locker and the code was texted. */
  current: { name: string | null; maskedPhone: string; source: "standing" | "parcel"; hasCode: boolean } | null;
  /** The trusted person who collected the parcel with their code. */
  collectedBy: { name: string | null; maskedPhone: string } | null;
  /** The last one named, when they declined through their text's link and nobody works now. */
  declinedBy: { name: string | null; maskedPhone: string } | null;
  /** Whether the recipient may name someone now (the parcel is on its way or waiting). */
  canName: boolean;
};

/** States in which a trusted person may be named: before the parcel is collected or its time runs out. */
const NAMEABLE: readonly string[] = ["announced", "reserved", "deposited"];

function customerPhone(ctx: Ctx): { userId: number; phone: string } {
  const customer = requireRole(ctx, "customer");
  if (!customer.verifiedPhone) throw new DomainError("FORBIDDEN", "confirmPhoneForTrusted");
  return { userId: customer.userId, phone: customer.verifiedPhone };
}

function refuseSelf(recipientPhone: string, phone: string): void {
  if (phone === recipientPhone) {
    throw new DomainError("INVALID", "fieldsNeedLook", { fields: { phone: [field("trustedIsYou")] } });
  }
}

/** The signed-in customer's standing trusted person. Customers with a confirmed phone; raises FORBIDDEN. */
export function myTrustedPerson(ctx: Ctx): TrustedPerson | null {
  const { phone } = customerPhone(ctx);
  const row = ctx.db.select().from(trustedPersons).where(eq(trustedPersons.recipientPhone, phone)).get();
  return row ? { phone: row.phone, name: row.name } : null;
}

/**
 * Names (or changes) the standing trusted person. Codes the previous one got for parcels
 * still waiting are revoked; the new one gets a code for each waiting parcel that has no
 * trusted person of its own. Customers with a confirmed phone; raises INVALID, FORBIDDEN.
 */
export function setMyTrustedPerson(ctx: Ctx, raw: unknown): TrustedPerson {
  const { userId, phone: recipientPhone } = customerPhone(ctx);
  const input = parseInput(TrustedPersonInput, raw);
  refuseSelf(recipientPhone, input.phone);
  return writeTransaction(ctx.db, () => {
    const now = ctx.now();
    ctx.db
      .insert(trustedPersons)
      .values({ recipientPhone, phone: input.phone, name: input.name, updatedAt: now, updatedByUserId: userId })
      .onConflictDoUpdate({
        target: trustedPersons.recipientPhone,
        set: { phone: input.phone, name: input.name, updatedAt: now, updatedByUserId: userId },
      })
      .run();
    for (const parcel of liveParcels(ctx, recipientPhone)) {
      const current = activeTrustedPickup(ctx, parcel.id);
      if (current?.source === "parcel") continue;
      if (current && current.phone === input.phone && current.name === input.name) continue;
      if (current) revoke(ctx, parcel, current, "recipient");
      if (parcel.state === "deposited") name(ctx, parcel, { phone: input.phone, name: input.name }, "standing", userId);
    }
    return { phone: input.phone, name: input.name };
  });
}

/**
 * Removes the standing trusted person; the codes they got for parcels still waiting stop
 * working at once. Customers with a confirmed phone; raises FORBIDDEN. Removing nobody is no change.
 */
export function removeMyTrustedPerson(ctx: Ctx): void {
  const { phone: recipientPhone } = customerPhone(ctx);
  writeTransaction(ctx.db, () => {
    ctx.db.delete(trustedPersons).where(eq(trustedPersons.recipientPhone, recipientPhone)).run();
    for (const parcel of liveParcels(ctx, recipientPhone)) {
      const current = activeTrustedPickup(ctx, parcel.id);
      if (current?.source === "standing") revoke(ctx, parcel, current, "recipient");
    }
  });
}

/**
 * Names a trusted person for one of the customer's parcels, in place of any named before
 * (whose code stops working). A parcel already in the locker gets the code and text at
 * once; one on its way, when it is deposited. The parcel's recipient only (another's
 * parcel is NOT_FOUND); raises INVALID, FORBIDDEN, NOT_FOUND and INVALID_TRANSITION
 * (collected, expired or gone).
 */
export function nameParcelTrustedPerson(ctx: Ctx, raw: unknown): ParcelTrustedPerson {
  const { userId, phone: recipientPhone } = customerPhone(ctx);
  const input = parseInput(ParcelTrustedPersonInput, raw);
  refuseSelf(recipientPhone, input.phone);
  return writeTransaction(ctx.db, () => {
    const parcel = loadVisibleParcel(ctx, input.parcelId);
    if (!NAMEABLE.includes(parcel.state)) throw new DomainError("INVALID_TRANSITION", "trustedTooLate");
    const current = activeTrustedPickup(ctx, parcel.id);
    if (current) revoke(ctx, parcel, current, "recipient");
    name(ctx, parcel, { phone: input.phone, name: input.name }, "parcel", userId);
    return trustedPersonOf(ctx, parcel);
  });
}

/**
 * Revokes the trusted person of one of the customer's parcels: their code stops opening
 * the door in this commit. The parcel's recipient only; raises FORBIDDEN, NOT_FOUND and
 * CONFLICT (nobody is named, or the parcel was collected meanwhile).
 */
export function revokeParcelTrustedPerson(ctx: Ctx, raw: unknown): ParcelTrustedPerson {
  customerPhone(ctx);
  const { parcelId } = parseInput(ParcelRef, raw);
  return writeTransaction(ctx.db, () => {
    const parcel = loadVisibleParcel(ctx, parcelId);
    const current = activeTrustedPickup(ctx, parcel.id);
    if (!current) throw new DomainError("CONFLICT", "trustedNoneToRevoke");
    revoke(ctx, parcel, current, "recipient");
    return trustedPersonOf(ctx, parcel);
  });
}

/**
 * The trusted person of one of the customer's parcels, for its page. The parcel's
 * recipient only; raises FORBIDDEN, NOT_FOUND.
 */
export function myParcelTrustedPerson(ctx: Ctx, parcelId: number): ParcelTrustedPerson {
  customerPhone(ctx);
  return trustedPersonOf(ctx, loadVisibleParcel(ctx, parcelId));
}

/** Who collected a parcel with a trusted code, if someone did (any caller that may see the parcel). */
export function collectedByTrustedPerson(ctx: Ctx, parcelId: number): { name: string | null; maskedPhone: string } | null {
  const used = ctx.db
    .select({ name: trustedPickups.name, phone: trustedPickups.phone })
    .from(trustedPickups)
    .where(and(eq(trustedPickups.parcelId, parcelId), eq(trustedPickups.status, "used")))
    .get();
  return used ? { name: used.name, maskedPhone: maskPhone(used.phone) } : null;
}

function lastDeclined(ctx: Ctx, parcelId: number): { name: string | null; maskedPhone: string } | null {
  const last = ctx.db
    .select({ name: trustedPickups.name, phone: trustedPickups.phone, status: trustedPickups.status, revokedBy: trustedPickups.revokedBy })
    .from(trustedPickups)
    .where(eq(trustedPickups.parcelId, parcelId))
    .orderBy(desc(trustedPickups.id))
    .limit(1)
    .get();
  return last && last.status === "revoked" && last.revokedBy === "trusted_person" ? { name: last.name, maskedPhone: maskPhone(last.phone) } : null;
}

function trustedPersonOf(ctx: Ctx, parcel: ParcelRow): ParcelTrustedPerson {
  const current = activeTrustedPickup(ctx, parcel.id);
  return {
    current: current
      ? { name: current.name, maskedPhone: maskPhone(current.phone), source: current.source, hasCode: current.codeHash !== null }
      : null,
    collectedBy: collectedByTrustedPerson(ctx, parcel.id),
    declinedBy: current ? null : lastDeclined(ctx, parcel.id),
    canName: NAMEABLE.includes(parcel.state),
  };
}

function liveParcels(ctx: Ctx, recipientPhone: string): ParcelRow[] {
  return ctx.db
    .select()
    .from(parcels)
    .where(and(eq(parcels.recipientPhone, recipientPhone), inArray(parcels.state, ["announced", "reserved", "deposited", "expired"])))
    .orderBy(desc(parcels.id))
    .all();
}

function name(ctx: Ctx, parcel: ParcelRow, person: TrustedPerson, source: "standing" | "parcel", userId: number): void {
  const row = ctx.db
    .insert(trustedPickups)
    .values({ parcelId: parcel.id, siteId: parcel.siteId, phone: person.phone, name: person.name, source, createdAt: ctx.now(), createdByUserId: userId })
    .returning()
    .get();
  if (parcel.state === "deposited") giveCode(ctx, row, parcel.siteId);
  recordParcelEvent(ctx, {
    parcelId: parcel.id,
    siteId: parcel.siteId,
    slotId: parcel.slotId,
    kind: "trusted_person_named",
    detail: { trustedPickupId: row.id, source, phone: maskPhone(person.phone) },
  });
}

/** Ends a working trusted code and records who ended it; CONFLICT when it stopped working meanwhile. */
export function revoke(ctx: Ctx, parcel: ParcelRow, row: TrustedPickupRow, by: "recipient" | "trusted_person"): void {
  if (!closeTrustedPickup(ctx, row, { status: "revoked", by })) throw new DomainError("CONFLICT", "parcelChangedMeanwhile");
  recordParcelEvent(ctx, {
    parcelId: parcel.id,
    siteId: parcel.siteId,
    slotId: parcel.slotId,
    kind: "trusted_person_revoked",
    detail: { trustedPickupId: row.id, by },
  });
}

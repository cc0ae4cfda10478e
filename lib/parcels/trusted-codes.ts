import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { preparedQuery } from "@/db/prepared";
import { notifications, trustedPersons, trustedPickups } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { freePickupCode } from "./free-code";

/*
 * A trusted person's own pickup code (代收人; DESIGN.md). It is a second code for the same
 * door, drawn and stored exactly like the recipient's (decision 0001: a keyed hash to look
 * it up, a cipher to text it), unique among every working code of the site, and entered at
 * the kiosk with the last 4 digits of the trusted person's phone. It works while its row
 * is active: revoking, using it, or the parcel leaving the locker closes it for good
 * (migration 0015's triggers hold that whatever code path acts).
 */

export type TrustedPickupRow = typeof trustedPickups.$inferSelect;

/** The message kind that carries a trusted person's code (rendered in lib/notifications/trusted-pickup.ts). */
export const TRUSTED_CODE_MESSAGE = "trusted_pickup_code";

type DepositedParcel = { id: number; siteId: number; recipientPhone: string };

/**
 * Gives the parcel's trusted person their code as it is deposited: the one named for this
 * parcel while it was on its way, else the recipient's standing one. Call inside the
 * deposit's transaction, after the parcel is deposited.
 */
export function issueTrustedCodeOnDeposit(ctx: Ctx, parcel: DepositedParcel): void {
  const named = activeTrustedPickup(ctx, parcel.id);
  if (named) {
    if (!named.codeHash) giveCode(ctx, named, parcel.siteId);
    return;
  }
  const standing = standingByRecipient(ctx.db).get({ recipientPhone: parcel.recipientPhone });
  if (!standing) return;
  const row = ctx.db
    .insert(trustedPickups)
    .values({
      parcelId: parcel.id,
      siteId: parcel.siteId,
      phone: standing.phone,
      name: standing.name,
      source: "standing",
      createdAt: ctx.now(),
      createdByUserId: standing.updatedByUserId,
    })
    .returning()
    .get();
  giveCode(ctx, row, parcel.siteId);
}

/** Draws the row's code, stores it, and queues the trusted person's text. Inside a transaction; the parcel is in the locker. */
export function giveCode(ctx: Ctx, row: TrustedPickupRow, siteId: number): void {
  const fresh = freePickupCode(ctx, siteId);
  ctx.db
    .update(trustedPickups)
    .set({ codeHash: fresh.hash, codeCipher: fresh.cipher })
    .where(and(eq(trustedPickups.id, row.id), eq(trustedPickups.status, "active")))
    .run();
  const now = ctx.now();
  // The row names the trusted pickup, never the code; the text is rendered at send time.
  ctx.db
    .insert(notifications)
    .values({
      kind: TRUSTED_CODE_MESSAGE,
      parcelId: row.parcelId,
      userId: null,
      channel: "sms",
      recipient: row.phone,
      payload: JSON.stringify({ trustedPickupId: row.id }),
      nextAttemptAt: now,
      createdAt: now,
    })
    .run();
}

/** The parcel's working trusted pickup, if any. */
export function activeTrustedPickup(ctx: Ctx, parcelId: number): TrustedPickupRow | undefined {
  return activeByParcel(ctx.db).get({ parcelId });
}

/** The working trusted code a kiosk was given, if it is one (the caller checks the phone digits). */
export function trustedPickupByCode(ctx: Ctx, siteId: number, hash: string): TrustedPickupRow | undefined {
  return activeByCode(ctx.db).get({ siteId, hash });
}

/** Closes a working trusted pickup: used at the kiosk, or revoked by the recipient or the trusted person. */
export function closeTrustedPickup(
  ctx: Ctx,
  row: TrustedPickupRow,
  how: { status: "used" } | { status: "revoked"; by: "recipient" | "trusted_person" },
): boolean {
  const changed = ctx.db
    .update(trustedPickups)
    .set({ status: how.status, closedAt: ctx.now(), revokedBy: how.status === "revoked" ? how.by : null })
    .where(and(eq(trustedPickups.id, row.id), eq(trustedPickups.status, "active")))
    .run();
  return changed.changes === 1;
}

// The partial indexes' own condition, as a literal: with a bound "active" SQLite cannot
// tell that trusted_pickups_one_active or _code_active_unique apply, and scans the table.
const ACTIVE = sql`${trustedPickups.status} = 'active'`;

// Every typed code that misses a recipient's code runs this; built once per connection.
const activeByCode = preparedQuery((db) =>
  db
    .select()
    .from(trustedPickups)
    .where(
      and(
        eq(trustedPickups.siteId, sql.placeholder("siteId")),
        eq(trustedPickups.codeHash, sql.placeholder("hash")),
        ACTIVE,
      ),
    )
    .prepare(),
);
// Every deposit asks whether its recipient named a standing trusted person.
const standingByRecipient = preparedQuery((db) =>
  db.select().from(trustedPersons).where(eq(trustedPersons.recipientPhone, sql.placeholder("recipientPhone"))).prepare(),
);
const activeByParcel = preparedQuery((db) =>
  db
    .select()
    .from(trustedPickups)
    .where(and(eq(trustedPickups.parcelId, sql.placeholder("parcelId")), ACTIVE))
    .prepare(),
);

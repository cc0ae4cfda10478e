import "server-only";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { carriers, parcels, pickupAttempts, sites } from "@/db/schema";
import { preparedQuery } from "@/db/prepared";
import { writeTransaction } from "@/db/transaction";
import { requireKiosk } from "@/lib/auth/authorize";
import type { Ctx, KioskActor } from "@/lib/context";
import { holdDoorAfterFailedPickup } from "@/lib/doors/hold";
import { recordOpenCommand, sendOpen } from "@/lib/doors/open";
import { DomainError } from "@/lib/errors";
import { hashPickupCode, phoneLast4, sameDigits } from "@/lib/pickup-codes/code";
import { GUESS_LIMITS } from "@/lib/pickup-codes/limits";
import { parseInput } from "@/lib/validation";
import type { z } from "zod";
import { recordDoorOpened } from "./door-opened";
import { CollectInput } from "./schemas";
import { expireParcel } from "./sweep";
import { moveParcel } from "./transition";

export type CollectResult = {
  parcelId: number;
  slot: { id: number; label: string; lockerCode: string; row: number; column: number };
  doorOpened: boolean;
};

export type LockedOutDetails = { retryAfterMs: number };
export type ExpiredDetails = { carrierName: string; carrierPhone: string | null; siteName: string };

/** The one answer to every code that opens nothing, so a guesser learns nothing. */
export const WRONG_CODE_MESSAGE =
  "That code does not open a door here. Check the code and the last 4 digits of your phone.";

type Outcome =
  | { kind: "opened"; parcelId: number; slotId: number; door: ReturnType<typeof recordOpenCommand> }
  | { kind: "wrong" }
  | { kind: "locked"; retryAfterMs: number }
  | { kind: "expired"; details: ExpiredDetails };

/**
 * A code entered at a kiosk. The right code with the right phone digits collects the
 * parcel and opens its door, once. Every attempt is recorded — in its own commit, so a
 * refusal still counts — before any answer. The recipient is told "collected" only once
 * the controller confirms the door opened (here, or at a retry: recordDoorOpened). Kiosks
 * only. Raises INVALID, WRONG_CODE, LOCKED_OUT (details: retryAfterMs) and PARCEL_EXPIRED
 * (details: whom to contact).
 */
export async function collectParcel(ctx: Ctx, raw: CollectInput): Promise<CollectResult> {
  const kiosk = requireKiosk(ctx);
  const input = parseInput(CollectInput, raw);
  const outcome = writeTransaction(ctx.db, () => collectInTransaction(ctx, kiosk, input));
  switch (outcome.kind) {
    case "wrong":
      throw new DomainError("WRONG_CODE", WRONG_CODE_MESSAGE);
    case "locked": {
      const seconds = Math.ceil(outcome.retryAfterMs / 1000);
      throw new DomainError<LockedOutDetails>(
        "LOCKED_OUT",
        `Too many wrong codes. Please wait ${seconds > 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`}.`,
        { retryAfterMs: outcome.retryAfterMs },
      );
    }
    case "expired":
      throw new DomainError<ExpiredDetails>(
        "PARCEL_EXPIRED",
        `This parcel's pickup time is over. It is waiting for ${outcome.details.carrierName} to take it back` +
          (outcome.details.carrierPhone ? `; call ${outcome.details.carrierPhone} to arrange delivery.` : "."),
        outcome.details,
      );
    case "opened": {
      const doorOpened = await sendOpen(ctx, outcome.door);
      if (doorOpened) recordDoorOpened(ctx, outcome.door, "pickup");
      else holdDoorAfterFailedPickup(ctx, outcome.door);
      return {
        parcelId: outcome.parcelId,
        slot: {
          id: outcome.slotId,
          label: outcome.door.slotLabel,
          lockerCode: outcome.door.lockerCode,
          row: outcome.door.row,
          column: outcome.door.column,
        },
        doorOpened,
      };
    }
  }
}

function collectInTransaction(ctx: Ctx, kiosk: KioskActor, input: z.output<typeof CollectInput>): Outcome {
  const now = ctx.now();
  const record = (outcome: "opened" | "wrong" | "expired" | "locked_out", parcelId: number | null = null) =>
    insertAttempt(ctx.db).run({ siteId: kiosk.siteId, kioskId: kiosk.kioskId, outcome, parcelId, at: now });

  const wait = lockoutWait(ctx, kiosk, now);
  if (wait > 0) {
    record("locked_out");
    return { kind: "locked", retryAfterMs: wait };
  }

  const parcel = parcelByCode(ctx.db).get({ siteId: kiosk.siteId, hash: hashPickupCode(ctx.keys, kiosk.siteId, input.code) });
  if (!parcel || !sameDigits(phoneLast4(parcel.recipientPhone), input.phoneLast4)) {
    record("wrong");
    return { kind: "wrong" };
  }

  const current = parcel.state === "deposited" && parcel.expiresAt! <= now ? expireParcel(ctx, parcel) : parcel;
  if (current.state === "expired") {
    record("expired", current.id);
    const details = ctx.db
      .select({ carrierName: carriers.name, carrierPhone: carriers.contactPhone, siteName: sites.name })
      .from(carriers)
      .innerJoin(sites, eq(sites.id, current.siteId))
      .where(eq(carriers.id, current.carrierId))
      .get()!;
    return { kind: "expired", details };
  }

  const collected = moveParcel(ctx, current, "collected", { closedAt: now }, { kioskId: kiosk.kioskId });
  record("opened", collected.id);
  // No "collected" message yet: the parcel is still behind a shut door until it opens.
  const door = recordOpenCommand(ctx, collected.slotId!, collected.id);
  return { kind: "opened", parcelId: collected.id, slotId: collected.slotId!, door };
}

/**
 * Milliseconds this kiosk must wait before the next entry, 0 if none. Counts wrong
 * entries in sliding windows, per kiosk and for the whole site (GUESS_LIMITS).
 */
function lockoutWait(ctx: Ctx, kiosk: KioskActor, now: number): number {
  const kioskWrong = wrongSince(ctx, "kiosk", kiosk.kioskId, now - GUESS_LIMITS.perKioskWindowMs);
  const siteWrong = wrongSince(ctx, "site", kiosk.siteId, now - GUESS_LIMITS.perSiteWindowMs);
  let wait = 0;
  if (kioskWrong.count >= GUESS_LIMITS.perKioskWrong) {
    wait = Math.max(wait, nthNewest(ctx, "kiosk", kiosk.kioskId, GUESS_LIMITS.perKioskWrong) + GUESS_LIMITS.perKioskWindowMs - now);
  } else if (kioskWrong.count >= GUESS_LIMITS.slowDownAfter && kioskWrong.latest !== null) {
    wait = Math.max(wait, kioskWrong.latest + GUESS_LIMITS.slowDownMs - now);
  }
  if (siteWrong.count >= GUESS_LIMITS.perSiteWrong) {
    wait = Math.max(wait, nthNewest(ctx, "site", kiosk.siteId, GUESS_LIMITS.perSiteWrong) + GUESS_LIMITS.perSiteWindowMs - now);
  }
  return Math.max(0, wait);
}

function scope(by: "kiosk" | "site", id: number) {
  return by === "kiosk" ? eq(pickupAttempts.kioskId, id) : eq(pickupAttempts.siteId, id);
}

function wrongSince(ctx: Ctx, by: "kiosk" | "site", id: number, since: number) {
  return wrongCount[by](ctx.db).get({ id, since })!;
}

// Every code entered runs these; built once per connection.
const insertAttempt = preparedQuery((db) =>
  db
    .insert(pickupAttempts)
    .values({
      siteId: sql.placeholder("siteId"),
      kioskId: sql.placeholder("kioskId"),
      outcome: sql.placeholder("outcome"),
      parcelId: sql.placeholder("parcelId"),
      at: sql.placeholder("at"),
    })
    .prepare(),
);
const parcelByCode = preparedQuery((db) =>
  db
    .select()
    .from(parcels)
    .where(
      and(
        eq(parcels.siteId, sql.placeholder("siteId")),
        eq(parcels.pickupCodeHash, sql.placeholder("hash")),
        inArray(parcels.state, ["deposited", "expired"]),
      ),
    )
    .prepare(),
);
const wrongCountBy = (by: "kiosk" | "site") =>
  preparedQuery((db) =>
    db
      .select({ count: sql<number>`count(*)`, latest: sql<number | null>`max(${pickupAttempts.at})` })
      .from(pickupAttempts)
      .where(
        and(
          by === "kiosk" ? eq(pickupAttempts.kioskId, sql.placeholder("id")) : eq(pickupAttempts.siteId, sql.placeholder("id")),
          eq(pickupAttempts.outcome, "wrong"),
          gt(pickupAttempts.at, sql.placeholder("since")),
        ),
      )
      .prepare(),
  );
const wrongCount = { kiosk: wrongCountBy("kiosk"), site: wrongCountBy("site") };

/** Time of the n-th newest wrong entry: the window reopens when it falls out. */
function nthNewest(ctx: Ctx, by: "kiosk" | "site", id: number, n: number): number {
  const row = ctx.db
    .select({ at: pickupAttempts.at })
    .from(pickupAttempts)
    .where(and(scope(by, id), eq(pickupAttempts.outcome, "wrong")))
    .orderBy(sql`${pickupAttempts.at} desc`)
    .limit(1)
    .offset(n - 1)
    .get();
  return row?.at ?? 0;
}

import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { carriers, LIVE_STATES_IN, parcels, pickupAttempts, sites } from "@/db/schema";
import { preparedQuery } from "@/db/prepared";
import { writeTransaction } from "@/db/transaction";
import { requireKiosk } from "@/lib/auth/authorize";
import type { Ctx, KioskActor } from "@/lib/context";
import { holdDoorAfterFailedPickup } from "@/lib/doors/hold";
import { loadDoor, recordOpenCommand, sendOpen, type OpenCommand } from "@/lib/doors/open";
import { DomainError } from "@/lib/errors";
import { translateKey } from "@/lib/i18n/translate";
import { hashPickupCode, phoneLast4, sameDigits } from "@/lib/pickup-codes/code";
import { lockoutWait, slowDownWording, type LockedOutDetails } from "@/lib/kiosk/slow-down";
import { isSignedFor, readPickupQrToken } from "@/lib/pickup-codes/qr-token";
import { parseInput } from "@/lib/validation";
import type { z } from "zod";
import { recordDoorOpened } from "./door-opened";
import { CollectByQrInput, CollectInput } from "./schemas";
import { expireParcel } from "./sweep";
import { moveParcel } from "./transition";
import { closeTrustedPickup, trustedPickupByCode, type TrustedPickupRow } from "./trusted-codes";

export type CollectResult = {
  parcelId: number;
  slot: { id: number; label: string; lockerCode: string; row: number; column: number };
  doorOpened: boolean;
};

export type ExpiredDetails = { carrierName: string; carrierPhone: string | null; siteName: string };

/** The one answer to every code that opens nothing, so a guesser learns nothing (its English, for tests). */
export const WRONG_CODE_MESSAGE = translateKey("en", "errors.wrongPickupCode");

/** A QR we signed that no longer opens anything: out of date, or its parcel already collected (English, for tests). */
export const QR_OUT_OF_DATE_MESSAGE = translateKey("en", "errors.qrOutOfDate");

type Outcome =
  | { kind: "opened"; parcelId: number; slotId: number; door: OpenCommand }
  | { kind: "wrong" }
  | { kind: "stale" }
  | { kind: "locked"; retryAfterMs: number }
  | { kind: "expired"; details: ExpiredDetails };

/**
 * A code entered at a kiosk. The right code with the right phone digits (the recipient's, or
 * a trusted person's code with their own phone's digits: lib/parcels/trusted-codes.ts) collects the
 * parcel and opens its door, once. Every attempt is recorded — in its own commit, so a
 * refusal still counts — before any answer. The recipient is told "collected" only once
 * the controller confirms the door opened (here, or at a retry: recordDoorOpened). Kiosks
 * only. Raises INVALID, WRONG_CODE, LOCKED_OUT (details: retryAfterMs) and PARCEL_EXPIRED
 * (details: whom to contact).
 */
export async function collectParcel(ctx: Ctx, raw: unknown): Promise<CollectResult> {
  const kiosk = requireKiosk(ctx);
  const input = parseInput(CollectInput, raw);
  return answer(ctx, writeTransaction(ctx.db, () => collectInTransaction(ctx, kiosk, input)));
}

/**
 * The customer's QR scanned at a kiosk: a token the server signed for one parcel
 * (lib/pickup-codes/qr-token.ts). A genuine token is never slowed down — it is not a guess
 * — so a kiosk a guesser has slowed still serves everyone with their QR. A token that is
 * not ours counts as a wrong code; ours but out of date (or for a parcel already
 * collected) says so and counts as nothing. Kiosks only. Raises INVALID, WRONG_CODE,
 * LOCKED_OUT and PARCEL_EXPIRED as collectParcel does.
 */
export async function collectParcelByQr(ctx: Ctx, raw: unknown): Promise<CollectResult> {
  const kiosk = requireKiosk(ctx);
  const input = parseInput(CollectByQrInput, raw);
  return answer(ctx, writeTransaction(ctx.db, () => collectByQrInTransaction(ctx, kiosk, input.qrToken)));
}

async function answer(ctx: Ctx, outcome: Outcome): Promise<CollectResult> {
  switch (outcome.kind) {
    case "wrong":
      throw new DomainError("WRONG_CODE", "wrongPickupCode");
    case "stale":
      throw new DomainError("WRONG_CODE", "qrOutOfDate");
    case "locked": {
      const { key, params } = slowDownWording(outcome.retryAfterMs);
      throw new DomainError<LockedOutDetails>("LOCKED_OUT", key, { params, details: { retryAfterMs: outcome.retryAfterMs } });
    }
    case "expired": {
      const { carrierName, carrierPhone } = outcome.details;
      throw new DomainError<ExpiredDetails>("PARCEL_EXPIRED", carrierPhone ? "parcelExpiredCall" : "parcelExpired", {
        params: carrierPhone ? { carrier: carrierName, phone: carrierPhone } : { carrier: carrierName },
        details: outcome.details,
      });
    }
    case "opened": {
      const door = outcome.door;
      const doorOpened = await sendOpen(ctx, door, {
        opened: () => recordDoorOpened(ctx, door),
        failed: () => holdDoorAfterFailedPickup(ctx, door),
      });
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

type Recorder = (outcome: "opened" | "wrong" | "expired" | "locked_out", parcelId?: number | null) => void;

function recorder(ctx: Ctx, kiosk: KioskActor, now: number): Recorder {
  return (outcome, parcelId = null) =>
    insertAttempt(ctx.db).run({ siteId: kiosk.siteId, kioskId: kiosk.kioskId, outcome, parcelId, at: now });
}

function collectInTransaction(ctx: Ctx, kiosk: KioskActor, input: z.output<typeof CollectInput>): Outcome {
  const now = ctx.now();
  const record = recorder(ctx, kiosk, now);

  const wait = lockoutWait(ctx, kiosk, now);
  if (wait > 0) {
    record("locked_out");
    return { kind: "locked", retryAfterMs: wait };
  }

  const hash = hashPickupCode(ctx.keys, kiosk.siteId, input.code);
  const parcel = parcelByCode(ctx.db).get({ siteId: kiosk.siteId, hash });
  if (parcel) {
    if (!sameDigits(phoneLast4(parcel.recipientPhone), input.phoneLast4)) {
      record("wrong");
      return { kind: "wrong" };
    }
    return collectFound(ctx, kiosk, parcel, now, record);
  }
  // Not a recipient's code: perhaps a trusted person's, entered with their own phone's digits.
  // One code names at most one door of either kind (migration 0015), so there is one try.
  const trusted = trustedPickupByCode(ctx, kiosk.siteId, hash);
  const trustedParcel = trusted ? liveParcelById(ctx.db).get({ id: trusted.parcelId }) : undefined;
  if (!trusted || !trustedParcel || !sameDigits(phoneLast4(trusted.phone), input.phoneLast4)) {
    record("wrong");
    return { kind: "wrong" };
  }
  return collectFound(ctx, kiosk, trustedParcel, now, record, trusted);
}

function collectByQrInTransaction(ctx: Ctx, kiosk: KioskActor, token: string): Outcome {
  const now = ctx.now();
  const record = recorder(ctx, kiosk, now);
  const claim = readPickupQrToken(token);
  const parcel = claim ? parcelAtSite(ctx.db).get({ id: claim.parcelId, siteId: kiosk.siteId }) : undefined;
  if (!claim || !parcel?.pickupCodeHash || !isSignedFor(ctx.keys, claim, parcel.pickupCodeHash)) {
    // Not one we signed: as much a guess as a typed code, and limited the same way.
    const wait = lockoutWait(ctx, kiosk, now);
    if (wait > 0) {
      record("locked_out");
      return { kind: "locked", retryAfterMs: wait };
    }
    record("wrong");
    return { kind: "wrong" };
  }
  if (claim.expiresAt <= now || (parcel.state !== "deposited" && parcel.state !== "expired")) {
    // Ours, so no guess: recorded against its parcel, which keeps it out of the kiosk's count.
    record("wrong", parcel.id);
    return { kind: "stale" };
  }
  return collectFound(ctx, kiosk, parcel, now, record);
}

/** The parcel a right code or QR names: collected and its door commanded open, unless its hold period is over. */
function collectFound(
  ctx: Ctx,
  kiosk: KioskActor,
  parcel: typeof parcels.$inferSelect,
  now: number,
  record: Recorder,
  trusted?: TrustedPickupRow,
): Outcome {
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

  // The trusted person's code is used up before the parcel moves, so the move's trigger
  // (which ends every other working code) leaves it marked as the one that collected.
  if (trusted && !closeTrustedPickup(ctx, trusted, { status: "used" })) throw new DomainError("CONFLICT", "parcelChangedMeanwhile");
  const collected = moveParcel(
    ctx,
    current,
    "collected",
    { closedAt: now },
    trusted ? { kioskId: kiosk.kioskId, collectedBy: "trusted_person", trustedPickupId: trusted.id } : { kioskId: kiosk.kioskId },
  );
  record("opened", collected.id);
  // No "collected" message yet: the parcel is still behind a shut door until it opens.
  const door = recordOpenCommand(ctx, loadDoor(ctx, collected.slotId!), collected.id, "pickup");
  return { kind: "opened", parcelId: collected.id, slotId: collected.slotId!, door };
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
// The live-code condition written as pickup_code_live_unique's own (literal states), so
// SQLite looks the code up in that index instead of walking the site's live parcels.
const parcelByCode = preparedQuery((db) =>
  db
    .select()
    .from(parcels)
    .where(
      and(
        eq(parcels.siteId, sql.placeholder("siteId")),
        eq(parcels.pickupCodeHash, sql.placeholder("hash")),
        sql`${parcels.state} in ${LIVE_STATES_IN}`,
        sql`${parcels.state} in ('deposited', 'expired')`,
      ),
    )
    .prepare(),
);
const liveParcelById = preparedQuery((db) =>
  db
    .select()
    .from(parcels)
    .where(and(eq(parcels.id, sql.placeholder("id")), inArray(parcels.state, ["deposited", "expired"])))
    .prepare(),
);
const parcelAtSite = preparedQuery((db) =>
  db
    .select()
    .from(parcels)
    .where(and(eq(parcels.id, sql.placeholder("id")), eq(parcels.siteId, sql.placeholder("siteId"))))
    .prepare(),
);

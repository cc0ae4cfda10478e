import "server-only";
import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { preparedQuery } from "@/db/prepared";
import { parcels } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { requireCourier, type CourierActor } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { recordOpenCommand, sendOpen, type OpenCommand } from "@/lib/doors/open";
import { DomainError } from "@/lib/errors";
import { consentRequiredError, type ConsentRequired } from "@/lib/consent/required";
import { openConsentRequest, recordConsent, settleConsent } from "@/lib/consent/settle";
import { findFreeSlot } from "@/lib/slots/assignment";
import { SIZE_RANK } from "@/lib/slots/sizes";
import { parseInput } from "@/lib/validation";
import { noDoorError, whyNoDoor } from "./no-door";
import { findPendingParcel, loadCourierSite, refuseAnotherCarriersNumber, trackingNumberTaken, type ParcelRow } from "./access";
import { recordParcelEvent } from "./events";
import { ReserveInput } from "./schemas";
import { lapseReservations, RESERVATION_MS } from "./sweep";
import { moveParcel } from "./transition";
import { toParcelView, type ParcelView } from "./view";

export type ReserveResult = {
  parcel: ParcelView;
  /** True when this was a retry of a reservation or deposit that had already happened. */
  replayed: boolean;
  /** Whether the controller accepted the open command (false on a replay). */
  doorOpened: boolean;
};

export type { NoDoorWithinReachDetails, SiteFullDetails } from "./no-door";

/**
 * Assigns a door to a parcel and opens it: the courier's first step of a deposit.
 * Couriers only, at a site they serve. A retry with a tracking number already live here
 * returns the first answer. Raises INVALID, FORBIDDEN, NOT_FOUND (also a site they do not serve), SITE_CLOSED, CONFLICT
 * (live elsewhere, or another carrier's), SITE_FULL (details: nearest sites with room), NO_DOOR_WITHIN_REACH (the recipient asked for
 * doors within reach and none of that size or larger is free in the band; details: nearest
 * sites with such a door free in the band) and
 * CONSENT_REQUIRED (details: the consent request to poll, lib/consent/required.ts) — then the
 * parcel is kept as announced, its tracking number held, and no door is taken.
 */
export async function reserveParcel(ctx: Ctx, raw: unknown): Promise<ReserveResult> {
  const courier = requireCourier(ctx);
  const input = parseInput(ReserveInput, raw);

  const outcome = writeTransaction(ctx.db, () => reserveInTransaction(ctx, courier, input));
  // Committed first: the request the courier or carrier will poll must exist.
  if (outcome.kind === "consent") throw consentRequiredError(outcome.required);
  // The door the assignment found travels to the controller and the courier's screen unread.
  const parcel = toParcelView(ctx, outcome.parcel, outcome.door);
  if (!outcome.door) return { parcel, replayed: true, doorOpened: false };
  return { parcel, replayed: false, doorOpened: await sendOpen(ctx, outcome.door) };
}

type Outcome = { kind: "reserved"; parcel: ParcelRow; replayed: boolean; door?: OpenCommand } | { kind: "consent"; required: ConsentRequired };

function reserveInTransaction(ctx: Ctx, courier: CourierActor, input: z.output<typeof ReserveInput>): Outcome {
  const site = loadCourierSite(ctx, courier, input.siteId);
  const existing = findPendingParcel(ctx, courier.carrierId, input.trackingNumber);
  if (existing && existing.state !== "announced") {
    if (existing.siteId !== site.id) {
      throw trackingNumberTaken(input.trackingNumber);
    }
    return { kind: "reserved", parcel: existing, replayed: true };
  }

  refuseAnotherCarriersNumber(ctx, courier.carrierId, input.trackingNumber);
  if (site.status !== "open") throw new DomainError("SITE_CLOSED", "siteClosed", { params: { site: site.name } });

  // Consent before a door (issue 16): with none, the parcel waits as announced for an answer.
  const announced = existing?.state === "announced" ? existing : null;
  const consent = settleConsent(ctx, courier, site, input.recipientPhone, input, announced?.id ?? null);
  if (consent.kind === "required") {
    const parcel = keepAnnounced(ctx, courier, site.id, input, announced);
    const request = openConsentRequest(ctx, courier, parcel, consent.decision, input.askRecipient);
    return { kind: "consent", required: { request, parcelId: parcel.id, decision: consent.decision } };
  }

  // Doors held by reservations nobody finished are free again.
  lapseReservations(ctx, site.id);

  const wanted = SIZE_RANK[input.size];
  const slot = findFreeSlot(ctx, site.id, wanted, input.recipientPhone);
  // Thrown inside the transaction, so the refusal rolls back the lapse above too: a
  // refused reservation changes nothing (the next try, or the sweep, lapses them again).
  // Only a refusal asks whether the recipient needs a door within reach: the hot path does not.
  if (!slot) throw noDoorError(whyNoDoor(ctx, site.id, input.size, input.recipientPhone));

  const now = ctx.now();
  const fields = {
    siteId: site.id,
    slotId: slot.slotId,
    size: input.size,
    sizeRank: wanted,
    upsized: slot.sizeRank > wanted,
    withinReach: slot.withinReach,
    recipientPhone: input.recipientPhone,
    recipientName: input.recipientName ?? null,
    recipientEmail: input.recipientEmail ?? null,
    courierId: courier.userId,
    reservedUntil: now + RESERVATION_MS,
    deliverInPersonAt: null,
  };
  const detail = { slot: slot.slotLabel, upsized: fields.upsized, size: input.size, slotSize: slot.size, ...(slot.withinReach ? { withinReach: true } : {}) };

  let parcel: ParcelRow;
  if (existing) {
    parcel = moveParcel(ctx, existing, "reserved", fields, detail);
  } else {
    parcel = insertReserved(ctx.db).get({ ...fields, carrierId: courier.carrierId, trackingNumber: input.trackingNumber, now })!;
    recordParcelEvent(ctx, { parcelId: parcel.id, siteId: site.id, slotId: slot.slotId, kind: "reserved", to: "reserved", detail });
  }
  recordConsent(ctx, parcel.id, consent.grant);
  const door = recordOpenCommand(ctx, slot, parcel.id, "deposit");
  return { kind: "reserved", parcel, replayed: false, door };
}

/** The parcel as announced at this site with what the courier typed, holding its tracking number while consent is sought. */
function keepAnnounced(
  ctx: Ctx,
  courier: CourierActor,
  siteId: number,
  input: z.output<typeof ReserveInput>,
  announced: ParcelRow | null,
): ParcelRow {
  const now = ctx.now();
  const fields = {
    siteId,
    size: input.size,
    sizeRank: SIZE_RANK[input.size],
    recipientPhone: input.recipientPhone,
    recipientName: input.recipientName ?? null,
    recipientEmail: input.recipientEmail ?? null,
    courierId: courier.userId,
    updatedAt: now,
  };
  if (announced) return ctx.db.update(parcels).set(fields).where(eq(parcels.id, announced.id)).returning().get();
  const parcel = ctx.db
    .insert(parcels)
    .values({ ...fields, carrierId: courier.carrierId, trackingNumber: input.trackingNumber, state: "announced", createdAt: now })
    .returning()
    .get();
  recordParcelEvent(ctx, { parcelId: parcel.id, siteId, slotId: null, kind: "announced", to: "announced", detail: { awaitingConsent: true } });
  return parcel;
}

// Every new reservation inserts its parcel: built once per connection.
const insertReserved = preparedQuery((db) =>
  db
    .insert(parcels)
    .values({
      siteId: sql.placeholder("siteId"),
      slotId: sql.placeholder("slotId"),
      size: sql.placeholder("size"),
      sizeRank: sql.placeholder("sizeRank"),
      upsized: sql.placeholder("upsized"),
      withinReach: sql.placeholder("withinReach"),
      recipientPhone: sql.placeholder("recipientPhone"),
      recipientName: sql.placeholder("recipientName"),
      recipientEmail: sql.placeholder("recipientEmail"),
      courierId: sql.placeholder("courierId"),
      reservedUntil: sql.placeholder("reservedUntil"),
      deliverInPersonAt: sql.placeholder("deliverInPersonAt"),
      carrierId: sql.placeholder("carrierId"),
      trackingNumber: sql.placeholder("trackingNumber"),
      state: "reserved",
      createdAt: sql.placeholder("now"),
      updatedAt: sql.placeholder("now"),
    })
    .returning()
    .prepare(),
);

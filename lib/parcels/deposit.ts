import "server-only";
import { writeTransaction } from "@/db/transaction";
import { requireCourier } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { queueParcelMessage } from "@/lib/notifications/outbox";
import { freePickupCode } from "./free-code";
import { issueTrustedCodeOnDeposit } from "./trusted-codes";
import { parseInput } from "@/lib/validation";
import { loadVisibleParcel, type ParcelRow } from "./access";
import { recordDoorEvent } from "@/lib/doors/events";
import { ParcelRef } from "./schemas";
import { moveParcel } from "./transition";
import { toParcelView, type ParcelView } from "./view";

export type DepositResult = { parcel: ParcelView; replayed: boolean };

/**
 * The courier closed the door: the parcel is deposited, its pickup code issued, its hold
 * period started and the recipient's message queued (and their trusted person's code and
 * message, when they named one) — all in one commit. Couriers of the
 * parcel's carrier at its site only. Confirming again returns the first answer.
 * Raises NOT_FOUND, FORBIDDEN and INVALID_TRANSITION (e.g. the reservation lapsed).
 */
export function confirmDeposit(ctx: Ctx, raw: unknown): DepositResult {
  requireCourier(ctx);
  const { parcelId } = parseInput(ParcelRef, raw);
  const { parcel, replayed } = writeTransaction(ctx.db, () => {
    const current = loadVisibleParcel(ctx, parcelId);
    if (current.state === "deposited" || current.state === "collected" || current.state === "expired") {
      return { parcel: current, replayed: true };
    }
    if (current.state === "cancelled") {
      throw new DomainError("INVALID_TRANSITION", "reservationLapsed");
    }
    return { parcel: depositInTransaction(ctx, current), replayed: false };
  });
  return { parcel: toParcelView(ctx, parcel), replayed };
}

/**
 * The cabinet reported the door of a reserved parcel closed after its deposit open (issue
 * 13): the deposit completes as if the courier had pressed "Door closed", whose button
 * stays the fallback where the cabinet cannot tell. Call inside the transaction that
 * records the cabinet's closed report (lib/fleet/recorder.ts), which is the door's
 * "closed" row. Null when the parcel is not one this report completes.
 */
export function depositOnDoorClosed(ctx: Ctx, parcel: ParcelRow): ParcelRow | null {
  if (parcel.state !== "reserved") return null;
  return depositInTransaction(ctx, parcel, { closedBy: "cabinet" });
}

function depositInTransaction(ctx: Ctx, parcel: ParcelRow, by: { closedBy: "courier" | "cabinet" } = { closedBy: "courier" }): ParcelRow {
  const site = ctx.db.$client.prepare("select hold_period_hours as holdPeriodHours from sites where id = ?").get(parcel.siteId) as {
    holdPeriodHours: number;
  };
  const fresh = freePickupCode(ctx, parcel.siteId);
  const now = ctx.now();
  if (by.closedBy === "courier") recordDoorEvent(ctx, { slotId: parcel.slotId!, siteId: parcel.siteId, parcelId: parcel.id, kind: "closed" });
  const deposited = moveParcel(
    ctx,
    parcel,
    "deposited",
    {
      pickupCodeHash: fresh.hash,
      pickupCodeCipher: fresh.cipher,
      depositedAt: now,
      expiresAt: now + site.holdPeriodHours * 3_600_000,
      reservedUntil: null,
    },
    { holdPeriodHours: site.holdPeriodHours, ...(by.closedBy === "cabinet" ? { closedBy: "cabinet" } : {}) },
  );
  queueParcelMessage(ctx, deposited, "parcel_deposited");
  issueTrustedCodeOnDeposit(ctx, deposited);
  return deposited;
}

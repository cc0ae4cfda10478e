import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { notifications, parcelEvents, parcels } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { recordAudit } from "@/lib/audit/record";
import { requireAdmin } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { queueParcelMessage } from "@/lib/notifications/outbox";
import { parseInput } from "@/lib/validation";
import { loadVisibleParcel } from "./access";
import { IncidentInput, type IncidentKind } from "./schemas";
import { cancelParcel } from "./cancel";
import { recordParcelEvent } from "./events";
import { freePickupCode } from "./free-code";
import { storedPickupCode } from "@/lib/pickup-codes/stored";
import { extendHold } from "./extend-hold";
import { CancelInput, ParcelRef } from "./schemas";
import type { ParcelView } from "./view";

/*
 * What an admin does to a parcel from the console. Extending and cancelling are the
 * lifecycle's own verbs (extendHold, cancelParcel), run inside an outer transaction so
 * the admin's audit row commits with them or not at all (the inner transaction becomes a
 * savepoint). Lost and damaged are incidents, not states: see
 * docs/decisions/0004-admin-console.md.
 */

/**
 * Gives a waiting parcel one more day, once. Admins of the parcel's organization only.
 * Raises NOT_FOUND, CONFLICT (already extended) and INVALID_TRANSITION (not waiting).
 */
export function extendHoldAsAdmin(ctx: Ctx, raw: unknown): ParcelView {
  const admin = requireAdmin(ctx);
  const { parcelId } = parseInput(ParcelRef, raw);
  return writeTransaction(ctx.db, () => {
    const parcel = extendHold(ctx, { parcelId });
    recordAudit(ctx, admin, {
      action: "parcel.hold_extended",
      subject: `parcel:${parcel.id}`,
      siteId: parcel.site.id,
      detail: { trackingNumber: parcel.trackingNumber, expiresAt: parcel.expiresAt },
    });
    return parcel;
  });
}

/**
 * Cancels an announced parcel or an open reservation, freeing its door, with a reason.
 * Admins of the parcel's organization only. Raises INVALID, NOT_FOUND, CONFLICT (already
 * cancelled) and INVALID_TRANSITION (already in its locker, or finished).
 */
export function cancelParcelAsAdmin(ctx: Ctx, raw: unknown): ParcelView {
  const admin = requireAdmin(ctx);
  const input = parseInput(CancelInput, raw);
  return writeTransaction(ctx.db, () => {
    const before = loadVisibleParcel(ctx, input.parcelId);
    if (before.state === "cancelled") throw new DomainError("CONFLICT", "parcelAlreadyCancelled", { params: { tracking: before.trackingNumber } });
    const parcel = cancelParcel(ctx, input);
    recordAudit(ctx, admin, {
      action: "parcel.cancelled",
      subject: `parcel:${parcel.id}`,
      siteId: parcel.site.id,
      detail: { trackingNumber: parcel.trackingNumber, from: before.state, reason: input.reason },
    });
    return parcel;
  });
}

export type IncidentResult = { parcelId: number; trackingNumber: string; kind: IncidentKind };

/**
 * Records that a parcel was lost or damaged, with what happened. The parcel keeps its
 * state and its lifecycle goes on (a damaged parcel can still be collected; a lost one
 * still expires and is closed by the carrier's take-back); the incident is an event on
 * its timeline, a flag in the search, and an audit row. Admins of the parcel's
 * organization only. Raises INVALID, NOT_FOUND, INVALID_TRANSITION (the parcel never
 * reached a locker) and CONFLICT (already recorded).
 */
export function reportParcelIncident(ctx: Ctx, raw: unknown): IncidentResult {
  const admin = requireAdmin(ctx);
  const input = parseInput(IncidentInput, raw);
  return writeTransaction(ctx.db, () => {
    const parcel = loadVisibleParcel(ctx, input.parcelId);
    if (parcel.state === "announced" || parcel.state === "cancelled") {
      throw new DomainError("INVALID_TRANSITION", "incidentNeverInLocker");
    }
    const kind = `incident_${input.kind}`;
    const already = ctx.db
      .select({ id: parcelEvents.id })
      .from(parcelEvents)
      .where(and(eq(parcelEvents.parcelId, parcel.id), eq(parcelEvents.kind, kind)))
      .get();
    if (already) throw new DomainError("CONFLICT", "incidentAlreadyMarked", { params: { tracking: parcel.trackingNumber, kind: input.kind } });
    recordParcelEvent(ctx, { parcelId: parcel.id, siteId: parcel.siteId, slotId: parcel.slotId, kind, detail: { note: input.note } });
    recordAudit(ctx, admin, {
      action: input.kind === "lost" ? "parcel.marked_lost" : "parcel.marked_damaged",
      subject: `parcel:${parcel.id}`,
      siteId: parcel.siteId,
      detail: { trackingNumber: parcel.trackingNumber, state: parcel.state, note: input.note },
    });
    return { parcelId: parcel.id, trackingNumber: parcel.trackingNumber, kind: input.kind };
  });
}

/**
 * How long after one resend of a parcel's code the next is refused. Each resend is a text to
 * the recipient's phone: a few clicks in a row would pester them with the same code, and the
 * admin's button is not the place to decide how many texts a phone may get.
 */
export const RESEND_COOLDOWN_MS = 5 * 60_000;

/**
 * Sends a waiting parcel's pickup code to its recipient again — by text, and by email when
 * known — after a message that could not be sent, or for a customer who lost it. The text
 * is rendered when it is sent, so the code never sits in the outbox. A code this server's
 * keys cannot read back (a key was changed, or the database restored under other keys) is
 * replaced by a new one first: the old one could be neither sent nor, after a change of
 * the look-up key, typed at the kiosk; the message stuck on it gives way to the new one.
 * Admins of the parcel's organization only. Raises NOT_FOUND, INVALID_TRANSITION (not
 * waiting in its locker, or its pickup time is over), CONFLICT (a readable code is
 * already on its way) and LOCKED_OUT (details: retryAfterMs) within RESEND_COOLDOWN_MS of
 * the parcel's last resend.
 */
export function resendPickupCode(ctx: Ctx, raw: unknown): { parcelId: number; trackingNumber: string; to: string; newCode: boolean } {
  const admin = requireAdmin(ctx);
  const { parcelId } = parseInput(ParcelRef, raw);
  return writeTransaction(ctx.db, () => {
    const parcel = loadVisibleParcel(ctx, parcelId);
    if (parcel.state !== "deposited" || parcel.expiresAt! <= ctx.now()) {
      throw new DomainError("INVALID_TRANSITION", "resendNotWaiting", { params: { tracking: parcel.trackingNumber } });
    }
    const onItsWay = ctx.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.parcelId, parcel.id), eq(notifications.kind, "parcel_deposited"), eq(notifications.status, "queued")))
      .get();
    const newCode = storedPickupCode(ctx.keys, parcel) === null;
    if (onItsWay && !newCode) {
      throw new DomainError("CONFLICT", "resendOnItsWay");
    }
    // The parcel's own events are the record of each resend, so the limit holds across
    // servers and restarts, and needs no table of its own.
    const lastResend = ctx.db
      .select({ at: parcelEvents.at })
      .from(parcelEvents)
      .where(and(eq(parcelEvents.parcelId, parcel.id), inArray(parcelEvents.kind, ["code_resent", "code_replaced"])))
      .orderBy(desc(parcelEvents.at))
      .limit(1)
      .get();
    if (lastResend) {
      const allowedAt = lastResend.at + RESEND_COOLDOWN_MS;
      const now = ctx.now();
      if (allowedAt > now) {
        throw new DomainError("LOCKED_OUT", "resendTooSoon", {
          params: { minutes: Math.ceil((allowedAt - now) / 60_000) },
          details: { retryAfterMs: allowedAt - now },
        });
      }
    }
    if (newCode) {
      const fresh = freePickupCode(ctx, parcel.siteId);
      const replaced = ctx.db
        .update(parcels)
        .set({ pickupCodeHash: fresh.hash, pickupCodeCipher: fresh.cipher, updatedAt: ctx.now() })
        .where(and(eq(parcels.id, parcel.id), eq(parcels.state, "deposited")))
        .run();
      if (replaced.changes !== 1) throw new DomainError("CONFLICT", "parcelChangedMeanwhile");
      // A message still trying to send the old code (it cannot be rendered) gives way to the
      // new one at once, rather than blocking it for the half hour of its retries.
      ctx.db
        .update(notifications)
        .set({ status: "skipped", lastError: "replaced by a message with a new code" })
        .where(and(eq(notifications.parcelId, parcel.id), eq(notifications.kind, "parcel_deposited"), eq(notifications.status, "queued")))
        .run();
    }
    queueParcelMessage(ctx, parcel, "parcel_deposited");
    // In the parcel's own story too: its recipient learns there that a new code replaced the
    // one in the earlier text, and the courier and admin see why a second text went out.
    recordParcelEvent(ctx, { parcelId: parcel.id, siteId: parcel.siteId, slotId: parcel.slotId, kind: newCode ? "code_replaced" : "code_resent" });
    recordAudit(ctx, admin, {
      action: "parcel.code_resent",
      subject: `parcel:${parcel.id}`,
      siteId: parcel.siteId,
      detail: { trackingNumber: parcel.trackingNumber, to: parcel.recipientPhone, ...(newCode ? { newCode: true } : {}) },
    });
    return { parcelId: parcel.id, trackingNumber: parcel.trackingNumber, to: parcel.recipientPhone, newCode };
  });
}

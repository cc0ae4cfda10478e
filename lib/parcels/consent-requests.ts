import "server-only";
import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import { carriers, consentRequests, parcels, sites, type ConsentAnswer, type ConsentRequestStatus } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { requireCourier, requireRole, courierServesSite } from "@/lib/auth/authorize";
import { actorUserId, type Ctx } from "@/lib/context";
import { DomainError, notFound } from "@/lib/errors";
import { linkLocaleFacts, type LinkLocaleFacts } from "@/lib/i18n/preferences";
import { recordParcelEvent } from "@/lib/parcels/events";
import { moveParcel } from "@/lib/parcels/transition";
import { parseInput } from "@/lib/validation";
import { ConsentAnswerByToken, ConsentAnswerInApp, ConsentRequestRef, InPersonRef } from "@/lib/consent/schemas";
import { expireIfLapsed, markSent, type ConsentRequestRow } from "@/lib/consent/settle";
import { isConsentTokenFor, readConsentToken } from "@/lib/notifications/consent-token";

/** What the courier's waiting screen and a carrier's poll show about one consent request. */
export type ConsentRequestView = {
  id: number;
  status: ConsentRequestStatus;
  reason: string;
  sentAt: number | null;
  answeredAt: number | null;
  expiresAt: number;
  parcel: {
    id: number;
    state: string;
    trackingNumber: string;
    size: string;
    siteId: number;
    siteName: string;
    carrierName: string;
    recipientPhone: string;
    recipientName: string | null;
    recipientEmail: string | null;
    deliverInPerson: boolean;
  };
};

const ANSWER_STATUS: Record<ConsentAnswer, ConsentRequestStatus> = { locker: "granted", in_person: "in_person", call_me: "call_me" };

function loadRequest(ctx: Ctx, requestId: number): ConsentRequestRow | undefined {
  return ctx.db.select().from(consentRequests).where(eq(consentRequests.id, requestId)).get();
}

function toView(ctx: Ctx, request: ConsentRequestRow): ConsentRequestView {
  const parcel = ctx.db
    .select({
      id: parcels.id,
      state: parcels.state,
      trackingNumber: parcels.trackingNumber,
      size: parcels.size,
      siteId: parcels.siteId,
      siteName: sites.name,
      carrierName: carriers.name,
      recipientPhone: parcels.recipientPhone,
      recipientName: parcels.recipientName,
      recipientEmail: parcels.recipientEmail,
      deliverInPersonAt: parcels.deliverInPersonAt,
    })
    .from(parcels)
    .innerJoin(sites, eq(sites.id, parcels.siteId))
    .innerJoin(carriers, eq(carriers.id, parcels.carrierId))
    .where(eq(parcels.id, request.parcelId))
    .get()!;
  const { deliverInPersonAt, ...rest } = parcel;
  return {
    id: request.id,
    status: request.status,
    reason: request.reason,
    sentAt: request.sentAt,
    answeredAt: request.answeredAt,
    expiresAt: request.expiresAt,
    parcel: { ...rest, deliverInPerson: deliverInPersonAt !== null },
  };
}

/** The request, if this courier's carrier asked it for a parcel at a site they serve; NOT_FOUND otherwise. */
function loadCourierRequest(ctx: Ctx, requestId: number) {
  const courier = requireCourier(ctx);
  const request = loadRequest(ctx, requestId);
  const parcel = request && ctx.db.select().from(parcels).where(eq(parcels.id, request.parcelId)).get();
  if (!request || !parcel || parcel.carrierId !== courier.carrierId || !courierServesSite(ctx, courier.userId, parcel.siteId)) {
    throw new DomainError("NOT_FOUND", "consentRequestNotFound");
  }
  return { courier, request, parcel };
}

/**
 * A consent request as the courier (or the carrier's system) polls it. Couriers of the
 * parcel's carrier at its site. Raises NOT_FOUND, FORBIDDEN.
 */
export function getConsentRequest(ctx: Ctx, raw: unknown): ConsentRequestView {
  const { requestId } = parseInput(ConsentRequestRef, raw);
  return writeTransaction(ctx.db, () => {
    const { request } = loadCourierRequest(ctx, requestId);
    return toView(ctx, expireIfLapsed(ctx, request));
  });
}

/**
 * The courier sends the recipient the text with the answer link (once; sending again is a
 * no-op that returns the request). A request that ran out is opened again for 30 minutes.
 * Raises NOT_FOUND, FORBIDDEN, INVALID_TRANSITION (already answered).
 */
export function sendConsentRequest(ctx: Ctx, raw: unknown): ConsentRequestView {
  const { requestId } = parseInput(ConsentRequestRef, raw);
  return writeTransaction(ctx.db, () => {
    const { request } = loadCourierRequest(ctx, requestId);
    const current = expireIfLapsed(ctx, request);
    if (current.status === "expired") {
      const now = ctx.now();
      const reopened = ctx.db
        .update(consentRequests)
        .set({ status: "pending", expiresAt: now + (request.expiresAt - request.createdAt), sentAt: null, createdAt: now })
        .where(eq(consentRequests.id, current.id))
        .returning()
        .get()!;
      return toView(ctx, markSent(ctx, reopened));
    }
    if (current.status !== "pending") throw new DomainError("INVALID_TRANSITION", "consentAlreadyAnswered");
    return toView(ctx, current.sentAt === null ? markSent(ctx, current) : current);
  });
}

/**
 * The courier keeps the parcel to hand over in person: it stays announced (its tracking
 * number held, no door) and shows as a task in their Today list; an open question to the
 * recipient is withdrawn. Raises NOT_FOUND, FORBIDDEN, INVALID_TRANSITION (it is in a locker).
 */
export function keepForInPersonDelivery(ctx: Ctx, raw: unknown): ConsentRequestView {
  const { requestId } = parseInput(ConsentRequestRef, raw);
  return writeTransaction(ctx.db, () => {
    const { request, parcel } = loadCourierRequest(ctx, requestId);
    if (parcel.state !== "announced") throw new DomainError("INVALID_TRANSITION", "parcelAlreadyHasDoor");
    const current = request.status === "pending" ? markAnswered(ctx, request, "cancelled") : request;
    markInPerson(ctx, parcel.id, parcel.siteId, "courier kept it for in-person delivery");
    return toView(ctx, current);
  });
}

function markAnswered(ctx: Ctx, request: ConsentRequestRow, status: ConsentRequestStatus): ConsentRequestRow {
  const updated = ctx.db
    .update(consentRequests)
    .set({ status, answeredAt: ctx.now(), answeredByUserId: actorUserId(ctx.actor) })
    .where(and(eq(consentRequests.id, request.id), eq(consentRequests.status, "pending")))
    .returning()
    .get();
  if (!updated) throw new DomainError("CONFLICT", "consentAnsweredMeanwhile");
  return updated;
}

function markInPerson(ctx: Ctx, parcelId: number, siteId: number, why: string) {
  ctx.db
    .update(parcels)
    .set({ deliverInPersonAt: ctx.now(), updatedAt: ctx.now() })
    .where(and(eq(parcels.id, parcelId), eq(parcels.state, "announced")))
    .run();
  recordParcelEvent(ctx, { parcelId, siteId, slotId: null, kind: "deliver_in_person", detail: { why } });
}

export type ConsentAnswerPage =
  | { kind: "open"; request: ConsentRequestView }
  | { kind: "answered"; status: ConsentRequestStatus; request: ConsentRequestView }
  | { kind: "expired" }
  | { kind: "invalid" };

/** Verifies a link's token against its request: null when it is not one we signed. */
function requestForToken(ctx: Ctx, token: string): ConsentRequestRow | null {
  const claim = readConsentToken(token);
  const request = claim ? loadRequest(ctx, claim.requestId) : undefined;
  if (!claim || !request || !isConsentTokenFor(ctx.keys, claim, request)) return null;
  return request;
}

/**
 * What the recipient's link shows: the open question, the answer already given (a link is
 * single use), or that it ran out. Anyone with the link — that is the point of it.
 */
export function consentByToken(ctx: Ctx, token: string): ConsentAnswerPage {
  return writeTransaction(ctx.db, () => {
    const found = requestForToken(ctx, token);
    if (!found) return { kind: "invalid" };
    const request = expireIfLapsed(ctx, found);
    if (request.status === "expired") return { kind: "expired" };
    if (request.status !== "pending") return { kind: "answered", status: request.status, request: toView(ctx, request) };
    return { kind: "open", request: toView(ctx, request) };
  });
}

/**
 * Whose language the link's pages speak (lib/i18n/person-link.ts): the account of the phone
 * the question was texted to, and the parcel's site. Null when the token is not one we signed;
 * an answered or run-out link still names its person. Read only.
 */
export function consentLinkLocale(ctx: Ctx, token: string): LinkLocaleFacts | null {
  const request = requestForToken(ctx, token);
  const parcel = request && ctx.db.select({ siteId: parcels.siteId }).from(parcels).where(eq(parcels.id, request.parcelId)).get();
  return request && parcel ? linkLocaleFacts(ctx.db, { phone: request.recipientPhone, siteId: parcel.siteId }) : null;
}

/**
 * The recipient's one-tap answer from the text's link: no sign-in, the signed token is the
 * proof, and it answers once. Raises INVALID (not our link) and CONFLICT (the link ran out
 * or was already used).
 */
export function answerConsentByToken(ctx: Ctx, raw: unknown): ConsentRequestView {
  const input = parseInput(ConsentAnswerByToken, raw);
  return writeTransaction(ctx.db, () => {
    const found = requestForToken(ctx, input.token);
    if (!found) throw new DomainError("INVALID", "consentLinkInvalid");
    return answer(ctx, found, input.answer);
  });
}

/** The signed-in recipient answers in the app: only requests to their verified phone. Raises NOT_FOUND, CONFLICT. */
export function answerConsentInApp(ctx: Ctx, raw: unknown): ConsentRequestView {
  const customer = requireRole(ctx, "customer");
  const input = parseInput(ConsentAnswerInApp, raw);
  return writeTransaction(ctx.db, () => {
    const request = loadRequest(ctx, input.requestId);
    if (!request || customer.verifiedPhone === null || request.recipientPhone !== customer.verifiedPhone) {
      throw new DomainError("NOT_FOUND", "consentRequestNotFound");
    }
    return answer(ctx, request, input.answer);
  });
}

function answer(ctx: Ctx, found: ConsentRequestRow, choice: ConsentAnswer): ConsentRequestView {
  const request = expireIfLapsed(ctx, found);
  if (request.status === "expired") throw new DomainError("CONFLICT", "consentQuestionRanOut");
  if (request.status !== "pending") throw new DomainError("CONFLICT", "consentQuestionAnswered");
  const answered = markAnswered(ctx, request, ANSWER_STATUS[choice]);
  const parcel = ctx.db.select().from(parcels).where(eq(parcels.id, request.parcelId)).get()!;
  recordParcelEvent(ctx, { parcelId: parcel.id, siteId: parcel.siteId, slotId: null, kind: "consent_answered", detail: { answer: choice } });
  if (choice === "in_person") markInPerson(ctx, parcel.id, parcel.siteId, "the recipient asked for it to be brought to them");
  return toView(ctx, answered);
}

/** The signed-in customer's open questions (pending, not run out), newest first. */
export function myConsentRequests(ctx: Ctx): ConsentRequestView[] {
  const customer = requireRole(ctx, "customer");
  if (customer.verifiedPhone === null) return [];
  const rows = ctx.db
    .select()
    .from(consentRequests)
    .where(
      and(
        eq(consentRequests.recipientPhone, customer.verifiedPhone),
        eq(consentRequests.status, "pending"),
        sql`${consentRequests.expiresAt} > ${ctx.now()}`,
      ),
    )
    .orderBy(desc(consentRequests.id))
    .all();
  return rows.map((row) => toView(ctx, row));
}

export type InPersonTask = {
  parcelId: number;
  trackingNumber: string;
  siteName: string;
  recipientPhone: string;
  recipientName: string | null;
  since: number;
};

/** The courier's parcels to hand over in person (their carrier's, at sites they serve), oldest first. */
export function listInPersonTasks(ctx: Ctx): InPersonTask[] {
  const courier = requireCourier(ctx);
  return ctx.db
    .select({
      parcelId: parcels.id,
      trackingNumber: parcels.trackingNumber,
      siteName: sites.name,
      recipientPhone: parcels.recipientPhone,
      recipientName: parcels.recipientName,
      since: sql<number>`${parcels.deliverInPersonAt}`,
      siteId: parcels.siteId,
    })
    .from(parcels)
    .innerJoin(sites, eq(sites.id, parcels.siteId))
    .where(and(eq(parcels.carrierId, courier.carrierId), eq(parcels.state, "announced"), isNotNull(parcels.deliverInPersonAt)))
    .orderBy(parcels.deliverInPersonAt)
    .all()
    .filter((task) => courierServesSite(ctx, courier.userId, task.siteId))
    .map(({ siteId: _siteId, ...task }) => task);
}


/**
 * The courier handed the parcel over in person: the task is done and the parcel leaves the
 * network without a locker (announced → cancelled, its event saying why). Couriers of the
 * parcel's carrier at its site; only a parcel kept for in-person delivery. Raises NOT_FOUND,
 * INVALID_TRANSITION. Done twice, the second answers as the first.
 */
export function markDeliveredInPerson(ctx: Ctx, raw: unknown): { trackingNumber: string } {
  const courier = requireCourier(ctx);
  const { parcelId } = parseInput(InPersonRef, raw);
  return writeTransaction(ctx.db, () => {
    const parcel = ctx.db.select().from(parcels).where(eq(parcels.id, parcelId)).get();
    if (!parcel || parcel.carrierId !== courier.carrierId || !courierServesSite(ctx, courier.userId, parcel.siteId) || parcel.deliverInPersonAt === null) {
      throw notFound();
    }
    if (parcel.state === "cancelled") return { trackingNumber: parcel.trackingNumber };
    if (parcel.state !== "announced") throw new DomainError("INVALID_TRANSITION", "parcelInLockerNow");
    moveParcel(ctx, parcel, "cancelled", { handedOverAt: ctx.now(), closedAt: ctx.now() }, { deliveredInPerson: true });
    return { trackingNumber: parcel.trackingNumber };
  });
}

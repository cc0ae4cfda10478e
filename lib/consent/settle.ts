import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { preparedQuery } from "@/db/prepared";
import { consentRequests, notifications, organizations, parcelConsents, type ConsentRequestStatus, type ConsentSource } from "@/db/schema";
import type { CourierActor } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { consentMoment } from "./moment";
import { loadConsentPreference } from "./preferences";
import { decideConsent, type ConsentDecision } from "./rule";

/*
 * The consent step of a reservation, inside its transaction (lib/parcels/reserve.ts):
 * before a door is chosen, find the consent this deposit rests on — held by the courier or
 * carrier, answered by the recipient, or given by their standing preference — or say that
 * none is there. The consent record is written with the reservation, so a door is never
 * held for a parcel whose consent is unknown, and the deposit trigger finds it.
 */

/** How long a recipient has to answer a request: the courier is waiting at the locker. */
export const CONSENT_REQUEST_TTL_MS = 30 * 60_000;

export type ConsentGrant = {
  source: ConsentSource;
  requestId?: number | null;
  attestedByUserId?: number | null;
  reference?: string | null;
};

export type ConsentSettlement = { kind: "granted"; grant: ConsentGrant } | { kind: "required"; decision: ConsentDecision };

type Site = { organizationId: number; timeZone: string };
type Held = { consentSource?: "phone_attested" | "carrier_supplied"; consentReference?: string };

export function settleConsent(
  ctx: Ctx,
  courier: CourierActor,
  site: Site,
  recipientPhone: string,
  held: Held,
  announcedParcelId: number | null,
): ConsentSettlement {
  if (held.consentSource === "phone_attested") {
    return { kind: "granted", grant: { source: "phone_attested", attestedByUserId: courier.userId, reference: held.consentReference ?? null } };
  }
  if (held.consentSource === "carrier_supplied") {
    return { kind: "granted", grant: { source: "carrier_supplied", reference: held.consentReference ?? null } };
  }
  if (announcedParcelId !== null) {
    const answered = latestRequest(ctx, announcedParcelId);
    if (answered?.status === "granted") return { kind: "granted", grant: { source: "per_parcel", requestId: answered.id } };
  }
  const decision = decideForRecipient(ctx, site, recipientPhone, courier.carrierId);
  if (decision.outcome !== "allowed") return { kind: "required", decision };
  const source: ConsentSource = decision.because === "no_preference" ? "operator_default" : "standing";
  return { kind: "granted", grant: { source, reference: decision.because === "exception" ? "an exception of the standing preference" : null } };
}

/** The rule for this recipient, carrier and moment at the site. */
export function decideForRecipient(ctx: Ctx, site: Site, recipientPhone: string, carrierId: number): ConsentDecision {
  const organization = organizationDefault(ctx.db).get({ id: site.organizationId });
  return decideConsent(
    loadConsentPreference(ctx, recipientPhone),
    consentMoment(site.timeZone, ctx.now(), carrierId),
    organization?.consentDefault ?? "allow",
  );
}

// Every reservation reads it: built once per connection.
const organizationDefault = preparedQuery((db) =>
  db.select({ consentDefault: organizations.consentDefault }).from(organizations).where(eq(organizations.id, sql.placeholder("id"))).prepare(),
);

/** Stores the grant for the parcel that just got its door. The first record stands (it is permanent). */
export function recordConsent(ctx: Ctx, parcelId: number, grant: ConsentGrant): void {
  insertConsent(ctx.db).run({
    parcelId,
    source: grant.source,
    requestId: grant.requestId ?? null,
    attestedByUserId: grant.attestedByUserId ?? null,
    reference: grant.reference ?? null,
    recordedAt: ctx.now(),
  });
}

// Every reservation that gets a door records its consent: built once per connection.
const insertConsent = preparedQuery((db) =>
  db
    .insert(parcelConsents)
    .values({
      parcelId: sql.placeholder("parcelId"),
      source: sql.placeholder("source"),
      requestId: sql.placeholder("requestId"),
      attestedByUserId: sql.placeholder("attestedByUserId"),
      reference: sql.placeholder("reference"),
      recordedAt: sql.placeholder("recordedAt"),
    })
    .onConflictDoNothing()
    .prepare(),
);

export type ConsentRequestRow = typeof consentRequests.$inferSelect;

function latestRequest(ctx: Ctx, parcelId: number): ConsentRequestRow | undefined {
  return ctx.db
    .select()
    .from(consentRequests)
    .where(eq(consentRequests.parcelId, parcelId))
    .orderBy(desc(consentRequests.id))
    .limit(1)
    .get();
}

/** A pending request whose time ran out is expired, where it is read. */
export function expireIfLapsed(ctx: Ctx, request: ConsentRequestRow): ConsentRequestRow {
  if (request.status !== "pending" || request.expiresAt > ctx.now()) return request;
  return (
    ctx.db
      .update(consentRequests)
      .set({ status: "expired" })
      .where(and(eq(consentRequests.id, request.id), eq(consentRequests.status, "pending")))
      .returning()
      .get() ?? request
  );
}

const STANDING_ANSWERS: ConsentRequestStatus[] = ["in_person", "call_me"];

/**
 * The question to the recipient for this parcel: the one still open, the answer they gave
 * ("bring it to me", "call me" — the courier must see it, not a fresh question), or a new
 * one. Texted at once when `send` (a carrier's system) — otherwise the courier decides.
 */
export function openConsentRequest(
  ctx: Ctx,
  courier: CourierActor,
  parcel: { id: number; recipientPhone: string },
  decision: ConsentDecision,
  send: boolean,
): ConsentRequestRow {
  const latest = latestRequest(ctx, parcel.id);
  const current = latest ? expireIfLapsed(ctx, latest) : undefined;
  let request: ConsentRequestRow;
  if (current && (current.status === "pending" || STANDING_ANSWERS.includes(current.status)) && current.recipientPhone === parcel.recipientPhone) {
    request = current;
  } else {
    const now = ctx.now();
    request = ctx.db
      .insert(consentRequests)
      .values({
        parcelId: parcel.id,
        recipientPhone: parcel.recipientPhone,
        reason: `${decision.outcome}:${decision.because}`,
        requestedByUserId: courier.userId,
        createdAt: now,
        expiresAt: now + CONSENT_REQUEST_TTL_MS,
      })
      .returning()
      .get();
  }
  if (send && request.status === "pending" && request.sentAt === null) request = markSent(ctx, request);
  return request;
}

/** Queues the text with the answer link (rendered at send time from the request). */
export function markSent(ctx: Ctx, request: ConsentRequestRow): ConsentRequestRow {
  const now = ctx.now();
  ctx.db
    .insert(notifications)
    .values({
      kind: "consent_request",
      parcelId: request.parcelId,
      channel: "sms",
      recipient: request.recipientPhone,
      payload: JSON.stringify({ requestId: request.id }),
      nextAttemptAt: now,
      createdAt: now,
    })
    .run();
  return ctx.db.update(consentRequests).set({ sentAt: now }).where(eq(consentRequests.id, request.id)).returning().get()!;
}

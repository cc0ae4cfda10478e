import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consentRequests, notifications, organizations, parcelConsents, parcels, sites, users } from "@/db/schema";
import { confirmDeposit } from "@/lib/parcels/deposit";
import { createCarrier, createCourier, createCustomer, createTestWorld, type TestWorld } from "@/lib/testing/factories";
import { expectDomainError } from "@/lib/testing/domain-error";
import { createStation, deposit, parcelRow, recipientPhone, reserve, type Station } from "@/lib/testing/parcels";
import { sqliteErrorOf } from "@/lib/testing/sqlite-error";
import type { ConsentRequiredDetails } from "./required";
import { storeConsentPreference } from "./preferences";
import {
  answerConsentByToken,
  answerConsentInApp,
  consentByToken,
  consentLinkLocale,
  getConsentRequest,
  keepForInPersonDelivery,
  listInPersonTasks,
  myConsentRequests,
  sendConsentRequest,
} from "@/lib/parcels/consent-requests";
import { CONSENT_REQUEST_TTL_MS } from "./settle";
import { issueConsentToken } from "@/lib/notifications/consent-token";

let world: TestWorld;
let station: Station;

beforeAll(() => {
  world = createTestWorld();
  station = createStation(world);
});
afterAll(() => world.close());

function consentOf(parcelId: number) {
  return world.db.select().from(parcelConsents).where(eq(parcelConsents.parcelId, parcelId)).get();
}

function prefer(phone: string, standing: "allow" | "ask" | "refuse", extra: { awayUntil?: string; exceptions?: [] } = {}) {
  storeConsentPreference(world.ctx({ kind: "system" }), phone, { standing, exceptions: extra.exceptions ?? [], awayUntil: extra.awayUntil ?? null }, null);
}

async function consentRequired(phone: string, extra: Record<string, unknown> = {}) {
  const error = await expectDomainError<ConsentRequiredDetails>(() => reserve(world, station.courier, station.site.id, { recipientPhone: phone, ...extra }), "CONSENT_REQUIRED");
  return error.details!;
}

function tokenOf(requestId: number) {
  const request = world.db.select().from(consentRequests).where(eq(consentRequests.id, requestId)).get()!;
  return issueConsentToken(world.keys, request);
}

describe("standing consent", () => {
  it("a recipient who said lockers are fine: the deposit goes ahead and records standing consent", async () => {
    const phone = recipientPhone();
    prefer(phone, "allow");
    const { parcel } = await deposit(world, station.courier, station.site.id, { recipientPhone: phone });
    expect(parcel.state).toBe("deposited");
    expect(consentOf(parcel.id)).toMatchObject({ source: "standing", requestId: null });
  });

  it("a recipient with no preference: the operator's default (allow) is recorded as such", async () => {
    const { parcel } = await deposit(world, station.courier, station.site.id);
    expect(consentOf(parcel.id)).toMatchObject({ source: "operator_default" });
  });

  it("an operator whose default is ask: a recipient without preference is asked", async () => {
    const other = createStation(world);
    world.db.update(organizations).set({ consentDefault: "ask" }).where(eq(organizations.id, other.organizationId)).run();
    const error = await expectDomainError<ConsentRequiredDetails>(() => reserve(world, other.courier, other.site.id), "CONSENT_REQUIRED");
    expect(error.details).toMatchObject({ outcome: "ask", because: "no_preference", status: "pending", sent: false });
  });

  it("never a locker: refused, with nothing held but the tracking number", async () => {
    const phone = recipientPhone();
    prefer(phone, "refuse");
    const details = await consentRequired(phone);
    expect(details).toMatchObject({ outcome: "refuse", because: "standing" });
    const parcel = parcelRow(world.db, details.parcelId);
    expect(parcel).toMatchObject({ state: "announced", slotId: null });
    expect(consentOf(parcel.id)).toBeUndefined();
  });

  it("away until a date: refused until then, allowed after", async () => {
    const phone = recipientPhone();
    prefer(phone, "allow", { awayUntil: "2026-11-27" });
    expect(await consentRequired(phone)).toMatchObject({ outcome: "refuse", because: "away" });
    const saved = world.clock.now;
    world.clock.now += 2 * 24 * 3_600_000;
    try {
      const { parcel } = await deposit(world, station.courier, station.site.id, { recipientPhone: phone });
      expect(consentOf(parcel.id)).toMatchObject({ source: "standing" });
    } finally {
      world.clock.now = saved;
    }
  });
});

describe("asking the recipient", () => {
  it("ask each time: no door, a pending request, texted only when the courier sends it, and a retry finds the same request", async () => {
    const phone = recipientPhone();
    prefer(phone, "ask");
    const first = await consentRequired(phone, { trackingNumber: "ASK-0001" });
    expect(first).toMatchObject({ outcome: "ask", status: "pending", sent: false });
    expect(world.db.select().from(notifications).where(eq(notifications.recipient, phone)).all()).toHaveLength(0);

    const again = await consentRequired(phone, { trackingNumber: "ASK-0001" });
    expect(again.requestId).toBe(first.requestId);

    const sent = sendConsentRequest(world.ctx(station.courier), { requestId: first.requestId });
    expect(sent.sentAt).not.toBeNull();
    sendConsentRequest(world.ctx(station.courier), { requestId: first.requestId });
    const texts = world.db.select().from(notifications).where(eq(notifications.recipient, phone)).all();
    expect(texts.map((text) => text.kind)).toEqual(["consent_request"]);
  });

  it("a carrier's system asks at once (askRecipient)", async () => {
    const phone = recipientPhone();
    prefer(phone, "ask");
    expect(await consentRequired(phone, { askRecipient: true })).toMatchObject({ sent: true });
  });

  it("the recipient says yes from the link: the courier's retry gets a door and records per-parcel consent", async () => {
    const phone = recipientPhone();
    prefer(phone, "ask");
    const details = await consentRequired(phone, { trackingNumber: "ASK-YES-1" });
    const token = tokenOf(details.requestId);
    expect(consentByToken(world.ctx({ kind: "anonymous" }), token)).toMatchObject({ kind: "open" });
    answerConsentByToken(world.ctx({ kind: "anonymous" }), { token, answer: "locker" });
    expect(getConsentRequest(world.ctx(station.courier), { requestId: details.requestId }).status).toBe("granted");

    const reserved = await reserve(world, station.courier, station.site.id, { recipientPhone: phone, trackingNumber: "ASK-YES-1" });
    expect(reserved.parcel.id).toBe(details.parcelId);
    expect(reserved.parcel.slot).not.toBeNull();
    confirmDeposit(world.ctx(station.courier), { parcelId: reserved.parcel.id });
    expect(consentOf(details.parcelId)).toMatchObject({ source: "per_parcel", requestId: details.requestId });
  });

  it("a link answers once: a second tap is refused and the page says it was answered", async () => {
    const phone = recipientPhone();
    prefer(phone, "ask");
    const { requestId } = await consentRequired(phone);
    const token = tokenOf(requestId);
    answerConsentByToken(world.ctx({ kind: "anonymous" }), { token, answer: "call_me" });
    await expectDomainError(() => answerConsentByToken(world.ctx({ kind: "anonymous" }), { token, answer: "locker" }), "CONFLICT");
    expect(consentByToken(world.ctx({ kind: "anonymous" }), token)).toMatchObject({ kind: "answered", status: "call_me" });
  });

  it("an expired link opens nothing and says so", async () => {
    const phone = recipientPhone();
    prefer(phone, "ask");
    const { requestId } = await consentRequired(phone);
    const token = tokenOf(requestId);
    const saved = world.clock.now;
    world.clock.now += CONSENT_REQUEST_TTL_MS;
    try {
      expect(consentByToken(world.ctx({ kind: "anonymous" }), token)).toEqual({ kind: "expired" });
      await expectDomainError(() => answerConsentByToken(world.ctx({ kind: "anonymous" }), { token, answer: "locker" }), "CONFLICT");
    } finally {
      world.clock.now = saved;
    }
  });

  it("a forged or altered token is not ours", async () => {
    const phone = recipientPhone();
    prefer(phone, "ask");
    const { requestId } = await consentRequired(phone);
    const token = tokenOf(requestId);
    const altered = token.slice(0, -1) + (token.endsWith("0") ? "1" : "0");
    expect(consentByToken(world.ctx({ kind: "anonymous" }), altered)).toEqual({ kind: "invalid" });
    expect(consentByToken(world.ctx({ kind: "anonymous" }), "nonsense")).toEqual({ kind: "invalid" });
    await expectDomainError(() => answerConsentByToken(world.ctx({ kind: "anonymous" }), { token: altered, answer: "locker" }), "INVALID");
  });

  it("the link's pages speak the language of the phone's account, else have the site's; answered or run out, still; a token we did not sign names nobody", async () => {
    const phone = recipientPhone();
    prefer(phone, "ask");
    const { requestId } = await consentRequired(phone);
    const token = tokenOf(requestId);
    const anyone = world.ctx({ kind: "anonymous" });
    // No account for the phone: the site's default (its organization's, Chinese).
    expect(consentLinkLocale(anyone, token)).toEqual({ person: null, site: "zh-CN" });
    const customer = createCustomer(world.db, phone);
    world.db.update(users).set({ locale: "en" }).where(eq(users.id, customer.userId)).run();
    expect(consentLinkLocale(anyone, token)).toEqual({ person: "en", site: "zh-CN" });
    // Only a confirmed phone is theirs.
    world.db.update(users).set({ phoneVerifiedAt: null }).where(eq(users.id, customer.userId)).run();
    expect(consentLinkLocale(anyone, token)).toEqual({ person: null, site: "zh-CN" });
    world.db.update(users).set({ phoneVerifiedAt: world.clock.now }).where(eq(users.id, customer.userId)).run();
    // The site's own default beats its organization's.
    world.db.update(sites).set({ defaultLocale: "en" }).where(eq(sites.id, station.site.id)).run();
    try {
      expect(consentLinkLocale(anyone, token)).toEqual({ person: "en", site: "en" });
    } finally {
      world.db.update(sites).set({ defaultLocale: null }).where(eq(sites.id, station.site.id)).run();
    }

    answerConsentByToken(anyone, { token, answer: "call_me" });
    const saved = world.clock.now;
    world.clock.now += CONSENT_REQUEST_TTL_MS;
    try {
      expect(consentLinkLocale(anyone, token)).toEqual({ person: "en", site: "zh-CN" });
    } finally {
      world.clock.now = saved;
    }
    expect(consentLinkLocale(anyone, token.slice(0, -1) + (token.endsWith("0") ? "1" : "0"))).toBeNull();
    expect(consentLinkLocale(anyone, "nonsense")).toBeNull();
  });

  it("bring it to me: the parcel becomes the courier's in-person task, and a retry says so instead of asking again", async () => {
    const phone = recipientPhone();
    prefer(phone, "ask");
    const details = await consentRequired(phone, { trackingNumber: "ASK-BRING-1" });
    answerConsentByToken(world.ctx({ kind: "anonymous" }), { token: tokenOf(details.requestId), answer: "in_person" });
    expect(listInPersonTasks(world.ctx(station.courier)).map((task) => task.trackingNumber)).toContain("ASK-BRING-1");
    const retry = await consentRequired(phone, { trackingNumber: "ASK-BRING-1" });
    expect(retry).toMatchObject({ requestId: details.requestId, status: "in_person" });
  });

  it("the signed-in recipient answers in the app; someone else's request is not found", async () => {
    const phone = recipientPhone();
    prefer(phone, "ask");
    const { requestId } = await consentRequired(phone);
    const customer = createCustomer(world.db, phone);
    expect(myConsentRequests(world.ctx(customer)).map((request) => request.id)).toContain(requestId);
    const stranger = createCustomer(world.db, recipientPhone());
    await expectDomainError(() => answerConsentInApp(world.ctx(stranger), { requestId, answer: "locker" }), "NOT_FOUND");
    expect(answerConsentInApp(world.ctx(customer), { requestId, answer: "locker" }).status).toBe("granted");
  });

  it("the courier keeps it for in-person delivery: the open question is withdrawn and a task appears", async () => {
    const phone = recipientPhone();
    prefer(phone, "ask");
    const { requestId, parcelId } = await consentRequired(phone, { trackingNumber: "KEEP-0001" });
    expect(keepForInPersonDelivery(world.ctx(station.courier), { requestId }).status).toBe("cancelled");
    expect(parcelRow(world.db, parcelId).deliverInPersonAt).not.toBeNull();
    expect(listInPersonTasks(world.ctx(station.courier)).map((task) => task.parcelId)).toContain(parcelId);
  });

  it("another carrier's courier cannot see or send the request", async () => {
    const phone = recipientPhone();
    prefer(phone, "ask");
    const { requestId } = await consentRequired(phone);
    const rival = createCourier(world.db, createCarrier(world.db, "Rival").id, [station.site.id]);
    await expectDomainError(() => getConsentRequest(world.ctx(rival), { requestId }), "NOT_FOUND");
    await expectDomainError(() => sendConsentRequest(world.ctx(rival), { requestId }), "NOT_FOUND");
    await expectDomainError(() => getConsentRequest(world.ctx(station.admin), { requestId }), "FORBIDDEN");
  });
});

describe("consent the courier or carrier holds", () => {
  it("phone consent attested by the courier is recorded with the courier's name", async () => {
    const phone = recipientPhone();
    prefer(phone, "refuse");
    const { parcel } = await deposit(world, station.courier, station.site.id, { recipientPhone: phone, consentSource: "phone_attested" } as never);
    expect(consentOf(parcel.id)).toMatchObject({ source: "phone_attested", attestedByUserId: station.courier.userId });
  });

  it("carrier-supplied consent needs its reference, and keeps it", async () => {
    const phone = recipientPhone();
    prefer(phone, "ask");
    const invalid = await expectDomainError<{ fieldErrors: Record<string, string[]> }>(
      () => reserve(world, station.courier, station.site.id, { recipientPhone: phone, consentSource: "carrier_supplied" } as never),
      "INVALID",
    );
    expect(invalid.details?.fieldErrors.consentReference).toBeDefined();
    const { parcel } = await deposit(world, station.courier, station.site.id, {
      recipientPhone: phone,
      consentSource: "carrier_supplied",
      consentReference: "checkout-42",
    } as never);
    expect(consentOf(parcel.id)).toMatchObject({ source: "carrier_supplied", reference: "checkout-42" });
  });
});

describe("invariant: no deposit without a consent record", () => {
  it("the database refuses moving a parcel to deposited without one, whatever the code does", async () => {
    const phone = recipientPhone();
    prefer(phone, "ask");
    const { parcelId } = await consentRequired(phone);
    // Past every verb: give the announced parcel a slot and code and try to deposit it.
    const error = sqliteErrorOf(() =>
      world.db.$client
        .prepare("update parcels set state = 'deposited', pickup_code_hash = 'x', expires_at = 1 where id = ?")
        .run(parcelId),
    );
    expect(error.message).toContain("parcel_deposit_without_consent");
    expect(parcelRow(world.db, parcelId).state).toBe("announced");
  });

  it("a consent record cannot be changed or removed", async () => {
    const { parcel } = await deposit(world, station.courier, station.site.id);
    expect(sqliteErrorOf(() => world.db.delete(parcelConsents).where(eq(parcelConsents.parcelId, parcel.id)).run()).message).toContain(
      "parcel_consent_is_permanent",
    );
    expect(
      sqliteErrorOf(() => world.db.update(parcelConsents).set({ source: "per_parcel" }).where(eq(parcelConsents.parcelId, parcel.id)).run())
        .message,
    ).toContain("parcel_consent_is_permanent");
  });

  it("after all of the above, every parcel that was ever in a locker has its consent record", () => {
    const missing = world.db.get<{ n: number }>(sql`
      select count(*) as n from ${parcels} p
      where p.deposited_at is not null and not exists (select 1 from ${parcelConsents} c where c.parcel_id = p.id)`);
    const deposited = world.db.get<{ n: number }>(sql`select count(*) as n from ${parcels} where deposited_at is not null`);
    expect(deposited.n).toBeGreaterThan(5);
    expect(missing.n).toBe(0);
  });
});

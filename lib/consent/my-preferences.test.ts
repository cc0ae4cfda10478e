import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCustomer, createTestWorld, type TestWorld } from "@/lib/testing/factories";
import { expectDomainError } from "@/lib/testing/domain-error";
import { createStation, deposit, recipientPhone, reserve, type Station } from "@/lib/testing/parcels";
import { markDeliveredInPerson, keepForInPersonDelivery, listInPersonTasks } from "@/lib/parcels/consent-requests";
import { parcelTimeline } from "@/lib/parcels/timeline";
import { cancelParcel } from "@/lib/parcels/cancel";
import { listCourierToday } from "@/lib/courier/queries";
import { consentSettingsByToken, myConsentSettings, setConsentSettingsByToken, setMyConsentSettings } from "./my-preferences";
import { consentRequests } from "@/db/schema";
import { DAY_MS, dayKey, DEFAULT_TIME_ZONE } from "@/lib/time";
import { eq } from "drizzle-orm";
import { issueConsentToken } from "@/lib/notifications/consent-token";
import { CONSENT_REQUEST_TTL_MS } from "./settle";
import type { ConsentRequiredDetails } from "./required";

let world: TestWorld;
let station: Station;

beforeAll(() => {
  world = createTestWorld();
  station = createStation(world);
});
afterAll(() => world.close());

describe("a customer's own locker preferences", () => {
  it("saved from the account form, they decide the next deposit; shown back as saved", async () => {
    const phone = recipientPhone();
    const customer = createCustomer(world.db, phone);
    expect(myConsentSettings(world.ctx(customer))).toMatchObject({ recorded: false, standing: null });
    setMyConsentSettings(world.ctx(customer), { standing: "allow", askCarrierIds: [String(station.carrier.id)], refuseDays: [], awayUntil: "" });
    expect(myConsentSettings(world.ctx(customer))).toMatchObject({ recorded: true, askCarrierIds: [station.carrier.id], awayUntil: null });
    const error = await expectDomainError<ConsentRequiredDetails>(() => reserve(world, station.courier, station.site.id, { recipientPhone: phone }), "CONSENT_REQUIRED");
    expect(error.details).toMatchObject({ outcome: "ask", because: "exception" });
  });

  it("records no consent without an explicit standing choice: nothing is shown chosen, and saving only a date is refused", async () => {
    const phone = recipientPhone();
    const customer = createCustomer(world.db, phone);
    expect(myConsentSettings(world.ctx(customer))).toMatchObject({ recorded: false, standing: null });
    const refused = await expectDomainError<{ fieldErrors: Record<string, string[]> }>(
      () => setMyConsentSettings(world.ctx(customer), { awayUntil: "2026-12-24", refuseDays: ["6"] }),
      "INVALID",
    );
    expect(refused.details?.fieldErrors.standing).toEqual(["Choose what couriers may do."]);
    expect(myConsentSettings(world.ctx(customer))).toMatchObject({ recorded: false, standing: null, awayUntil: null });
  });

  it("refuses an away-until day already past (the installation's day, by the injected clock); today is fine", async () => {
    const customer = createCustomer(world.db, recipientPhone());
    const today = dayKey(DEFAULT_TIME_ZONE, world.clock.now);
    const yesterday = dayKey(DEFAULT_TIME_ZONE, world.clock.now - DAY_MS);
    expect(myConsentSettings(world.ctx(customer)).earliestAwayUntil).toBe(today);
    for (const awayUntil of ["2020-01-01", yesterday]) {
      const refused = await expectDomainError<{ fieldErrors: Record<string, string[]> }>(
        () => setMyConsentSettings(world.ctx(customer), { standing: "ask", awayUntil }),
        "INVALID",
      );
      expect(refused.details?.fieldErrors.awayUntil).toEqual(["Choose today or a later day."]);
      expect(myConsentSettings(world.ctx(customer))).toMatchObject({ recorded: false, awayUntil: null });
    }
    setMyConsentSettings(world.ctx(customer), { standing: "ask", awayUntil: today });
    expect(myConsentSettings(world.ctx(customer))).toMatchObject({ recorded: true, awayUntil: today });
  });

  it("never a locker on the day it is at the site (Thursday 26 Nov 2026 in Shanghai)", async () => {
    const phone = recipientPhone();
    const customer = createCustomer(world.db, phone);
    setMyConsentSettings(world.ctx(customer), { standing: "allow", refuseDays: ["4"], awayUntil: "" });
    const error = await expectDomainError<ConsentRequiredDetails>(() => reserve(world, station.courier, station.site.id, { recipientPhone: phone }), "CONSENT_REQUIRED");
    expect(error.details).toMatchObject({ outcome: "refuse", because: "exception" });
    setMyConsentSettings(world.ctx(customer), { standing: "allow", refuseDays: ["5"], awayUntil: "" });
    await deposit(world, station.courier, station.site.id, { recipientPhone: phone });
  });

  it("refuses a bad date, a customer without a confirmed phone, and other roles", async () => {
    const customer = createCustomer(world.db, recipientPhone());
    const invalid = await expectDomainError<{ fieldErrors: Record<string, string[]> }>(
      () => setMyConsentSettings(world.ctx(customer), { standing: "allow", awayUntil: "next week" }),
      "INVALID",
    );
    expect(invalid.details?.fieldErrors.awayUntil).toBeDefined();
    await expectDomainError(() => setMyConsentSettings(world.ctx({ ...customer, verifiedPhone: null }), { standing: "ask" }), "FORBIDDEN");
    await expectDomainError(() => setMyConsentSettings(world.ctx(station.courier), { standing: "ask" }), "FORBIDDEN");
  });
});

describe("preferences from the text's link, without an account", () => {
  it("the link's token sets the preferences of the phone it was texted to, while it is valid", async () => {
    const phone = recipientPhone();
    setMyConsentSettings(world.ctx(createCustomer(world.db, phone)), { standing: "ask" });
    const { details } = await expectDomainError<ConsentRequiredDetails>(() => reserve(world, station.courier, station.site.id, { recipientPhone: phone }), "CONSENT_REQUIRED");
    const request = world.db.select().from(consentRequests).where(eq(consentRequests.id, details!.requestId)).get()!;
    const token = issueConsentToken(world.keys, request);
    const anonymous = world.ctx({ kind: "anonymous" });
    expect(consentSettingsByToken(anonymous, token)).toMatchObject({ standing: "ask", recorded: true });
    setConsentSettingsByToken(anonymous, { token, standing: "allow", awayUntil: "2026-12-24" });
    expect(consentSettingsByToken(anonymous, token)).toMatchObject({ standing: "allow", awayUntil: "2026-12-24" });

    await expectDomainError(() => setConsentSettingsByToken(anonymous, { token: token.slice(0, -1) + (token.endsWith("0") ? "1" : "0"), standing: "refuse" }), "INVALID");
    const saved = world.clock.now;
    world.clock.now += CONSENT_REQUEST_TTL_MS;
    try {
      expect(consentSettingsByToken(anonymous, token)).toBeNull();
      await expectDomainError(() => setConsentSettingsByToken(anonymous, { token, standing: "refuse" }), "INVALID");
    } finally {
      world.clock.now = saved;
    }
  });
});

describe("delivered in person", () => {
  it("closes the courier's task: the parcel leaves the network without a locker; twice is once", async () => {
    const phone = recipientPhone();
    setMyConsentSettings(world.ctx(createCustomer(world.db, phone)), { standing: "refuse" });
    const { details } = await expectDomainError<ConsentRequiredDetails>(
      () => reserve(world, station.courier, station.site.id, { recipientPhone: phone, trackingNumber: "INPERSON-1" }),
      "CONSENT_REQUIRED",
    );
    await expectDomainError(() => markDeliveredInPerson(world.ctx(station.courier), { parcelId: details!.parcelId }), "NOT_FOUND");
    keepForInPersonDelivery(world.ctx(station.courier), { requestId: details!.requestId });
    expect(markDeliveredInPerson(world.ctx(station.courier), { parcelId: details!.parcelId })).toEqual({ trackingNumber: "INPERSON-1" });
    expect(markDeliveredInPerson(world.ctx(station.courier), { parcelId: details!.parcelId })).toEqual({ trackingNumber: "INPERSON-1" });
    expect(listInPersonTasks(world.ctx(station.courier)).map((task) => task.parcelId)).not.toContain(details!.parcelId);

    // Cancelled in the lifecycle, but every reader is told it was handed over.
    const courier = world.ctx(station.courier);
    const { parcel, entries } = parcelTimeline(courier, details!.parcelId);
    expect(parcel).toMatchObject({ state: "cancelled", handedOverAt: world.clock.now, closedAt: world.clock.now });
    expect(entries.filter((entry) => entry.kind === "cancelled")).toEqual([expect.objectContaining({ inPerson: true })]);
    expect(listCourierToday(courier).entries.find((entry) => entry.parcel.id === details!.parcelId)).toMatchObject({ activity: "handed-over" });
  });

  it("a parcel kept for in-person delivery and then cancelled for another reason is cancelled, not handed over", async () => {
    const phone = recipientPhone();
    setMyConsentSettings(world.ctx(createCustomer(world.db, phone)), { standing: "refuse" });
    const { details } = await expectDomainError<ConsentRequiredDetails>(
      () => reserve(world, station.courier, station.site.id, { recipientPhone: phone, trackingNumber: "INPERSON-2" }),
      "CONSENT_REQUIRED",
    );
    keepForInPersonDelivery(world.ctx(station.courier), { requestId: details!.requestId });
    const courier = world.ctx(station.courier);
    cancelParcel(courier, { parcelId: details!.parcelId, reason: "recipient refused" });
    const { parcel, entries } = parcelTimeline(courier, details!.parcelId);
    expect(parcel).toMatchObject({ state: "cancelled", handedOverAt: null });
    expect(entries.filter((entry) => entry.kind === "cancelled")).toEqual([expect.objectContaining({ inPerson: false })]);
    expect(listCourierToday(courier).entries.find((entry) => entry.parcel.id === details!.parcelId)).toMatchObject({ activity: "cancelled" });
  });
});

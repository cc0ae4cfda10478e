import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/context";
import { courierServesSite, requireAdmin, requireCourier, requireKiosk, requireRole } from "@/lib/auth/authorize";
import { announceParcel } from "@/lib/parcels/announce";
import { loadVisibleParcel } from "@/lib/parcels/access";
import { cancelParcel } from "@/lib/parcels/cancel";
import { collectParcel, WRONG_CODE_MESSAGE } from "@/lib/parcels/collect";
import { confirmDeposit } from "@/lib/parcels/deposit";
import { extendHold } from "@/lib/parcels/extend-hold";
import { reportParcelDoesNotFit, reportSlotFault } from "@/lib/parcels/reassign";
import { reserveParcel } from "@/lib/parcels/reserve";
import { runParcelSweep } from "@/lib/parcels/sweep";
import { confirmTakeBack, takeBackParcel } from "@/lib/parcels/take-back";
import { expectDomainError } from "@/lib/testing/domain-error";
import {
  asActor,
  createAdmin,
  createCarrier,
  createCourier,
  createCustomer,
  createKiosk,
  createOrganization,
  createTestWorld,
  createUser,
  type TestWorld,
} from "@/lib/testing/factories";
import { createStation, deposit, parcelRow, reserve, reserveInput, type Station } from "@/lib/testing/parcels";
import { databaseSnapshot } from "@/lib/testing/snapshot";

/*
 * Who may do what (DESIGN.md "People and what they may do"). Every refusal must leave the
 * database as it was, and a parcel the actor may not see is NOT_FOUND, as if absent.
 */

let world: TestWorld;
beforeAll(() => {
  world = createTestWorld();
});
afterAll(() => world.close());

async function refused(actor: Actor, work: (ctx: ReturnType<TestWorld["ctx"]>) => unknown, code: Parameters<typeof expectDomainError>[1]) {
  const before = databaseSnapshot(world.db);
  const opened = world.doors.opened.length;
  const error = await expectDomainError(() => work(world.ctx(actor)), code);
  expect(databaseSnapshot(world.db)).toEqual(before);
  expect(world.doors.opened.length).toBe(opened);
  return error;
}

/** A station with a deposited parcel, a reserved one and one past its deadline (not swept). */
async function stationWithParcels(options: { holdPeriodHours?: number } = {}) {
  const station = createStation(world, { holdPeriodHours: options.holdPeriodHours ?? 24 });
  const deposited = await deposit(world, station.courier, station.site.id);
  const reserved = await reserve(world, station.courier, station.site.id);
  return { station, deposited, reserved };
}

describe("a customer", () => {
  it("cannot reserve, deposit, take back, cancel or report a door", async () => {
    const { station, deposited, reserved } = await stationWithParcels();
    const customer = createCustomer(world.db, deposited.parcel.recipientPhone);
    await refused(customer, (ctx) => reserveParcel(ctx, reserveInput(station.site.id)), "FORBIDDEN");
    await refused(customer, (ctx) => announceParcel(ctx, reserveInput(station.site.id)), "FORBIDDEN");
    await refused(customer, (ctx) => confirmDeposit(ctx, { parcelId: reserved.parcel.id }), "FORBIDDEN");
    await refused(customer, (ctx) => takeBackParcel(ctx, { parcelId: deposited.parcel.id }), "FORBIDDEN");
    await refused(customer, (ctx) => cancelParcel(ctx, { parcelId: reserved.parcel.id, reason: "not mine" }), "FORBIDDEN");
    await refused(customer, (ctx) => reportSlotFault(ctx, { parcelId: reserved.parcel.id, reason: "broken door" }), "FORBIDDEN");
    await refused(customer, (ctx) => collectParcel(ctx, { code: deposited.code, phoneLast4: deposited.phoneLast4 }), "FORBIDDEN");
  });

  it("sees only the parcels addressed to their verified phone", async () => {
    const { station, deposited } = await stationWithParcels();
    const owner = createCustomer(world.db, deposited.parcel.recipientPhone);
    expect(loadVisibleParcel(world.ctx(owner), deposited.parcel.id).id).toBe(deposited.parcel.id);

    const stranger = createCustomer(world.db, "13700000001");
    await refused(stranger, (ctx) => loadVisibleParcel(ctx, deposited.parcel.id), "NOT_FOUND");
    await refused(stranger, (ctx) => extendHold(ctx, { parcelId: deposited.parcel.id }), "NOT_FOUND");

    // Someone who typed the number at sign-up but never proved it sees nothing.
    const unverified = { ...asActor(createUser(world.db, { role: "customer", email: "claims@example.com" })), verifiedPhone: null };
    await refused(unverified, (ctx) => loadVisibleParcel(ctx, deposited.parcel.id), "NOT_FOUND");

    const other = await deposit(world, station.courier, station.site.id);
    await refused(owner, (ctx) => loadVisibleParcel(ctx, other.parcel.id), "NOT_FOUND");
    // A parcel that does not exist looks the same.
    const missing = await refused(owner, (ctx) => loadVisibleParcel(ctx, 9_999_999), "NOT_FOUND");
    const hidden = await expectDomainError(() => loadVisibleParcel(world.ctx(owner), other.parcel.id), "NOT_FOUND");
    expect(hidden.message).toBe(missing.message);
  });

  it("may extend the hold of their own parcel", async () => {
    const { deposited } = await stationWithParcels();
    const owner = createCustomer(world.db, deposited.parcel.recipientPhone);
    expect(extendHold(world.ctx(owner), { parcelId: deposited.parcel.id }).holdExtended).toBe(true);
  });
});

describe("a courier", () => {
  it("cannot extend a hold", async () => {
    const { station, deposited } = await stationWithParcels();
    await refused(station.courier, (ctx) => extendHold(ctx, { parcelId: deposited.parcel.id }), "FORBIDDEN");
  });

  it("cannot reserve at a site they do not serve, even of the same organization", async () => {
    const station = createStation(world);
    const elsewhere = createStation(world, { organizationId: station.organizationId });
    // Reads as a site that does not exist (issue 11): a site id tells a courier nothing.
    const error = await refused(station.courier, (ctx) => reserveParcel(ctx, reserveInput(elsewhere.site.id)), "NOT_FOUND");
    expect(error.message).toBe("That site was not found.");
    await refused(station.courier, (ctx) => announceParcel(ctx, reserveInput(elsewhere.site.id)), "NOT_FOUND");
  });

  describe("of another carrier, at the same site, finds the parcel absent", () => {
    let station: Station;
    let rival: ReturnType<typeof createCourier>;
    let parcels: Awaited<ReturnType<typeof stationWithParcels>>;
    beforeAll(async () => {
      parcels = await stationWithParcels({ holdPeriodHours: 1 });
      station = parcels.station;
      rival = createCourier(world.db, createCarrier(world.db, "Rival Express").id, [station.site.id]);
    });

    it("cannot see it", async () => {
      await refused(rival, (ctx) => loadVisibleParcel(ctx, parcels.deposited.parcel.id), "NOT_FOUND");
    });
    it("cannot confirm its deposit", async () => {
      await refused(rival, (ctx) => confirmDeposit(ctx, { parcelId: parcels.reserved.parcel.id }), "NOT_FOUND");
    });
    it("cannot cancel it", async () => {
      await refused(rival, (ctx) => cancelParcel(ctx, { parcelId: parcels.reserved.parcel.id, reason: "oops" }), "NOT_FOUND");
    });
    it("cannot report its door or move it", async () => {
      await refused(rival, (ctx) => reportSlotFault(ctx, { parcelId: parcels.reserved.parcel.id, reason: "jammed" }), "NOT_FOUND");
      await refused(rival, (ctx) => reportParcelDoesNotFit(ctx, { parcelId: parcels.reserved.parcel.id }), "NOT_FOUND");
    });
    it("cannot take it back once it expired", async () => {
      const saved = world.clock.now;
      try {
        world.clock.now = parcels.deposited.parcel.expiresAt! + 1;
        runParcelSweep(world.ctx({ kind: "system" }));
        expect(parcelRow(world.db, parcels.deposited.parcel.id).state).toBe("expired");
        await refused(rival, (ctx) => takeBackParcel(ctx, { parcelId: parcels.deposited.parcel.id }), "NOT_FOUND");
        // The parcel's own carrier can.
        await takeBackParcel(world.ctx(station.courier), { parcelId: parcels.deposited.parcel.id });
        const result = confirmTakeBack(world.ctx(station.courier), { parcelId: parcels.deposited.parcel.id });
        expect(result.parcel.state).toBe("returned");
      } finally {
        world.clock.now = saved;
      }
    });
  });

  it("of the right carrier but not serving the parcel's site finds it absent", async () => {
    const { station, reserved } = await stationWithParcels();
    const elsewhere = createStation(world, { organizationId: station.organizationId });
    const colleague = createCourier(world.db, station.carrier.id, [elsewhere.site.id]);
    await refused(colleague, (ctx) => loadVisibleParcel(ctx, reserved.parcel.id), "NOT_FOUND");
    await refused(colleague, (ctx) => confirmDeposit(ctx, { parcelId: reserved.parcel.id }), "NOT_FOUND");
    await refused(colleague, (ctx) => cancelParcel(ctx, { parcelId: reserved.parcel.id, reason: "not here" }), "NOT_FOUND");
  });
});

describe("an admin", () => {
  it("of another organization gets NOT_FOUND on cancel, extend and view", async () => {
    const { deposited, reserved } = await stationWithParcels();
    const outsider = createAdmin(world.db, createOrganization(world.db, "Other University").id);
    await refused(outsider, (ctx) => cancelParcel(ctx, { parcelId: reserved.parcel.id, reason: "cleanup" }), "NOT_FOUND");
    await refused(outsider, (ctx) => extendHold(ctx, { parcelId: deposited.parcel.id }), "NOT_FOUND");
    await refused(outsider, (ctx) => loadVisibleParcel(ctx, deposited.parcel.id), "NOT_FOUND");
  });

  it("of the parcel's organization may cancel and extend", async () => {
    const { station, deposited, reserved } = await stationWithParcels();
    expect(cancelParcel(world.ctx(station.admin), { parcelId: reserved.parcel.id, reason: "courier left" }).state).toBe("cancelled");
    expect(extendHold(world.ctx(station.admin), { parcelId: deposited.parcel.id }).holdExtended).toBe(true);
  });

  it("cannot deposit or take back: those are a courier's", async () => {
    const { station, deposited, reserved } = await stationWithParcels();
    await refused(station.admin, (ctx) => reserveParcel(ctx, reserveInput(station.site.id)), "FORBIDDEN");
    await refused(station.admin, (ctx) => confirmDeposit(ctx, { parcelId: reserved.parcel.id }), "FORBIDDEN");
    await refused(station.admin, (ctx) => takeBackParcel(ctx, { parcelId: deposited.parcel.id }), "FORBIDDEN");
  });
});

describe("a kiosk", () => {
  it("of another site cannot open this site's parcel, even with the right code and digits", async () => {
    const { deposited } = await stationWithParcels();
    const elsewhere = createStation(world);
    const error = await expectDomainError(
      () => collectParcel(world.ctx(elsewhere.kiosk), { code: deposited.code, phoneLast4: deposited.phoneLast4 }),
      "WRONG_CODE",
    );
    expect(error.message).toBe(WRONG_CODE_MESSAGE);
    expect(parcelRow(world.db, deposited.parcel.id).state).toBe("deposited");
  });

  it("of another site in the same organization cannot either", async () => {
    const { station, deposited } = await stationWithParcels();
    const sibling = createStation(world, { organizationId: station.organizationId });
    await expectDomainError(
      () => collectParcel(world.ctx(createKiosk(world.db, sibling.site.id)), { code: deposited.code, phoneLast4: deposited.phoneLast4 }),
      "WRONG_CODE",
    );
  });

  it("cannot act as a courier", async () => {
    const { station } = await stationWithParcels();
    await refused(station.kiosk, (ctx) => reserveParcel(ctx, reserveInput(station.site.id)), "UNAUTHENTICATED");
  });

  it("sees only its own site's parcels", async () => {
    const { station, deposited } = await stationWithParcels();
    expect(loadVisibleParcel(world.ctx(station.kiosk), deposited.parcel.id).id).toBe(deposited.parcel.id);
    const elsewhere = createStation(world);
    await refused(elsewhere.kiosk, (ctx) => loadVisibleParcel(ctx, deposited.parcel.id), "NOT_FOUND");
  });
});

describe("the role checks themselves", () => {
  it("nobody signed in is UNAUTHENTICATED, a wrong role FORBIDDEN", async () => {
    const org = createOrganization(world.db);
    const customer = createCustomer(world.db, "13600000002");
    await expectDomainError(() => requireRole(world.ctx({ kind: "system" }), "admin"), "UNAUTHENTICATED");
    await expectDomainError(() => requireRole(world.ctx(customer), "admin", "courier"), "FORBIDDEN");
    await expectDomainError(() => requireCourier(world.ctx(createAdmin(world.db, org.id))), "FORBIDDEN");
    await expectDomainError(() => requireAdmin(world.ctx(customer)), "FORBIDDEN");
    await expectDomainError(() => requireKiosk(world.ctx(customer)), "FORBIDDEN");
    expect(requireAdmin(world.ctx(createAdmin(world.db, org.id))).organizationId).toBe(org.id);
  });

  it("a courier serves exactly the sites they are assigned to", () => {
    const station = createStation(world);
    const elsewhere = createStation(world);
    const ctx = world.ctx({ kind: "system" });
    expect(courierServesSite(ctx, station.courier.userId, station.site.id)).toBe(true);
    expect(courierServesSite(ctx, station.courier.userId, elsewhere.site.id)).toBe(false);
  });

  it("a deposit by one courier is visible to a colleague of the same carrier at the same site", async () => {
    const { station, deposited } = await stationWithParcels();
    const colleague = createCourier(world.db, station.carrier.id, [station.site.id]);
    expect(loadVisibleParcel(world.ctx(colleague), deposited.parcel.id).id).toBe(deposited.parcel.id);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { announceParcel } from "@/lib/parcels/announce";
import { findAnnouncedParcel } from "@/lib/parcels/announced";
import { expectDomainError } from "@/lib/testing/domain-error";
import { createCourier, createCustomer, createTestWorld, type TestWorld } from "@/lib/testing/factories";
import { createStation, deposit, reserveInput } from "@/lib/testing/parcels";

let world: TestWorld;
beforeAll(() => {
  world = createTestWorld();
});
afterAll(() => world.close());

describe("findAnnouncedParcel", () => {
  it("gives the recipient and size the carrier announced, found by the scanned number in any case", () => {
    const station = createStation(world);
    const input = reserveInput(station.site.id, { size: "L", recipientName: "Li Wei", recipientEmail: "li.wei@example.com" });
    announceParcel(world.ctx(station.courier), input);

    const found = findAnnouncedParcel(world.ctx(station.courier), {
      siteId: String(station.site.id),
      trackingNumber: ` ${input.trackingNumber.toLowerCase()} `,
    });

    expect(found).toEqual({
      trackingNumber: input.trackingNumber,
      size: "L",
      recipientPhone: input.recipientPhone,
      recipientName: "Li Wei",
      recipientEmail: "li.wei@example.com",
    });
  });

  it("is null for a number nobody announced, one already in a door, and one announced for another site", async () => {
    const station = createStation(world);
    const other = createStation(world, { organizationId: station.organizationId });
    const courier = createCourier(world.db, station.carrier.id, [station.site.id, other.site.id]);
    const elsewhere = reserveInput(other.site.id);
    announceParcel(world.ctx(courier), elsewhere);
    const deposited = await deposit(world, courier, station.site.id);

    const lookup = (trackingNumber: string) => findAnnouncedParcel(world.ctx(courier), { siteId: station.site.id, trackingNumber });
    expect(lookup("NEVER-ANNOUNCED-1")).toBeNull();
    expect(lookup(deposited.parcel.trackingNumber)).toBeNull();
    expect(lookup(elsewhere.trackingNumber)).toBeNull();
  });

  it("shows nothing of another carrier's announcement", () => {
    const station = createStation(world);
    const rival = createStation(world, { organizationId: station.organizationId });
    const rivalAtOurSite = createCourier(world.db, rival.carrier.id, [station.site.id]);
    const input = reserveInput(station.site.id);
    announceParcel(world.ctx(rivalAtOurSite), input);

    expect(findAnnouncedParcel(world.ctx(station.courier), { siteId: station.site.id, trackingNumber: input.trackingNumber })).toBeNull();
  });

  it("refuses a site the courier does not serve, a customer, and a malformed number", async () => {
    const station = createStation(world);
    const notServed = createStation(world, { organizationId: station.organizationId });
    const trackingNumber = reserveInput(station.site.id).trackingNumber;
    await expectDomainError(() => findAnnouncedParcel(world.ctx(station.courier), { siteId: notServed.site.id, trackingNumber }), "NOT_FOUND");
    const customer = createCustomer(world.db, "13900000999");
    await expectDomainError(() => findAnnouncedParcel(world.ctx(customer), { siteId: station.site.id, trackingNumber }), "FORBIDDEN");
    await expectDomainError(() => findAnnouncedParcel(world.ctx(station.courier), { siteId: station.site.id, trackingNumber: "a b" }), "INVALID");
  });
});

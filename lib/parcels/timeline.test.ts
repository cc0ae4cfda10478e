import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectParcel } from "@/lib/parcels/collect";
import { confirmDeposit } from "@/lib/parcels/deposit";
import { reportParcelDoesNotFit, reportSlotFault } from "@/lib/parcels/reassign";
import { parcelTimeline, viewParcel } from "@/lib/parcels/timeline";
import { expectDomainError } from "@/lib/testing/domain-error";
import { createAdmin, createCourier, createCustomer, createOrganization, createTestWorld, type TestWorld } from "@/lib/testing/factories";
import { createStation, deposit, reserve } from "@/lib/testing/parcels";

let world: TestWorld;
beforeAll(() => {
  world = createTestWorld();
});
afterAll(() => world.close());

describe("parcelTimeline", () => {
  it("tells a deposit with a broken door and an upsize in order, door commands included", async () => {
    const station = createStation(world, { layout: [["S"], ["S"], ["M"]] });
    const reserved = await reserve(world, station.courier, station.site.id, { size: "S" });
    const first = reserved.parcel.slot!.label;
    world.clock.now += 60_000;
    const moved = await reportSlotFault(world.ctx(station.courier), { parcelId: reserved.parcel.id, reason: "door stuck" });
    expect(moved.outcome).toBe("moved");
    const second = moved.parcel.slot!.label;
    world.clock.now += 60_000;
    const bigger = await reportParcelDoesNotFit(world.ctx(station.courier), { parcelId: reserved.parcel.id });
    expect(bigger.outcome).toBe("moved");
    const third = bigger.parcel.slot!.label;
    world.clock.now += 60_000;
    confirmDeposit(world.ctx(station.courier), { parcelId: reserved.parcel.id });

    const { parcel, entries } = parcelTimeline(world.ctx(station.courier), reserved.parcel.id);

    expect(parcel).toMatchObject({ id: reserved.parcel.id, state: "deposited", size: "M" });
    expect(entries.map((e) => [e.source, e.kind, e.slotLabel])).toEqual([
      ["parcel", "reserved", first],
      ["door", "open_command", first],
      ["parcel", "slot_fault", first],
      ["parcel", "reassigned", second],
      ["door", "open_command", second],
      ["parcel", "reassigned", third],
      ["door", "open_command", third],
      ["door", "closed", third],
      ["parcel", "deposited", third],
    ]);
    expect(entries[2]).toMatchObject({ reason: "door stuck" });
    expect(entries[3]).toMatchObject({ previousSlotLabel: first, size: "S", upsized: false });
    // Not fitting re-declares the parcel one size up: a bigger door, but not an upsize.
    expect(entries[5]).toMatchObject({ previousSlotLabel: second, size: "M", upsized: false, reason: "did not fit" });
    expect(entries[8]).toMatchObject({ fromState: "reserved", toState: "deposited", actor: "you" });
    expect(new Set(entries.map((e) => e.key)).size).toBe(entries.length);
  });

  it("names who acted by role, and the viewer as you", async () => {
    const station = createStation(world);
    const { parcel, code, phoneLast4 } = await deposit(world, station.courier, station.site.id, { recipientPhone: "13811112222" });
    world.clock.now += 60_000;
    await collectParcel(world.ctx(station.kiosk), { code, phoneLast4 });

    const asAdmin = parcelTimeline(world.ctx(station.admin), parcel.id).entries;
    expect(asAdmin.map((e) => [e.kind, e.actor])).toEqual([
      ["reserved", "courier"],
      ["open_command", "courier"],
      ["closed", "courier"],
      ["deposited", "courier"],
      ["collected", "kiosk"],
      ["open_command", "kiosk"],
      // The controller's answer: only now is the recipient told it was collected.
      ["door_opened", "kiosk"],
    ]);
    // Each door command says why it opened, as an enum the screens word (never a stored sentence).
    expect(asAdmin.filter((e) => e.kind === "open_command").map((e) => e.purpose)).toEqual(["deposit", "pickup"]);
    const asCustomer = parcelTimeline(world.ctx(createCustomer(world.db, "13811112222")), parcel.id).entries;
    expect(asCustomer.at(-3)).toMatchObject({ kind: "collected", toState: "collected" });
    expect(parcelTimeline(world.ctx(station.courier), parcel.id).entries[0].actor).toBe("you");
  });

  it("is NOT_FOUND for everyone who may not see the parcel", async () => {
    const station = createStation(world);
    const rival = createStation(world, { organizationId: station.organizationId });
    const { parcel } = await deposit(world, station.courier, station.site.id, { recipientPhone: "13822223333" });
    const outsiders = [
      createCourier(world.db, rival.carrier.id, [station.site.id]),
      createCourier(world.db, station.carrier.id, [rival.site.id]),
      createAdmin(world.db, createOrganization(world.db).id),
      createCustomer(world.db, "13899998888"),
    ];
    for (const actor of outsiders) {
      await expectDomainError(() => parcelTimeline(world.ctx(actor), parcel.id), "NOT_FOUND");
      await expectDomainError(() => viewParcel(world.ctx(actor), parcel.id), "NOT_FOUND");
    }
    await expectDomainError(() => parcelTimeline(world.ctx({ kind: "anonymous" }), parcel.id), "NOT_FOUND");
    await expectDomainError(() => parcelTimeline(world.ctx(station.courier), 987_654), "NOT_FOUND");
    expect(viewParcel(world.ctx(station.courier), parcel.id)).toMatchObject({ id: parcel.id, state: "deposited" });
  });
});

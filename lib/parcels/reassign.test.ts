import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import * as transactions from "@/db/transaction";
import type { SlotSize } from "@/db/schema";
import { confirmDeposit } from "@/lib/parcels/deposit";
import { reportParcelDoesNotFit, reportSlotFault } from "@/lib/parcels/reassign";
import { expectDomainError } from "@/lib/testing/domain-error";
import { createTestWorld, type TestWorld } from "@/lib/testing/factories";
import { createStation, eventsOf, freeSlotIds, parcelRow, reserve, slotRow } from "@/lib/testing/parcels";
import { databaseSnapshot } from "@/lib/testing/snapshot";
import { RESERVATION_MS } from "@/lib/parcels/sweep";
import { toParcelView } from "@/lib/parcels/view";

let world: TestWorld;
beforeAll(() => {
  world = createTestWorld();
});
afterAll(() => world.close());

/** Runs `work`, counting the transactions it opens on `db` (nested ones included). */
async function countTransactions<T>(db: Db, work: () => Promise<T>): Promise<{ result: T; transactions: number }> {
  const spy = vi.spyOn(transactions, "writeTransaction");
  try {
    const result = await work();
    return { result, transactions: spy.mock.calls.filter(([on]) => on.$client === db.$client).length };
  } finally {
    spy.mockRestore();
  }
}

/** One door per row, top to bottom. */
const column = (...sizes: SlotSize[]) => sizes.map((size) => [size]);

describe("reportSlotFault: a broken door goes out of service and the parcel gets another", () => {
  it("moves the parcel to another door of its size and opens that one", async () => {
    const station = createStation(world, { layout: column("S", "S", "M") });
    const reserved = await reserve(world, station.courier, station.site.id, { size: "S" });
    const broken = reserved.parcel.slot!;
    const opened = world.doors.opened.length;

    const result = await reportSlotFault(world.ctx(station.courier), { parcelId: reserved.parcel.id, reason: "hinge broken" });

    expect(result).toMatchObject({ outcome: "moved", doorOpened: true });
    expect(result.parcel.state).toBe("reserved");
    expect(result.parcel.slot!.id).not.toBe(broken.id);
    expect(result.parcel.slot!.size).toBe("S");
    expect(result.parcel.upsized).toBe(false);
    expect(world.doors.opened.slice(opened).map((door) => door.slotLabel)).toEqual([result.parcel.slot!.label]);
    expect(slotRow(world.db, broken.id)).toMatchObject({ inService: false, outOfServiceReason: "hinge broken" });
    expect(freeSlotIds(world.db, station.site.id)).not.toContain(broken.id);
    const events = eventsOf(world.db, reserved.parcel.id);
    expect(events.map((event) => event.kind)).toEqual(["reserved", "slot_fault", "reassigned"]);
    expect(events[1]).toMatchObject({ slotId: broken.id, from: null, to: null, detail: { reason: "hinge broken" } });
    expect(events[2]).toMatchObject({ slotId: result.parcel.slot!.id, detail: { fromSlotId: broken.id, upsized: false } });

    // The new door takes the deposit as usual.
    const { parcel } = confirmDeposit(world.ctx(station.courier), { parcelId: reserved.parcel.id });
    expect(parcel).toMatchObject({ state: "deposited", slot: { id: result.parcel.slot!.id } });
  });

  it("upsizes when no other door of the parcel's size is left, and records it", async () => {
    const station = createStation(world, { layout: column("S", "M") });
    const reserved = await reserve(world, station.courier, station.site.id, { size: "S" });
    expect(reserved.parcel.slot!.size).toBe("S");

    const result = await reportSlotFault(world.ctx(station.courier), { parcelId: reserved.parcel.id, reason: "lock dead" });

    expect(result.parcel.slot!.size).toBe("M");
    expect(result.parcel.size).toBe("S");
    expect(result.parcel.upsized).toBe(true);
    expect(parcelRow(world.db, reserved.parcel.id).upsized).toBe(true);
  });

  it("with no door left, cancels the reservation, names sites with room, and keeps the broken door out of service", async () => {
    const station = createStation(world, { layout: column("S") });
    const neighbour = createStation(world, { organizationId: station.organizationId, latitude: 30.27, longitude: 120.12 });
    const reserved = await reserve(world, station.courier, station.site.id, { size: "S" });
    const broken = reserved.parcel.slot!;

    const result = await reportSlotFault(world.ctx(station.courier), { parcelId: reserved.parcel.id, reason: "door will not close" });

    expect(result).toMatchObject({ outcome: "site_full", size: "S", parcel: { id: reserved.parcel.id, state: "cancelled" } });
    expect(result.outcome === "site_full" && result.alternatives.map((site) => site.siteId)).toEqual([neighbour.site.id]);
    expect(parcelRow(world.db, reserved.parcel.id)).toMatchObject({ state: "cancelled", slotId: broken.id });
    expect(slotRow(world.db, broken.id)).toMatchObject({ inService: false, outOfServiceReason: "door will not close" });
    expect(freeSlotIds(world.db, station.site.id)).toEqual([]);
    const events = eventsOf(world.db, reserved.parcel.id);
    expect(events.map((event) => `${event.kind}:${event.from ?? ""}→${event.to ?? ""}`)).toEqual([
      "reserved:→reserved",
      "slot_fault:→",
      "cancelled:reserved→cancelled",
    ]);
    expect(events[2].detail).toMatchObject({ reason: "slot fault", outcome: "no free door" });
  });

  it("reports a full site as its committed result: the report and the cancellation are one transaction, nothing is thrown after it", async () => {
    // The verb used to commit the cancellation and then throw SITE_FULL: a caller reading
    // the throw as "refused, nothing changed" was wrong, and each edge had to patch it.
    const station = createStation(world, { layout: column("S") });
    const reserved = await reserve(world, station.courier, station.site.id, { size: "S" });
    const opened = world.doors.opened.length;

    const { result, transactions } = await countTransactions(world.db, () =>
      reportSlotFault(world.ctx(station.courier), { parcelId: reserved.parcel.id, reason: "lock dead" }),
    );

    expect(transactions).toBe(1);
    expect(result.outcome).toBe("site_full");
    // What the courier is told is what is stored: this parcel, cancelled, in one commit
    // with the fault report.
    expect(result.parcel).toEqual(toParcelView(world.ctx(station.courier), parcelRow(world.db, reserved.parcel.id)));
    expect(result.parcel.state).toBe("cancelled");
    expect(eventsOf(world.db, reserved.parcel.id).map((event) => event.kind)).toEqual(["reserved", "slot_fault", "cancelled"]);
    expect(world.doors.opened).toHaveLength(opened);
  });

  it("gives the courier a full reservation window at the new door", async () => {
    // Without a fresh window the new door would lapse almost at once and could be handed
    // to the next courier while the parcel is going in.
    const station = createStation(world, { layout: column("S", "S") });
    const reserved = await reserve(world, station.courier, station.site.id, { size: "S" });
    const start = world.clock.now;
    try {
      world.clock.now = start + RESERVATION_MS - 60_000;
      const result = await reportSlotFault(world.ctx(station.courier), { parcelId: reserved.parcel.id, reason: "door jammed" });
      expect(result.parcel.reservedUntil).toBe(world.clock.now + RESERVATION_MS);

      // Another courier arrives just after the first reservation would have run out.
      world.clock.now = start + RESERVATION_MS + 60_000;
      await expectDomainError(() => reserve(world, station.courier, station.site.id, { size: "S" }), "SITE_FULL");
      const { parcel } = confirmDeposit(world.ctx(station.courier), { parcelId: reserved.parcel.id });
      expect(parcel).toMatchObject({ state: "deposited", slot: { id: result.parcel.slot!.id } });
    } finally {
      world.clock.now = start;
    }
  });

  it("counts doors held by lapsed reservations as free, as a new reservation would", async () => {
    const station = createStation(world, { layout: column("S", "S") });
    const start = world.clock.now;
    try {
      const abandoned = await reserve(world, station.courier, station.site.id, { size: "S" });
      world.clock.now = start + RESERVATION_MS - 60_000;
      const current = await reserve(world, station.courier, station.site.id, { size: "S" });
      world.clock.now = start + RESERVATION_MS;

      // Only the abandoned reservation's door could take the parcel; it ran out a moment ago.
      const result = await reportSlotFault(world.ctx(station.courier), { parcelId: current.parcel.id, reason: "lock dead" });

      expect(result.parcel.slot!.id).toBe(abandoned.parcel.slot!.id);
      expect(parcelRow(world.db, current.parcel.id).state).toBe("reserved");
      expect(parcelRow(world.db, abandoned.parcel.id).state).toBe("cancelled");
      expect(eventsOf(world.db, abandoned.parcel.id).at(-1)).toMatchObject({ to: "cancelled", detail: { reason: "reservation lapsed" } });
    } finally {
      world.clock.now = start;
    }
  });

  it("does not lapse the reservation of the courier who is reporting, even past its deadline", async () => {
    const station = createStation(world, { layout: column("S", "S") });
    const start = world.clock.now;
    try {
      const late = await reserve(world, station.courier, station.site.id, { size: "S" });
      world.clock.now = start + RESERVATION_MS + 1;
      const result = await reportSlotFault(world.ctx(station.courier), { parcelId: late.parcel.id, reason: "door jammed" });
      expect(result.parcel.state).toBe("reserved");
      expect(result.parcel.reservedUntil).toBe(world.clock.now + RESERVATION_MS);
    } finally {
      world.clock.now = start;
    }
  });

  it("refuses a reason too short to help the technician, changing nothing", async () => {
    const station = createStation(world);
    const reserved = await reserve(world, station.courier, station.site.id);
    const before = databaseSnapshot(world.db);
    const error = await expectDomainError<{ fieldErrors: Record<string, string[]> }>(
      () => reportSlotFault(world.ctx(station.courier), { parcelId: reserved.parcel.id, reason: "x" }),
      "INVALID",
    );
    expect(error.details!.fieldErrors.reason).toBeDefined();
    expect(databaseSnapshot(world.db)).toEqual(before);
  });
});

describe("reportParcelDoesNotFit: the parcel moves one size up", () => {
  it("re-declares the parcel one size up and frees the small door", async () => {
    const station = createStation(world, { layout: column("S", "M", "L") });
    const reserved = await reserve(world, station.courier, station.site.id, { size: "S" });
    const small = reserved.parcel.slot!;

    const result = await reportParcelDoesNotFit(world.ctx(station.courier), { parcelId: reserved.parcel.id });

    expect(result.parcel).toMatchObject({ state: "reserved", size: "M", upsized: false, slot: { size: "M" } });
    expect(slotRow(world.db, small.id)).toMatchObject({ inService: true, outOfServiceReason: null });
    expect(freeSlotIds(world.db, station.site.id)).toContain(small.id);
    expect(eventsOf(world.db, reserved.parcel.id).at(-1)).toMatchObject({
      kind: "reassigned",
      slotId: result.parcel.slot!.id,
      detail: { reason: "did not fit", declared: "S", size: "M", fromSlotId: small.id },
    });
  });

  it("goes one size above the door it did not fit, not above the declared size", async () => {
    // The S parcel was upsized into M; it does not fit M, so it needs L.
    const station = createStation(world, { layout: column("M", "L") });
    const reserved = await reserve(world, station.courier, station.site.id, { size: "S" });
    expect(reserved.parcel).toMatchObject({ upsized: true, slot: { size: "M" } });

    const result = await reportParcelDoesNotFit(world.ctx(station.courier), { parcelId: reserved.parcel.id });

    expect(result.parcel).toMatchObject({ size: "L", upsized: false, slot: { size: "L" } });
  });

  it("an XL parcel that does not fit an XL door has nowhere to go: INVALID, nothing changes", async () => {
    const station = createStation(world, { layout: column("XL", "XL") });
    const reserved = await reserve(world, station.courier, station.site.id, { size: "XL" });
    const before = databaseSnapshot(world.db);

    const error = await expectDomainError(() => reportParcelDoesNotFit(world.ctx(station.courier), { parcelId: reserved.parcel.id }), "INVALID");

    expect(error.message).toMatch(/largest/);
    expect(databaseSnapshot(world.db)).toEqual(before);
  });

  it("with no bigger door free, cancels the reservation and the small door stays in service", async () => {
    const station = createStation(world, { layout: column("S", "M") });
    await reserve(world, station.courier, station.site.id, { size: "M" });
    const reserved = await reserve(world, station.courier, station.site.id, { size: "S" });
    const { result, transactions } = await countTransactions(world.db, () =>
      reportParcelDoesNotFit(world.ctx(station.courier), { parcelId: reserved.parcel.id }),
    );

    expect(transactions).toBe(1);
    expect(result).toMatchObject({ outcome: "site_full", size: "M", alternatives: [], parcel: { id: reserved.parcel.id, state: "cancelled" } });
    expect(parcelRow(world.db, reserved.parcel.id).state).toBe("cancelled");
    expect(slotRow(world.db, reserved.parcel.slot!.id).inService).toBe(true);
    expect(freeSlotIds(world.db, station.site.id)).toEqual([reserved.parcel.slot!.id]);
  });

  it("is refused once the parcel is deposited", async () => {
    const station = createStation(world);
    const reserved = await reserve(world, station.courier, station.site.id);
    confirmDeposit(world.ctx(station.courier), { parcelId: reserved.parcel.id });
    const before = databaseSnapshot(world.db);
    await expectDomainError(() => reportParcelDoesNotFit(world.ctx(station.courier), { parcelId: reserved.parcel.id }), "INVALID_TRANSITION");
    expect(databaseSnapshot(world.db)).toEqual(before);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectParcel } from "@/lib/parcels/collect";
import { adminScene, auditRows, expectAdminsOnly, expectRefused, type AdminScene } from "@/lib/testing/admin";
import { expectDomainError } from "@/lib/testing/domain-error";
import { createTestWorld, type TestWorld } from "@/lib/testing/factories";
import { createStation, deposit, reserve, slotRow } from "@/lib/testing/parcels";
import { getSlotDetail, openSlotRemotely, retireSlot, returnSlotToService, setSlotOutOfService } from "./admin-slots";

let world: TestWorld;
let scene: AdminScene;
beforeAll(() => {
  world = createTestWorld();
  scene = adminScene(world);
});
afterAll(() => world.close());

function doorEvents(slotId: number) {
  return world.db.$client.prepare("select * from door_events where slot_id = ? order by id").all(slotId) as {
    kind: string;
    reason: string | null;
    actor_user_id: number | null;
    parcel_id: number | null;
  }[];
}

describe("out of service and back", () => {
  it("a door out of service is never assigned, and is again once back in service", async () => {
    const station = createStation(world, { layout: [["S", "M"]] });
    const [small, medium] = world.db.$client.prepare("select id from slots where locker_id = ? order by id").pluck().all(station.locker.id) as number[];

    const change = setSlotOutOfService(world.ctx(station.admin), { slotId: small, reason: "Hinge broken" });
    expect(change).toMatchObject({ inService: false, holdsParcel: false });
    expect(slotRow(world.db, small)).toMatchObject({ inService: false, outOfServiceReason: "Hinge broken" });

    const { parcel } = await reserve(world, station.courier, station.site.id, { size: "S" });
    expect(parcel.slot!.id).toBe(medium);
    expect(parcel.upsized).toBe(true);
    await expectDomainError(() => reserve(world, station.courier, station.site.id, { size: "S" }), "SITE_FULL");

    returnSlotToService(world.ctx(station.admin), { slotId: small });
    const again = await reserve(world, station.courier, station.site.id, { size: "S" });
    expect(again.parcel.slot!.id).toBe(small);
    expect(auditRows(world, station.organizationId).map((row) => [row.action, row.detail.reason ?? row.detail.previousReason])).toEqual([
      ["slot.out_of_service", "Hinge broken"],
      ["slot.in_service", "Hinge broken"],
    ]);
  });

  it("a door with a parcel can go out of service; the parcel stays collectable", async () => {
    const station = createStation(world, { layout: [["S"]] });
    const waiting = await deposit(world, station.courier, station.site.id);
    expect(setSlotOutOfService(world.ctx(station.admin), { slotId: waiting.parcel.slot!.id, reason: "Display cracked" }).holdsParcel).toBe(true);
    const collected = await collectParcel(world.ctx(station.kiosk), { code: waiting.code, phoneLast4: waiting.phoneLast4 });
    expect(collected.parcelId).toBe(waiting.parcel.id);
  });

  it("says when there is nothing to change, and needs a reason", async () => {
    const slotId = slotIdOf(scene);
    await expectRefused(world, scene.admin, (ctx) => returnSlotToService(ctx, { slotId }), "CONFLICT");
    await expectRefused(world, scene.admin, (ctx) => setSlotOutOfService(ctx, { slotId, reason: "" }), "INVALID");
    setSlotOutOfService(world.ctx(scene.admin), { slotId, reason: "Lock jammed" });
    const error = await expectRefused(world, scene.admin, (ctx) => setSlotOutOfService(ctx, { slotId, reason: "again" }), "CONFLICT");
    expect(error.message).toContain("Lock jammed");
    returnSlotToService(world.ctx(scene.admin), { slotId });
  });

  it("another organization's door is NOT_FOUND", async () => {
    const theirs = slotIdOf({ ...scene, station: scene.other });
    await expectRefused(world, scene.admin, (ctx) => setSlotOutOfService(ctx, { slotId: theirs, reason: "not mine" }), "NOT_FOUND");
    await expectRefused(world, scene.admin, (ctx) => returnSlotToService(ctx, { slotId: theirs }), "NOT_FOUND");
    await expectDomainError(() => getSlotDetail(world.ctx(scene.admin), theirs), "NOT_FOUND");
  });

  it("is for admins only", async () => {
    const slotId = slotIdOf(scene);
    await expectAdminsOnly(world, scene, (ctx) => setSlotOutOfService(ctx, { slotId, reason: "broken" }));
    await expectAdminsOnly(world, scene, (ctx) => returnSlotToService(ctx, { slotId }));
  });
});

function slotIdOf(s: Pick<AdminScene, "station">): number {
  return world.db.$client.prepare("select id from slots where locker_id = ? order by id limit 1").pluck().get(s.station.locker.id) as number;
}

describe("opening a door remotely", () => {
  it("records the open command with its reason and the audit row, then sends it through the door controller", async () => {
    const station = createStation(world, { layout: [["M"]] });
    const { parcel } = await deposit(world, station.courier, station.site.id);
    const slotId = parcel.slot!.id;
    const sent = world.doors.opened.length;

    const result = await openSlotRemotely(world.ctx(station.admin), { slotId, reason: "Recipient's phone is dead; ID checked" });
    expect(result).toMatchObject({ doorOpened: true, label: parcel.slot!.label });
    expect(world.doors.opened.slice(sent)).toEqual([expect.objectContaining({ slotLabel: parcel.slot!.label, controllerId: expect.any(String) })]);
    expect(doorEvents(slotId).at(-1)).toMatchObject({
      kind: "open_command",
      reason: "Recipient's phone is dead; ID checked",
      actor_user_id: station.admin.kind === "user" ? station.admin.userId : -1,
      parcel_id: parcel.id,
    });
    expect(auditRows(world, station.organizationId).at(-1)).toMatchObject({
      action: "door.opened_remotely",
      subject: `slot:${slotId}`,
      detail: { reason: "Recipient's phone is dead; ID checked", trackingNumber: parcel.trackingNumber },
    });
    // The parcel is not collected by opening its door.
    expect(getSlotDetail(world.ctx(station.admin), slotId).parcel).toMatchObject({ id: parcel.id, state: "deposited" });
  });

  it("keeps the record when the controller does not answer, and says so", async () => {
    const station = createStation(world, { layout: [["M"]] });
    const slotId = slotIdOf({ station });
    world.doors.failNext = 1;
    const result = await openSlotRemotely(world.ctx(station.admin), { slotId, reason: "Testing the lock" });
    expect(result.doorOpened).toBe(false);
    expect(doorEvents(slotId).map((event) => event.kind)).toEqual(["open_command", "open_failed"]);
  });

  it("asks for a reason", async () => {
    await expectRefused(world, scene.admin, (ctx) => openSlotRemotely(ctx, { slotId: slotIdOf(scene), reason: "" }), "INVALID");
  });

  it("another organization's door is NOT_FOUND and does not open", async () => {
    const theirs = slotIdOf({ station: scene.other });
    await expectRefused(world, scene.admin, (ctx) => openSlotRemotely(ctx, { slotId: theirs, reason: "curious" }), "NOT_FOUND");
  });

  it("is for admins only", async () => {
    await expectAdminsOnly(world, scene, (ctx) => openSlotRemotely(ctx, { slotId: slotIdOf(scene), reason: "open up" }));
  });
});

describe("removing one door", () => {
  it("retires it: out of service for good, history kept, and no further changes", async () => {
    const station = createStation(world, { layout: [["S", "S"]] });
    const { parcel, code, phoneLast4 } = await deposit(world, station.courier, station.site.id);
    await collectParcel(world.ctx(station.kiosk), { code, phoneLast4 });
    const slotId = parcel.slot!.id;

    expect(retireSlot(world.ctx(station.admin), { slotId, reason: "Door welded shut after vandalism" })).toMatchObject({ retired: true, inService: false });
    const detail = getSlotDetail(world.ctx(station.admin), slotId);
    expect(detail.state).toBe("retired");
    expect(detail.history.map((entry) => entry.summary)).toEqual(
      expect.arrayContaining(["Collected at the kiosk", "Door opened for deposit", "Door closed"]),
    );
    await expectRefused(world, station.admin, (ctx) => returnSlotToService(ctx, { slotId }), "CONFLICT");
    await expectRefused(world, station.admin, (ctx) => openSlotRemotely(ctx, { slotId, reason: "check" }), "CONFLICT");
    await expectRefused(world, station.admin, (ctx) => retireSlot(ctx, { slotId, reason: "again" }), "CONFLICT");
  });

  it("is refused while the door holds a parcel", async () => {
    const station = createStation(world, { layout: [["S"]] });
    const { parcel } = await reserve(world, station.courier, station.site.id);
    const error = await expectRefused(world, station.admin, (ctx) => retireSlot(ctx, { slotId: parcel.slot!.id, reason: "remove" }), "CONFLICT");
    expect(error.message).toContain("holds a parcel");
  });

  it("another organization's door is NOT_FOUND; admins only", async () => {
    await expectRefused(world, scene.admin, (ctx) => retireSlot(ctx, { slotId: slotIdOf({ station: scene.other }), reason: "remove" }), "NOT_FOUND");
    await expectAdminsOnly(world, scene, (ctx) => retireSlot(ctx, { slotId: slotIdOf(scene), reason: "remove" }));
  });
});

describe("a door's detail", () => {
  it("shows the parcel behind it and its history, newest first", async () => {
    const station = createStation(world, { layout: [["L"]] });
    const { parcel } = await deposit(world, station.courier, station.site.id);
    world.clock.now += 60_000;
    await openSlotRemotely(world.ctx(station.admin), { slotId: parcel.slot!.id, reason: "Inspection" });
    const detail = getSlotDetail(world.ctx(station.admin), String(parcel.slot!.id));
    expect(detail).toMatchObject({ state: "occupied", parcel: { id: parcel.id, trackingNumber: parcel.trackingNumber } });
    expect(detail.history[0]).toMatchObject({ source: "door", summary: "Door opened remotely: Inspection" });
    expect(detail.history.some((entry) => entry.parcel?.id === parcel.id && entry.summary.startsWith("Deposited"))).toBe(true);
  });

  it("has the door taken out of service, put back and removed in its history, from the audit log", async () => {
    const station = createStation(world, { layout: [["S", "S"]] });
    const slotId = slotIdOf({ station });
    setSlotOutOfService(world.ctx(station.admin), { slotId, reason: "Hinge broken" });
    world.clock.now += 60_000;
    returnSlotToService(world.ctx(station.admin), { slotId });
    world.clock.now += 60_000;
    retireSlot(world.ctx(station.admin), { slotId, reason: "Replaced by a screen" });
    const label = getSlotDetail(world.ctx(station.admin), slotId).label;
    expect(getSlotDetail(world.ctx(station.admin), slotId).history.map(({ summary, source }) => ({ summary, source }))).toEqual([
      { summary: `Removed door ${label} for good: Replaced by a screen`, source: "door" },
      { summary: `Put door ${label} back in service`, source: "door" },
      { summary: `Took door ${label} out of service: Hinge broken`, source: "door" },
    ]);
    // Another door of the same locker has none of it.
    const neighbour = world.db.$client.prepare("select id from slots where locker_id = ? and id <> ?").pluck().get(station.locker.id, slotId) as number;
    expect(getSlotDetail(world.ctx(station.admin), neighbour).history).toEqual([]);
  });

  it("is for admins only", async () => {
    for (const actor of [scene.courier, scene.customer]) {
      await expectDomainError(() => getSlotDetail(world.ctx(actor), slotIdOf(scene)), "FORBIDDEN");
    }
  });
});

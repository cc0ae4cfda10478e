import { afterAll, afterEach, describe, expect, test } from "vitest";
import type { Actor, Ctx } from "@/lib/context";
import { collectParcel } from "@/lib/parcels/collect";
import { takeBackParcel } from "@/lib/parcels/take-back";
import { reserveParcel } from "@/lib/parcels/reserve";
import { insertLocker, layoutByRow } from "@/lib/sites/layout";
import { expectDomainError } from "@/lib/testing/domain-error";
import { createCarrier, createCourier, createKiosk, createOrganization, createSite, createTestWorld, pickupCodeOf } from "@/lib/testing/factories";
import { parcelRow, reserveInput } from "@/lib/testing/parcels";
import { MemoryBroker } from "@/lib/cabinet/link";
import { MqttDoorController } from "@/lib/cabinet/mqtt-door-controller";
import { cabinetPresence } from "./presence";
import { cabinetRecorder, recordCabinetEvent } from "./recorder";
import { benchCabinet, until } from "@/lib/cabinet/testing";
import { createAdmin, createCustomer } from "@/lib/testing/factories";
import { recipientPhone } from "@/lib/testing/parcels";
import { startShipment } from "@/lib/outbound/create";
import { confirmDropOff, dropOffProgress, startDropOff } from "@/lib/outbound/drop-off";
import { setCarrierOutbound } from "@/lib/outbound/settings";
import { phoneLast4 } from "@/lib/pickup-codes/code";

const world = createTestWorld();
afterAll(() => world.close());
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

let cabinets = 0;

/**
 * A site whose one cabinet "A" (16 doors, A-01 … A-16) runs the real agent on a simulated
 * board, and a server whose door controller is the MQTT one with the app's recorder
 * listening — all over the in-memory broker. The server's database clock is the test's.
 */
async function rig() {
  const broker = new MemoryBroker();
  const controllerId = `cab-${++cabinets}`;
  const server = new MqttDoorController(broker.connect, { answerTimeoutMs: 500 });
  const ctx = <A extends Actor>(actor: A): Ctx<A> => ({ ...world.ctx(actor), doors: server });
  server.listen(cabinetRecorder(() => ctx({ kind: "system" })));
  await server.whenReady();
  const organization = createOrganization(world.db);
  const site = createSite(world.db, organization.id);
  insertLocker(world.db, { siteId: site.id, code: "A", controllerId, layout: layoutByRow(["S", "S", "M", "L"], 4) });
  const carrier = createCarrier(world.db);
  const courier = createCourier(world.db, carrier.id, [site.id]);
  const kiosk = createKiosk(world.db, site.id);
  const cabinet = await benchCabinet(broker.connect, controllerId);
  await until(() => server.isOnline(controllerId), 1000, "the cabinet online");
  await until(() => cabinetPresence(ctx({ kind: "system" }), [site.id])[0]?.connection === "online", 1000, "its presence recorded");
  cleanups.push(() => server.close(), () => cabinet.agent.stop());
  const lock = (label: string) => Number(label.slice(2));
  const doorHistory = (parcelId: number) =>
    (world.db.$client.prepare("select kind, actor_kind as actorKind from door_events where parcel_id = ? order by id").all(parcelId) as { kind: string; actorKind: string }[]).map(
      (row) => `${row.kind}${row.actorKind === "device" ? " (cabinet)" : ""}`,
    );
  return { broker, server, ctx, site, carrier, courier, kiosk, controllerId, lock, doorHistory, ...cabinet };
}

describe("a cabinet's reports drive the parcel", () => {
  test("a deposit completes when the cabinet reports its door closed, with no button pressed", async () => {
    const { ctx, site, courier, board, agent, lock, doorHistory } = await rig();
    const reserved = await reserveParcel(ctx(courier), reserveInput(site.id));
    expect(reserved.doorOpened).toBe(true);
    const label = reserved.parcel.slot!.label;
    expect(board.isOpen(1, lock(label))).toBe(true);
    expect(parcelRow(world.db, reserved.parcel.id).state).toBe("reserved");

    board.closeDoor(1, lock(label), true);
    await agent.poll();
    await until(() => parcelRow(world.db, reserved.parcel.id).state === "deposited", 1000, "the parcel deposited");
    expect(doorHistory(reserved.parcel.id)).toEqual(["open_command", "opened (cabinet)", "closed (cabinet)"]);
    // The recipient's code went out as with the courier's button.
    const messages = world.db.$client.prepare("select kind from notifications where parcel_id = ?").all(reserved.parcel.id);
    expect(messages).toEqual([{ kind: "parcel_deposited" }]);
  });

  test("a door closed with its occupancy sensor saying empty leaves the deposit to the courier", async () => {
    const { ctx, site, courier, board, agent, lock, doorHistory } = await rig();
    const reserved = await reserveParcel(ctx(courier), reserveInput(site.id));
    board.closeDoor(1, lock(reserved.parcel.slot!.label), false);
    await agent.poll();
    await until(() => doorHistory(reserved.parcel.id).includes("closed (cabinet)"), 1000, "the closed report");
    expect(parcelRow(world.db, reserved.parcel.id).state).toBe("reserved");
  });

  test("a collection: the door's history shows it opened, then closed, as the cabinet saw it", async () => {
    const { ctx, site, courier, kiosk, board, agent, lock, doorHistory } = await rig();
    const reserved = await reserveParcel(ctx(courier), reserveInput(site.id));
    const label = reserved.parcel.slot!.label;
    board.closeDoor(1, lock(label), true);
    await agent.poll();
    await until(() => parcelRow(world.db, reserved.parcel.id).state === "deposited", 1000, "the parcel deposited");

    const collected = await collectParcel(ctx(kiosk), { code: pickupCodeOf(world, reserved.parcel.id), phoneLast4: reserved.parcel.recipientPhone.slice(-4) });
    expect(collected.doorOpened).toBe(true);
    board.closeDoor(1, lock(label), false);
    await agent.poll();
    await until(() => doorHistory(reserved.parcel.id).length === 6, 1000, "the second close");
    expect(doorHistory(reserved.parcel.id).slice(3)).toEqual(["open_command", "opened (cabinet)", "closed (cabinet)"]);
    expect(parcelRow(world.db, reserved.parcel.id).state).toBe("collected");
  });

  test("a take-back is confirmed by the cabinet's closed report", async () => {
    const { ctx, site, courier, board, agent, lock } = await rig();
    const reserved = await reserveParcel(ctx(courier), reserveInput(site.id));
    const label = reserved.parcel.slot!.label;
    board.closeDoor(1, lock(label), true);
    await agent.poll();
    await until(() => parcelRow(world.db, reserved.parcel.id).state === "deposited", 1000, "the parcel deposited");
    const expiresAt = parcelRow(world.db, reserved.parcel.id).expiresAt!;
    const saved = world.clock.now;
    world.clock.now = expiresAt + 1;
    try {
      const opened = await takeBackParcel(ctx(courier), { parcelId: reserved.parcel.id });
      expect(opened.doorOpened).toBe(true);
      expect(parcelRow(world.db, reserved.parcel.id).state).toBe("expired");
      board.closeDoor(1, lock(label), false);
      await agent.poll();
      await until(() => parcelRow(world.db, reserved.parcel.id).state === "returned", 1000, "the parcel returned");
    } finally {
      world.clock.now = saved;
    }
  });

  test("a customer's drop-off completes when the cabinet reports the door closed with the parcel inside; an empty door leaves it open to the customer", async () => {
    const { ctx, site, carrier, kiosk, board, agent, lock } = await rig();
    setCarrierOutbound(ctx(createAdmin(world.db, site.organizationId)), { siteId: site.id, carrierId: carrier.id, accepts: true });
    const outboundState = (id: number) => (world.db.$client.prepare("select state from outbound_parcels where id = ?").get(id) as { state: string }).state;
    const send = async () => {
      const sender = createCustomer(world.db, recipientPhone());
      const started = startShipment(ctx(sender), {
        siteId: site.id,
        carrierId: carrier.id,
        size: "S",
        recipientName: "Li Hua",
        recipientPhone: recipientPhone(),
        recipientAddress: "18 Wensan Road, Hangzhou",
        declaration: "on",
      });
      return startDropOff(ctx(kiosk), { code: started.code, phoneLast4: phoneLast4(sender.verifiedPhone!) });
    };

    const empty = await send();
    expect(empty.doorOpened).toBe(true);
    board.closeDoor(1, lock(empty.slotLabel), false);
    await agent.poll();
    await until(
      () => (world.db.$client.prepare("select count(*) as n from door_events where outbound_parcel_id = ? and kind = 'closed'").get(empty.outboundParcelId) as { n: number }).n === 1,
      1000,
      "the empty door's closed report",
    );
    expect(outboundState(empty.outboundParcelId)).toBe("dropping_off");
    // The kiosk's screen is told what the locker sees, and that the parcel is not in yet.
    expect(dropOffProgress(ctx(kiosk), { outboundParcelId: empty.outboundParcelId })).toEqual({ droppedOff: false, cabinetDoor: "closed" });

    const full = await send();
    expect(dropOffProgress(ctx(kiosk), { outboundParcelId: full.outboundParcelId }).droppedOff).toBe(false);
    board.closeDoor(1, lock(full.slotLabel), true);
    await agent.poll();
    await until(() => outboundState(full.outboundParcelId) === "dropped_off", 1000, "the drop-off completed by the cabinet");
    expect(dropOffProgress(ctx(kiosk), { outboundParcelId: full.outboundParcelId })).toEqual({ droppedOff: true, cabinetDoor: null });
    // Another station's kiosk is told nothing of it.
    const elsewhere = createKiosk(world.db, createSite(world.db, site.organizationId).id);
    expect(() => dropOffProgress(ctx(elsewhere), { outboundParcelId: full.outboundParcelId })).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    // The customer's button afterwards answers the same, once.
    expect(confirmDropOff(ctx(kiosk), { outboundParcelId: full.outboundParcelId }).replayed).toBe(true);
  });

  test("each event is recorded once, whatever delivers it twice", async () => {
    const { ctx, site, controllerId } = await rig();
    const event = { v: 1 as const, messageId: "msg-forced-0001", at: Date.now(), kind: "door-forced-open" as const, door: "A-03", state: { door: "open" as const, occupied: null } };
    expect(recordCabinetEvent(ctx({ kind: "system" }), controllerId, event)).toBe(true);
    expect(recordCabinetEvent(ctx({ kind: "system" }), controllerId, event)).toBe(false);
    const rows = world.db.$client.prepare("select kind from door_events where message_id = ? and site_id = ?").all(event.messageId, site.id);
    expect(rows).toEqual([{ kind: "forced_open" }]);
  });
});

describe("an offline cabinet gets no parcels", () => {
  test("when its link drops, the will marks it offline at once, assignment skips its doors, and an open is refused without waiting", async () => {
    const { ctx, site, courier, kiosk, agent, board, lock, controllerId } = await rig();
    const reserved = await reserveParcel(ctx(courier), reserveInput(site.id));
    board.closeDoor(1, lock(reserved.parcel.slot!.label), true);
    await agent.poll();
    await until(() => parcelRow(world.db, reserved.parcel.id).state === "deposited", 1000, "the parcel deposited");

    agent.crash();
    await until(() => cabinetPresence(ctx({ kind: "system" }), [site.id])[0].connection === "offline", 1000, "offline");
    expect(cabinetPresence(ctx({ kind: "system" }), [site.id])).toEqual([
      expect.objectContaining({ controllerId, lockerCode: "A", connection: "offline", offlineSince: world.clock.now }),
    ]);
    await expectDomainError(() => reserveParcel(ctx(courier), reserveInput(site.id)), "SITE_FULL");
    const started = Date.now();
    const collected = await collectParcel(ctx(kiosk), { code: pickupCodeOf(world, reserved.parcel.id), phoneLast4: reserved.parcel.recipientPhone.slice(-4) });
    expect(collected.doorOpened).toBe(false);
    expect(Date.now() - started).toBeLessThan(300);
    const failed = world.db.$client.prepare("select reason from door_events where parcel_id = ? and kind = 'open_failed'").get(reserved.parcel.id);
    expect(failed).toEqual({ reason: "CABINET_OFFLINE" });
  });

  test("a cabinet silent for three heartbeats is offline by the server's clock, and assignment skips it", async () => {
    const { ctx, site, courier } = await rig();
    const saved = world.clock.now;
    world.clock.now = saved + 31_000;
    try {
      expect(cabinetPresence(ctx({ kind: "system" }), [site.id])[0]).toMatchObject({ connection: "offline", offlineSince: saved + 30_000 });
      await expectDomainError(() => reserveParcel(ctx(courier), reserveInput(site.id)), "SITE_FULL");
    } finally {
      world.clock.now = saved;
    }
  });

  test("with the simulated controller a cabinet never heard from is assigned as before, and no presence is shown", async () => {
    const { ctx, site, courier } = await rig();
    const simulated = <A extends Actor>(actor: A) => ({ ...ctx(actor), doors: world.doors });
    world.db.$client.prepare("delete from cabinet_presence").run();
    expect(cabinetPresence(simulated({ kind: "system" }), [site.id])).toEqual([]);
    await expect(reserveParcel(simulated(courier), reserveInput(site.id))).resolves.toMatchObject({ doorOpened: true });
    // The MQTT controller, which hears cabinets, gives a cabinet it never heard from nothing.
    await expectDomainError(() => reserveParcel(ctx(courier), reserveInput(site.id)), "SITE_FULL");
  });
});

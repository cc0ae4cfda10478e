import { afterAll, describe, expect, test } from "vitest";
import { createCarrier, createCourier, createCustomer, createKiosk, createTestWorld } from "@/lib/testing/factories";
import { expectDomainError } from "@/lib/testing/domain-error";
import { createOutboundStation, senderPhone, shipmentInput, startSending } from "@/lib/testing/outbound";
import { deposit, freeSlotIds, HOUR_MS, reserve, slotRow } from "@/lib/testing/parcels";
import { databaseSnapshot } from "@/lib/testing/snapshot";
import { overdueOutbound } from "./admin";
import { organizationDashboard } from "@/lib/admin/dashboard";
import { listSiteLockers, removeLocker } from "@/lib/sites/admin-lockers";
import { listSitesForAdmin } from "@/lib/sites/admin-sites";
import { attachWaybill, confirmOutboundTaken, openOutboundDoor, waitingOutbound } from "./carrier";
import { DROP_OFF_CODE_TTL_MS, issueDropOffQrToken } from "./codes";
import { createReturn, startShipment } from "./create";
import { cancelShipment, customerShipments } from "./customer";
import { confirmDropOff, reportDropOffDoor, startDropOff, startDropOffByQr } from "./drop-off";
import { setCarrierOutbound, siteOutboundCarriers, siteTakesOutbound } from "./settings";
import { runOutboundSweep, TAKE_WITHIN_MS } from "./sweep";

const world = createTestWorld();
afterAll(() => world.close());

function row(id: number) {
  return world.db.$client.prepare("select * from outbound_parcels where id = ?").get(id) as Record<string, unknown>;
}
function transitions(id: number): string[] {
  return (world.db.$client.prepare("select from_state, to_state from outbound_events where outbound_parcel_id = ? and to_state is not null order by id").all(id) as {
    from_state: string | null;
    to_state: string;
  }[]).map((event) => `${event.from_state ?? "∅"}→${event.to_state}`);
}
function doorHistory(slotId: number) {
  return world.db.$client
    .prepare("select kind, outbound_parcel_id as outboundParcelId, actor_kind as actorKind from door_events where slot_id = ? order by id")
    .all(slotId) as { kind: string; outboundParcelId: number | null; actorKind: string }[];
}

async function droppedOff(options: Parameters<typeof createOutboundStation>[1] = {}) {
  const station = createOutboundStation(world, options);
  const sent = startSending(world, station);
  const door = await startDropOff(world.ctx(station.kiosk), { code: sent.code, phoneLast4: sent.phoneLast4 });
  confirmDropOff(world.ctx(station.kiosk), { outboundParcelId: door.outboundParcelId });
  return { station, sent, door };
}

describe("the admin's per-carrier, per-site setting", () => {
  test("lists the carriers serving the site and turns outbound on and off", () => {
    const station = createOutboundStation(world);
    const admin = world.ctx(station.admin);
    expect(siteOutboundCarriers(admin, station.site.id)).toEqual([{ carrierId: station.carrier.id, carrierName: station.carrier.name, accepts: true }]);
    setCarrierOutbound(admin, { siteId: station.site.id, carrierId: station.carrier.id, accepts: "false" });
    setCarrierOutbound(admin, { siteId: station.site.id, carrierId: station.carrier.id, accepts: "false" });
    expect(siteOutboundCarriers(admin, station.site.id)[0].accepts).toBe(false);
    const audit = world.db.$client
      .prepare("select action, detail from audit_log where organization_id = ? and action = 'site.outbound_carrier_set' order by id")
      .all(station.organizationId) as { detail: string }[];
    expect(audit.map((row) => JSON.parse(row.detail).accepts)).toEqual([true, false]);
  });

  test("refuses a carrier with no courier at the site, another organization's site, and non-admins", async () => {
    const station = createOutboundStation(world);
    const other = createOutboundStation(world);
    const stranger = createCarrier(world.db);
    await expectDomainError(() => setCarrierOutbound(world.ctx(station.admin), { siteId: station.site.id, carrierId: stranger.id, accepts: true }), "INVALID");
    await expectDomainError(() => setCarrierOutbound(world.ctx(station.admin), { siteId: other.site.id, carrierId: other.carrier.id, accepts: true }), "NOT_FOUND");
    await expectDomainError(() => setCarrierOutbound(world.ctx(station.courier), { siteId: station.site.id, carrierId: station.carrier.id, accepts: true }), "FORBIDDEN");
  });
});

describe("whether the kiosk offers \"Send a parcel\"", () => {
  test("only while a carrier takes outbound parcels at the site, or a code issued there still works", () => {
    const station = createOutboundStation(world);
    const admin = world.ctx(station.admin);
    const kiosk = world.ctx(station.kiosk);
    expect(siteTakesOutbound(kiosk, station.site.id)).toBe(true);
    const sent = startSending(world, station);
    setCarrierOutbound(admin, { siteId: station.site.id, carrierId: station.carrier.id, accepts: "false" });
    // Turned off, but the code already given out can still be dropped off.
    expect(siteTakesOutbound(kiosk, station.site.id)).toBe(true);
    cancelShipment(world.ctx(station.customer), { outboundParcelId: sent.shipment.id });
    expect(siteTakesOutbound(kiosk, station.site.id)).toBe(false);
  });
});

describe("starting a shipment", () => {
  test("gives the customer a code valid 24 h and a QR, with a created event", () => {
    const station = createOutboundStation(world);
    const sent = startSending(world, station, { size: "M" });
    expect(sent.code).toMatch(/^\d{6}$/);
    expect(sent.shipment).toMatchObject({ kind: "send", state: "created", size: "M", carrierId: station.carrier.id, waybillNumber: null });
    expect(sent.shipment.codeExpiresAt).toBe(world.clock.now + DROP_OFF_CODE_TTL_MS);
    expect(transitions(sent.shipment.id)).toEqual(["∅→created"]);
    const listed = customerShipments(world.ctx(station.customer));
    expect(listed[0]).toMatchObject({ id: sent.shipment.id, dropOff: { code: sent.code } });
  });

  test("refuses a carrier that takes no outbound parcels at the site, without the declaration, and for other roles", async () => {
    const station = createOutboundStation(world);
    setCarrierOutbound(world.ctx(station.admin), { siteId: station.site.id, carrierId: station.carrier.id, accepts: false });
    const before = databaseSnapshot(world.db);
    const customer = world.ctx(station.customer);
    const refused = await expectDomainError<{ fieldErrors: Record<string, string[]> }>(() => startShipment(customer, shipmentInput(station)), "INVALID");
    expect(refused.details?.fieldErrors.carrierId).toBeDefined();
    expect(databaseSnapshot(world.db)).toEqual(before);
    setCarrierOutbound(world.ctx(station.admin), { siteId: station.site.id, carrierId: station.carrier.id, accepts: true });
    const after = databaseSnapshot(world.db);
    const undeclared = await expectDomainError<{ fieldErrors: Record<string, string[]> }>(
      () => startShipment(customer, { ...shipmentInput(station), declaration: undefined as unknown as "on" }),
      "INVALID",
    );
    expect(undeclared.details?.fieldErrors.declaration).toBeDefined();
    // The form sends station and carrier as one choice: when it is missing, both ids say so in words.
    const unrouted = await expectDomainError<{ fieldErrors: Record<string, string[]> }>(
      () => startShipment(customer, { ...shipmentInput(station), siteId: undefined as unknown as number, carrierId: undefined as unknown as number }),
      "INVALID",
    );
    expect(unrouted.details?.fieldErrors.siteId).toEqual(["Choose a station and a carrier from the list."]);
    expect(unrouted.details?.fieldErrors.carrierId).toEqual(["Choose a station and a carrier from the list."]);
    await expectDomainError(() => startShipment(world.ctx(station.courier), shipmentInput(station)), "FORBIDDEN");
    await expectDomainError(() => startShipment(world.ctx({ kind: "anonymous" }), shipmentInput(station)), "UNAUTHENTICATED");
    expect(databaseSnapshot(world.db)).toEqual(after);
  });

  test("the customer cancels before drop-off: the code stops working; twice is one cancel; another's is NOT_FOUND", async () => {
    const station = createOutboundStation(world);
    const sent = startSending(world, station);
    await expectDomainError(() => cancelShipment(world.ctx(createCustomer(world.db, senderPhone())), { outboundParcelId: sent.shipment.id }), "NOT_FOUND");
    expect(cancelShipment(world.ctx(station.customer), { outboundParcelId: sent.shipment.id })).toMatchObject({ replayed: false, shipment: { state: "cancelled" } });
    expect(cancelShipment(world.ctx(station.customer), { outboundParcelId: sent.shipment.id }).replayed).toBe(true);
    await expectDomainError(() => startDropOff(world.ctx(station.kiosk), { code: sent.code, phoneLast4: sent.phoneLast4 }), "WRONG_CODE");
    expect(transitions(sent.shipment.id)).toEqual(["∅→created", "created→cancelled"]);
  });
});

describe("dropping off at the kiosk", () => {
  test("opens the best-fit free door, and the closed door makes it dropped off with the code used up", async () => {
    const station = createOutboundStation(world, { layout: [["M", "S", "L"]] });
    const sent = startSending(world, station);
    const kiosk = world.ctx(station.kiosk);
    const opened = world.doors.opened.length;
    const door = await startDropOff(kiosk, { code: sent.code, phoneLast4: sent.phoneLast4 });
    expect(door).toMatchObject({ size: "S", doorOpened: true, replayed: false });
    expect(world.doors.opened.slice(opened).map((d) => d.slotLabel)).toEqual([door.slotLabel]);
    const slotId = row(door.outboundParcelId).slot_id as number;
    expect(slotRow(world.db, slotId).size).toBe("S");

    // The kiosk's retry of the same code returns the same door, opening nothing more.
    expect(await startDropOff(kiosk, { code: sent.code, phoneLast4: sent.phoneLast4 })).toMatchObject({ slotLabel: door.slotLabel, replayed: true, doorOpened: false });

    expect(confirmDropOff(kiosk, { outboundParcelId: door.outboundParcelId })).toMatchObject({ replayed: false, shipment: { state: "dropped_off", slotLabel: door.slotLabel } });
    expect(confirmDropOff(kiosk, { outboundParcelId: door.outboundParcelId }).replayed).toBe(true);
    await expectDomainError(() => startDropOff(kiosk, { code: sent.code, phoneLast4: sent.phoneLast4 }), "WRONG_CODE");
    expect(transitions(door.outboundParcelId)).toEqual(["∅→created", "created→dropping_off", "dropping_off→dropped_off"]);
    expect(doorHistory(slotId)).toEqual([
      { kind: "open_command", outboundParcelId: door.outboundParcelId, actorKind: "kiosk" },
      { kind: "closed", outboundParcelId: door.outboundParcelId, actorKind: "kiosk" },
    ]);
  });

  test("the QR opens the same door as the code; a QR we did not sign is a wrong code", async () => {
    const station = createOutboundStation(world);
    const sent = startSending(world, station);
    const door = await startDropOffByQr(world.ctx(station.kiosk), { qrToken: sent.qrToken });
    expect(door.doorOpened).toBe(true);
    const forged = issueDropOffQrToken(world.keys, { id: sent.shipment.id, dropOffCodeHash: "0".repeat(64), codeExpiresAt: sent.shipment.codeExpiresAt });
    await expectDomainError(() => startDropOffByQr(world.ctx(station.kiosk), { qrToken: forged }), "WRONG_CODE");
  });

  test("a wrong phone, another station's kiosk and an expired code open nothing", async () => {
    const station = createOutboundStation(world);
    const sent = startSending(world, station);
    const opened = world.doors.opened.length;
    await expectDomainError(() => startDropOff(world.ctx(station.kiosk), { code: sent.code, phoneLast4: "0000" }), "WRONG_CODE");
    const elsewhere = createOutboundStation(world);
    await expectDomainError(() => startDropOff(world.ctx(elsewhere.kiosk), { code: sent.code, phoneLast4: sent.phoneLast4 }), "WRONG_CODE");
    world.clock.now += DROP_OFF_CODE_TTL_MS;
    await expectDomainError(() => startDropOff(world.ctx(station.kiosk), { code: sent.code, phoneLast4: sent.phoneLast4 }), "PARCEL_EXPIRED");
    expect(row(sent.shipment.id).state).toBe("expired");
    expect(world.doors.opened.length).toBe(opened);
    const attempts = world.db.$client.prepare("select outcome from pickup_attempts where kiosk_id = ? order by id").pluck().all(station.kiosk.kioskId);
    expect(attempts).toEqual(["wrong", "expired"]);
  });

  test("only a kiosk may open a drop-off door", async () => {
    const station = createOutboundStation(world);
    const sent = startSending(world, station);
    await expectDomainError(() => startDropOff(world.ctx(station.customer), { code: sent.code, phoneLast4: sent.phoneLast4 }), "FORBIDDEN");
    await expectDomainError(() => startDropOff(world.ctx(station.courier), { code: sent.code, phoneLast4: sent.phoneLast4 }), "FORBIDDEN");
  });

  test("a door that did not open goes out of service and another opens; one that does not fit gets a bigger door", async () => {
    const station = createOutboundStation(world, { layout: [["S", "S", "M"]] });
    const sent = startSending(world, station);
    const kiosk = world.ctx(station.kiosk);
    const first = await startDropOff(kiosk, { code: sent.code, phoneLast4: sent.phoneLast4 });
    const firstSlot = row(first.outboundParcelId).slot_id as number;
    const second = await reportDropOffDoor(kiosk, { outboundParcelId: first.outboundParcelId, problem: "did_not_open" });
    expect(second).toMatchObject({ outcome: "moved", size: "S", doorOpened: true });
    expect(slotRow(world.db, firstSlot).inService).toBe(false);
    const bigger = await reportDropOffDoor(kiosk, { outboundParcelId: first.outboundParcelId, problem: "does_not_fit" });
    expect(bigger).toMatchObject({ outcome: "moved", size: "M" });
    expect(row(first.outboundParcelId)).toMatchObject({ size: "M", state: "dropping_off" });
    // Nothing bigger than the only M, and no other: the code keeps working, the door is free.
    const none = await reportDropOffDoor(kiosk, { outboundParcelId: first.outboundParcelId, problem: "did_not_open" });
    expect(none).toMatchObject({ outcome: "no_door", size: "M" });
    expect(row(first.outboundParcelId)).toMatchObject({ state: "created", slot_id: null });
  });

  test("a door left open past its window lapses back to created, and the code works again", async () => {
    const station = createOutboundStation(world, { layout: [["S"]] });
    const sent = startSending(world, station);
    const door = await startDropOff(world.ctx(station.kiosk), { code: sent.code, phoneLast4: sent.phoneLast4 });
    world.clock.now += HOUR_MS;
    runOutboundSweep(world.ctx({ kind: "system" }));
    expect(row(door.outboundParcelId)).toMatchObject({ state: "created", slot_id: null });
    await expectDomainError(() => confirmDropOff(world.ctx(station.kiosk), { outboundParcelId: door.outboundParcelId }), "INVALID_TRANSITION");
    expect((await startDropOff(world.ctx(station.kiosk), { code: sent.code, phoneLast4: sent.phoneLast4 })).doorOpened).toBe(true);
  });
});

describe("one live parcel per door, whichever the direction", () => {
  test("a door holding an outbound parcel is not assigned to an inbound one, nor the other way round", async () => {
    const station = createOutboundStation(world, { layout: [["S"]] });
    const { door } = await (async () => {
      const sent = startSending(world, station);
      return { door: await startDropOff(world.ctx(station.kiosk), { code: sent.code, phoneLast4: sent.phoneLast4 }) };
    })();
    expect(freeSlotIds(world.db, station.site.id)).toEqual([]);
    await expectDomainError(() => reserve(world, station.courier, station.site.id), "SITE_FULL");
    confirmDropOff(world.ctx(station.kiosk), { outboundParcelId: door.outboundParcelId });

    const other = createOutboundStation(world, { layout: [["S"]] });
    await deposit(world, other.courier, other.site.id);
    const sent = startSending(world, other);
    await expectDomainError(() => startDropOff(world.ctx(other.kiosk), { code: sent.code, phoneLast4: sent.phoneLast4 }), "SITE_FULL");
  });

  test("the database refuses a second live parcel in a door in either direction, whatever the code does", async () => {
    const station = createOutboundStation(world, { layout: [["S"]] });
    const { parcel } = await deposit(world, station.courier, station.site.id);
    const sent = startSending(world, station);
    expect(() =>
      world.db.$client.prepare("update outbound_parcels set state = 'dropped_off', slot_id = ? where id = ?").run(parcel.slot!.id, sent.shipment.id),
    ).toThrow(/door holds a live parcel/);

    const second = createOutboundStation(world, { layout: [["S"]] });
    const { door } = await (async () => {
      const s = startSending(world, second);
      return { door: await startDropOff(world.ctx(second.kiosk), { code: s.code, phoneLast4: s.phoneLast4 }) };
    })();
    const reserved = await expectDomainError(() => reserve(world, second.courier, second.site.id), "SITE_FULL");
    expect(reserved.code).toBe("SITE_FULL");
    const slotId = row(door.outboundParcelId).slot_id as number;
    expect(() =>
      world.db.$client
        .prepare(
          "insert into parcels (carrier_id, tracking_number, site_id, slot_id, state, size, size_rank, recipient_phone, reserved_until, created_at, updated_at) values (?, 'RAW000001', ?, ?, 'reserved', 'S', 1, '13900000000', 0, 0, 0)",
        )
        .run(second.carrier.id, second.site.id, slotId),
    ).toThrow(/door holds a live outbound parcel/);
    expect(() => world.db.$client.prepare("update slots set retired_at = 1, in_service = 0, out_of_service_reason = 'x' where id = ?").run(slotId)).toThrow(
      /door holds a live parcel/,
    );
  });
});

describe("the carrier's side", () => {
  test("polls what waits, attaches a waybill once, opens the door with one tap and takes the parcel", async () => {
    const { station, door } = await droppedOff();
    const courier = world.ctx(station.courier);
    expect(waitingOutbound(courier).map((w) => [w.id, w.state])).toEqual([[door.outboundParcelId, "dropped_off"]]);

    expect(attachWaybill(courier, { outboundParcelId: door.outboundParcelId, waybillNumber: "sf1234567890", quotedPriceCents: 1200 })).toMatchObject({
      replayed: false,
    });
    expect(attachWaybill(courier, { outboundParcelId: door.outboundParcelId, waybillNumber: "SF1234567890" }).replayed).toBe(true);
    await expectDomainError(() => attachWaybill(courier, { outboundParcelId: door.outboundParcelId, waybillNumber: "SF999999999" }), "CONFLICT");
    expect(customerShipments(world.ctx(station.customer))[0]).toMatchObject({ waybillNumber: "SF1234567890", quotedPriceCents: 1200, dropOff: null });

    const opened = world.doors.opened.length;
    expect((await openOutboundDoor(courier, { outboundParcelId: door.outboundParcelId })).doorOpened).toBe(true);
    expect(world.doors.opened.length).toBe(opened + 1);
    expect(confirmOutboundTaken(courier, { outboundParcelId: door.outboundParcelId })).toMatchObject({ replayed: false, shipment: { state: "taken", stateLabel: "handed to carrier" } });
    expect(confirmOutboundTaken(courier, { outboundParcelId: door.outboundParcelId }).replayed).toBe(true);
    expect(freeSlotIds(world.db, station.site.id)).toContain(row(door.outboundParcelId).slot_id);
    expect(transitions(door.outboundParcelId).at(-1)).toBe("dropped_off→taken");
    const slotId = row(door.outboundParcelId).slot_id as number;
    expect(doorHistory(slotId).map((event) => event.kind)).toEqual(["open_command", "closed", "open_command", "closed"]);
  });

  test("another carrier's courier, a courier of the carrier at another site, and a customer are refused", async () => {
    const { station, door } = await droppedOff();
    const rival = createCourier(world.db, createCarrier(world.db).id, [station.site.id]);
    const elsewhere = createCourier(world.db, station.carrier.id, []);
    for (const actor of [rival, elsewhere]) {
      expect(waitingOutbound(world.ctx(actor))).toEqual([]);
      await expectDomainError(() => openOutboundDoor(world.ctx(actor), { outboundParcelId: door.outboundParcelId }), "NOT_FOUND");
      await expectDomainError(() => confirmOutboundTaken(world.ctx(actor), { outboundParcelId: door.outboundParcelId }), "NOT_FOUND");
      await expectDomainError(() => attachWaybill(world.ctx(actor), { outboundParcelId: door.outboundParcelId, waybillNumber: "ZT00000001" }), "NOT_FOUND");
    }
    await expectDomainError(() => confirmOutboundTaken(world.ctx(station.customer), { outboundParcelId: door.outboundParcelId }), "FORBIDDEN");
  });

  test("a parcel not in the locker cannot be taken", async () => {
    const station = createOutboundStation(world);
    const sent = startSending(world, station);
    await expectDomainError(() => confirmOutboundTaken(world.ctx(station.courier), { outboundParcelId: sent.shipment.id }), "INVALID_TRANSITION");
    await expectDomainError(() => openOutboundDoor(world.ctx(station.courier), { outboundParcelId: sent.shipment.id }), "INVALID_TRANSITION");
  });

  test("parcels not taken in time are flagged once for the admins", async () => {
    const { station, door } = await droppedOff();
    world.clock.now += TAKE_WITHIN_MS;
    expect(runOutboundSweep(world.ctx({ kind: "system" })).overdue).toBeGreaterThanOrEqual(1);
    expect(runOutboundSweep(world.ctx({ kind: "system" })).overdue).toBe(0);
    expect(waitingOutbound(world.ctx(station.courier))[0]).toMatchObject({ id: door.outboundParcelId, overdue: true });
    expect(overdueOutbound(world.ctx(station.admin)).map((o) => o.id)).toEqual([door.outboundParcelId]);
    expect(overdueOutbound(world.ctx(createOutboundStation(world).admin))).toEqual([]);
    await expectDomainError(() => overdueOutbound(world.ctx(station.courier)), "FORBIDDEN");
    confirmOutboundTaken(world.ctx(station.courier), { outboundParcelId: door.outboundParcelId });
    expect(overdueOutbound(world.ctx(station.admin))).toEqual([]);
  });
});

describe("returns", () => {
  test("a carrier creates a return: the customer gets a text and sees it in the app; the same order again is one return", async () => {
    const station = createOutboundStation(world);
    const courier = world.ctx(station.courier);
    const phone = station.customer.verifiedPhone!;
    const created = createReturn(courier, { siteId: station.site.id, size: "M", customerPhone: phone, orderReference: "TB-2026-0001" });
    expect(created).toMatchObject({ replayed: false, shipment: { kind: "return", state: "created", orderReference: "TB-2026-0001" } });
    expect(createReturn(courier, { siteId: station.site.id, size: "M", customerPhone: phone, orderReference: "TB-2026-0001" }).replayed).toBe(true);
    await expectDomainError(() => createReturn(courier, { siteId: station.site.id, size: "L", customerPhone: phone, orderReference: "TB-2026-0001" }), "CONFLICT");
    const text = world.db.$client.prepare("select kind, recipient, payload from notifications where kind = 'return_drop_off_code' and recipient = ?").all(phone);
    expect(text).toHaveLength(1);
    const mine = customerShipments(world.ctx(station.customer))[0];
    expect(mine).toMatchObject({ id: created.shipment.id, kind: "return" });
    const door = await startDropOff(world.ctx(station.kiosk), { code: mine.dropOff!.code, phoneLast4: phone.slice(-4) });
    expect(door).toMatchObject({ size: "M", doorOpened: true });
  });

  test("refused at a site without outbound for that carrier, and for customers", async () => {
    const station = createOutboundStation(world);
    const input = { siteId: station.site.id, size: "S" as const, customerPhone: senderPhone(), orderReference: "JD-77" };
    setCarrierOutbound(world.ctx(station.admin), { siteId: station.site.id, carrierId: station.carrier.id, accepts: false });
    const refused = await expectDomainError(() => createReturn(world.ctx(station.courier), input), "INVALID");
    // On the field the carrier chose (the station), not on its carrier, which comes with its token.
    expect(Object.keys(refused.fields ?? {})).toEqual(["siteId"]);
    await expectDomainError(() => createReturn(world.ctx(station.customer), input), "FORBIDDEN");
    await expectDomainError(() => createReturn(world.ctx(createKiosk(world.db, station.site.id)), input), "UNAUTHENTICATED");
  });
});

describe("a door holding a parcel to send, in the admin's console", () => {
  test("counts as taken on the dashboard, the site list and the door grid, and keeps its cabinet from being retired", async () => {
    const { station } = await droppedOff();
    const opening = startSending(world, station);
    await startDropOff(world.ctx(station.kiosk), { code: opening.code, phoneLast4: opening.phoneLast4 });
    const admin = world.ctx(station.admin);

    const site = organizationDashboard(admin).sites.find((s) => s.id === station.site.id)!;
    expect(site.bySize.S).toMatchObject({ reserved: 1, occupied: 1 });
    expect(site.doors.free).toBe(site.doors.total - 2);
    const listed = listSitesForAdmin(admin).find((s) => s.id === station.site.id)!;
    expect(listed).toMatchObject({ live: 2, free: listed.doors - 2 });
    const states = listSiteLockers(admin, station.site.id).flatMap((locker) => locker.doors.map((door) => door.state));
    expect(states.filter((state) => state !== "free").sort()).toEqual(["occupied", "reserved"]);
    await expectDomainError(() => removeLocker(admin, { lockerId: station.locker.id }), "CONFLICT");
  });
});

import { afterAll, describe, expect, test } from "vitest";
import { listMyParcelCards, myParcelDetail } from "@/lib/customer/parcels";
import { createCustomer, createTestWorld, pickupCodeOf } from "@/lib/testing/factories";
import { createStation, deposit, eventsOf, parcelRow } from "@/lib/testing/parcels";
import { getParcelDetail } from "@/lib/admin/parcel-detail";
import { collectParcel } from "./collect";
import { pickupDoorNotOpened } from "./door-status";
import { DOOR_RETRY, retryCollectedDoor } from "./retry-door";

/*
 * A collection commits before its door opens. The recipient must not be told "collected"
 * while the parcel is still behind a shut door, and their page and the admin's must say
 * the door did not open (issue 11, item 4).
 */

const world = createTestWorld();
afterAll(() => world.close());

const collectedMessages = (parcelId: number) =>
  world.db.$client
    .prepare("select channel, created_at as createdAt from notifications where parcel_id = ? and kind = 'parcel_collected' order by id")
    .all(parcelId) as { channel: string; createdAt: number }[];

async function collectWithDoorFailing(times: number) {
  const station = createStation(world);
  const { parcel } = await deposit(world, station.courier, station.site.id, { recipientEmail: "recipient@example.com" });
  const kiosk = world.ctx(station.kiosk);
  const customer = world.ctx(createCustomer(world.db, parcel.recipientPhone));
  world.doors.failNext = times;
  const collected = await collectParcel(kiosk, { code: pickupCodeOf(world, parcel.id), phoneLast4: parcel.recipientPhone.slice(-4) });
  return { station, parcel, kiosk, customer, collected, admin: world.ctx(station.admin) };
}

describe("the collected message goes out only once the door opened", () => {
  test("a door that opens at once: the message is queued with the event that records the open", async () => {
    const { parcel, collected } = await collectWithDoorFailing(0);
    expect(collected.doorOpened).toBe(true);
    const opened = eventsOf(world.db, parcel.id).at(-1)!;
    expect(opened).toMatchObject({ kind: "door_opened", detail: { for: "pickup" } });
    expect(collectedMessages(parcel.id)).toEqual([
      { channel: "sms", createdAt: opened.at },
      { channel: "email", createdAt: opened.at },
    ]);
    expect(pickupDoorNotOpened(world.ctx({ kind: "system" }), parcelRow(world.db, parcel.id))).toBeNull();
  });

  test("a door that did not open sends nothing; the retry that opens it sends the message, once", async () => {
    const { parcel, kiosk, collected } = await collectWithDoorFailing(1);
    expect(collected.doorOpened).toBe(false);
    expect(collectedMessages(parcel.id)).toEqual([]);
    expect(eventsOf(world.db, parcel.id).map((event) => event.kind)).not.toContain("door_opened");

    world.clock.now += 30_000;
    expect((await retryCollectedDoor(kiosk, { parcelId: parcel.id })).doorOpened).toBe(true);
    expect(collectedMessages(parcel.id).map((message) => message.channel)).toEqual(["sms", "email"]);
    expect(collectedMessages(parcel.id)[0].createdAt).toBe(world.clock.now);
  });

  test("a door that never opens never sends it", async () => {
    const { parcel, kiosk } = await collectWithDoorFailing(DOOR_RETRY.maxOpens);
    try {
      for (let retry = 1; retry < DOOR_RETRY.maxOpens; retry++) {
        expect((await retryCollectedDoor(kiosk, { parcelId: parcel.id })).doorOpened).toBe(false);
      }
    } finally {
      world.doors.failNext = 0;
    }
    expect(collectedMessages(parcel.id)).toEqual([]);
  });
});

describe("the customer's and the admin's parcel pages say the door did not open", () => {
  test("with the door and until when the kiosk may try it again; then nothing once it opened", async () => {
    const { station, parcel, kiosk, customer, admin } = await collectWithDoorFailing(1);
    const stuck = { slotLabel: parcel.slot!.label, lockerCode: station.locker.code, retryUntil: world.clock.now + DOOR_RETRY.windowMs };

    expect((await myParcelDetail(customer, parcel.id)).doorNotOpened).toMatchObject(stuck);
    const cards = await listMyParcelCards(customer);
    expect(cards.history.find((card) => card.id === parcel.id)?.doorNotOpened).toMatchObject(stuck);
    expect(getParcelDetail(admin, parcel.id).doorNotOpened).toMatchObject(stuck);

    await retryCollectedDoor(kiosk, { parcelId: parcel.id });

    expect((await myParcelDetail(customer, parcel.id)).doorNotOpened).toBeNull();
    expect(getParcelDetail(admin, parcel.id).doorNotOpened).toBeNull();
  });

  test("once the kiosk can no longer try, the page sends the customer to the site's admin", async () => {
    const { parcel, customer } = await collectWithDoorFailing(1);
    world.clock.now += DOOR_RETRY.windowMs + 1;
    expect((await myParcelDetail(customer, parcel.id)).doorNotOpened).toMatchObject({ slotLabel: parcel.slot!.label, retryUntil: null });
  });

  test("a parcel collected normally, or still waiting, reads as it is", async () => {
    const opened = await collectWithDoorFailing(0);
    expect((await myParcelDetail(opened.customer, opened.parcel.id)).doorNotOpened).toBeNull();
    const station = createStation(world);
    const { parcel } = await deposit(world, station.courier, station.site.id);
    expect(getParcelDetail(world.ctx(station.admin), parcel.id).doorNotOpened).toBeNull();
  });
});

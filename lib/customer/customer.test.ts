import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, test, vi } from "vitest";
import { parcels, sites, users } from "@/db/schema";
import { encryptPickupCode, keysFromHex } from "@/lib/pickup-codes/code";
import { extendHold } from "@/lib/parcels/extend-hold";
import { expireOverdueParcels } from "@/lib/parcels/sweep";
import { collectParcel } from "@/lib/parcels/collect";
import { MY_HISTORY_LIMIT } from "@/lib/customer/my-parcels";
import { expectDomainError } from "@/lib/testing/domain-error";
import { createCustomer, createTestWorld } from "@/lib/testing/factories";
import { createStation, deposit, HOUR_MS } from "@/lib/testing/parcels";
import { createMailboxTransport } from "@/lib/notifications/mailbox";
import { deliverDueNotifications } from "@/lib/notifications/worker";
import { listMyParcelCards, mapUrl, myParcelDetail } from "./parcels";
import { listPickupSites, myPreferredSite, setPreferredSite } from "./preferences";

const world = createTestWorld();
afterAll(() => world.close());

const station = createStation(world, { name: "Library Plaza Station", latitude: 30.3057, longitude: 120.0893 });
const phone = "13800112233";
const customer = createCustomer(world.db, phone);
const me = () => world.ctx(customer);

describe("My parcels", () => {
  test("waiting parcels first, soonest deadline first, each with its code, QR and map; then expired; then the history", async () => {
    const start = world.clock.now;
    try {
      const old = await deposit(world, station.courier, station.site.id, { recipientPhone: phone });
      world.clock.now = old.parcel.expiresAt! + 1;
      expireOverdueParcels(world.ctx({ kind: "system" }));
      const collected = await deposit(world, station.courier, station.site.id, { recipientPhone: phone });
      await collectParcel(world.ctx(station.kiosk), { code: collected.code, phoneLast4: collected.phoneLast4 });
      world.clock.now += HOUR_MS;
      const later = await deposit(world, station.courier, station.site.id, { recipientPhone: phone });
      world.clock.now -= 30 * 60_000;
      const sooner = await deposit(world, station.courier, station.site.id, { recipientPhone: phone });
      await deposit(world, station.courier, station.site.id); // someone else's

      const mine = await listMyParcelCards(me());
      expect(mine.waiting.map((p) => p.id)).toEqual([sooner.parcel.id, later.parcel.id]);
      expect(mine.expired.map((p) => p.id)).toEqual([old.parcel.id]);
      expect(mine.history.map((p) => p.id)).toEqual([collected.parcel.id]);
      expect(mine.asOf).toBe(world.clock.now);

      const card = mine.waiting[0];
      expect(card.pickupCode).toBe(sooner.code);
      expect(card.pickupQr).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
      expect(card.pickupQr).toContain("<path");
      expect(card.location).toEqual({ latitude: 30.3057, longitude: 120.0893, mapUrl: mapUrl(30.3057, 120.0893) });
      expect(card.location.mapUrl).toBe("https://www.openstreetmap.org/?mlat=30.3057&mlon=120.0893#map=18/30.3057/120.0893");
      // Codes and QRs only while a parcel waits.
      expect([...mine.expired, ...mine.history].every((p) => p.pickupCode === null && p.pickupQr === null)).toBe(true);
    } finally {
      world.clock.now = start;
    }
  });

  test("with more parcels than the history limit: every live one, and the newest history by when each ended", async () => {
    const busyPhone = "13800114455";
    const busy = createCustomer(world.db, busyPhone);
    const quick = createStation(world, { holdPeriodHours: 1 });
    const start = world.clock.now;
    try {
      // The oldest parcels are the live ones: nothing newer may push them off the list.
      const expired = await deposit(world, quick.courier, quick.site.id, { recipientPhone: busyPhone });
      world.clock.now = expired.parcel.expiresAt! + 1;
      expireOverdueParcels(world.ctx({ kind: "system" }));
      const waiting = await deposit(world, station.courier, station.site.id, { recipientPhone: busyPhone });
      // 150 collected parcels, two at a time, each pair's later one collected first: when a
      // parcel ended is not the order it arrived in.
      const endedOrder: number[] = [];
      for (let pair = 0; pair < 75; pair++) {
        const first = await deposit(world, station.courier, station.site.id, { recipientPhone: busyPhone });
        const second = await deposit(world, station.courier, station.site.id, { recipientPhone: busyPhone });
        for (const parcel of [second, first]) {
          world.clock.now += 60_000;
          await collectParcel(world.ctx(station.kiosk), { code: parcel.code, phoneLast4: parcel.phoneLast4 });
          endedOrder.push(parcel.parcel.id);
        }
      }

      const mine = await listMyParcelCards(world.ctx(busy));
      expect(mine.waiting.map((p) => p.id)).toEqual([waiting.parcel.id]);
      expect(mine.expired.map((p) => p.id)).toEqual([expired.parcel.id]);
      expect(mine.history.map((p) => p.id)).toEqual(endedOrder.reverse().slice(0, MY_HISTORY_LIMIT));
    } finally {
      world.clock.now = start;
    }
  });

  test("a parcel whose code this server's keys cannot read is listed without it, and the rest of the list still shows", async () => {
    const lostPhone = "13800116677";
    const owner = createCustomer(world.db, lostPhone);
    const readable = await deposit(world, station.courier, station.site.id, { recipientPhone: lostPhone });
    const lost = await deposit(world, station.courier, station.site.id, { recipientPhone: lostPhone });
    // As after PICKUP_CODE_ENCRYPTION_KEY was changed, or the database restored under other keys.
    const otherKeys = keysFromHex(crypto.randomBytes(32).toString("hex"), crypto.randomBytes(32).toString("hex"));
    world.db.update(parcels).set({ pickupCodeCipher: encryptPickupCode(otherKeys, lost.code) }).where(eq(parcels.id, lost.parcel.id)).run();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const { waiting } = await listMyParcelCards(world.ctx(owner));
      expect(waiting.find((p) => p.id === readable.parcel.id)).toMatchObject({ pickupCode: readable.code, pickupCodeLost: false });
      expect(waiting.find((p) => p.id === lost.parcel.id)).toMatchObject({ pickupCode: null, pickupQr: null, pickupCodeLost: true });
      const detail = await myParcelDetail(world.ctx(owner), lost.parcel.id);
      expect(detail).toMatchObject({ pickupCode: null, pickupQr: null, pickupCodeLost: true });
      // Told to the operator once, however often the customer looks.
      expect(logged).toHaveBeenCalledTimes(1);
      expect(logged.mock.calls[0][0]).toContain(`parcel ${lost.parcel.id}: its pickup code cannot be read`);
    } finally {
      logged.mockRestore();
    }
  });

  test("an unverified customer sees none; other roles are refused", async () => {
    world.db.update(users).set({ phoneVerifiedAt: null }).where(eq(users.id, customer.userId)).run();
    expect(await listMyParcelCards(world.ctx({ ...customer, verifiedPhone: null }))).toMatchObject({ waiting: [], expired: [], history: [] });
    world.db.update(users).set({ phoneVerifiedAt: world.clock.now }).where(eq(users.id, customer.userId)).run();
    await expectDomainError(() => listMyParcelCards(world.ctx(station.courier)), "FORBIDDEN");
  });
});

describe("a parcel's detail", () => {
  test("has the timeline, the messages sent, the code and the hold extension while it is possible", async () => {
    const { parcel, code } = await deposit(world, station.courier, station.site.id, { recipientPhone: phone });
    await deliverDueNotifications(world.ctx({ kind: "system" }), createMailboxTransport(world.ctx({ kind: "system" })));
    const detail = await myParcelDetail(me(), parcel.id);
    expect(detail.pickupCode).toBe(code);
    expect(detail.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(["reserved", "deposited"]));
    expect(detail.messages).toEqual([{ kind: "parcel_deposited", channel: "sms", sentAt: world.clock.now }]);
    expect(detail.extension).toEqual({ newDeadline: parcel.expiresAt! + 24 * HOUR_MS });

    extendHold(me(), { parcelId: parcel.id });
    const extended = await myParcelDetail(me(), parcel.id);
    expect(extended.extension).toBeNull();
    expect(extended.parcel.expiresAt).toBe(parcel.expiresAt! + 24 * HOUR_MS);
    expect(extended.timeline.find((e) => e.kind === "hold_extended")).toMatchObject({ actor: "you" });
  });

  test("someone else's parcel is NOT_FOUND, word for word like one that does not exist", async () => {
    const { parcel } = await deposit(world, station.courier, station.site.id);
    const theirs = await expectDomainError(() => myParcelDetail(me(), parcel.id), "NOT_FOUND");
    const missing = await expectDomainError(() => myParcelDetail(me(), 987_654), "NOT_FOUND");
    expect(theirs.message).toBe(missing.message);
    // A courier of the parcel's carrier may see it elsewhere, but not through the customer's screen.
    await expectDomainError(() => myParcelDetail(world.ctx(station.courier), parcel.id), "FORBIDDEN");
  });
});

describe("the preferred site", () => {
  test("a customer picks an open site, changes it and clears it", () => {
    expect(myPreferredSite(me())).toBeNull();
    expect(listPickupSites(me()).map((s) => s.id)).toContain(station.site.id);
    expect(setPreferredSite(me(), { siteId: String(station.site.id) })).toMatchObject({ id: station.site.id, name: "Library Plaza Station" });
    expect(myPreferredSite(me())?.id).toBe(station.site.id);
    expect(setPreferredSite(me(), { siteId: "" })).toBeNull();
    expect(myPreferredSite(me())).toBeNull();
  });

  test("a closed or unknown site is NOT_FOUND, junk is INVALID, and only customers have one", async () => {
    const closed = createStation(world, { status: "closed" });
    await expectDomainError(() => setPreferredSite(me(), { siteId: closed.site.id }), "NOT_FOUND");
    await expectDomainError(() => setPreferredSite(me(), { siteId: 999_999 }), "NOT_FOUND");
    await expectDomainError(() => setPreferredSite(me(), { siteId: "north" }), "INVALID");
    expect(listPickupSites(me()).map((s) => s.id)).not.toContain(closed.site.id);
    await expectDomainError(() => setPreferredSite(world.ctx(station.admin), { siteId: station.site.id }), "FORBIDDEN");
    expect(world.db.select().from(sites).where(eq(sites.id, closed.site.id)).get()?.status).toBe("closed");
  });
});

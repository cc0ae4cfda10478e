import { eq } from "drizzle-orm";
import { afterAll, describe, expect, test, vi } from "vitest";
import { users } from "@/db/schema";
import { requestPhoneVerification } from "@/lib/auth/phone-verification";
import { asActor, createAdmin, createCustomer, createOrganization, createTestWorld, createUser } from "@/lib/testing/factories";
import { createStation, deposit } from "@/lib/testing/parcels";
import { createMailboxTransport, listMailbox, listMyMessages, mailboxAccess } from "./mailbox";
import { deliverDueNotifications } from "./worker";

// This file plays production, where the demo runs (`npm start`); env() reads these once.
vi.stubEnv("NODE_ENV", "production");
vi.stubEnv("AUTH_SECRET", "x".repeat(40));
vi.stubEnv("PICKUP_CODE_HMAC_KEY", "1".repeat(64));
vi.stubEnv("PICKUP_CODE_ENCRYPTION_KEY", "2".repeat(64));

const world = createTestWorld();
afterAll(() => {
  world.close();
  vi.unstubAllEnvs();
});
const system = () => world.ctx({ kind: "system" });
const deliver = () => deliverDueNotifications(system(), createMailboxTransport(system()));

const campus = createStation(world);
const elsewhere = createStation(world, { organizationId: createOrganization(world.db, "Elsewhere").id });

describe("who reads the development mailbox in production", () => {
  test("an admin reads their organization's parcel messages, not another organization's, and no account codes", async () => {
    const here = await deposit(world, campus.courier, campus.site.id, { recipientPhone: "13700000101" });
    const there = await deposit(world, elsewhere.courier, elsewhere.site.id, { recipientPhone: "13700000102" });
    const newcomer = createUser(world.db, { role: "customer", phone: "13700000103" });
    world.db.update(users).set({ phoneVerifiedAt: null }).where(eq(users.id, newcomer.id)).run();
    requestPhoneVerification(world.ctx(asActor({ ...newcomer, phoneVerifiedAt: null })));
    await deliver();

    const admin = world.ctx(campus.admin);
    expect(mailboxAccess(admin)).toBe("organization");
    const seen = listMailbox(admin)!;
    expect(seen.some((m) => m.parcelId === here.parcel.id && m.text.includes(here.code))).toBe(true);
    expect(seen.some((m) => m.parcelId === there.parcel.id)).toBe(false);
    expect(seen.some((m) => m.kind === "phone_verification" || m.parcelId === null)).toBe(false);
    expect(listMailbox(admin, { to: "13700000103" })).toEqual([]);
    // Filtered by recipient, in any spelling.
    expect(listMailbox(admin, { to: "137 0000 0101" })!.map((m) => m.parcelId)).toEqual([here.parcel.id]);
  });

  test("another organization's admin cannot read the code that would hand over a campus parcel", async () => {
    // The attack: sign up with the phone of a campus parcel's recipient, ask for a code,
    // read it in the mailbox as any admin, confirm the phone, collect the parcel.
    const phone = "13700000105";
    const parcel = await deposit(world, campus.courier, campus.site.id, { recipientPhone: phone });
    const squatter = createUser(world.db, { role: "customer", phone });
    world.db.update(users).set({ phoneVerifiedAt: null }).where(eq(users.id, squatter.id)).run();
    requestPhoneVerification(world.ctx(asActor({ ...squatter, phoneVerifiedAt: null })));
    await deliver();

    for (const admin of [elsewhere.admin, campus.admin]) {
      const seen = listMailbox(world.ctx(admin), { to: phone })!;
      expect(seen.some((m) => /is your code to confirm this phone number/.test(m.text))).toBe(false);
    }
    expect(listMailbox(world.ctx(elsewhere.admin), { to: phone })).toEqual([]);
    // The campus admin still sees the parcel's own messages to that phone, and only those.
    const campusView = listMailbox(world.ctx(campus.admin), { to: phone })!;
    expect(campusView.length).toBeGreaterThan(0);
    expect(campusView.every((m) => m.parcelId === parcel.parcel.id)).toBe(true);
  });

  test("customers, couriers, kiosks and nobody get no mailbox at all", () => {
    for (const actor of [createCustomer(world.db, "13700000104"), campus.courier, campus.kiosk, { kind: "anonymous" as const }]) {
      expect(mailboxAccess(world.ctx(actor))).toBe("none");
      expect(listMailbox(world.ctx(actor))).toBeNull();
    }
    expect(mailboxAccess(world.ctx(createAdmin(world.db, campus.organizationId)))).toBe("organization");
  });
});

describe("a customer's own messages", () => {
  test("are the texts to their verified phone and every message about their parcels, newest first", async () => {
    const phone = "13700000201";
    const first = await deposit(world, campus.courier, campus.site.id, { recipientPhone: phone, recipientEmail: "kai@example.com" });
    world.clock.now += 60_000;
    const second = await deposit(world, campus.courier, campus.site.id, { recipientPhone: phone });
    await deposit(world, campus.courier, campus.site.id, { recipientPhone: "13700000202" });
    await deliver();
    world.clock.now -= 60_000;

    const mine = listMyMessages(world.ctx(createCustomer(world.db, phone)));
    expect(mine.map((m) => [m.parcelId, m.channel])).toEqual([
      [second.parcel.id, "sms"],
      [first.parcel.id, "email"],
      [first.parcel.id, "sms"],
    ]);
    expect(mine[0].text).toContain(second.code);
  });

  test("are none until the phone is verified — or the text of the code proving it would be right there", async () => {
    const user = createUser(world.db, { role: "customer", phone: "13700000301" });
    world.db.update(users).set({ phoneVerifiedAt: null }).where(eq(users.id, user.id)).run();
    const unverified = asActor({ ...user, phoneVerifiedAt: null });
    requestPhoneVerification(world.ctx(unverified));
    await deliver();
    expect(listMyMessages(world.ctx(unverified))).toEqual([]);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { KioskActor, UserActor } from "@/lib/context";
import { createMailboxTransport, listMyMessages } from "@/lib/notifications/mailbox";
import { deliverDueNotifications } from "@/lib/notifications/worker";
import { collectParcel, WRONG_CODE_MESSAGE } from "@/lib/parcels/collect";
import { decryptPickupCode, phoneLast4 } from "@/lib/pickup-codes/code";
import { expectDomainError } from "@/lib/testing/domain-error";
import { createAdmin, createCustomer, createKiosk, createTestWorld, type TestWorld } from "@/lib/testing/factories";
import { createStation, deposit, eventsOf, recipientPhone, reserve, type Station } from "@/lib/testing/parcels";
import { confirmDeposit } from "@/lib/parcels/deposit";
import { getParcelDetail } from "@/lib/admin/parcel-detail";
import {
  myParcelTrustedPerson,
  myTrustedPerson,
  nameParcelTrustedPerson,
  removeMyTrustedPerson,
  revokeParcelTrustedPerson,
  setMyTrustedPerson,
} from "./trusted-persons";

let world: TestWorld;
let station: Station;
beforeAll(() => {
  world = createTestWorld();
});
// Each test on a station of its own, so its doors never run out.
beforeEach(() => {
  station = createStation(world);
});
afterAll(() => world.close());

const system = () => world.ctx({ kind: "system" });
const collect = (kiosk: KioskActor, code: string, digits: string) => collectParcel(world.ctx(kiosk), { code, phoneLast4: digits });

/** A recipient with an account and a confirmed phone, and a fresh phone for their trusted person. */
function people() {
  const phone = recipientPhone();
  return { phone, recipient: createCustomer(world.db, phone), trustedPhone: recipientPhone() };
}

/** Delivers what is queued and returns the code in the newest text to `phone`, if any. */
async function textedCode(phone: string): Promise<string | null> {
  await deliverDueNotifications(system(), createMailboxTransport(system()));
  const newest = textsTo(phone)[0];
  return newest ? /\b(\d{6})\b/.exec(newest.text)![1] : null;
}

/** The trusted-code texts the development mailbox holds for `phone`, newest first. */
function textsTo(phone: string): { text: string; subject: string }[] {
  const rows = world.db.$client
    .prepare("select subject, body_cipher as cipher from mailbox_messages where recipient = ? and kind = 'trusted_pickup_code' order by id desc")
    .all(phone) as { subject: string; cipher: string }[];
  return rows.map((row) => ({ subject: row.subject, text: decryptPickupCode(world.keys, row.cipher) }));
}

function trustedRows(parcelId: number) {
  return world.db.$client
    .prepare("select status, source, revoked_by as revokedBy, code_hash is not null as hasCode from trusted_pickups where parcel_id = ? order by id")
    .all(parcelId);
}

describe("a trusted person for one parcel", () => {
  test("named while the parcel waits: gets their own code by text; it opens the door with their phone's digits, and the recipient sees who collected", async () => {
    const { phone, recipient, trustedPhone } = people();
    const { parcel, code } = await deposit(world, station.courier, station.site.id, { recipientPhone: phone });
    const named = nameParcelTrustedPerson(world.ctx(recipient), { parcelId: parcel.id, phone: trustedPhone, name: "Li Wei" });
    expect(named.current).toMatchObject({ name: "Li Wei", source: "parcel", hasCode: true });
    expect(named.current!.maskedPhone).toBe(`${trustedPhone.slice(0, 3)}****${trustedPhone.slice(-4)}`);

    const trustedCode = await textedCode(trustedPhone);
    expect(trustedCode).toMatch(/^\d{6}$/);
    expect(trustedCode).not.toBe(code);
    // The text is the trusted person's, in the site's language (they have no account), naming whose parcel it is.
    const [text] = textsTo(trustedPhone);
    expect(text.text).toContain(trustedCode!);
    expect(text.text).toContain(`取件码 ${trustedCode}`);
    expect(text.text).toContain(parcel.trackingNumber);
    // The recipient's inbox does not carry the trusted person's code.
    expect(listMyMessages(world.ctx(recipient)).some((m) => m.kind === "trusted_pickup_code")).toBe(false);

    // The recipient's digits do not go with the trusted code, nor the trusted digits with the recipient's code.
    await expectDomainError(() => collect(station.kiosk, trustedCode!, phoneLast4(phone)), "WRONG_CODE");
    await expectDomainError(() => collect(station.kiosk, code, phoneLast4(trustedPhone)), "WRONG_CODE");

    const opened = await collect(station.kiosk, trustedCode!, phoneLast4(trustedPhone));
    expect(opened).toMatchObject({ parcelId: parcel.id, doorOpened: true });
    const collected = eventsOf(world.db, parcel.id).find((e) => e.kind === "collected")!;
    expect(collected).toMatchObject({ actorKind: "kiosk", detail: { collectedBy: "trusted_person" } });
    expect(myParcelTrustedPerson(world.ctx(recipient), parcel.id)).toMatchObject({
      current: null,
      collectedBy: { name: "Li Wei", maskedPhone: named.current!.maskedPhone },
      canName: false,
    });

    // The admin's parcel page says so too.
    expect(getParcelDetail(world.ctx(station.admin), parcel.id).collectedBy).toEqual({ name: "Li Wei", maskedPhone: named.current!.maskedPhone });

    // One collection ends both codes (tried at another screen, which has seen no wrong codes yet).
    const screen = createKiosk(world.db, station.site.id);
    const again = await expectDomainError(() => collect(screen, trustedCode!, phoneLast4(trustedPhone)), "WRONG_CODE");
    expect(again.message).toBe(WRONG_CODE_MESSAGE);
    await expectDomainError(() => collect(screen, code, phoneLast4(phone)), "WRONG_CODE");
  });

  test("the recipient's own code still works, and collecting with it ends the trusted code", async () => {
    const { phone, recipient, trustedPhone } = people();
    const { parcel, code } = await deposit(world, station.courier, station.site.id, { recipientPhone: phone });
    nameParcelTrustedPerson(world.ctx(recipient), { parcelId: parcel.id, phone: trustedPhone });
    const trustedCode = (await textedCode(trustedPhone))!;

    expect((await collect(station.kiosk, code, phoneLast4(phone))).doorOpened).toBe(true);
    expect(trustedRows(parcel.id)).toEqual([{ status: "ended", source: "parcel", revokedBy: null, hasCode: 1 }]);
    await expectDomainError(() => collect(station.kiosk, trustedCode, phoneLast4(trustedPhone)), "WRONG_CODE");
    expect(myParcelTrustedPerson(world.ctx(recipient), parcel.id).collectedBy).toBeNull();
  });

  test("revoking stops the code at once; naming someone else replaces them", async () => {
    const { phone, recipient, trustedPhone } = people();
    const { parcel, code } = await deposit(world, station.courier, station.site.id, { recipientPhone: phone });
    nameParcelTrustedPerson(world.ctx(recipient), { parcelId: parcel.id, phone: trustedPhone });
    const first = (await textedCode(trustedPhone))!;

    const second = recipientPhone();
    nameParcelTrustedPerson(world.ctx(recipient), { parcelId: parcel.id, phone: second, name: "Wang Fang" });
    await expectDomainError(() => collect(station.kiosk, first, phoneLast4(trustedPhone)), "WRONG_CODE");
    const secondCode = (await textedCode(second))!;

    const after = revokeParcelTrustedPerson(world.ctx(recipient), { parcelId: parcel.id });
    expect(after.current).toBeNull();
    await expectDomainError(() => collect(station.kiosk, secondCode, phoneLast4(second)), "WRONG_CODE");
    expect(trustedRows(parcel.id)).toEqual([
      { status: "revoked", source: "parcel", revokedBy: "recipient", hasCode: 1 },
      { status: "revoked", source: "parcel", revokedBy: "recipient", hasCode: 1 },
    ]);
    await expectDomainError(() => revokeParcelTrustedPerson(world.ctx(recipient), { parcelId: parcel.id }), "CONFLICT");
    expect(eventsOf(world.db, parcel.id).map((e) => e.kind)).toEqual(
      expect.arrayContaining(["trusted_person_named", "trusted_person_revoked"]),
    );
    // The recipient's own code is untouched.
    expect((await collect(station.kiosk, code, phoneLast4(phone))).doorOpened).toBe(true);
  });

  test("a revoked code's text that had not gone out yet is never sent", async () => {
    const { phone, recipient, trustedPhone } = people();
    const { parcel } = await deposit(world, station.courier, station.site.id, { recipientPhone: phone });
    nameParcelTrustedPerson(world.ctx(recipient), { parcelId: parcel.id, phone: trustedPhone });
    revokeParcelTrustedPerson(world.ctx(recipient), { parcelId: parcel.id });
    expect(await textedCode(trustedPhone)).toBeNull();
  });

  test("named while the parcel is on its way: the code comes with the deposit", async () => {
    const { phone, recipient, trustedPhone } = people();
    const reserved = await reserve(world, station.courier, station.site.id, { recipientPhone: phone });
    const named = nameParcelTrustedPerson(world.ctx(recipient), { parcelId: reserved.parcel.id, phone: trustedPhone });
    expect(named.current).toMatchObject({ hasCode: false, source: "parcel" });
    expect(await textedCode(trustedPhone)).toBeNull();

    confirmDeposit(world.ctx(station.courier), { parcelId: reserved.parcel.id });
    const trustedCode = (await textedCode(trustedPhone))!;
    expect((await collect(station.kiosk, trustedCode, phoneLast4(trustedPhone))).parcelId).toBe(reserved.parcel.id);
  });

  test("another recipient, a courier, an admin and an unconfirmed customer can neither name nor revoke", async () => {
    const { phone, recipient, trustedPhone } = people();
    const { parcel } = await deposit(world, station.courier, station.site.id, { recipientPhone: phone });
    nameParcelTrustedPerson(world.ctx(recipient), { parcelId: parcel.id, phone: trustedPhone });
    const stranger = createCustomer(world.db, recipientPhone());
    const unconfirmed: UserActor = { ...createCustomer(world.db, recipientPhone()), verifiedPhone: null };
    const input = { parcelId: parcel.id, phone: recipientPhone() };

    await expectDomainError(() => nameParcelTrustedPerson(world.ctx(stranger), input), "NOT_FOUND");
    await expectDomainError(() => revokeParcelTrustedPerson(world.ctx(stranger), { parcelId: parcel.id }), "NOT_FOUND");
    await expectDomainError(() => myParcelTrustedPerson(world.ctx(stranger), parcel.id), "NOT_FOUND");
    await expectDomainError(() => nameParcelTrustedPerson(world.ctx(station.courier), input), "FORBIDDEN");
    await expectDomainError(() => revokeParcelTrustedPerson(world.ctx(createAdmin(world.db, station.organizationId)), { parcelId: parcel.id }), "FORBIDDEN");
    await expectDomainError(() => nameParcelTrustedPerson(world.ctx(unconfirmed), input), "FORBIDDEN");
    await expectDomainError(() => nameParcelTrustedPerson(world.ctx({ kind: "anonymous" }), input), "UNAUTHENTICATED");
    // The trusted person stays as named.
    expect(myParcelTrustedPerson(world.ctx(recipient), parcel.id).current).not.toBeNull();
  });

  test("refuses the recipient's own number, a bad phone, and a parcel no longer waiting", async () => {
    const { phone, recipient } = people();
    const { parcel, code } = await deposit(world, station.courier, station.site.id, { recipientPhone: phone });
    const self = await expectDomainError(() => nameParcelTrustedPerson(world.ctx(recipient), { parcelId: parcel.id, phone }), "INVALID");
    expect(self.details).toMatchObject({ fieldErrors: { phone: [expect.stringContaining("your own number")] } });
    await expectDomainError(() => nameParcelTrustedPerson(world.ctx(recipient), { parcelId: parcel.id, phone: "12" }), "INVALID");
    await collect(station.kiosk, code, phoneLast4(phone));
    await expectDomainError(() => nameParcelTrustedPerson(world.ctx(recipient), { parcelId: parcel.id, phone: recipientPhone() }), "INVALID_TRANSITION");
  });
});

describe("a standing trusted person", () => {
  test("gets a code for every parcel deposited, and for those already waiting; removing them stops every code", async () => {
    const { phone, recipient, trustedPhone } = people();
    const waiting = await deposit(world, station.courier, station.site.id, { recipientPhone: phone });
    expect(myTrustedPerson(world.ctx(recipient))).toBeNull();
    setMyTrustedPerson(world.ctx(recipient), { phone: trustedPhone, name: "Mum" });
    expect(myTrustedPerson(world.ctx(recipient))).toEqual({ phone: trustedPhone, name: "Mum" });
    const firstCode = (await textedCode(trustedPhone))!;

    const later = await deposit(world, station.courier, station.site.id, { recipientPhone: phone });
    const secondCode = (await textedCode(trustedPhone))!;
    expect(secondCode).not.toBe(firstCode);
    expect(myParcelTrustedPerson(world.ctx(recipient), later.parcel.id).current).toMatchObject({ name: "Mum", source: "standing", hasCode: true });

    expect((await collect(station.kiosk, secondCode, phoneLast4(trustedPhone))).parcelId).toBe(later.parcel.id);
    removeMyTrustedPerson(world.ctx(recipient));
    expect(myTrustedPerson(world.ctx(recipient))).toBeNull();
    await expectDomainError(() => collect(station.kiosk, firstCode, phoneLast4(trustedPhone)), "WRONG_CODE");
    expect(trustedRows(waiting.parcel.id)).toEqual([{ status: "revoked", source: "standing", revokedBy: "recipient", hasCode: 1 }]);

    // A new parcel after removal gets no trusted code.
    const after = await deposit(world, station.courier, station.site.id, { recipientPhone: phone });
    expect(trustedRows(after.parcel.id)).toEqual([]);
  });

  test("a parcel's own trusted person wins over the standing one", async () => {
    const { phone, recipient, trustedPhone } = people();
    setMyTrustedPerson(world.ctx(recipient), { phone: trustedPhone });
    const reserved = await reserve(world, station.courier, station.site.id, { recipientPhone: phone });
    const neighbour = recipientPhone();
    nameParcelTrustedPerson(world.ctx(recipient), { parcelId: reserved.parcel.id, phone: neighbour, name: "Neighbour" });
    confirmDeposit(world.ctx(station.courier), { parcelId: reserved.parcel.id });
    expect(trustedRows(reserved.parcel.id)).toEqual([{ status: "active", source: "parcel", revokedBy: null, hasCode: 1 }]);
    expect(await textedCode(neighbour)).toMatch(/^\d{6}$/);
    // Changing the standing one leaves the parcel's own alone.
    setMyTrustedPerson(world.ctx(recipient), { phone: recipientPhone() });
    expect(trustedRows(reserved.parcel.id)).toEqual([{ status: "active", source: "parcel", revokedBy: null, hasCode: 1 }]);
  });

  test("refuses the recipient's own number; other roles cannot set one", async () => {
    const { phone, recipient } = people();
    await expectDomainError(() => setMyTrustedPerson(world.ctx(recipient), { phone }), "INVALID");
    await expectDomainError(() => setMyTrustedPerson(world.ctx(station.courier), { phone: recipientPhone() }), "FORBIDDEN");
    await expectDomainError(() => removeMyTrustedPerson(world.ctx(station.courier)), "FORBIDDEN");
    expect(myTrustedPerson(world.ctx(recipient))).toBeNull();
  });
});

describe("the database's own guard (migration 0015)", () => {
  test("a closed trusted code never works again, and a code cannot be given to a parcel not in the locker", async () => {
    const { phone, recipient, trustedPhone } = people();
    const { parcel } = await deposit(world, station.courier, station.site.id, { recipientPhone: phone });
    nameParcelTrustedPerson(world.ctx(recipient), { parcelId: parcel.id, phone: trustedPhone });
    revokeParcelTrustedPerson(world.ctx(recipient), { parcelId: parcel.id });
    const db = world.db.$client;
    expect(() => db.prepare("update trusted_pickups set status = 'active', closed_at = null, revoked_by = null where parcel_id = ?").run(parcel.id)).toThrow(
      /trusted_pickup_closed/,
    );
    const reserved = await reserve(world, station.courier, station.site.id, { recipientPhone: phone });
    expect(() =>
      db
        .prepare("insert into trusted_pickups (parcel_id, site_id, phone, source, code_hash, code_cipher, created_at) values (?, ?, ?, 'parcel', 'h', 'c', 0)")
        .run(reserved.parcel.id, station.site.id, trustedPhone),
    ).toThrow(/trusted_pickup_parcel_not_live/);
  });

  test("a trusted code never equals a live parcel's own code at the site", async () => {
    const { phone } = people();
    const { parcel } = await deposit(world, station.courier, station.site.id, { recipientPhone: phone });
    const other = await deposit(world, station.courier, station.site.id, { recipientPhone: recipientPhone() });
    const hash = (world.db.$client.prepare("select pickup_code_hash as hash from parcels where id = ?").get(other.parcel.id) as { hash: string }).hash;
    expect(() =>
      world.db.$client
        .prepare("insert into trusted_pickups (parcel_id, site_id, phone, source, code_hash, code_cipher, created_at) values (?, ?, ?, 'parcel', ?, 'c', 0)")
        .run(parcel.id, station.site.id, recipientPhone(), hash),
    ).toThrow(/UNIQUE/);
  });
});

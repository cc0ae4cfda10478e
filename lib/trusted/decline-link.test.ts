import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { users } from "@/db/schema";
import { createMailboxTransport } from "@/lib/notifications/mailbox";
import { deliverDueNotifications } from "@/lib/notifications/worker";
import { issueConsentToken } from "@/lib/notifications/consent-token";
import { collectParcel } from "@/lib/parcels/collect";
import { decryptPickupCode, phoneLast4 } from "@/lib/pickup-codes/code";
import { expectDomainError } from "@/lib/testing/domain-error";
import { createCustomer, createTestWorld, type TestWorld } from "@/lib/testing/factories";
import { createStation, deposit, eventsOf, recipientPhone, type Station } from "@/lib/testing/parcels";
import { declineTrustedPickup, trustedLinkLocale, trustedPickupByToken } from "./decline-link";
import { myParcelTrustedPerson, nameParcelTrustedPerson, revokeParcelTrustedPerson } from "./trusted-persons";

let world: TestWorld;
let station: Station;
beforeAll(() => {
  world = createTestWorld();
});
beforeEach(() => {
  station = createStation(world);
});
afterAll(() => world.close());

const system = () => world.ctx({ kind: "system" });
const anyone = () => world.ctx({ kind: "anonymous" } as never);

/** A waiting parcel with a trusted person named, and the code and link of the text they got. */
async function namedTrustedPerson(recipientName: string | null = "Zhang Min") {
  const phone = recipientPhone();
  const recipient = createCustomer(world.db, phone);
  const trustedPhone = recipientPhone();
  const { parcel, code } = await deposit(world, station.courier, station.site.id, { recipientPhone: phone, recipientName: recipientName ?? undefined });
  nameParcelTrustedPerson(world.ctx(recipient), { parcelId: parcel.id, phone: trustedPhone, name: "Li Wei" });
  await deliverDueNotifications(system(), createMailboxTransport(system()));
  const row = world.db.$client
    .prepare("select body_cipher as cipher from mailbox_messages where recipient = ? and kind = 'trusted_pickup_code' order by id desc")
    .get(trustedPhone) as { cipher: string };
  const text = decryptPickupCode(world.keys, row.cipher);
  const trustedCode = /\b(\d{6})\b/.exec(text)![1];
  const token = /\/trusted\/([0-9a-z.]+)/.exec(text)![1];
  return { parcel, code, phone, recipient, trustedPhone, trustedCode, token, text };
}

describe("the trusted person's link", () => {
  test("a parcel with no name on it names, to the trusted person, the account that asked them rather than a masked number", async () => {
    const { recipient, token, text } = await namedTrustedPerson(null);
    const { name } = world.db.select({ name: users.name }).from(users).where(eq(users.id, recipient.userId)).get()!;
    expect(text).toContain(name);
    expect(trustedPickupByToken(anyone(), token)).toMatchObject({ kind: "open", parcel: { recipient: name } });
  });

  test("their text carries a link whose page names the parcel; declining there stops their code at once and the recipient sees who declined", async () => {
    const { parcel, code, phone, recipient, trustedPhone, trustedCode, token } = await namedTrustedPerson();
    const page = trustedPickupByToken(anyone(), token);
    expect(page).toMatchObject({ kind: "open", parcel: { recipient: "Zhang Min", trackingNumber: parcel.trackingNumber } });

    expect(declineTrustedPickup(anyone(), { token }).kind).toBe("declined");
    await expectDomainError(() => collectParcel(world.ctx(station.kiosk), { code: trustedCode, phoneLast4: phoneLast4(trustedPhone) }), "WRONG_CODE");
    // Saying it twice is fine; the page says it was declined.
    expect(declineTrustedPickup(anyone(), { token }).kind).toBe("declined");
    expect(trustedPickupByToken(anyone(), token).kind).toBe("declined");

    const view = myParcelTrustedPerson(world.ctx(recipient), parcel.id);
    expect(view.current).toBeNull();
    expect(view.declinedBy).toMatchObject({ name: "Li Wei" });
    expect(eventsOf(world.db, parcel.id).some((e) => e.kind === "trusted_person_revoked" && (e.detail as { by?: string } | null)?.by === "trusted_person")).toBe(true);
    // Naming someone new clears it; the recipient's own code is untouched.
    nameParcelTrustedPerson(world.ctx(recipient), { parcelId: parcel.id, phone: recipientPhone() });
    expect(myParcelTrustedPerson(world.ctx(recipient), parcel.id).declinedBy).toBeNull();
    expect((await collectParcel(world.ctx(station.kiosk), { code, phoneLast4: phoneLast4(phone) })).doorOpened).toBe(true);
  });

  test("a link once the code ended declines nothing: revoked by the recipient, or used", async () => {
    const revoked = await namedTrustedPerson();
    revokeParcelTrustedPerson(world.ctx(revoked.recipient), { parcelId: revoked.parcel.id });
    expect(trustedPickupByToken(anyone(), revoked.token).kind).toBe("ended");
    await expectDomainError(() => declineTrustedPickup(anyone(), { token: revoked.token }), "CONFLICT");

    const used = await namedTrustedPerson();
    await collectParcel(world.ctx(station.kiosk), { code: used.trustedCode, phoneLast4: phoneLast4(used.trustedPhone) });
    expect(trustedPickupByToken(anyone(), used.token).kind).toBe("ended");
    await expectDomainError(() => declineTrustedPickup(anyone(), { token: used.token }), "CONFLICT");
  });

  test("a changed, foreign or run-out token opens nothing", async () => {
    const { token, parcel } = await namedTrustedPerson();
    const [id, expires, mac] = token.split(".");
    const flipped = `${id}.${expires}.${mac.slice(0, -1)}${mac.endsWith("0") ? "1" : "0"}`;
    expect(trustedPickupByToken(anyone(), flipped).kind).toBe("invalid");
    await expectDomainError(() => declineTrustedPickup(anyone(), { token: flipped }), "INVALID");
    expect(trustedPickupByToken(anyone(), "not-a-token").kind).toBe("invalid");
    // A consent link's token for the same row id is signed for another purpose.
    const consent = issueConsentToken(world.keys, { id: parseInt(id, 36), expiresAt: parseInt(expires, 36), recipientPhone: parcel.recipientPhone });
    expect(trustedPickupByToken(anyone(), consent).kind).toBe("invalid");
    // A day after the parcel's deadline the link has run out.
    const saved = world.clock.now;
    world.clock.now = parseInt(expires, 36) + 1;
    try {
      expect(trustedPickupByToken(anyone(), token).kind).toBe("invalid");
    } finally {
      world.clock.now = saved;
    }
    expect(trustedPickupByToken(anyone(), token).kind).toBe("open");
  });

  test("its page speaks the trusted person's own account language (not the recipient's), else has the site's; run out, still; a changed token names nobody", async () => {
    const { token, recipient, trustedPhone } = await namedTrustedPerson();
    world.db.update(users).set({ locale: "zh-CN" }).where(eq(users.id, recipient.userId)).run();
    expect(trustedLinkLocale(anyone(), token)).toEqual({ person: null, site: "zh-CN" });
    const trusted = createCustomer(world.db, trustedPhone);
    world.db.update(users).set({ locale: "en" }).where(eq(users.id, trusted.userId)).run();
    expect(trustedLinkLocale(anyone(), token)).toEqual({ person: "en", site: "zh-CN" });
    const [id, expires, mac] = token.split(".");
    const saved = world.clock.now;
    world.clock.now = parseInt(expires, 36) + 1;
    try {
      expect(trustedPickupByToken(anyone(), token).kind).toBe("invalid");
      expect(trustedLinkLocale(anyone(), token)).toEqual({ person: "en", site: "zh-CN" });
    } finally {
      world.clock.now = saved;
    }
    expect(trustedLinkLocale(anyone(), `${id}.${expires}.${mac.slice(0, -1)}${mac.endsWith("0") ? "1" : "0"}`)).toBeNull();
    expect(trustedLinkLocale(anyone(), "not-a-token")).toBeNull();
  });
});

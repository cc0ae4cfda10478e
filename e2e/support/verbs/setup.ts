import { and, desc, eq } from "drizzle-orm";
import { carriers, kiosks, phoneVerifications, users } from "@/db/schema";
import { loadUserActor, signUpCustomer } from "@/lib/auth/accounts";
import { requestPhoneVerification, verifyPhone } from "@/lib/auth/phone-verification";
import { runBackgroundJobsOnce } from "@/lib/background/round";
import { now } from "@/lib/clock";
import { KIOSK_DEVICE_COOKIE, KIOSK_DEVICE_MAX_AGE_SECONDS, pairKioskScreen } from "@/lib/kiosk/devices";
import { listMailbox } from "@/lib/notifications/mailbox";
import { setCarrierOutbound } from "@/lib/outbound/settings";
import { createCourier } from "@/lib/people/couriers";
import { decryptPickupCode } from "@/lib/pickup-codes/code";
import { addLocker } from "@/lib/sites/admin-lockers";
import { createSite } from "@/lib/sites/admin-sites";
import type { World } from "./world";

/*
 * A journey's world where the journey is about something else: sites, lockers, couriers,
 * carriers taking outbound parcels, paired screens and confirmed customers, made by the domain functions the console's and
 * the sign-up's forms call (admin-site-setup, admin-people, admin-screen-pairing and the
 * sign-up journeys still fill those forms in).
 */

export type MakeSite = { admin: string; name: string; code: string; address: string; latitude: number; longitude: number };

export function makeSite(world: World, input: MakeSite) {
  const { admin, ...site } = input;
  // The form's defaults for the two fields a journey never changes (site-form.tsx).
  return createSite(world.as(world.account(admin)), { ...site, openingHours: "Open 24 hours", holdPeriodHours: 72 });
}

export type MakeLocker = { admin: string; siteId: number; code: string; rowSizes: string[]; columns: number };

/** A cabinet of `rowSizes.length` rows, each of one size, `columns` doors wide. */
export function makeLocker(world: World, input: MakeLocker) {
  const layout = input.rowSizes.map((size) => Array.from({ length: input.columns }, () => size));
  return addLocker(world.as(world.account(input.admin)), { siteId: input.siteId, code: input.code, layout });
}

export type MakeCourier = { admin: string; carrier: string; name: string; phone: string; password: string; siteIds: number[] };

export async function makeCourier(world: World, input: MakeCourier) {
  const carrier = world.db.select().from(carriers).where(eq(carriers.code, input.carrier)).get();
  if (!carrier) throw new Error(`no carrier ${input.carrier}`);
  const { admin, carrier: _, ...courier } = input;
  return createCourier(world.as(world.account(admin)), { ...courier, carrierId: carrier.id });
}

export type AcceptOutbound = { admin: string; carrier: string } & ({ siteId: number } | { siteCode: string });

/** The carrier takes outbound parcels (sending and returns) at the site, as the site page's button sets it. */
export function acceptOutbound(world: World, input: AcceptOutbound) {
  const carrier = world.db.select().from(carriers).where(eq(carriers.code, input.carrier)).get();
  if (!carrier) throw new Error(`no carrier ${input.carrier}`);
  const siteId = "siteId" in input ? input.siteId : world.site(input.siteCode).id;
  return setCarrierOutbound(world.as(world.account(input.admin)), { siteId, carrierId: carrier.id, accepts: true });
}

export type PairKiosk = { admin: string; siteCode: string; kiosk: "Kiosk 1" | "a new kiosk" };

/**
 * A screen paired as the site's Kiosk 1 or as a new kiosk of its own: the cookie its
 * browser keeps, as lib/kiosk/device-cookie.ts sets it (over plain HTTP).
 */
export function pairKiosk(world: World, input: PairKiosk) {
  const site = world.site(input.siteCode);
  const existing =
    input.kiosk === "Kiosk 1"
      ? world.db.select().from(kiosks).where(and(eq(kiosks.siteId, site.id), eq(kiosks.name, "Kiosk 1"))).get()
      : undefined;
  if (input.kiosk === "Kiosk 1" && !existing) throw new Error(`site ${input.siteCode} has no Kiosk 1`);
  const { token, kioskName } = pairKioskScreen(world.as(world.account(input.admin)), { siteId: site.id, kioskId: existing?.id });
  const cookie = {
    name: KIOSK_DEVICE_COOKIE,
    value: token,
    httpOnly: true,
    sameSite: "Strict" as const,
    expires: Math.floor(Date.now() / 1000) + KIOSK_DEVICE_MAX_AGE_SECONDS,
  };
  return { kioskName, cookie };
}

export type MakeCustomer = { name: string; email: string; phone: string; password: string };

/**
 * A customer who signed up and confirmed their phone with the texted code. A retried test
 * finds its account, confirmed or not, and finishes the confirmation.
 */
export async function makeConfirmedCustomer(world: World, input: MakeCustomer) {
  const { db } = world;
  const found = db.select().from(users).where(eq(users.email, input.email.toLowerCase())).get();
  const userId = found?.id ?? (await signUpCustomer(db, input, { now: now(), locale: "en" })).id;
  let customer = loadUserActor(db, userId)!;
  if (customer.verifiedPhone === null) {
    const ctx = world.as(customer);
    requestPhoneVerification(ctx);
    const open = db
      .select({ cipher: phoneVerifications.codeCipher })
      .from(phoneVerifications)
      .where(eq(phoneVerifications.userId, userId))
      .orderBy(desc(phoneVerifications.id))
      .get()!;
    verifyPhone(ctx, { code: decryptPickupCode(world.keys, open.cipher!) });
    customer = loadUserActor(db, userId)!;
  }
  return { userId, phone: customer.verifiedPhone };
}

/** What `reader` sees at /dev/mailbox?to=…: each message's text, newest first. */
export function readMailbox(world: World, input: { reader: string; to: string }) {
  const entries = listMailbox(world.as(world.account(input.reader)), { to: input.to });
  if (entries === null) throw new Error(`${input.reader} may not read the mailbox`);
  return entries.map((entry) => entry.text);
}

/**
 * One round of the server's housekeeping — the parcel sweep, then delivery of every message
 * due — now instead of at the server's 10-second timer. The outbox's lease keeps the two
 * rounds from sending a message twice (lib/notifications/worker.ts).
 */
export async function runBackgroundRound(world: World) {
  const round = await runBackgroundJobsOnce(world.as({ kind: "system" }));
  return round.delivery;
}

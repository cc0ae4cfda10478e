import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { parcels } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { doorName } from "@/lib/cabinet/door-controller";
import { loadDoor } from "@/lib/doors/open";
import { now } from "@/lib/clock";
import { pickupQrPayload } from "@/lib/kiosk/qr-payload";
import { announceParcel } from "@/lib/parcels/announce";
import { confirmDeposit } from "@/lib/parcels/deposit";
import { reserveParcel } from "@/lib/parcels/reserve";
import { expireParcel } from "@/lib/parcels/sweep";
import { decryptPickupCode, encryptPickupCode, keysFromHex } from "@/lib/pickup-codes/code";
import { issuePickupQrToken } from "@/lib/pickup-codes/qr-token";
import type { World } from "./world";

/*
 * Parcels the browser cannot make, through the same domain verbs the app uses:
 *   waiting — in a locker *with its pickup code and QR*, as its recipient's phone shows them;
 *   expired — its hold period over (hold periods are hours long and the e2e server's clock
 *             is the test clock, so it is deposited "a hold period and two hours ago" by that
 *             clock and expired now);
 *   announced — announced by the carrier (pre-advice, as POST /api/v1/parcels/announcements
 *             does), with its size and recipient, waiting for the courier's scan;
 *   lost-code — waiting, its code stored under other keys, as after the server's
 *             PICKUP_CODE_ENCRYPTION_KEY was changed: this server cannot read it back.
 */

const HOUR = 3_600_000;

export type MakeParcel = {
  siteCode: string;
  /** The courier's email or phone. */
  courier: string;
  trackingNumber: string;
  recipientPhone: string;
};

export function announcedParcel(world: World, input: MakeParcel & { size: string; recipientName?: string }) {
  const site = world.site(input.siteCode);
  const { parcel } = announceParcel(world.as(world.account(input.courier)), {
    siteId: site.id,
    trackingNumber: input.trackingNumber,
    size: input.size,
    recipientPhone: input.recipientPhone,
    recipientName: input.recipientName,
  });
  return { parcelId: parcel.id, siteId: site.id, trackingNumber: parcel.trackingNumber, size: parcel.size };
}

/** A size S parcel deposited at `at` (by the server's clock) by the courier. */
async function deposited(world: World, input: MakeParcel, at: number) {
  const site = world.site(input.siteCode);
  const as = world.as(world.account(input.courier), () => at);
  const reserved = await reserveParcel(as, { siteId: site.id, trackingNumber: input.trackingNumber, size: "S", recipientPhone: input.recipientPhone });
  const { parcel } = confirmDeposit(as, { parcelId: reserved.parcel.id });
  const stored = world.db.$client
    .prepare("select pickup_code_cipher as cipher, pickup_code_hash as hash from parcels where id = ?")
    .get(parcel.id) as { cipher: string; hash: string };
  return {
    site,
    parcelId: parcel.id,
    trackingNumber: parcel.trackingNumber,
    door: parcel.slot!.label,
    doorName: doorName(loadDoor(as, parcel.slot!.id)),
    code: decryptPickupCode(world.keys, stored.cipher),
    codeHash: stored.hash,
  };
}

export async function waitingParcel(world: World, input: MakeParcel) {
  const { site, parcelId, door, doorName, code, codeHash } = await deposited(world, input, now());
  // What the QR on the recipient's phone holds right now (lib/customer/parcels.ts).
  const qr = pickupQrPayload({ siteCode: site.code, token: issuePickupQrToken(world.keys, { id: parcelId, pickupCodeHash: codeHash }, now()) });
  return { parcelId, code, phoneLast4: input.recipientPhone.slice(-4), qr, door, doorName };
}

export async function expiredParcel(world: World, input: MakeParcel) {
  const holdHours = world.site(input.siteCode).holdPeriodHours;
  const { site, parcelId, trackingNumber, door, doorName } = await deposited(world, input, now() - (holdHours + 2) * HOUR);
  const { db } = world;
  writeTransaction(db, () => expireParcel(world.as({ kind: "system" }), db.select().from(parcels).where(eq(parcels.id, parcelId)).get()!));
  return { parcelId, siteId: site.id, trackingNumber, door, doorName };
}

export async function lostCodeParcel(world: World, input: MakeParcel) {
  const { parcelId, code, door, doorName } = await deposited(world, input, now());
  const otherKeys = keysFromHex(crypto.randomBytes(32).toString("hex"), crypto.randomBytes(32).toString("hex"));
  world.db.update(parcels).set({ pickupCodeCipher: encryptPickupCode(otherKeys, code) }).where(eq(parcels.id, parcelId)).run();
  return { parcelId, phoneLast4: input.recipientPhone.slice(-4), door, doorName };
}

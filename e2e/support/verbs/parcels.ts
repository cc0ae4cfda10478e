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

export type ParcelKind = "waiting" | "expired" | "announced" | "lost-code";

export type MakeParcel = {
  kind: ParcelKind;
  siteCode: string;
  /** The courier's email or phone. */
  courier: string;
  trackingNumber: string;
  recipientPhone: string;
  size?: string;
  recipientName?: string;
};

export async function makeParcel(world: World, input: MakeParcel) {
  const { db, keys } = world;
  const site = world.site(input.siteCode);
  const courier = world.account(input.courier);
  const { trackingNumber, recipientPhone } = input;

  if (input.kind === "announced") {
    const { parcel } = announceParcel(world.as(courier), {
      siteId: site.id,
      trackingNumber,
      size: input.size ?? "S",
      recipientPhone,
      recipientName: input.recipientName,
    });
    return { parcelId: parcel.id, siteId: site.id, trackingNumber: parcel.trackingNumber, size: parcel.size };
  }

  const at = input.kind === "expired" ? now() - (site.holdPeriodHours + 2) * HOUR : now();
  const as = world.as(courier, () => at);
  const reserved = await reserveParcel(as, { siteId: site.id, trackingNumber, size: "S", recipientPhone });
  const { parcel } = confirmDeposit(as, { parcelId: reserved.parcel.id });
  const door = { door: parcel.slot!.label, doorName: doorName(loadDoor(as, parcel.slot!.id)) };

  if (input.kind === "expired") {
    writeTransaction(db, () => expireParcel(world.as({ kind: "system" }), db.select().from(parcels).where(eq(parcels.id, parcel.id)).get()!));
    return { parcelId: parcel.id, siteId: site.id, trackingNumber: parcel.trackingNumber, ...door };
  }
  const stored = db.$client
    .prepare("select pickup_code_cipher as cipher, pickup_code_hash as hash from parcels where id = ?")
    .get(parcel.id) as { cipher: string; hash: string };
  const code = decryptPickupCode(keys, stored.cipher);
  if (input.kind === "lost-code") {
    const otherKeys = keysFromHex(crypto.randomBytes(32).toString("hex"), crypto.randomBytes(32).toString("hex"));
    db.update(parcels).set({ pickupCodeCipher: encryptPickupCode(otherKeys, code) }).where(eq(parcels.id, parcel.id)).run();
    return { parcelId: parcel.id, phoneLast4: recipientPhone.slice(-4), ...door };
  }
  return {
    parcelId: parcel.id,
    code,
    phoneLast4: recipientPhone.slice(-4),
    // What the QR on the recipient's phone holds right now (lib/customer/parcels.ts).
    qr: pickupQrPayload({ siteCode: site.code, token: issuePickupQrToken(keys, { id: parcel.id, pickupCodeHash: stored.hash }, now()) }),
    ...door,
  };
}

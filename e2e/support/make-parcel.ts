/*
 * Test data the browser cannot make, through the same domain verbs the app uses, on the
 * e2e server's own database (SQLite lets both write):
 *   waiting — a parcel in a locker *with its pickup code and QR*, as its recipient's phone shows them;
 *   expired — a parcel whose hold period is over (hold periods are hours long and the e2e
 *             server's clock is the test clock, so it is deposited "a hold period and two
 *             hours ago" by that clock and expired now);
 *   announced — a parcel the carrier announced (pre-advice, as POST /api/v1/parcels/announcements
 *             does), with its size and recipient, waiting for the courier's scan.
 *   lost-code — a waiting parcel whose code was stored under other keys, as after the server's
 *             PICKUP_CODE_ENCRYPTION_KEY was changed: this server cannot read it back.
 *
 *   DATABASE_PATH=… node scripts/run-ts.mjs e2e/support/make-parcel.ts <waiting|expired|announced|lost-code> <site code> <courier email or phone> <tracking> <phone> [size] [recipient name]
 *
 * Prints the parcel as JSON. Run by e2e/support/courier.ts, one fresh parcel per test.
 */
import crypto from "node:crypto";
import { eq, or } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { parcels, sites, users } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { loadUserActor } from "@/lib/auth/accounts";
import type { Actor, Ctx } from "@/lib/context";
import { doorName, SimulatedDoorController } from "@/lib/cabinet/door-controller";
import { loadDoor } from "@/lib/doors/open";
import { appContext } from "@/lib/app-context";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { announceParcel } from "@/lib/parcels/announce";
import { confirmDeposit } from "@/lib/parcels/deposit";
import { reserveParcel } from "@/lib/parcels/reserve";
import { expireParcel } from "@/lib/parcels/sweep";
import { pickupQrPayload } from "@/lib/kiosk/qr-payload";
import { decryptPickupCode, encryptPickupCode, keysFromHex } from "@/lib/pickup-codes/code";
import { issuePickupQrToken } from "@/lib/pickup-codes/qr-token";

const HOUR = 3_600_000;

async function main() {
  const [kind, siteCode, courierEmail, trackingNumber, recipientPhone, size = "S", recipientName] = process.argv.slice(2);
  if (!["waiting", "expired", "announced", "lost-code"].includes(kind) || !siteCode || !courierEmail || !trackingNumber || !recipientPhone) {
    throw new Error("usage: <waiting|expired|announced|lost-code> <site code> <courier email> <tracking> <phone> [size] [name]");
  }
  const config = env();
  // The server migrated it; a second migrator here could only race it.
  const db = openDatabase(config.DATABASE_PATH, { migrate: false });
  try {
    const site = db.select().from(sites).where(eq(sites.code, siteCode)).get();
    const user = db.select().from(users).where(or(eq(users.email, courierEmail), eq(users.phone, courierEmail))).get();
    const courier = user ? loadUserActor(db, user.id) : null;
    if (!site || !courier) throw new Error(`no site ${siteCode} or courier ${courierEmail}`);

    const clock = { now: kind === "expired" ? now() - (site.holdPeriodHours + 2) * HOUR : now() };
    const keys = keysFromHex(config.PICKUP_CODE_HMAC_KEY, config.PICKUP_CODE_ENCRYPTION_KEY);
    const as = <A extends Actor>(actor: A): Ctx<A> => appContext(actor, { db, now: () => clock.now, doors: new SimulatedDoorController(), keys });

    if (kind === "announced") {
      const { parcel } = announceParcel(as(courier), { siteId: site.id, trackingNumber, size, recipientPhone, recipientName });
      console.log(JSON.stringify({ parcelId: parcel.id, siteId: site.id, trackingNumber: parcel.trackingNumber, size: parcel.size }));
      return;
    }
    const reserved = await reserveParcel(as(courier), { siteId: site.id, trackingNumber, size: "S", recipientPhone });
    const { parcel } = confirmDeposit(as(courier), { parcelId: reserved.parcel.id });
    const door = { door: parcel.slot!.label, doorName: doorName(loadDoor(as(courier), parcel.slot!.id)) };
    if (kind === "expired") {
      clock.now = now();
      writeTransaction(db, () => expireParcel(as({ kind: "system" }), db.select().from(parcels).where(eq(parcels.id, parcel.id)).get()!));
      console.log(JSON.stringify({ parcelId: parcel.id, siteId: site.id, trackingNumber: parcel.trackingNumber, ...door }));
      return;
    }
    if (kind === "lost-code") {
      const otherKeys = keysFromHex(crypto.randomBytes(32).toString("hex"), crypto.randomBytes(32).toString("hex"));
      const { cipher } = db.$client.prepare("select pickup_code_cipher as cipher from parcels where id = ?").get(parcel.id) as { cipher: string };
      const code = decryptPickupCode(keys, cipher);
      db.update(parcels).set({ pickupCodeCipher: encryptPickupCode(otherKeys, code) }).where(eq(parcels.id, parcel.id)).run();
      console.log(JSON.stringify({ parcelId: parcel.id, phoneLast4: recipientPhone.slice(-4), ...door }));
      return;
    }
    const stored = db.$client
      .prepare("select pickup_code_cipher as cipher, pickup_code_hash as hash from parcels where id = ?")
      .get(parcel.id) as { cipher: string; hash: string };
    console.log(
      JSON.stringify({
        parcelId: parcel.id,
        code: decryptPickupCode(keys, stored.cipher),
        phoneLast4: recipientPhone.slice(-4),
        // What the QR on the recipient's phone holds right now (lib/customer/parcels.ts).
        qr: pickupQrPayload({ siteCode: site.code, token: issuePickupQrToken(keys, { id: parcel.id, pickupCodeHash: stored.hash }, now()) }),
        ...door,
      }),
    );
  } finally {
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

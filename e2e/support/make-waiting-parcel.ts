/*
 * Test data the browser cannot give: a parcel waiting in a locker *with its pickup code*,
 * as its recipient's phone would show it. Deposited by `courier` through the same domain
 * verbs the app uses, on the e2e server's own database.
 *
 *   DATABASE_PATH=… node scripts/run-ts.mjs e2e/support/make-waiting-parcel.ts <site code> <courier email> <tracking> <phone>
 *
 * Prints { parcelId, code, phoneLast4, door, doorName } as JSON.
 */
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { sites, users } from "@/db/schema";
import { loadUserActor } from "@/lib/auth/accounts";
import type { Ctx, UserActor } from "@/lib/context";
import { doorName, SimulatedDoorController } from "@/lib/doors/door-controller";
import { doorAddress } from "@/lib/doors/open";
import { env } from "@/lib/env";
import { confirmDeposit } from "@/lib/parcels/deposit";
import { reserveParcel } from "@/lib/parcels/reserve";
import { decryptPickupCode, keysFromHex } from "@/lib/pickup-codes/code";

async function main() {
  const [siteCode, courierEmail, trackingNumber, recipientPhone] = process.argv.slice(2);
  if (!siteCode || !courierEmail || !trackingNumber || !recipientPhone) throw new Error("usage: <site code> <courier email> <tracking> <phone>");
  const config = env();
  const db = openDatabase(config.DATABASE_PATH, { migrate: false });
  try {
    const site = db.select().from(sites).where(eq(sites.code, siteCode)).get();
    const user = db.select().from(users).where(eq(users.email, courierEmail)).get();
    const courier = user ? loadUserActor(db, user.id) : null;
    if (!site || !courier) throw new Error(`no site ${siteCode} or courier ${courierEmail}`);
    const keys = keysFromHex(config.PICKUP_CODE_HMAC_KEY, config.PICKUP_CODE_ENCRYPTION_KEY);
    const ctx: Ctx<UserActor> = { db, actor: courier, now: Date.now, doors: new SimulatedDoorController(), keys };
    const reserved = await reserveParcel(ctx, { siteId: site.id, trackingNumber, size: "S", recipientPhone });
    const { parcel } = confirmDeposit(ctx, { parcelId: reserved.parcel.id });
    const cipher = db.$client.prepare("select pickup_code_cipher as cipher from parcels where id = ?").get(parcel.id) as { cipher: string };
    console.log(
      JSON.stringify({
        parcelId: parcel.id,
        code: decryptPickupCode(keys, cipher.cipher),
        phoneLast4: recipientPhone.slice(-4),
        door: parcel.slot!.label,
        doorName: doorName(doorAddress(ctx, parcel.slot!.id)),
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

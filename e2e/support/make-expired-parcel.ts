/*
 * Test data the browser cannot make: a parcel whose hold period is over. Hold periods are
 * hours long and the e2e clock is real, so this deposits a parcel as a courier "a hold
 * period and two hours ago" and lets the system expire it now — through the same domain
 * verbs the app uses, on the e2e server's own database (SQLite lets both write).
 *
 *   DATABASE_PATH=… node scripts/run-ts.mjs e2e/support/make-expired-parcel.ts <site code> <courier email> <tracking> <phone>
 *
 * Prints the parcel as JSON. Run by e2e/support/courier.ts, one fresh parcel per test.
 */
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { parcels, sites, users } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { loadUserActor } from "@/lib/auth/accounts";
import type { Actor, Ctx } from "@/lib/context";
import { SimulatedDoorController } from "@/lib/doors/door-controller";
import { env } from "@/lib/env";
import { confirmDeposit } from "@/lib/parcels/deposit";
import { reserveParcel } from "@/lib/parcels/reserve";
import { expireParcel } from "@/lib/parcels/sweep";
import { keysFromHex } from "@/lib/pickup-codes/code";

const HOUR = 3_600_000;

async function main() {
  const [siteCode, courierEmail, trackingNumber, recipientPhone] = process.argv.slice(2);
  if (!siteCode || !courierEmail || !trackingNumber || !recipientPhone) throw new Error("usage: <site code> <courier email> <tracking> <phone>");
  const config = env();
  // The server migrated it; a second migrator here could only race it.
  const db = openDatabase(config.DATABASE_PATH, { migrate: false });
  try {
    const site = db.select().from(sites).where(eq(sites.code, siteCode)).get();
    const user = db.select().from(users).where(eq(users.email, courierEmail)).get();
    const courier = user ? loadUserActor(db, user.id) : null;
    if (!site || !courier) throw new Error(`no site ${siteCode} or courier ${courierEmail}`);

    const clock = { now: Date.now() - (site.holdPeriodHours + 2) * HOUR };
    const keys = keysFromHex(config.PICKUP_CODE_HMAC_KEY, config.PICKUP_CODE_ENCRYPTION_KEY);
    const as = <A extends Actor>(actor: A): Ctx<A> => ({ db, actor, now: () => clock.now, doors: new SimulatedDoorController(), keys });

    const reserved = await reserveParcel(as(courier), { siteId: site.id, trackingNumber, size: "S", recipientPhone });
    const { parcel } = confirmDeposit(as(courier), { parcelId: reserved.parcel.id });
    clock.now = Date.now();
    writeTransaction(db, () => expireParcel(as({ kind: "system" }), db.select().from(parcels).where(eq(parcels.id, parcel.id)).get()!));
    console.log(JSON.stringify({ parcelId: parcel.id, siteId: site.id, trackingNumber: parcel.trackingNumber, door: parcel.slot!.label }));
  } finally {
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/*
 * An outbound parcel (a return) waiting in a door for the courier's carrier to take away,
 * made through the same verbs the app uses, on the e2e server's own database: the admin
 * lets the courier's carrier take outbound parcels at the site, the courier's carrier sets
 * up a return for a customer, and the site's kiosk takes it in with its drop-off code.
 *
 *   DATABASE_PATH=… node scripts/run-ts.mjs e2e/support/make-outbound.ts <site code> <courier email> <admin email> <order reference> <customer phone> [created]
 *
 * Prints { outboundParcelId, door, orderReference } as JSON. With "created" it stops before
 * the kiosk, as the customer's phone holds it, and prints { outboundParcelId, code, qr }:
 * the drop-off code and what its QR holds.
 */
import { and, eq, or } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { kiosks, outboundParcels, sites, users } from "@/db/schema";
import { loadUserActor } from "@/lib/auth/accounts";
import type { Actor, Ctx } from "@/lib/context";
import { SimulatedDoorController } from "@/lib/cabinet/door-controller";
import { appContext } from "@/lib/app-context";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { createReturn } from "@/lib/outbound/create";
import { confirmDropOff, startDropOff } from "@/lib/outbound/drop-off";
import { setCarrierOutbound } from "@/lib/outbound/settings";
import { issueDropOffQrToken } from "@/lib/outbound/codes";
import { dropOffQrPayload } from "@/lib/outbound/qr";
import { decryptPickupCode, keysFromHex } from "@/lib/pickup-codes/code";

async function main() {
  const [siteCode, courierEmail, adminEmail, orderReference, customerPhone, stage] = process.argv.slice(2);
  if (!siteCode || !courierEmail || !adminEmail || !orderReference || !customerPhone) {
    throw new Error("usage: <site code> <courier email> <admin email> <order reference> <customer phone>");
  }
  const config = env();
  // The server migrated it; a second migrator here could only race it.
  const db = openDatabase(config.DATABASE_PATH, { migrate: false });
  try {
    const site = db.select().from(sites).where(eq(sites.code, siteCode)).get();
    const account = (email: string) => {
      const user = db.select().from(users).where(or(eq(users.email, email), eq(users.phone, email))).get();
      return user ? loadUserActor(db, user.id) : null;
    };
    const courier = account(courierEmail);
    const admin = account(adminEmail);
    const kiosk = site ? db.select().from(kiosks).where(eq(kiosks.siteId, site.id)).get() : undefined;
    if (!site || !courier || courier.kind !== "user" || courier.carrierId == null || !admin || (!kiosk && stage !== "created")) {
      throw new Error(`no site ${siteCode} with a kiosk, courier ${courierEmail} or admin ${adminEmail}`);
    }
    const keys = keysFromHex(config.PICKUP_CODE_HMAC_KEY, config.PICKUP_CODE_ENCRYPTION_KEY);
    const as = <A extends Actor>(actor: A): Ctx<A> => appContext(actor, { db, now, doors: new SimulatedDoorController(), keys });

    setCarrierOutbound(as(admin), { siteId: site.id, carrierId: courier.carrierId, accepts: true });
    const { shipment } = createReturn(as(courier), { siteId: site.id, size: "S", customerPhone, orderReference });
    const stored = db
      .select({ cipher: outboundParcels.dropOffCodeCipher, hash: outboundParcels.dropOffCodeHash, codeExpiresAt: outboundParcels.codeExpiresAt })
      .from(outboundParcels)
      .where(and(eq(outboundParcels.id, shipment.id), eq(outboundParcels.state, "created")))
      .get();
    if (stage === "created") {
      const token = issueDropOffQrToken(keys, { id: shipment.id, dropOffCodeHash: stored!.hash!, codeExpiresAt: stored!.codeExpiresAt });
      console.log(JSON.stringify({ outboundParcelId: shipment.id, code: decryptPickupCode(keys, stored!.cipher!), qr: dropOffQrPayload(site.code, token) }));
      return;
    }
    const atKiosk = as({ kind: "kiosk", kioskId: kiosk!.id, siteId: site.id });
    const door = await startDropOff(atKiosk, { code: decryptPickupCode(keys, stored!.cipher!), phoneLast4: customerPhone.slice(-4) });
    confirmDropOff(atKiosk, { outboundParcelId: door.outboundParcelId });
    console.log(JSON.stringify({ outboundParcelId: door.outboundParcelId, door: door.slotLabel, orderReference }));
  } finally {
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

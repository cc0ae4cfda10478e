import { and, eq } from "drizzle-orm";
import { kiosks, outboundParcels } from "@/db/schema";
import { issueDropOffQrToken } from "@/lib/outbound/codes";
import { createReturn } from "@/lib/outbound/create";
import { confirmDropOff, startDropOff } from "@/lib/outbound/drop-off";
import { dropOffQrPayload } from "@/lib/outbound/qr";
import { setCarrierOutbound } from "@/lib/outbound/settings";
import { decryptPickupCode } from "@/lib/pickup-codes/code";
import type { World } from "./world";

/*
 * A return of the courier's carrier, through the verbs the app uses: the admin lets the
 * carrier take outbound parcels at the site, the carrier sets up a return for a customer,
 * and (for a dropped-off one) the site's kiosk takes it in with its drop-off code.
 */

export type MakeReturn = {
  siteCode: string;
  /** The courier's email or phone. */
  courier: string;
  admin: string;
  orderReference: string;
  customerPhone: string;
};

function createdReturn(world: World, input: MakeReturn) {
  const site = world.site(input.siteCode);
  const courier = world.account(input.courier);
  if (courier.carrierId == null) throw new Error(`${input.courier} is not a courier`);
  setCarrierOutbound(world.as(world.account(input.admin)), { siteId: site.id, carrierId: courier.carrierId, accepts: true });
  const { shipment } = createReturn(world.as(courier), {
    siteId: site.id,
    size: "S",
    customerPhone: input.customerPhone,
    orderReference: input.orderReference,
  });
  const stored = world.db
    .select({ cipher: outboundParcels.dropOffCodeCipher, hash: outboundParcels.dropOffCodeHash, codeExpiresAt: outboundParcels.codeExpiresAt })
    .from(outboundParcels)
    .where(and(eq(outboundParcels.id, shipment.id), eq(outboundParcels.state, "created")))
    .get()!;
  return { site, shipment, stored, code: decryptPickupCode(world.keys, stored.cipher!) };
}

/** A return as the customer's phone holds it, before the kiosk: its drop-off code and what its QR holds. */
export function returnToDropOff(world: World, input: MakeReturn) {
  const { site, shipment, stored, code } = createdReturn(world, input);
  const token = issueDropOffQrToken(world.keys, { id: shipment.id, dropOffCodeHash: stored.hash!, codeExpiresAt: stored.codeExpiresAt });
  return { outboundParcelId: shipment.id, code, qr: dropOffQrPayload(site.code, token) };
}

/** A return the site's kiosk took in with its drop-off code, waiting in a door for the carrier. */
export async function droppedOffReturn(world: World, input: MakeReturn) {
  const { site, code } = createdReturn(world, input);
  const kiosk = world.db.select().from(kiosks).where(eq(kiosks.siteId, site.id)).get();
  if (!kiosk) throw new Error(`site ${input.siteCode} has no kiosk`);
  const atKiosk = world.as({ kind: "kiosk", kioskId: kiosk.id, siteId: site.id });
  const door = await startDropOff(atKiosk, { code, phoneLast4: input.customerPhone.slice(-4) });
  confirmDropOff(atKiosk, { outboundParcelId: door.outboundParcelId });
  return { outboundParcelId: door.outboundParcelId, door: door.slotLabel, orderReference: input.orderReference };
}

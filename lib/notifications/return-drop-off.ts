import "server-only";
import { sql } from "drizzle-orm";
import type { Ctx } from "@/lib/context";
import { formatDateTime } from "@/lib/format";
import { decryptPickupCode } from "@/lib/pickup-codes/code";

/** The text a return's drop-off code goes out in, rendered at send time (the outbox holds only the shipment's id). */
export function renderReturnDropOffCode(
  ctx: Ctx,
  payload: string,
  brand: string,
): { action: "send"; message: { subject: string; text: string } } | { action: "skip"; reason: string } {
  const { outboundParcelId } = JSON.parse(payload) as { outboundParcelId?: number };
  if (typeof outboundParcelId !== "number") throw new Error("return message names no shipment");
  const row = ctx.db.get<{ state: string; cipher: string | null; codeExpiresAt: number; orderReference: string; carrierName: string; siteName: string; siteAddress: string; size: string }>(sql`
    select o.state, o.drop_off_code_cipher as cipher, o.code_expires_at as codeExpiresAt, o.order_reference as orderReference,
           c.name as carrierName, s.name as siteName, s.address as siteAddress, o.size
    from outbound_parcels o join carriers c on c.id = o.carrier_id join sites s on s.id = o.site_id
    where o.id = ${outboundParcelId}`);
  if (!row) throw new Error(`return message: shipment ${outboundParcelId} not found`);
  if (row.state !== "created" || !row.cipher || row.codeExpiresAt <= ctx.now()) return { action: "skip", reason: `return is ${row.state}` };
  const code = decryptPickupCode(ctx.keys, row.cipher);
  return {
    action: "send",
    message: {
      subject: `Your return ${row.orderReference}: drop-off code`,
      text:
        `[${brand}] Your return of order ${row.orderReference} (${row.carrierName}) is ready. At ${row.siteName}, ${row.siteAddress}, ` +
        `tap "Send a parcel" on the locker's screen and enter drop-off code ${code} with the last 4 digits of your phone. ` +
        `A size ${row.size} door opens. Valid until ${formatDateTime(row.codeExpiresAt)}.`,
    },
  };
}

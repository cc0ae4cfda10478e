import "server-only";
import { sql } from "drizzle-orm";
import type { notifications } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { formatAt } from "@/lib/format";
import { recipientLocale } from "@/lib/i18n/preferences";
import { translator } from "@/lib/i18n/translate";
import { decryptPickupCode } from "@/lib/pickup-codes/code";

/**
 * The text a return's drop-off code goes out in, rendered at send time (the outbox holds
 * only the shipment's id), in the customer's language and the station's time zone.
 */
export function renderReturnDropOffCode(
  ctx: Ctx,
  notification: typeof notifications.$inferSelect,
): { action: "send"; message: { subject: string; text: string } } | { action: "skip"; reason: string } {
  const { outboundParcelId } = JSON.parse(notification.payload) as { outboundParcelId?: number };
  if (typeof outboundParcelId !== "number") throw new Error("return message names no shipment");
  const row = ctx.db.get<{
    state: string;
    cipher: string | null;
    codeExpiresAt: number;
    orderReference: string;
    carrierName: string;
    siteId: number;
    siteName: string;
    siteAddress: string;
    timeZone: string;
    senderPhone: string;
    size: string;
  }>(sql`
    select o.state, o.drop_off_code_cipher as cipher, o.code_expires_at as codeExpiresAt, o.order_reference as orderReference,
           c.name as carrierName, s.id as siteId, s.name as siteName, s.address as siteAddress, s.time_zone as timeZone,
           o.sender_phone as senderPhone, o.size
    from outbound_parcels o join carriers c on c.id = o.carrier_id join sites s on s.id = o.site_id
    where o.id = ${outboundParcelId}`);
  if (!row) throw new Error(`return message: shipment ${outboundParcelId} not found`);
  if (row.state !== "created" || !row.cipher || row.codeExpiresAt <= ctx.now()) return { action: "skip", reason: `return is ${row.state}` };
  const locale = recipientLocale(ctx.db, { userId: notification.userId, phone: row.senderPhone, siteId: row.siteId });
  const t = translator(locale) as (key: string, params?: Record<string, string | number>) => string;
  const words = {
    brand: t("common.brand"),
    order: row.orderReference,
    carrier: row.carrierName,
    site: row.siteName,
    address: row.siteAddress,
    code: decryptPickupCode(ctx.keys, row.cipher),
    size: row.size,
    until: formatAt(row.codeExpiresAt, { locale, timeZone: row.timeZone }),
  };
  return { action: "send", message: { subject: t("notifications.returnSubject", words), text: t("notifications.returnText", words) } };
}

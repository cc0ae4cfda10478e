import "server-only";
import { sql } from "drizzle-orm";
import type { notifications } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { formatAt } from "@/lib/format";
import { recipientLocale } from "@/lib/i18n/preferences";
import { translator } from "@/lib/i18n/translate";
import { decryptPickupCode } from "@/lib/pickup-codes/code";
import { trustedAsker } from "./trusted-asker";
import { env } from "@/lib/env";
import { issueSignedToken } from "@/lib/pickup-codes/signed-token";

const DAY = 86_400_000;

/** The trusted person's "I can't collect it" link (lib/trusted/decline-link.ts): good until a day past the deadline. */
export function trustedDeclinePath(ctx: Ctx, pickup: { id: number; phone: string }, parcelExpiresAt: number): string {
  return `/trusted/${issueSignedToken(ctx.keys, "trusted-decline-v1", { id: pickup.id, expiresAt: parcelExpiresAt + DAY, bound: pickup.phone })}`;
}

/**
 * The text that gives a trusted person (代收人) their own pickup code, rendered at send time
 * (the outbox holds only the trusted pickup's id) in the trusted person's language — their
 * account's choice, else the site's default — with the deadline in the site's time zone.
 * Nothing is sent once the code no longer works (revoked, used, or the parcel left).
 */
export function renderTrustedPickupCode(
  ctx: Ctx,
  notification: typeof notifications.$inferSelect,
): { action: "send"; message: { subject: string; text: string } } | { action: "skip"; reason: string } {
  const { trustedPickupId } = JSON.parse(notification.payload) as { trustedPickupId?: number };
  if (typeof trustedPickupId !== "number") throw new Error(`message ${notification.id} names no trusted pickup`);
  const row = ctx.db.get<{
    status: string;
    cipher: string | null;
    phone: string;
    state: string;
    expiresAt: number | null;
    recipientName: string | null;
    recipientPhone: string;
    trackingNumber: string;
    carrierName: string;
    siteId: number;
    siteName: string;
    siteAddress: string;
    openingHours: string;
    timeZone: string;
    slotLabel: string | null;
    askedBy: number | null;
  }>(sql`
    select t.status, t.code_cipher as cipher, t.phone, p.state, p.expires_at as expiresAt,
           p.recipient_name as recipientName, p.recipient_phone as recipientPhone, p.tracking_number as trackingNumber,
           c.name as carrierName, s.id as siteId, s.name as siteName, s.address as siteAddress,
           s.opening_hours as openingHours, s.time_zone as timeZone, sl.label as slotLabel, t.created_by_user_id as askedBy
    from trusted_pickups t
    join parcels p on p.id = t.parcel_id
    join carriers c on c.id = p.carrier_id
    join sites s on s.id = p.site_id
    left join slots sl on sl.id = p.slot_id
    where t.id = ${trustedPickupId}`);
  if (!row) throw new Error(`message ${notification.id}: trusted pickup ${trustedPickupId} not found`);
  if (row.status !== "active" || row.state !== "deposited") return { action: "skip", reason: `trusted code is ${row.status}, parcel ${row.state}` };
  if (!row.cipher || row.expiresAt == null) throw new Error(`trusted pickup ${trustedPickupId} has no code`);
  const locale = recipientLocale(ctx.db, { userId: notification.userId, phone: row.phone, siteId: row.siteId });
  const t = translator(locale) as (key: string, params?: Record<string, string | number>) => string;
  const words = {
    brand: t("common.brand"),
    recipient: trustedAsker(ctx, row, row.askedBy),
    carrier: row.carrierName,
    tracking: row.trackingNumber,
    site: row.siteName,
    address: row.siteAddress,
    hours: row.openingHours,
    door: row.slotLabel ?? "",
    code: decryptPickupCode(ctx.keys, row.cipher),
    deadline: formatAt(row.expiresAt, { locale, timeZone: row.timeZone }),
    link: `${env().PUBLIC_URL}${trustedDeclinePath(ctx, { id: trustedPickupId, phone: row.phone }, row.expiresAt)}`,
  };
  return { action: "send", message: { subject: t("trusted.smsSubject", words), text: t("trusted.sms", words) } };
}

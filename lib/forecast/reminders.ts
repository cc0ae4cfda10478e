import "server-only";
import type { Ctx } from "@/lib/context";
import { queueParcelMessage } from "@/lib/notifications/outbox";
import type { SiteForecast } from "./model";
import { crunchesOf } from "./warnings";
import { zoneClock } from "./zone-clock";

/*
 * When a door size is forecast full within the day, the recipients whose parcels have
 * waited longest in doors of that size are asked, politely, to collect today: each
 * collection frees a door before the crunch. At most one such message per parcel (a
 * partial unique index on the outbox holds that), never in the site's quiet hours
 * (22:00–08:00 on its clock: the next round after 08:00 sends them if the crunch is still
 * coming), and only parcels that have waited a while — a parcel deposited an hour ago has
 * its pickup notice fresh in mind.
 */

const HOUR = 3_600_000;
export const QUIET_HOURS = { from: 22, until: 8 } as const;
/** A crunch this far ahead is worth asking about today. */
export const CRUNCH_LOOKAHEAD_HOURS = 24;
/** Only parcels that have waited at least this long are asked about. */
export const REMINDER_MIN_WAIT_MS = 12 * HOUR;
/** Ask about the longest-waiting tenth of the size's doors (at least one). */
const SHARE_OF_DOORS = 0.1;

const CANDIDATES = `select p.id, p.recipient_phone as recipientPhone, p.recipient_email as recipientEmail
  from parcels p join slots sl on sl.id = p.slot_id
  where p.site_id = ? and p.state = 'deposited' and sl.size = ? and p.deposited_at <= ?
    and not exists (select 1 from notifications n where n.parcel_id = p.id and n.kind = 'crunch_reminder')
  order by p.deposited_at, p.id limit ?`;

/** Whether `at` falls in the quiet hours of `timeZone`. */
export function inQuietHours(timeZone: string, at: number): boolean {
  const hour = zoneClock(timeZone).hour(at);
  return hour >= QUIET_HOURS.from || hour < QUIET_HOURS.until;
}

/** Queues the reminders `forecast` calls for at `siteId`; call inside the transaction that stores it. */
export function queueCrunchReminders(ctx: Ctx, siteId: number, forecast: SiteForecast): number {
  const now = ctx.now();
  if (inQuietHours(forecast.timeZone, now)) return 0;
  const crunched = new Set(crunchesOf(forecast, CRUNCH_LOOKAHEAD_HOURS).map((crunch) => crunch.size));
  let queued = 0;
  for (const size of forecast.sizes) {
    if (!crunched.has(size.size)) continue;
    const limit = Math.max(1, Math.ceil(size.capacity * SHARE_OF_DOORS));
    const parcels = ctx.db.$client.prepare(CANDIDATES).all(siteId, size.size, now - REMINDER_MIN_WAIT_MS, limit) as {
      id: number;
      recipientPhone: string;
      recipientEmail: string | null;
    }[];
    for (const parcel of parcels) queueParcelMessage(ctx, parcel, "crunch_reminder");
    queued += parcels.length;
  }
  return queued;
}



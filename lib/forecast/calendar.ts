import "server-only";
import { and, asc, eq, gte, sql } from "drizzle-orm";
import type { CalendarDayKind } from "@/db/enums";
import { forecastCalendarDays, sites } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { loadOrganizationSite } from "@/lib/auth/organization-scope";
import { requireAdmin } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { DomainError, field } from "@/lib/errors";
import { dayKey, DEFAULT_TIME_ZONE, parseDayKey, prevailingTimeZone } from "@/lib/time";
import { parseInput } from "@/lib/validation";
import { MarkCalendarInput, UnmarkCalendarInput } from "./schemas";

/*
 * The forecast's calendar: days an admin knows will be busier than their weekday. A mark
 * for the whole organization applies to each of its sites; a site's own mark wins on the
 * same day (lib/forecast/load.ts). Marking a day already marked for that place changes
 * its kind, so a repeated form post is harmless.
 */

export type CalendarMark = { id: number; day: string; kind: CalendarDayKind; siteId: number | null; siteName: string | null };

/**
 * Marks `days` days from `day` as sales days or term start, for one site of the admin's
 * organization or all of them. Admins only. Raises INVALID (not a real date, or in the
 * past) and NOT_FOUND (a site not of the organization).
 */
export function markCalendarDays(ctx: Ctx, raw: unknown): { marked: number; first: string; last: string } {
  const admin = requireAdmin(ctx);
  const input = parseInput(MarkCalendarInput, raw);
  const siteId = input.place === "all" ? null : loadOrganizationSite(ctx, admin, input.place).id;
  // The date is read as a calendar date; which zone does not change which dates follow it.
  if (parseDayKey(DEFAULT_TIME_ZONE, input.day) === null) {
    throw new DomainError("INVALID", "calendarNotADate", { fields: { day: [field("calendarNotADate")] } });
  }
  const today = dayKey(organizationZone(ctx, admin.organizationId), ctx.now());
  if (input.day < today) {
    throw new DomainError("INVALID", "calendarPastDay", { fields: { day: [field("calendarPastDay")] } });
  }
  const keys = Array.from({ length: input.days }, (_, i) => new Date(Date.parse(`${input.day}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));
  writeTransaction(ctx.db, () => {
    for (const day of keys) {
      const values = { organizationId: admin.organizationId, siteId, day, kind: input.kind, createdBy: admin.userId, createdAt: ctx.now() };
      ctx.db
        .insert(forecastCalendarDays)
        .values(values)
        .onConflictDoUpdate({
          target: siteId === null ? [forecastCalendarDays.organizationId, forecastCalendarDays.day] : [forecastCalendarDays.siteId, forecastCalendarDays.day],
          targetWhere: siteId === null ? sql`site_id is null` : sql`site_id is not null`,
          set: { kind: input.kind, createdBy: admin.userId, createdAt: ctx.now() },
        })
        .run();
    }
  });
  return { marked: keys.length, first: keys[0], last: keys[keys.length - 1] };
}

/** Removes one mark of the admin's organization. Admins only; NOT_FOUND for another's. */
export function unmarkCalendarDay(ctx: Ctx, raw: unknown): { day: string } {
  const admin = requireAdmin(ctx);
  const input = parseInput(UnmarkCalendarInput, raw);
  const removed = ctx.db
    .delete(forecastCalendarDays)
    .where(and(eq(forecastCalendarDays.id, input.markId), eq(forecastCalendarDays.organizationId, admin.organizationId)))
    .returning({ day: forecastCalendarDays.day })
    .get();
  if (!removed) throw new DomainError("NOT_FOUND", "calendarDayNotFound");
  return removed;
}

/** The organization's marks from today on, earliest first. Admins only. */
export function upcomingCalendarMarks(ctx: Ctx): CalendarMark[] {
  const admin = requireAdmin(ctx);
  const today = dayKey(organizationZone(ctx, admin.organizationId), ctx.now());
  return ctx.db
    .select({ id: forecastCalendarDays.id, day: forecastCalendarDays.day, kind: forecastCalendarDays.kind, siteId: forecastCalendarDays.siteId, siteName: sites.name })
    .from(forecastCalendarDays)
    .leftJoin(sites, eq(sites.id, forecastCalendarDays.siteId))
    .where(and(eq(forecastCalendarDays.organizationId, admin.organizationId), gte(forecastCalendarDays.day, today)))
    .orderBy(asc(forecastCalendarDays.day), asc(sites.name))
    .all();
}

function organizationZone(ctx: Ctx, organizationId: number): string {
  const zones = ctx.db.select({ zone: sites.timeZone }).from(sites).where(eq(sites.organizationId, organizationId)).all();
  return prevailingTimeZone(zones.map((z) => z.zone));
}

/** The organization's sites for the calendar's choice, and today's date. Admins only. */
export function organizationSites(ctx: Ctx): { sites: { id: number; name: string }[]; today: string } {
  const admin = requireAdmin(ctx);
  const rows = ctx.db
    .select({ id: sites.id, name: sites.name })
    .from(sites)
    .where(eq(sites.organizationId, admin.organizationId))
    .orderBy(asc(sites.name))
    .all();
  return { sites: rows, today: dayKey(organizationZone(ctx, admin.organizationId), ctx.now()) };
}

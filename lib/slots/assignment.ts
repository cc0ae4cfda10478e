import "server-only";
import { sql } from "drizzle-orm";
import { SIZES, type SlotSize } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import type { Door } from "@/lib/doors/open";
import { distanceKm } from "@/lib/distance";
import { CABINET_ONLINE_SQL } from "@/lib/cabinet/presence-sql";
import { doorHeldSql } from "@/db/occupancy";
import { REACH_BAND_MM } from "@/lib/slots/reach";

/**
 * A free door, its address read with it: the assignment returns it once, and the deposit
 * carries it. `withinReach`: the recipient asked for doors within reach, and this is one.
 */
export type FreeSlot = Door & { lockerId: number; sizeRank: number; withinReach: boolean };

/**
 * Best fit (docs/decisions/0002-slot-assignment.md): the smallest size of at least
 * `minRank` with a free, in-service door; among those the easiest to reach, then a stable
 * order. Runs inside the caller's write transaction, so the answer is still true when the
 * caller writes it. A cabinet that is offline (lib/fleet/presence.ts) gets no parcel: its
 * doors could not be opened, and a courier would walk there for nothing.
 *
 * A recipient who asked for doors within reach (`reach_needs`, by phone) gets only doors whose
 * bottom edge lies in the reach band (lib/slots/reach.ts); the band is part of the WHERE, so
 * no caller can forget it, and for everyone else it costs one lookup of an absent key in the
 * same statement. `recipientPhone` is null where nobody receives (a drop-off).
 */
export function findFreeSlot(ctx: Ctx, siteId: number, minRank: number, recipientPhone: string | null): FreeSlot | undefined {
  const query = ctx.doors.hearsCabinets ? BEST_FIT_HEARD_CABINETS : FREE_SLOT_QUERY["best-fit"];
  const row = ctx.db.$client.prepare(query).get({ siteId, minRank, now: ctx.now(), phone: recipientPhone }) as
    | (Omit<FreeSlot, "withinReach"> & { withinReach: 0 | 1 })
    | undefined;
  return row && { ...row, withinReach: row.withinReach === 1 };
}

/** Whether this recipient asked for doors within reach. Read only off the hot path (to word a refusal). */
export function needsDoorWithinReach(ctx: Ctx, recipientPhone: string): boolean {
  return ctx.db.$client.prepare("select 1 from reach_needs where phone = ?").get(recipientPhone) !== undefined;
}

const NEEDS_REACH_SQL = "exists (select 1 from reach_needs r where r.phone = :phone)";

// The whole of the slots_assignment index (the locker's code is copied onto its doors), so
// SQLite walks the site's doors in this order and stops at the first free one. Ordered by
// lockers.code, another table, it tested every door of the smallest fitting size and sorted them.
const BEST_FIT_ORDER = "s.size_rank, s.reach, s.locker_code, s.row, s.column";

// Plain SQL text, so the statement is compiled once per connection (db/client.ts caches
// statements by their text) and no query is built per deposit.
const freeSlotQuery = (order: string, hearsCabinets = false) => `
  select s.id as slotId, s.site_id as siteId, s.locker_id as lockerId, l.code as lockerCode,
         l.controller_id as controllerId, s.label as slotLabel, s.row, s.column, s.size, s.size_rank as sizeRank,
         ${NEEDS_REACH_SQL} as withinReach
  from slots s join lockers l on l.id = s.locker_id
  where s.site_id = :siteId and s.in_service = 1 and s.size_rank >= :minRank
    and (s.bottom_mm between ${REACH_BAND_MM.low} and ${REACH_BAND_MM.high} or not ${NEEDS_REACH_SQL})
    and not ${doorHeldSql("s.id")}
    and ${CABINET_ONLINE_SQL("l.controller_id", ":now", hearsCabinets)}
  order by ${order}
  limit 1`;
/** The statement text of each policy; the assignment benchmark swaps one for the other. */
export const FREE_SLOT_QUERY: Record<AssignmentPolicy, string> = {
  "best-fit": freeSlotQuery(BEST_FIT_ORDER),
  "first-fit": freeSlotQuery("l.code, s.column, s.row"),
};
const BEST_FIT_HEARD_CABINETS = freeSlotQuery(BEST_FIT_ORDER, true);

/**
 * "best-fit" is the network's policy. "first-fit" (the lowest-numbered door that fits,
 * whatever its size) exists as the baseline the assignment benchmark compares against.
 */
export type AssignmentPolicy = "best-fit" | "first-fit";

export type FreeCounts = Record<SlotSize, number>;

function emptyCounts(): FreeCounts {
  return { S: 0, M: 0, L: 0, XL: 0 };
}

/**
 * Free, in-service doors per size for each site, offline cabinets left out (assignment skips
 * them). `withinReach`: count only doors whose floor lies in the reach band (lib/slots/reach.ts).
 */
export function freeSlotsBySite(ctx: Ctx, siteIds: number[], { withinReach = false }: { withinReach?: boolean } = {}): Map<number, FreeCounts> {
  const result = new Map<number, FreeCounts>(siteIds.map((id) => [id, emptyCounts()]));
  if (siteIds.length === 0) return result;
  const rows = ctx.db.all<{ siteId: number; size: SlotSize; free: number }>(sql`
    select s.site_id as siteId, s.size, count(*) as free
    from slots s join lockers l on l.id = s.locker_id
    where s.site_id in (${sql.join(siteIds, sql`, `)}) and s.in_service = 1
      and ${withinReach ? sql.raw(`s.bottom_mm between ${REACH_BAND_MM.low} and ${REACH_BAND_MM.high}`) : sql`1`}
      and not ${sql.raw(doorHeldSql("s.id"))}
      and ${sql.raw(CABINET_ONLINE_SQL("l.controller_id", String(Math.trunc(ctx.now())), ctx.doors.hearsCabinets === true))}
    group by s.site_id, s.size`);
  for (const row of rows) result.get(row.siteId)![row.size] = row.free;
  return result;
}

function freeAtLeast(counts: FreeCounts, minRank: number): number {
  return SIZES.slice(minRank - 1).reduce((sum, size) => sum + counts[size], 0);
}

export type AlternativeSite = {
  siteId: number;
  code: string;
  name: string;
  address: string;
  distanceKm: number;
  free: FreeCounts;
};

/**
 * The nearest open sites of the same organization with a free door of at least `minRank`;
 * `withinReach`: a free door in the reach band, and `free` counts only such doors (for a
 * recipient who asked for doors within reach, NO_DOOR_WITHIN_REACH).
 */
export function nearestSitesWithRoom(ctx: Ctx, siteId: number, minRank: number, { limit = 3, withinReach = false }: { limit?: number; withinReach?: boolean } = {}): AlternativeSite[] {
  const origin = ctx.db.get<{ organizationId: number; latitude: number; longitude: number }>(sql`
    select organization_id as organizationId, latitude, longitude from sites where id = ${siteId}`);
  if (!origin) return [];
  const candidates = ctx.db.all<{ id: number; code: string; name: string; address: string; latitude: number; longitude: number }>(sql`
    select id, code, name, address, latitude, longitude from sites
    where organization_id = ${origin.organizationId} and id <> ${siteId} and status = 'open'`);
  const free = freeSlotsBySite(ctx, candidates.map((c) => c.id), { withinReach });
  return candidates
    .map((c) => ({
      siteId: c.id,
      code: c.code,
      name: c.name,
      address: c.address,
      distanceKm: Math.round(distanceKm(origin, c) * 100) / 100,
      free: free.get(c.id)!,
    }))
    .filter((c) => freeAtLeast(c.free, minRank) > 0)
    .sort((a, b) => a.distanceKm - b.distanceKm || a.siteId - b.siteId)
    .slice(0, limit);
}

import "server-only";
import { sql } from "drizzle-orm";
import type { Ctx } from "@/lib/context";
import { DEFAULT_HEARTBEAT_MS, MISSED_HEARTBEATS } from "@/lib/cabinet/presence-sql";

/*
 * Whether each cabinet is reachable, as the server last heard it: the agent's retained
 * status (its last will says "offline" the moment its link drops) and its heartbeats. The
 * assignment reads the same rows (presence-sql.ts), so a cabinet shown offline is one that
 * gets no parcels.
 */

const UPSERT = `
  insert into cabinet_presence (controller_id, status, session, last_seen_at, heartbeat_interval_ms, changed_at)
  values (:controllerId, :status, :session, :at, :intervalMs, :at)
  on conflict (controller_id) do update set
    changed_at = case when cabinet_presence.status <> excluded.status then excluded.changed_at else cabinet_presence.changed_at end,
    status = excluded.status,
    session = coalesce(excluded.session, cabinet_presence.session),
    last_seen_at = case when excluded.status = 'online' then excluded.last_seen_at else cabinet_presence.last_seen_at end,
    heartbeat_interval_ms = coalesce(excluded.heartbeat_interval_ms, cabinet_presence.heartbeat_interval_ms)`;

/** The agent's retained status or last will; the controller has already dropped a stale will. */
export function recordCabinetStatus(ctx: Ctx, controllerId: string, status: "online" | "offline", session: string): void {
  ctx.db.$client.prepare(UPSERT).run({ controllerId, status, session, at: ctx.now(), intervalMs: null });
}

/** A heartbeat: the cabinet is there now. */
export function recordHeartbeat(ctx: Ctx, controllerId: string, intervalMs: number): void {
  ctx.db.$client.prepare(UPSERT).run({ controllerId, status: "online", session: null, at: ctx.now(), intervalMs });
}

export type CabinetConnection = "online" | "offline" | "never";

export type CabinetPresence = {
  siteId: number;
  lockerId: number;
  lockerCode: string;
  controllerId: string;
  connection: CabinetConnection;
  /** When anything was last heard from it; null if never. */
  lastSeenAt: number | null;
  /** Since when it is offline, by its will or by the heartbeats it missed. */
  offlineSince: number | null;
};

type Row = {
  siteId: number;
  lockerId: number;
  lockerCode: string;
  controllerId: string;
  status: "online" | "offline" | null;
  lastSeenAt: number | null;
  intervalMs: number | null;
  changedAt: number | null;
};

/**
 * The cabinets of these sites and how each is connected; none with the simulated
 * controller, which has no link to show. No authorization: callers pass only sites their
 * reader may see (the dashboard's organization, a courier's sites).
 */
export function cabinetPresence(ctx: Ctx, siteIds: number[]): CabinetPresence[] {
  if (siteIds.length === 0 || !ctx.doors.hearsCabinets) return [];
  const rows = ctx.db.all<Row>(sql`
    select l.site_id as siteId, l.id as lockerId, l.code as lockerCode, l.controller_id as controllerId,
           cp.status, cp.last_seen_at as lastSeenAt, cp.heartbeat_interval_ms as intervalMs, cp.changed_at as changedAt
    from lockers l left join cabinet_presence cp on cp.controller_id = l.controller_id
    where l.site_id in (${sql.join(siteIds, sql`, `)}) and l.retired_at is null
    order by l.site_id, l.code`);
  const now = ctx.now();
  return rows.map((row) => {
    const base = { siteId: row.siteId, lockerId: row.lockerId, lockerCode: row.lockerCode, controllerId: row.controllerId, lastSeenAt: row.lastSeenAt };
    if (row.status === null) return { ...base, connection: "never" as const, offlineSince: null };
    const silentAfter = row.lastSeenAt! + MISSED_HEARTBEATS * (row.intervalMs ?? DEFAULT_HEARTBEAT_MS);
    if (row.status === "offline") return { ...base, connection: "offline" as const, offlineSince: row.changedAt };
    if (now > silentAfter) return { ...base, connection: "offline" as const, offlineSince: silentAfter };
    return { ...base, connection: "online" as const, offlineSince: null };
  });
}

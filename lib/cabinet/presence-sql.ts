import "server-only";

/** A cabinet silent for this many heartbeat intervals is offline, as lib/cabinet/mqtt-door-controller.ts decides too. */
export const MISSED_HEARTBEATS = 3;
/** The interval assumed for a cabinet that has not said its own yet. */
export const DEFAULT_HEARTBEAT_MS = 10_000;

/**
 * SQL that is true unless the cabinet of `controllerColumn` is known to be offline at
 * `nowExpression` (a placeholder or a number): its retained status said offline, or it
 * has been silent for MISSED_HEARTBEATS intervals. A cabinet never heard from (the
 * simulated controller's) counts as online: absence of news is not an outage.
 */
export function CABINET_ONLINE_SQL(controllerColumn: string, nowExpression: string): string {
  return `not exists (select 1 from cabinet_presence cp where cp.controller_id = ${controllerColumn}
    and (cp.status = 'offline' or cp.last_seen_at < ${nowExpression} - ${MISSED_HEARTBEATS} * coalesce(cp.heartbeat_interval_ms, ${DEFAULT_HEARTBEAT_MS})))`;
}

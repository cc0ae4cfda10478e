import "server-only";

/** A cabinet silent for this many heartbeat intervals is offline, as lib/cabinet/mqtt-door-controller.ts decides too. */
export const MISSED_HEARTBEATS = 3;
/** The interval assumed for a cabinet that has not said its own yet. */
export const DEFAULT_HEARTBEAT_MS = 10_000;

/** SQL true when the presence row `cp` says its cabinet is online at `nowExpression` (a placeholder or a number). */
export function ONLINE_ROW_SQL(nowExpression: string): string {
  return `(cp.status = 'online' and cp.last_seen_at >= ${nowExpression} - ${MISSED_HEARTBEATS} * coalesce(cp.heartbeat_interval_ms, ${DEFAULT_HEARTBEAT_MS}))`;
}

/**
 * SQL true when the cabinet of `controllerColumn` may be given a parcel at `nowExpression`:
 * not offline (its retained status said so, or it has been silent for MISSED_HEARTBEATS
 * intervals). A cabinet never heard from counts as online only when the controller does not
 * hear cabinets at all (`hearsCabinets` false: the simulated controller).
 */
export function CABINET_ONLINE_SQL(controllerColumn: string, nowExpression: string, hearsCabinets: boolean): string {
  const row = `select 1 from cabinet_presence cp where cp.controller_id = ${controllerColumn}`;
  return hearsCabinets
    ? `exists (${row} and ${ONLINE_ROW_SQL(nowExpression)})`
    : `not exists (${row} and not ${ONLINE_ROW_SQL(nowExpression)})`;
}

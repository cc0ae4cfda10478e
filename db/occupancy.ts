import { LIVE_STATES_SQL, OUTBOUND_LIVE_STATES_SQL } from "./enums";

/**
 * SQL text that is true when the door `slot` (an SQL expression naming a slot id) holds a
 * live parcel of either direction (decision 0013). Plain text, so statements built from it
 * are still compiled once per connection; both halves use their table's partial unique index.
 */
export function doorHeldSql(slot: string): string {
  return `(exists (select 1 from parcels p where p.slot_id = ${slot} and p.state in ${LIVE_STATES_SQL})
    or exists (select 1 from outbound_parcels o where o.slot_id = ${slot} and o.state in ${OUTBOUND_LIVE_STATES_SQL}))`;
}

/**
 * Left joins naming what holds each door `s` of a query: `p`, its live parcel, and `o`, its
 * live outbound parcel (at most one of the two, decision 0013). For the admin's counts and
 * grids, which must not show a door holding a customer's parcel to send as free.
 */
export const DOOR_HOLDERS_JOIN = `left join parcels p on p.slot_id = s.id and p.state in ${LIVE_STATES_SQL}
    left join outbound_parcels o on o.slot_id = s.id and o.state in ${OUTBOUND_LIVE_STATES_SQL}`;

/**
 * What holds the door, in a parcel's states: an outbound parcel whose door is open for its
 * drop-off holds it as "reserved" does, one dropped off as "deposited" does; null when free.
 */
export const HELD_STATE_SQL = `coalesce(p.state, case o.state when 'dropping_off' then 'reserved' when 'dropped_off' then 'deposited' end)`;

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

import "server-only";
import { LIVE_STATES_SQL, outboundParcels, parcels, type DoorEventKind } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { and, eq } from "drizzle-orm";
import type { Ctx } from "@/lib/context";
import { recordDoorEvent } from "@/lib/doors/events";
import { depositOnDoorClosed } from "@/lib/parcels/deposit";
import { returnOnDoorClosed } from "@/lib/parcels/take-back";
import { dropOffOnDoorClosed } from "@/lib/outbound/drop-off";
import type { CabinetListener } from "@/lib/cabinet/mqtt-door-controller";
import { recordCabinetStatus, recordHeartbeat } from "./presence";
import type { DoorEvent, EventKind } from "@/lib/cabinet/protocol";

/*
 * What the web app does with a cabinet's reports: every door event goes into the door's
 * history once (by its message id: QoS 1 may deliver it twice, and a restarted server hears
 * it again), a closed report completes what waited for it (a deposit, a take-back, a
 * customer's drop-off), and
 * statuses and heartbeats keep cabinet_presence, which assignment and the screens read.
 */

/** The door-history kind of each cabinet event about a door; board events have no door. */
const DOOR_KIND: Partial<Record<EventKind, DoorEventKind>> = {
  "door-opened": "opened",
  "door-closed": "closed",
  "door-forced-open": "forced_open",
  "door-left-open": "left_open",
  "sensor-unknown": "sensor_unknown",
  tamper: "tamper",
};

/** A door of a cabinet in service at a site, by the label the cabinet calls it. */
const DOOR_OF_CABINET = `
  select s.id as slotId, s.site_id as siteId from slots s join lockers l on l.id = s.locker_id
  where l.controller_id = ? and s.label = ? and l.retired_at is null and s.retired_at is null`;
/** Without a door (a cabinet's tamper switch): the cabinet's first door stands for it. */
const FIRST_DOOR_OF_CABINET = `
  select s.id as slotId, s.site_id as siteId from slots s join lockers l on l.id = s.locker_id
  where l.controller_id = ? and l.retired_at is null order by s.id limit 1`;
/** The parcel a door event is about: the one in the door, or the last one it was opened for. */
const PARCEL_OF_DOOR = `
  select coalesce(
    (select id from parcels where slot_id = :slotId and state in ${LIVE_STATES_SQL}),
    (select parcel_id from door_events where slot_id = :slotId and kind = 'open_command' order by id desc limit 1)
  ) as parcelId`;

/** Records one cabinet event; true when it was new. Exported for the tests. */
export function recordCabinetEvent(ctx: Ctx, controllerId: string, event: DoorEvent): boolean {
  const kind = DOOR_KIND[event.kind];
  if (!kind) return false;
  const sqlite = ctx.db.$client;
  const door = (event.door ? sqlite.prepare(DOOR_OF_CABINET).get(controllerId, event.door) : sqlite.prepare(FIRST_DOOR_OF_CABINET).get(controllerId)) as
    | { slotId: number; siteId: number }
    | undefined;
  if (!door) {
    console.warn(`cabinet ${controllerId} reported ${event.kind}${event.door ? ` of door ${event.door}` : ""}, which no locker in service has`);
    return false;
  }
  return writeTransaction(ctx.db, () => {
    const { parcelId } = sqlite.prepare(PARCEL_OF_DOOR).get({ slotId: door.slotId }) as { parcelId: number | null };
    // A customer's parcel to send, in the door while it is open for its drop-off (the door holds no parcel then).
    const dropOff =
      parcelId === null
        ? ctx.db.select().from(outboundParcels).where(and(eq(outboundParcels.slotId, door.slotId), eq(outboundParcels.state, "dropping_off"))).get()
        : undefined;
    const outboundParcelId = dropOff?.id ?? null;
    const fresh = recordDoorEvent(ctx, { slotId: door.slotId, siteId: door.siteId, parcelId, outboundParcelId, kind, messageId: event.messageId });
    if (fresh && kind === "closed") {
      const occupied = event.state?.occupied ?? null;
      if (parcelId !== null) completeOnClosed(ctx, parcelId, door.slotId, occupied);
      else if (dropOff) dropOffOnDoorClosed(ctx, dropOff, occupied);
    }
    return fresh;
  });
}

/** A closed door completes the deposit or the take-back that opened it. */
function completeOnClosed(ctx: Ctx, parcelId: number, slotId: number, occupied: boolean | null): void {
  const parcel = ctx.db.select().from(parcels).where(eq(parcels.id, parcelId)).get();
  if (!parcel || parcel.slotId !== slotId) return;
  // Closed with the occupancy sensor saying empty: nothing went in, so the courier decides.
  if (parcel.state === "reserved" && occupied !== false && openedForIt(ctx, parcel.id, slotId)) depositOnDoorClosed(ctx, parcel);
  else if (parcel.state === "expired") returnOnDoorClosed(ctx, parcel, occupied);
}

/** Whether the door was commanded open for this parcel since it was last closed (a closed report follows an opening). */
function openedForIt(ctx: Ctx, parcelId: number, slotId: number): boolean {
  const last = ctx.db.$client
    .prepare("select parcel_id as parcelId from door_events where slot_id = ? and kind = 'open_command' order by id desc limit 1")
    .get(slotId) as { parcelId: number | null } | undefined;
  return last?.parcelId === parcelId;
}

/** The listener lib/doors' MQTT controller is given once per process (instrumentation.ts). */
export function cabinetRecorder(ctxFor: () => Ctx): CabinetListener {
  return {
    status: (controllerId, status) => recordCabinetStatus(ctxFor(), controllerId, status.status, status.session),
    heartbeat: (controllerId, heartbeat) => recordHeartbeat(ctxFor(), controllerId, heartbeat.intervalMs),
    event: (controllerId, event) => {
      recordCabinetEvent(ctxFor(), controllerId, event);
    },
  };
}

import { eq } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  LIVE_STATES,
  LIVE_STATES_SQL,
  OUTBOUND_LIVE_STATES_SQL,
  slots,
  SIZES,
  TRACKING_STATES_SQL,
  type OutboundState,
  type ParcelState,
  type SlotSize,
} from "@/db/schema";
import type { UserActor } from "@/lib/context";
import { DomainError, type ErrorCode } from "@/lib/errors";
import { cancelParcel } from "@/lib/parcels/cancel";
import { collectParcel } from "@/lib/parcels/collect";
import { confirmDeposit } from "@/lib/parcels/deposit";
import { extendHold, HOLD_EXTENSION_MS } from "@/lib/parcels/extend-hold";
import { reportParcelDoesNotFit, reportSlotFault } from "@/lib/parcels/reassign";
import { reserveParcel } from "@/lib/parcels/reserve";
import { REMINDER_BEFORE_MS, RESERVATION_MS, runParcelSweep } from "@/lib/parcels/sweep";
import { confirmTakeBack, takeBackParcel } from "@/lib/parcels/take-back";
import { confirmOutboundTaken, openOutboundDoor } from "@/lib/outbound/carrier";
import { DROP_OFF_CODE_TTL_MS } from "@/lib/outbound/codes";
import { startShipment } from "@/lib/outbound/create";
import { confirmDropOff, startDropOff } from "@/lib/outbound/drop-off";
import { setCarrierOutbound } from "@/lib/outbound/settings";
import { runOutboundSweep, TAKE_WITHIN_MS } from "@/lib/outbound/sweep";
import { phoneLast4 } from "@/lib/pickup-codes/code";
import { SIZE_RANK } from "@/lib/slots/sizes";
import { createCustomer, createKiosk, createTestWorld, pickupCodeOf, type TestWorld } from "@/lib/testing/factories";
import { createStation, freeSlotIds, HOUR_MS, recipientPhone, type Station } from "@/lib/testing/parcels";

/*
 * A model-based test: random sequences of everything couriers, recipients, kiosks and the
 * sweep do at one small site, checked after every step against (a) the invariants, read
 * straight from the database, and (b) a small in-memory model of what each parcel's state,
 * door and deadline should be. Both directions (decision 0013): customers also send parcels,
 * drop them off at the kiosk and couriers take them, in the same doors.
 */

const HOLD_HOURS = 1;
// Five doors over three rows: the middle row is the easiest to reach.
const LAYOUT: SlotSize[][] = [["S", "S"], ["M", "L"], ["XL"]];
const TRACKING_POOL = 7;
const LIVE: readonly ParcelState[] = LIVE_STATES; // widened, to ask of any state

/*
 * `tn` picks a tracking number from a small pool, so numbers are reused (retries, new
 * deliveries of a finished number). `pick` chooses one of the parcels seen so far (the
 * latest of each tracking number), so most steps act on a parcel that exists.
 */
type Op =
  | { op: "reserve"; tn: number; size: SlotSize }
  | { op: "deposit"; pick: number }
  | { op: "collect"; pick: number; entry: "right" | "wrongCode" | "wrongPhone" }
  | { op: "advance"; ms: number }
  | { op: "sweep" }
  | { op: "takeBack"; pick: number }
  | { op: "slotFault"; pick: number }
  | { op: "doesNotFit"; pick: number }
  | { op: "cancel"; pick: number }
  | { op: "extend"; pick: number }
  | { op: "repair" }
  | { op: "send"; size: SlotSize }
  | { op: "dropOff"; pick: number; entry: "right" | "wrongPhone" }
  | { op: "closeDoor"; pick: number }
  | { op: "take"; pick: number };

type ModelShipment = {
  id: number;
  phone: string;
  code: string;
  state: OutboundState;
  slotId: number | null;
  sizeRank: number;
  codeExpiresAt: number;
  doorOpenUntil: number | null;
  droppedOffAt: number | null;
  flagged: boolean;
};

type ModelSlot = { id: number; rank: number; reach: number; row: number; column: number; inService: boolean };
type ModelParcel = {
  id: number;
  phone: string;
  state: ParcelState;
  slotId: number;
  sizeRank: number;
  upsized: boolean;
  reservedUntil: number | null;
  expiresAt: number | null;
  holdExtended: boolean;
  reminded: boolean;
  code: string | null;
};

/** What DESIGN.md says should happen, written as plainly as possible. */
class LockerModel {
  readonly parcels: ModelParcel[] = [];
  readonly latest = new Map<number, ModelParcel>();
  readonly shipments: ModelShipment[] = [];

  constructor(
    readonly slots: Map<number, ModelSlot>,
    public now: number,
  ) {}

  isLive(parcel: ModelParcel) {
    return LIVE.includes(parcel.state);
  }

  occupied(): Set<number> {
    const inbound = this.parcels.filter((p) => this.isLive(p)).map((p) => p.slotId);
    const outbound = this.shipments.filter((o) => o.state === "dropping_off" || o.state === "dropped_off").map((o) => o.slotId!);
    return new Set([...inbound, ...outbound]);
  }

  /** Doors left open for a drop-off past their window go back to "created". */
  lapseDropOffs(keep?: number): number {
    const lapsed = this.shipments.filter((o) => o.state === "dropping_off" && o.doorOpenUntil! <= this.now && o.id !== keep);
    for (const shipment of lapsed) Object.assign(shipment, { state: "created", slotId: null, doorOpenUntil: null });
    return lapsed.length;
  }

  expireCodes(): number {
    const due = this.shipments.filter((o) => o.state === "created" && o.codeExpiresAt <= this.now);
    for (const shipment of due) shipment.state = "expired";
    return due.length;
  }

  flagOverdue(): number {
    const due = this.shipments.filter((o) => o.state === "dropped_off" && !o.flagged && o.droppedOffAt! <= this.now - TAKE_WITHIN_MS);
    for (const shipment of due) shipment.flagged = true;
    return due.length;
  }

  /** Best fit: the smallest size, then the easiest reach, then position. */
  bestFreeSlot(minRank: number): ModelSlot | undefined {
    const taken = this.occupied();
    return [...this.slots.values()]
      .filter((slot) => slot.inService && slot.rank >= minRank && !taken.has(slot.id))
      .sort((a, b) => a.rank - b.rank || a.reach - b.reach || a.row - b.row || a.column - b.column)[0];
  }

  freeCount(): number {
    const taken = this.occupied();
    return [...this.slots.values()].filter((slot) => slot.inService && !taken.has(slot.id)).length;
  }

  lapse(keep?: number): number {
    const lapsed = this.parcels.filter((p) => p.state === "reserved" && p.reservedUntil! <= this.now && p.id !== keep);
    for (const parcel of lapsed) parcel.state = "cancelled";
    return lapsed.length;
  }

  expire(): number {
    const overdue = this.parcels.filter((p) => p.state === "deposited" && p.expiresAt! <= this.now);
    for (const parcel of overdue) parcel.state = "expired";
    return overdue.length;
  }

  remind(): number {
    const due = this.parcels.filter(
      (p) => p.state === "deposited" && !p.reminded && p.expiresAt! <= this.now + REMINDER_BEFORE_MS && p.expiresAt! > this.now,
    );
    for (const parcel of due) parcel.reminded = true;
    return due.length;
  }

  liveCodes(): Set<string> {
    return new Set(this.parcels.filter((p) => p.state === "deposited" || p.state === "expired").map((p) => p.code!));
  }
}

type Outcome<T> = { ok: true; value: T } | { ok: false; code: ErrorCode };

async function attempt<T>(work: () => T | Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, code: error.code };
    throw error;
  }
}

function expectRefused(outcome: Outcome<unknown>, code: ErrorCode, where: string) {
  expect(outcome.ok ? "ok" : outcome.code, where).toBe(code);
}

function expectOk<T>(outcome: Outcome<T>, where: string): T {
  expect(outcome.ok ? "ok" : outcome.code, where).toBe("ok");
  return (outcome as { ok: true; value: T }).value;
}

class Scenario {
  readonly model: LockerModel;
  readonly customers = new Map<string, UserActor>();
  readonly trackingNumbers: string[];

  constructor(
    readonly world: TestWorld,
    readonly station: Station,
  ) {
    const rows = world.db.select().from(slots).where(eq(slots.siteId, station.site.id)).all();
    this.model = new LockerModel(
      new Map(rows.map((s) => [s.id, { id: s.id, rank: s.sizeRank, reach: s.reach, row: s.row, column: s.column, inService: s.inService }])),
      world.clock.now,
    );
    this.trackingNumbers = Array.from({ length: TRACKING_POOL }, (_, i) => `MODEL-${station.site.id}-${i}`);
    setCarrierOutbound(world.ctx(station.admin), { siteId: station.site.id, carrierId: station.carrier.id, accepts: true });
  }

  private senders = 0;

  private get courierCtx() {
    return this.world.ctx(this.station.courier);
  }

  private customerFor(phone: string): UserActor {
    let customer = this.customers.get(phone);
    if (!customer) this.customers.set(phone, (customer = createCustomer(this.world.db, phone)));
    return customer;
  }

  async step(op: Op, where: string): Promise<void> {
    const { model, world, station } = this;
    const seen = [...model.latest.entries()].sort(([a], [b]) => a - b).map(([, p]) => p);
    const parcel = op.op === "reserve" ? model.latest.get(op.tn) : "pick" in op ? seen[op.pick % Math.max(1, seen.length)] : undefined;
    const shipment = "pick" in op ? model.shipments[op.pick % Math.max(1, model.shipments.length)] : undefined;
    switch (op.op) {
      case "send": {
        const phone = `137${String(station.site.id % 1000).padStart(3, "0")}${String(++this.senders).padStart(5, "0")}`;
        const started = expectOk(
          await attempt(() =>
            startShipment(world.ctx(this.customerFor(phone)), {
              siteId: station.site.id,
              carrierId: station.carrier.id,
              size: op.size,
              recipientName: "Model Recipient",
              recipientPhone: recipientPhone(),
              recipientAddress: "1 Model Road",
              declaration: "on",
            }),
          ),
          where,
        );
        model.shipments.push({
          id: started.shipment.id,
          phone,
          code: started.code,
          state: "created",
          slotId: null,
          sizeRank: SIZE_RANK[op.size],
          codeExpiresAt: model.now + DROP_OFF_CODE_TTL_MS,
          doorOpenUntil: null,
          droppedOffAt: null,
          flagged: false,
        });
        return;
      }
      case "dropOff": {
        if (!shipment) return;
        const last4 = phoneLast4(shipment.phone);
        const digits = op.entry === "right" ? last4 : String((Number(last4) + 1) % 10_000).padStart(4, "0");
        const kiosk = createKiosk(world.db, station.site.id);
        const outcome = await attempt(() => startDropOff(world.ctx(kiosk), { code: shipment.code, phoneLast4: digits }));
        // The kiosk looks at the newest shipment holding this code that is open or expired.
        const target = [...model.shipments]
          .reverse()
          .find((o) => o.code === shipment.code && (o.state === "created" || o.state === "dropping_off" || o.state === "expired"));
        if (!target || phoneLast4(target.phone) !== digits) return expectRefused(outcome, "WRONG_CODE", where);
        if (target.state === "created" && target.codeExpiresAt <= model.now) target.state = "expired";
        if (target.state === "expired") return expectRefused(outcome, "PARCEL_EXPIRED", where);
        if (target.state === "dropping_off") {
          const result = expectOk(outcome, where);
          expect({ replayed: result.replayed, id: result.outboundParcelId }, where).toEqual({ replayed: true, id: target.id });
          return;
        }
        model.lapseDropOffs(target.id);
        const slot = model.bestFreeSlot(target.sizeRank);
        if (!slot) return expectRefused(outcome, "SITE_FULL", where);
        const result = expectOk(outcome, where);
        expect({ replayed: result.replayed, id: result.outboundParcelId }, where).toEqual({ replayed: false, id: target.id });
        Object.assign(target, { state: "dropping_off", slotId: slot.id, doorOpenUntil: model.now + RESERVATION_MS });
        return;
      }
      case "closeDoor": {
        if (!shipment) return;
        const outcome = await attempt(() => confirmDropOff(world.ctx(station.kiosk), { outboundParcelId: shipment.id }));
        if (shipment.state === "dropping_off") {
          expect(expectOk(outcome, where).replayed, where).toBe(false);
          Object.assign(shipment, { state: "dropped_off", doorOpenUntil: null, droppedOffAt: model.now });
          return;
        }
        if (shipment.state === "dropped_off" || shipment.state === "taken") {
          expect(expectOk(outcome, where).replayed, where).toBe(true);
          return;
        }
        return expectRefused(outcome, "INVALID_TRANSITION", where);
      }
      case "take": {
        if (!shipment) return;
        const opened = await attempt(() => openOutboundDoor(this.courierCtx, { outboundParcelId: shipment.id }));
        const outcome = await attempt(() => confirmOutboundTaken(this.courierCtx, { outboundParcelId: shipment.id }));
        if (shipment.state === "dropped_off") {
          expect(expectOk(opened, where).doorOpened, where).toBe(true);
          expect(expectOk(outcome, where).replayed, where).toBe(false);
          shipment.state = "taken";
          return;
        }
        expectRefused(opened, "INVALID_TRANSITION", where);
        if (shipment.state === "taken") {
          expect(expectOk(outcome, where).replayed, where).toBe(true);
          return;
        }
        return expectRefused(outcome, "INVALID_TRANSITION", where);
      }
      case "reserve": {
        const phone = recipientPhone();
        const outcome = await attempt(() =>
          reserveParcel(this.courierCtx, { siteId: station.site.id, trackingNumber: this.trackingNumbers[op.tn], size: op.size, recipientPhone: phone }),
        );
        if (parcel && model.isLive(parcel)) {
          const result = expectOk(outcome, where);
          expect(result.replayed, where).toBe(true);
          expect(result.parcel.id, where).toBe(parcel.id);
          return;
        }
        const stale = model.parcels.filter((p) => p.state === "reserved" && p.reservedUntil! <= model.now);
        model.lapse();
        const rank = SIZE_RANK[op.size];
        const slot = model.bestFreeSlot(rank);
        if (!slot) {
          // A refusal changes nothing: the stale reservations stay until a reserve that succeeds, or the sweep.
          for (const p of stale) p.state = "reserved";
          return expectRefused(outcome, "SITE_FULL", where);
        }
        const result = expectOk(outcome, where);
        expect({ replayed: result.replayed, slotId: result.parcel.slot?.id, upsized: result.parcel.upsized }, where).toEqual({
          replayed: false,
          slotId: slot.id,
          upsized: slot.rank > rank,
        });
        const created: ModelParcel = {
          id: result.parcel.id,
          phone,
          state: "reserved",
          slotId: slot.id,
          sizeRank: rank,
          upsized: slot.rank > rank,
          reservedUntil: model.now + RESERVATION_MS,
          expiresAt: null,
          holdExtended: false,
          reminded: false,
          code: null,
        };
        model.parcels.push(created);
        model.latest.set(op.tn, created);
        return;
      }
      case "deposit": {
        if (!parcel) return;
        const outcome = await attempt(() => confirmDeposit(this.courierCtx, { parcelId: parcel.id }));
        if (parcel.state === "reserved") {
          expect(expectOk(outcome, where).replayed, where).toBe(false);
          parcel.state = "deposited";
          parcel.expiresAt = model.now + HOLD_HOURS * HOUR_MS;
          parcel.reservedUntil = null;
          parcel.code = pickupCodeOf(world, parcel.id);
          return;
        }
        if (parcel.state === "deposited" || parcel.state === "expired" || parcel.state === "collected") {
          expect(expectOk(outcome, where).replayed, where).toBe(true);
          return;
        }
        return expectRefused(outcome, "INVALID_TRANSITION", where);
      }
      case "collect": {
        const live = model.liveCodes();
        let code = "000000";
        while (live.has(code)) code = String(Number(code) + 1).padStart(6, "0");
        let digits = "0000";
        if (parcel?.code && op.entry !== "wrongCode") {
          code = parcel.code;
          const last4 = phoneLast4(parcel.phone);
          digits = op.entry === "right" ? last4 : String((Number(last4) + 1) % 10_000).padStart(4, "0");
        }
        // A fresh kiosk each time: the limits are per kiosk (nothing locks a whole site), and
        // they are the kiosk test's business.
        const kiosk = createKiosk(world.db, station.site.id);
        const outcome = await attempt(() => collectParcel(world.ctx(kiosk), { code, phoneLast4: digits }));
        const opens = op.entry === "right" && parcel && (parcel.state === "deposited" || parcel.state === "expired");
        if (!opens) {
          return expectRefused(outcome, "WRONG_CODE", where);
        }
        if (parcel.state === "deposited" && parcel.expiresAt! > model.now) {
          expect(expectOk(outcome, where).parcelId, where).toBe(parcel.id);
          parcel.state = "collected";
          return;
        }
        parcel.state = "expired";
        return expectRefused(outcome, "PARCEL_EXPIRED", where);
      }
      case "advance":
        model.now += op.ms;
        world.clock.now += op.ms;
        return;
      case "sweep": {
        const counts = runParcelSweep(world.ctx({ kind: "system" }));
        expect(counts, where).toEqual({ lapsed: model.lapse(), expired: model.expire(), reminded: model.remind() });
        const outbound = runOutboundSweep(world.ctx({ kind: "system" }));
        expect(outbound, where).toEqual({ lapsed: model.lapseDropOffs(), expired: model.expireCodes(), overdue: model.flagOverdue() });
        return;
      }
      case "takeBack": {
        if (!parcel) return;
        // Both steps: open the door, then confirm the parcel is out (only that frees the door).
        const outcome = await attempt(async () => {
          const opened = await takeBackParcel(this.courierCtx, { parcelId: parcel.id });
          if (opened.replayed) return opened;
          expect(opened.parcel.state, where).toBe("expired");
          return { ...confirmTakeBack(this.courierCtx, { parcelId: parcel.id }), replayed: false };
        });
        if (parcel.state === "returned") {
          expect(expectOk(outcome, where).replayed, where).toBe(true);
        } else if (parcel.state === "expired" || (parcel.state === "deposited" && parcel.expiresAt! <= model.now)) {
          expect(expectOk(outcome, where).parcel.state, where).toBe("returned");
          parcel.state = "returned";
        } else {
          expectRefused(outcome, "INVALID_TRANSITION", where);
        }
        return;
      }
      case "slotFault":
      case "doesNotFit": {
        if (!parcel) return;
        const outcome = await attempt(() =>
          op.op === "slotFault"
            ? reportSlotFault(this.courierCtx, { parcelId: parcel.id, reason: "door jammed" })
            : reportParcelDoesNotFit(this.courierCtx, { parcelId: parcel.id }),
        );
        if (parcel.state !== "reserved") return expectRefused(outcome, "INVALID_TRANSITION", where);
        const current = model.slots.get(parcel.slotId)!;
        let rank = parcel.sizeRank;
        if (op.op === "slotFault") {
          current.inService = false;
        } else {
          if (current.rank === SIZE_RANK.XL) return expectRefused(outcome, "INVALID", where);
          rank = current.rank + 1;
        }
        model.lapse(parcel.id);
        const slot = model.bestFreeSlot(rank);
        const result = expectOk(outcome, where);
        if (!slot) {
          // No door left: the cancellation is the verb's result, never an error after it.
          expect(result, where).toMatchObject({ outcome: "site_full", parcel: { id: parcel.id, state: "cancelled" } });
          parcel.state = "cancelled";
          return;
        }
        expect(result.outcome, where).toBe("moved");
        expect(result.parcel.slot?.id, where).toBe(slot.id);
        Object.assign(parcel, { slotId: slot.id, sizeRank: rank, upsized: slot.rank > rank, reservedUntil: model.now + RESERVATION_MS });
        return;
      }
      case "cancel": {
        if (!parcel) return;
        const outcome = await attempt(() => cancelParcel(this.courierCtx, { parcelId: parcel.id, reason: "model test" }));
        if (parcel.state === "reserved" || parcel.state === "cancelled") {
          expect(expectOk(outcome, where).state, where).toBe("cancelled");
          parcel.state = "cancelled";
          return;
        }
        return expectRefused(outcome, "INVALID_TRANSITION", where);
      }
      case "extend": {
        if (!parcel) return;
        const outcome = await attempt(() => extendHold(world.ctx(this.customerFor(parcel.phone)), { parcelId: parcel.id }));
        if (parcel.state !== "deposited" || parcel.expiresAt! <= model.now) return expectRefused(outcome, "INVALID_TRANSITION", where);
        if (parcel.holdExtended) return expectRefused(outcome, "CONFLICT", where);
        parcel.expiresAt! += HOLD_EXTENSION_MS;
        parcel.holdExtended = true;
        parcel.reminded = false;
        expect(expectOk(outcome, where).expiresAt, where).toBe(parcel.expiresAt);
        return;
      }
      case "repair":
        world.db.update(slots).set({ inService: true, outOfServiceReason: null }).where(eq(slots.siteId, station.site.id)).run();
        for (const slot of model.slots.values()) slot.inService = true;
        return;
    }
  }

  /** The invariants of DESIGN.md, read from the database alone. */
  checkInvariants(where: string) {
    const client = this.world.db.$client;
    const live = LIVE_STATES_SQL;
    const none = (sql: string, what: string) => expect(client.prepare(sql).all(), `${where}: ${what}`).toEqual([]);
    none(`select slot_id from parcels where state in ${live} group by slot_id having count(*) > 1`, "a slot with two live parcels");
    none(
      `select slot_id from (select slot_id from parcels where state in ${live}
                            union all select slot_id from outbound_parcels where state in ${OUTBOUND_LIVE_STATES_SQL})
       group by slot_id having count(*) > 1`,
      "a door with two live parcels of either direction",
    );
    none(
      `select o.id from outbound_parcels o left join slots s on s.id = o.slot_id
       where o.state in ${OUTBOUND_LIVE_STATES_SQL} and (s.id is null or s.site_id <> o.site_id or s.size_rank < o.size_rank)`,
      "a live outbound parcel in a missing, foreign or too-small door",
    );
    none(
      `select site_id, drop_off_code_hash from outbound_parcels where state in ('created', 'dropping_off')
       group by site_id, drop_off_code_hash having count(*) > 1`,
      "two open shipments sharing a drop-off code",
    );
    none(
      `select o.id from outbound_parcels o
       where o.state is not (select e.to_state from outbound_events e where e.outbound_parcel_id = o.id and e.to_state is not null
                             order by e.id desc limit 1)`,
      "an outbound parcel whose state is not its last event's",
    );
    none(
      `select p.id from parcels p left join slots s on s.id = p.slot_id
       where p.state in ${live} and (s.id is null or s.site_id <> p.site_id or s.size_rank < p.size_rank)`,
      "a live parcel in a missing, foreign or too-small slot",
    );
    // Doors only go out of service here while reserved (a fault), and the parcel leaves at once.
    none(
      `select p.id from parcels p join slots s on s.id = p.slot_id where p.state = 'reserved' and s.in_service = 0`,
      "a reservation held in an out-of-service slot",
    );
    none(
      `select site_id, pickup_code_hash from parcels where state in ${live} and pickup_code_hash is not null
       group by site_id, pickup_code_hash having count(*) > 1`,
      "two live parcels sharing a code",
    );
    none(
      `select carrier_id, tracking_number from parcels where state in ${TRACKING_STATES_SQL}
       group by carrier_id, tracking_number having count(*) > 1`,
      "two live parcels sharing a tracking number",
    );
    none(
      `select p.id from parcels p
       where p.state is not (select e.to_state from parcel_events e where e.parcel_id = p.id and e.to_state is not null
                             order by e.id desc limit 1)`,
      "a parcel whose state is not its last event's",
    );
  }

  /** The database agrees with the model, parcel by parcel and door by door. */
  checkModel(where: string) {
    const { model, world, station } = this;
    const rows = world.db.$client
      .prepare(
        `select id, state, slot_id as slotId, size_rank as sizeRank, upsized, reserved_until as reservedUntil,
                expires_at as expiresAt, hold_extended as holdExtended
         from parcels where site_id = ? order by id`,
      )
      .all(station.site.id);
    const expected = model.parcels.map((p) => ({
      id: p.id,
      state: p.state,
      slotId: p.slotId,
      sizeRank: p.sizeRank,
      upsized: p.upsized ? 1 : 0,
      reservedUntil: p.state === "reserved" || p.state === "cancelled" ? p.reservedUntil : null,
      expiresAt: p.expiresAt,
      holdExtended: p.holdExtended ? 1 : 0,
    }));
    expect(rows, `${where}: parcels`).toEqual(expected);
    const shipments = world.db.$client
      .prepare(
        `select id, state, slot_id as slotId, size_rank as sizeRank, door_open_until as doorOpenUntil, dropped_off_at as droppedOffAt
         from outbound_parcels where site_id = ? order by id`,
      )
      .all(station.site.id);
    expect(shipments, `${where}: outbound parcels`).toEqual(
      model.shipments.map(({ id, state, slotId, sizeRank, doorOpenUntil, droppedOffAt }) => ({ id, state, slotId, sizeRank, doorOpenUntil, droppedOffAt })),
    );
    expect(freeSlotIds(world.db, station.site.id).length, `${where}: free doors`).toBe(model.freeCount());
    const inService = world.db.$client.prepare("select id, in_service as inService from slots where site_id = ? order by id").all(station.site.id);
    expect(inService, `${where}: doors in service`).toEqual(
      [...model.slots.values()].sort((a, b) => a.id - b.id).map((slot) => ({ id: slot.id, inService: slot.inService ? 1 : 0 })),
    );
  }
}

const tn = fc.integer({ min: 0, max: TRACKING_POOL - 1 });
const pick = fc.nat({ max: 20 });
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant("reserve" as const), tn, size: fc.constantFrom(...SIZES) }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant("deposit" as const), pick }) },
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant("collect" as const),
      pick,
      entry: fc.constantFrom("right" as const, "right" as const, "wrongCode" as const, "wrongPhone" as const),
    }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant("advance" as const), ms: fc.constantFrom(60_000, RESERVATION_MS, 30 * 60_000, 2 * HOUR_MS) }) },
  { weight: 1, arbitrary: fc.constant({ op: "sweep" as const }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("takeBack" as const), pick }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("slotFault" as const), pick }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("doesNotFit" as const), pick }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("cancel" as const), pick }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("extend" as const), pick }) },
  { weight: 1, arbitrary: fc.constant({ op: "repair" as const }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant("send" as const), size: fc.constantFrom(...SIZES) }) },
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant("dropOff" as const), pick, entry: fc.constantFrom("right" as const, "right" as const, "wrongPhone" as const) }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant("closeDoor" as const), pick }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("take" as const), pick }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("advance" as const), ms: fc.constant(12 * HOUR_MS) }) },
);

async function runScenario(ops: Op[]) {
  // A fresh database per run: the sweep works across all sites.
  const world = createTestWorld();
  try {
    const scenario = new Scenario(world, createStation(world, { layout: LAYOUT, holdPeriodHours: HOLD_HOURS }));
    for (const [i, op] of ops.entries()) {
      const where = `step ${i} ${JSON.stringify(op)}`;
      await scenario.step(op, where);
      scenario.checkInvariants(where);
      scenario.checkModel(where);
    }
  } finally {
    world.close();
  }
}

// MODEL_RUNS=2000 npx vitest run lib/parcels/model.test.ts for a longer hunt.
const MODEL_RUNS = Number(process.env.MODEL_RUNS ?? 50);

describe("random days at a small locker", () => {
  it("keep every invariant and agree with the model after every step", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary, { minLength: 5, maxLength: 40, size: "max" }), runScenario),
      { numRuns: MODEL_RUNS },
    );
  }, MODEL_RUNS * 1_000);

  it("a known busy day: fill, overflow, fault, expire, take back, refill", async () => {
    // With one parcel per tracking number 0…4, pick i is tracking number i.
    await runScenario([
      ...[0, 1, 2, 3, 4].map((i) => ({ op: "reserve" as const, tn: i, size: "S" as SlotSize })),
      { op: "reserve", tn: 5, size: "S" },
      { op: "slotFault", pick: 0 },
      { op: "deposit", pick: 1 },
      { op: "deposit", pick: 2 },
      { op: "doesNotFit", pick: 3 },
      { op: "advance", ms: RESERVATION_MS },
      { op: "reserve", tn: 6, size: "M" },
      { op: "collect", pick: 1, entry: "right" },
      { op: "collect", pick: 1, entry: "right" },
      { op: "extend", pick: 2 },
      { op: "extend", pick: 2 },
      { op: "advance", ms: 2 * HOUR_MS },
      { op: "sweep" },
      { op: "collect", pick: 2, entry: "right" },
      { op: "advance", ms: 24 * HOUR_MS },
      { op: "collect", pick: 2, entry: "wrongPhone" },
      { op: "collect", pick: 2, entry: "right" },
      { op: "takeBack", pick: 2 },
      { op: "takeBack", pick: 2 },
      { op: "repair" },
      { op: "reserve", tn: 2, size: "XL" },
      { op: "doesNotFit", pick: 2 },
      { op: "deposit", pick: 2 },
    ]);
  });

  it("a known day both ways: sends fill the doors the couriers need, and free them when taken", async () => {
    await runScenario([
      { op: "send", size: "S" },
      { op: "send", size: "L" },
      { op: "send", size: "XL" },
      { op: "dropOff", pick: 0, entry: "right" },
      { op: "dropOff", pick: 0, entry: "right" },
      { op: "closeDoor", pick: 0 },
      { op: "dropOff", pick: 1, entry: "wrongPhone" },
      { op: "dropOff", pick: 1, entry: "right" },
      { op: "reserve", tn: 0, size: "S" },
      { op: "reserve", tn: 1, size: "M" },
      { op: "dropOff", pick: 2, entry: "right" },
      { op: "advance", ms: RESERVATION_MS },
      { op: "sweep" },
      { op: "dropOff", pick: 1, entry: "right" },
      { op: "closeDoor", pick: 1 },
      { op: "take", pick: 0 },
      { op: "take", pick: 0 },
      { op: "reserve", tn: 2, size: "S" },
      { op: "advance", ms: 24 * HOUR_MS },
      { op: "sweep" },
      { op: "dropOff", pick: 2, entry: "right" },
      { op: "take", pick: 1 },
    ]);
  });
});

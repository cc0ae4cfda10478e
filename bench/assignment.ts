/*
 * Assignment benchmark (`npm run bench:assignment`): one month at a busy campus site, the
 * same arrivals replayed under our policy (best fit, middle rows first) and under plain
 * first fit (the lowest-numbered door that fits), each without and with outbound traffic
 * (customers dropping parcels off for a carrier, BENCH_OUTBOUND_SHARE of the doors' uses,
 * 15 % by default, taken away on the carrier's two rounds a day). Every run goes through the
 * real domain verbs on a real SQLite file; only the free-door statement differs
 * (applyPolicy). Prints inbound parcels turned away, how outbound traffic changes that,
 * parcels upsized and how many deposits landed in the easy-to-reach rows.
 */
import { eq } from "drizzle-orm";
import { parcels, slots } from "../db/schema";
import type { SlotSize } from "../db/enums";
import type { Db } from "../db/client";
import { isDomainError } from "../lib/errors";
import { collectParcel } from "../lib/parcels/collect";
import { confirmDeposit } from "../lib/parcels/deposit";
import { reserveParcel } from "../lib/parcels/reserve";
import { runParcelSweep } from "../lib/parcels/sweep";
import { confirmTakeBack, takeBackParcel } from "../lib/parcels/take-back";
import { confirmOutboundTaken, openOutboundDoor } from "../lib/outbound/carrier";
import { startShipment } from "../lib/outbound/create";
import { confirmDropOff, startDropOffByQr } from "../lib/outbound/drop-off";
import { setCarrierOutbound } from "../lib/outbound/settings";
import { FREE_SLOT_QUERY, type AssignmentPolicy } from "../lib/slots/assignment";
import { layoutByRow } from "../lib/sites/layout";
import * as f from "../lib/testing/factories";
import { rng, samplers } from "./random";

const DAYS = Number(process.env.BENCH_DAYS ?? 30);
const MEAN_PER_DAY = Number(process.env.BENCH_PARCELS_PER_DAY ?? 190);
const SEED = Number(process.env.BENCH_SEED ?? 20261126);
const OUTBOUND_SHARE = Number(process.env.BENCH_OUTBOUND_SHARE ?? 0.15);
const HOUR = 3_600_000;


type Arrival = { at: number; size: SlotSize; pickupAfterMs: number | null; phone: string };
/** A customer's drop-off for a carrier; the carrier's courier takes it on the next round. */
type DropOff = { at: number; size: SlotSize; phone: string };

/** Deposits cluster in the couriers' two rounds; most parcels are small. */
function buildTrace(start: number): Arrival[] {
  const random = rng(SEED);
  const { gaussian, poisson } = samplers(random);
  const hourly = [0, 0, 0, 0, 0, 0, 0.2, 0.6, 1.6, 2.4, 2.2, 1.4, 0.6, 0.8, 1.8, 2.2, 1.8, 1.0, 0.5, 0.3, 0.2, 0.1, 0, 0];
  const weight = hourly.reduce((a, b) => a + b, 0);
  const sizes: [SlotSize, number][] = [["S", 0.45], ["M", 0.35], ["L", 0.15], ["XL", 0.05]];
  const arrivals: Arrival[] = [];
  for (let day = 0; day < DAYS; day++) {
    // A sales festival in the middle of the month: the week after day 10 runs at 1.6×.
    const surge = day >= 10 && day < 17 ? 1.6 : 1;
    const weekend = day % 7 >= 5 ? 0.7 : 1;
    for (let hour = 0; hour < 24; hour++) {
      const count = poisson((MEAN_PER_DAY * surge * weekend * hourly[hour]) / weight);
      for (let i = 0; i < count; i++) {
        let draw = random();
        const size = sizes.find(([, share]) => (draw -= share) < 0)?.[0] ?? "S";
        // 92 % collected, after a log-normal wait with a median of 8 hours; the rest expire.
        const collected = random() < 0.92;
        const wait = Math.exp(Math.log(8 * HOUR) + 1.1 * gaussian());
        arrivals.push({
          at: start + day * 24 * HOUR + hour * HOUR + Math.floor(random() * HOUR),
          size,
          pickupAfterMs: collected ? Math.min(wait, 70 * HOUR) : null,
          phone: `139${String(Math.floor(random() * 1e8)).padStart(8, "0")}`,
        });
      }
    }
  }
  return arrivals.sort((a, b) => a.at - b.at);
}

/**
 * Senders come after class and after work (noon and evening); returns and shipments are
 * boxes, larger than what arrives. So many that they make OUTBOUND_SHARE of all door uses.
 */
function buildDropOffs(start: number, inbound: number): DropOff[] {
  if (OUTBOUND_SHARE <= 0) return [];
  const random = rng(SEED + 1);
  const { poisson } = samplers(random);
  const hourly = [0, 0, 0, 0, 0, 0, 0, 0, 0.3, 0.6, 0.8, 1.2, 1.8, 1.4, 0.8, 0.8, 1.0, 1.4, 1.8, 2.0, 1.6, 1.0, 0.4, 0];
  const weight = hourly.reduce((a, b) => a + b, 0);
  const sizes: [SlotSize, number][] = [["S", 0.3], ["M", 0.4], ["L", 0.22], ["XL", 0.08]];
  const perDay = ((inbound / DAYS) * OUTBOUND_SHARE) / (1 - OUTBOUND_SHARE);
  const dropOffs: DropOff[] = [];
  for (let day = 0; day < DAYS; day++) {
    for (let hour = 0; hour < 24; hour++) {
      const count = poisson((perDay * hourly[hour]) / weight);
      for (let i = 0; i < count; i++) {
        let draw = random();
        const size = sizes.find(([, share]) => (draw -= share) < 0)?.[0] ?? "S";
        dropOffs.push({
          at: start + day * 24 * HOUR + hour * HOUR + Math.floor(random() * HOUR),
          size,
          phone: `138${String(Math.floor(random() * 1e8)).padStart(8, "0")}`,
        });
      }
    }
  }
  return dropOffs.sort((a, b) => a.at - b.at);
}

type Result = {
  policy: AssignmentPolicy;
  outbound: boolean;
  parcels: number;
  dropOffs: number;
  dropOffsTurnedAway: number;
  turnedAway: number;
  turnedAwayLarge: number;
  upsized: number;
  middleRows: number;
  expiredTakenBack: number;
  peakOccupied: number;
  doors: number;
};

/**
 * The network always assigns best fit (lib/slots/assignment.ts). For the baseline, this
 * simulation's own database answers the best-fit statement with the other policy's.
 */
function applyPolicy(db: Db, policy: AssignmentPolicy): void {
  if (policy === "best-fit") return;
  const prepare = db.$client.prepare.bind(db.$client);
  db.$client.prepare = ((source: string) => prepare(source === FREE_SLOT_QUERY["best-fit"] ? FREE_SLOT_QUERY[policy] : source)) as typeof prepare;
}

async function simulate(policy: AssignmentPolicy, trace: Arrival[], dropOffTrace: DropOff[], start: number): Promise<Result> {
  const world = f.createTestWorld();
  world.clock.now = start;
  const org = f.createOrganization(world.db);
  const site = f.createSite(world.db, org.id, { holdPeriodHours: 72 });
  // A busy campus station: six 8-row cabinets of 5 columns, 240 doors.
  for (const code of ["A", "B", "C", "D", "E", "F"]) {
    f.createLocker(world.db, site.id, layoutByRow(["S", "S", "M", "M", "M", "L", "L", "XL"], 5), code);
  }
  const carrier = f.createCarrier(world.db);
  const sendingCarrier = f.createCarrier(world.db, "Outbound Express");
  applyPolicy(world.db, policy);
  const courier = world.ctx(f.createCourier(world.db, carrier.id, [site.id]));
  const sendingCourier = world.ctx(f.createCourier(world.db, sendingCarrier.id, [site.id]));
  setCarrierOutbound(world.ctx(f.createAdmin(world.db, org.id)), { siteId: site.id, carrierId: sendingCarrier.id, accepts: true });
  const kiosk = world.ctx(f.createKiosk(world.db, site.id));
  const system = world.ctx({ kind: "system" as const });
  const doors = world.db.select().from(slots).all().length;

  type Pickup = { at: number; parcelId: number; phone: string };
  const pickups: Pickup[] = [];
  const result: Result = { policy, outbound: dropOffTrace.length > 0, parcels: trace.length, dropOffs: dropOffTrace.length, dropOffsTurnedAway: 0, turnedAway: 0, turnedAwayLarge: 0, upsized: 0, middleRows: 0, expiredTakenBack: 0, peakOccupied: 0, doors };
  let live = 0;
  let nextRound = start + 9 * HOUR;
  // The sending carrier's courier comes at 10:00 and 17:00 (site time, UTC+8) and takes every dropped-off parcel.
  const carrierRounds = [2 * HOUR, 9 * HOUR];
  let nextCarrierDay = start + 8 * HOUR;
  let nextCarrierRound = 0;
  const droppedOff: number[] = [];
  let serial = 0;

  const advanceTo = async (time: number) => {
    pickups.sort((a, b) => a.at - b.at);
    while (pickups.length && pickups[0].at <= time) {
      const pickup = pickups.shift()!;
      world.clock.now = pickup.at;
      try {
        await collectParcel(kiosk, { code: f.pickupCodeOf(world, pickup.parcelId), phoneLast4: pickup.phone.slice(-4) });
        live--;
      } catch (error) {
        if (!isDomainError(error) || error.code !== "PARCEL_EXPIRED") throw error;
      }
    }
    while (nextRound <= time) {
      // The courier's morning round: sweep, then take back everything expired.
      world.clock.now = nextRound;
      runParcelSweep(system);
      const expired = world.db.select({ id: parcels.id }).from(parcels).where(eq(parcels.state, "expired")).all();
      for (const { id } of expired) {
        await takeBackParcel(courier, { parcelId: id });
        confirmTakeBack(courier, { parcelId: id });
        live--;
        result.expiredTakenBack++;
      }
      nextRound += 24 * HOUR;
    }
    while (nextCarrierDay + carrierRounds[nextCarrierRound] <= time) {
      world.clock.now = nextCarrierDay + carrierRounds[nextCarrierRound];
      for (const outboundParcelId of droppedOff.splice(0)) {
        await openOutboundDoor(sendingCourier, { outboundParcelId });
        confirmOutboundTaken(sendingCourier, { outboundParcelId });
        live--;
      }
      if (++nextCarrierRound === carrierRounds.length) [nextCarrierRound, nextCarrierDay] = [0, nextCarrierDay + 24 * HOUR];
    }
    world.clock.now = time;
  };

  const dropOff = async (sender: DropOff) => {
    // The sender starts the shipment in the app a little before walking to the locker.
    world.clock.now = sender.at - 20 * 60_000;
    const started = startShipment(world.ctx(f.createCustomer(world.db, sender.phone)), {
      siteId: site.id,
      carrierId: sendingCarrier.id,
      size: sender.size,
      recipientName: "Bench Recipient",
      recipientPhone: "13900000000",
      recipientAddress: "1 Bench Road",
      declaration: "on",
    });
    world.clock.now = sender.at;
    try {
      const door = await startDropOffByQr(kiosk, { qrToken: started.qrToken });
      confirmDropOff(kiosk, { outboundParcelId: door.outboundParcelId });
      droppedOff.push(door.outboundParcelId);
      live++;
      result.peakOccupied = Math.max(result.peakOccupied, live);
    } catch (error) {
      if (!isDomainError(error) || error.code !== "SITE_FULL") throw error;
      result.dropOffsTurnedAway++;
    }
  };

  let nextDropOff = 0;

  for (const arrival of trace) {
    while (nextDropOff < dropOffTrace.length && dropOffTrace[nextDropOff].at <= arrival.at) {
      await advanceTo(dropOffTrace[nextDropOff].at - 20 * 60_000);
      await dropOff(dropOffTrace[nextDropOff++]);
    }
    await advanceTo(arrival.at);
    try {
      const reserved = await reserveParcel(courier, {
        siteId: site.id,
        trackingNumber: `BENCH${++serial}`,
        size: arrival.size,
        recipientPhone: arrival.phone,
      });
      confirmDeposit(courier, { parcelId: reserved.parcel.id });
      live++;
      result.peakOccupied = Math.max(result.peakOccupied, live);
      if (reserved.parcel.upsized) result.upsized++;
      const slot = reserved.parcel.slot!;
      if (slot.row >= 3 && slot.row <= 6) result.middleRows++;
      if (arrival.pickupAfterMs !== null) pickups.push({ at: arrival.at + arrival.pickupAfterMs, parcelId: reserved.parcel.id, phone: arrival.phone });
    } catch (error) {
      if (!isDomainError(error) || error.code !== "SITE_FULL") throw error;
      result.turnedAway++;
      if (arrival.size === "L" || arrival.size === "XL") result.turnedAwayLarge++;
    }
  }
  world.close();
  return result;
}

async function main() {
  const start = Date.UTC(2026, 10, 1, 0, 0) - 8 * HOUR;
  const trace = buildTrace(start);
  const dropOffs = buildDropOffs(start, trace.length);
  const began = Date.now();
  const results: Result[] = [];
  for (const policy of ["best-fit", "first-fit"] as const) {
    results.push(await simulate(policy, trace, [], start));
    if (dropOffs.length) results.push(await simulate(policy, trace, dropOffs, start));
  }
  const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;
  console.log(`Assignment benchmark: ${DAYS} days, ${trace.length} inbound parcels (seed ${SEED}), ${results[0].doors} doors`);
  console.log(`Outbound: ${dropOffs.length} drop-offs (${pct(dropOffs.length, dropOffs.length + trace.length)} of door uses), taken by the carrier at 10:00 and 17:00`);
  console.log("policy     | outbound | inbound turned away | of them L/XL | drop-offs turned away | upsized         | in rows 3–6 (reach) | taken back | peak occupied");
  for (const r of results) {
    const deposited = r.parcels - r.turnedAway;
    console.log(
      [
        r.policy.padEnd(10),
        (r.outbound ? "yes" : "no").padEnd(8),
        `${r.turnedAway} (${pct(r.turnedAway, r.parcels)})`.padEnd(19),
        String(r.turnedAwayLarge).padEnd(12),
        (r.outbound ? `${r.dropOffsTurnedAway} (${pct(r.dropOffsTurnedAway, r.dropOffs)})` : "–").padEnd(21),
        `${r.upsized} (${pct(r.upsized, deposited)})`.padEnd(15),
        pct(r.middleRows, deposited).padEnd(19),
        String(r.expiredTakenBack).padEnd(10),
        String(r.peakOccupied),
      ].join(" | "),
    );
  }
  if (dropOffs.length) {
    for (const policy of ["best-fit", "first-fit"] as const) {
      const [without, withOutbound] = results.filter((r) => r.policy === policy);
      console.log(`${policy}: outbound traffic turns away ${withOutbound.turnedAway - without.turnedAway} more inbound parcels (${pct(without.turnedAway, without.parcels)} → ${pct(withOutbound.turnedAway, withOutbound.parcels)})`);
    }
  }
  console.log(`(${((Date.now() - began) / 1000).toFixed(1)} s for all runs; BENCH_DAYS, BENCH_PARCELS_PER_DAY, BENCH_OUTBOUND_SHARE and BENCH_SEED change the month)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

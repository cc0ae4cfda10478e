import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { parcels, sites, type SlotSize } from "@/db/schema";
import type { Ctx, KioskActor } from "@/lib/context";
import { DEFAULT_TIME_ZONE, startOfDay } from "@/lib/time";
import { collectParcel } from "@/lib/parcels/collect";
import { confirmDeposit } from "@/lib/parcels/deposit";
import { reserveParcel } from "@/lib/parcels/reserve";
import { expireOverdueParcels } from "@/lib/parcels/sweep";
import { confirmTakeBack, takeBackParcel } from "@/lib/parcels/take-back";
import { decryptPickupCode, phoneLast4, type PickupCodeKeys } from "@/lib/pickup-codes/code";

/*
 * Two weeks of ordinary traffic before the demo's own story, so the admin's dashboard has
 * a history to chart: parcels deposited through the day, collected hours later at the
 * kiosk, a few left to expire and taken back. All through the domain verbs, on a clock
 * that walks forward event by event. A fixed random seed makes it the same each time
 * (up to where "now" falls in the day).
 *
 * Everything here is finished before today's story begins — no parcel of this history is
 * still in a door — so the demo's live state is exactly the story's.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** mulberry32: a small, seedable generator; Math.random cannot be replayed. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type HistoryCast = {
  db: Db;
  keys: PickupCodeKeys;
  clock: { now: number };
  zto: Ctx;
  sf: Ctx;
  system: Ctx;
  kiosk: (kiosk: KioskActor) => Ctx;
  /** Campus sites in order north, library, east, with their kiosks. */
  sites: { siteId: number; kioskId: number; perDay: number; sfServes: boolean }[];
  /** Delivers the messages the history queued, at the history's time. */
  settle: () => Promise<void>;
};

type Planned = {
  key: number;
  siteIndex: number;
  courier: "zto" | "sf";
  size: SlotSize;
  phone: string;
  depositAt: number;
  collectAt: number | null;
  takeBackAt: number | null;
};

type Step = { at: number; kind: "deposit" | "collect" | "expire" | "take-back"; parcel: Planned };

export async function fillHistory(cast: HistoryCast, now: number, days = 13): Promise<number> {
  const random = generator(20_261_126);
  const pick = <T>(weighted: [T, number][]): T => {
    let roll = random() * weighted.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, weight] of weighted) if ((roll -= weight) < 0) return value;
    return weighted[weighted.length - 1][0];
  };
  // Everything finishes three hours before now, before today's story begins.
  const cutoff = now - 3 * HOUR;
  const holds = new Map(
    cast.sites.map(({ siteId }) => [siteId, cast.db.select({ h: sites.holdPeriodHours }).from(sites).where(eq(sites.id, siteId)).get()!.h * HOUR]),
  );

  const planned: Planned[] = [];
  for (let back = days; back >= 1; back--) {
    const dayStart = startOfDay(DEFAULT_TIME_ZONE, now) - back * DAY;
    const weekday = new Date(dayStart + 8 * HOUR).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    for (const [siteIndex, site] of cast.sites.entries()) {
      const count = Math.round(site.perDay * (weekend ? 0.6 : 1) * (0.75 + random() * 0.5));
      for (let i = 0; i < count; i++) {
        const depositAt = dayStart + 8.5 * HOUR + Math.floor(random() * 10 * HOUR);
        // Most parcels wait a few hours; some a day or two (log-normal, median ~5 h).
        const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
        const wait = Math.min(60, Math.max(0.3, Math.exp(Math.log(5) + 0.9 * normal))) * HOUR;
        const forgotten = random() < 0.04;
        const expiresAt = depositAt + holds.get(site.siteId)!;
        const takeBackAt = expiresAt + (2 + random() * 18) * HOUR;
        let collectAt: number | null = forgotten ? null : depositAt + wait;
        let takeBack: number | null = forgotten ? takeBackAt : null;
        if (takeBack !== null && takeBack > cutoff) {
          takeBack = null;
          collectAt = depositAt + wait;
        }
        if (collectAt !== null && collectAt >= expiresAt) collectAt = expiresAt - HOUR;
        if (collectAt !== null && collectAt > cutoff) collectAt = cutoff - random() * HOUR;
        if (collectAt !== null && collectAt < depositAt + 10 * 60_000) continue;
        planned.push({
          key: planned.length,
          siteIndex,
          courier: site.sfServes && random() < 0.4 ? "sf" : "zto",
          size: pick<SlotSize>([["S", 35], ["M", 40], ["L", 20], ["XL", 5]]),
          // About 150 regular recipients, none of them a demo account.
          phone: `158${String(10_000_000 + Math.floor(random() * 150)).slice(-8)}`,
          depositAt,
          collectAt,
          takeBackAt: takeBack,
        });
      }
    }
  }

  const steps: Step[] = planned.flatMap((parcel) => [
    { at: parcel.depositAt, kind: "deposit" as const, parcel },
    ...(parcel.collectAt !== null ? [{ at: parcel.collectAt, kind: "collect" as const, parcel }] : []),
    ...(parcel.takeBackAt !== null
      ? [
          { at: parcel.takeBackAt - HOUR, kind: "expire" as const, parcel },
          { at: parcel.takeBackAt, kind: "take-back" as const, parcel },
        ]
      : []),
  ]);
  steps.sort((a, b) => a.at - b.at || a.parcel.key - b.parcel.key);

  const ids = new Map<number, number>();
  let serial = { zto: 0, sf: 0 };
  let day = startOfDay(DEFAULT_TIME_ZONE, steps[0]?.at ?? now);
  for (const step of steps) {
    if (startOfDay(DEFAULT_TIME_ZONE, step.at) !== day) {
      await cast.settle();
      day = startOfDay(DEFAULT_TIME_ZONE, step.at);
    }
    cast.clock.now = step.at;
    const { parcel } = step;
    const site = cast.sites[parcel.siteIndex];
    const courier = parcel.courier === "sf" ? cast.sf : cast.zto;
    switch (step.kind) {
      case "deposit": {
        serial = { ...serial, [parcel.courier]: serial[parcel.courier] + 1 };
        const trackingNumber =
          parcel.courier === "sf" ? `SF1399${String(serial.sf).padStart(6, "0")}` : `ZT7729${String(serial.zto).padStart(6, "0")}`;
        const reserved = await reserveParcel(courier, { siteId: site.siteId, trackingNumber, size: parcel.size, recipientPhone: parcel.phone });
        cast.clock.now += 60_000 + Math.floor(random() * 2 * 60_000);
        ids.set(parcel.key, confirmDeposit(courier, { parcelId: reserved.parcel.id }).parcel.id);
        break;
      }
      case "collect": {
        const row = cast.db.select().from(parcels).where(eq(parcels.id, ids.get(parcel.key)!)).get()!;
        await collectParcel(cast.kiosk({ kind: "kiosk", kioskId: site.kioskId, siteId: site.siteId }), {
          code: decryptPickupCode(cast.keys, row.pickupCodeCipher!),
          phoneLast4: phoneLast4(row.recipientPhone),
        });
        break;
      }
      case "expire":
        expireOverdueParcels(cast.system, site.siteId);
        break;
      case "take-back":
        await takeBackParcel(courier, { parcelId: ids.get(parcel.key)! });
        confirmTakeBack(courier, { parcelId: ids.get(parcel.key)! });
        break;
    }
  }
  await cast.settle();
  return planned.length;
}

import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { parcelEvents, parcels, slots } from "@/db/schema";
import { doorHeldSql } from "@/db/occupancy";
import type { KioskActor, UserActor } from "@/lib/context";
import { confirmDeposit } from "@/lib/parcels/deposit";
import { reserveParcel } from "@/lib/parcels/reserve";
import { confirmTakeBack, takeBackParcel } from "@/lib/parcels/take-back";
import type { ReserveInput } from "@/lib/parcels/schemas";
import { phoneLast4 } from "@/lib/pickup-codes/code";
import type { LockerLayout } from "@/lib/sites/layout";
import {
  createAdmin,
  createCarrier,
  createCourier,
  createKiosk,
  createLocker,
  createOrganization,
  createSite,
  pickupCodeOf,
  trackingNumber,
  type TestWorld,
} from "./factories";

/*
 * Scenario helpers on top of the factories: a working station (organization, site, one
 * cabinet, a carrier with a courier, a kiosk, an admin) and the courier's two steps.
 */

export type Station = {
  organizationId: number;
  site: ReturnType<typeof createSite>;
  locker: ReturnType<typeof createLocker>;
  carrier: ReturnType<typeof createCarrier>;
  courier: UserActor;
  kiosk: KioskActor;
  admin: UserActor;
};

export type StationOptions = {
  layout?: LockerLayout;
  organizationId?: number;
  holdPeriodHours?: number;
  latitude?: number;
  longitude?: number;
  status?: "open" | "closed";
  name?: string;
  timeZone?: string;
};

export function createStation(world: TestWorld, options: StationOptions = {}): Station {
  const db = world.db;
  const organizationId = options.organizationId ?? createOrganization(db).id;
  const site = createSite(db, organizationId, {
    holdPeriodHours: options.holdPeriodHours,
    latitude: options.latitude,
    longitude: options.longitude,
    status: options.status,
    name: options.name,
    timeZone: options.timeZone,
  });
  const locker = createLocker(db, site.id, options.layout);
  const carrier = createCarrier(db);
  return {
    organizationId,
    site,
    locker,
    carrier,
    courier: createCourier(db, carrier.id, [site.id]),
    kiosk: createKiosk(db, site.id),
    admin: createAdmin(db, organizationId),
  };
}

let phones = 0;
/** A fresh mainland mobile number, so each parcel has its own recipient. */
export function recipientPhone(): string {
  return `139${String(++phones).padStart(8, "0")}`;
}

export function reserveInput(siteId: number, overrides: Partial<ReserveInput> = {}): ReserveInput {
  return { siteId, trackingNumber: trackingNumber(), size: "S", recipientPhone: recipientPhone(), ...overrides };
}

export async function reserve(world: TestWorld, courier: UserActor, siteId: number, overrides: Partial<ReserveInput> = {}) {
  return reserveParcel(world.ctx(courier), reserveInput(siteId, overrides));
}

/** Reserves and deposits one parcel; returns it with its pickup code and phone digits. */
export async function deposit(world: TestWorld, courier: UserActor, siteId: number, overrides: Partial<ReserveInput> = {}) {
  const reserved = await reserve(world, courier, siteId, overrides);
  const { parcel } = confirmDeposit(world.ctx(courier), { parcelId: reserved.parcel.id });
  return { parcel, code: pickupCodeOf(world, parcel.id), phoneLast4: phoneLast4(parcel.recipientPhone) };
}

/** Both steps of a take-back by the courier: open the door, then confirm the parcel is out. */
export async function takeBack(world: TestWorld, courier: UserActor, parcelId: number) {
  const opened = await takeBackParcel(world.ctx(courier), { parcelId });
  if (opened.replayed) return { ...opened, replayed: true };
  const confirmed = confirmTakeBack(world.ctx(courier), { parcelId });
  return { parcel: confirmed.parcel, doorOpened: opened.doorOpened, replayed: confirmed.replayed };
}

export function parcelRow(db: Db, parcelId: number) {
  const row = db.select().from(parcels).where(eq(parcels.id, parcelId)).get();
  if (!row) throw new Error(`no parcel ${parcelId}`);
  return row;
}

export function slotRow(db: Db, slotId: number) {
  const row = db.select().from(slots).where(eq(slots.id, slotId)).get();
  if (!row) throw new Error(`no slot ${slotId}`);
  return row;
}

/** A parcel's timeline, oldest first, in the shape tests compare. */
export function eventsOf(db: Db, parcelId: number) {
  return db
    .select()
    .from(parcelEvents)
    .where(eq(parcelEvents.parcelId, parcelId))
    .orderBy(asc(parcelEvents.id))
    .all()
    .map((event) => ({
      kind: event.kind,
      from: event.fromState,
      to: event.toState,
      slotId: event.slotId,
      siteId: event.siteId,
      actorKind: event.actorKind,
      actorUserId: event.actorUserId,
      at: event.at,
      detail: event.detail ? (JSON.parse(event.detail) as Record<string, unknown>) : null,
    }));
}

/** The state transitions of a parcel's timeline as "from→to" strings. */
export function transitionsOf(db: Db, parcelId: number): string[] {
  return eventsOf(db, parcelId)
    .filter((event) => event.to !== null)
    .map((event) => `${event.from ?? "∅"}→${event.to}`);
}

/** Slots of a site that are in service and hold no live parcel. */
export function freeSlotIds(db: Db, siteId: number): number[] {
  return db.$client
    .prepare(
      `select s.id from slots s
       where s.site_id = ? and s.in_service = 1
         and not ${doorHeldSql("s.id")}
       order by s.id`,
    )
    .pluck()
    .all(siteId) as number[];
}

export const HOUR_MS = 3_600_000;

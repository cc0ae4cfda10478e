import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { carriers, courierSites, kiosks, organizations, parcels, slots, users, type SlotSize } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { hashPassword } from "@/lib/auth/password";
import type { Actor, Ctx, UserActor } from "@/lib/context";
import { SimulatedDoorController } from "@/lib/cabinet/door-controller";
import { storeConsentPreference } from "@/lib/consent/preferences";
import { collectParcel } from "@/lib/parcels/collect";
import { confirmDeposit } from "@/lib/parcels/deposit";
import { announceParcel } from "@/lib/parcels/announce";
import { reserveParcel } from "@/lib/parcels/reserve";
import { cancelParcel } from "@/lib/parcels/cancel";
import { expireOverdueParcels, queueReminders } from "@/lib/parcels/sweep";
import { confirmTakeBack, takeBackParcel } from "@/lib/parcels/take-back";
import { decryptPickupCode, type PickupCodeKeys } from "@/lib/pickup-codes/code";
import { insertLocker, insertSite, layoutByRow, type LockerLayout } from "@/lib/sites/layout";
import { fillHistory } from "./history";
import { markCalendarDays } from "@/lib/forecast/calendar";
import { dayKey, DEFAULT_TIME_ZONE } from "@/lib/time";
import { createMailboxTransport } from "@/lib/notifications/mailbox";
import { deliverDueNotifications } from "@/lib/notifications/worker";

/*
 * The demo network: one campus with three stations at real coordinates on Zhejiang
 * University's Zijingang campus, a second organization for the refusals to refuse, four
 * carriers, and parcels in every state of the lifecycle — all made through the same
 * domain verbs the app uses, so the demo holds nothing the app could not have made.
 */

export const DEMO_PASSWORD = "locker-demo-2026";
const DEMO_ORG_SLUG = "zju-zijingang";

const DEMO_ACCOUNTS = {
  admin: "admin@demo.campus",
  otherAdmin: "admin@westlake.demo",
  ztoCourier: "zto.courier@demo.campus",
  sfCourier: "sf.courier@demo.campus",
  alice: "alice@demo.campus",
  bob: "bob@demo.campus",
} as const;

const HOUR = 3_600_000;

const ROWS_8: SlotSize[] = ["S", "S", "M", "M", "M", "L", "L", "XL"];
const ROWS_6: SlotSize[] = ["S", "M", "M", "M", "L", "XL"];

type SiteSpec = {
  code: string;
  name: string;
  address: string;
  latitude: number;
  longitude: number;
  openingHours: string;
  lockers: { code: string; layout: LockerLayout }[];
  broken: string[];
};

const CAMPUS_SITES: SiteSpec[] = [
  {
    code: "ZJG-N",
    name: "North Dormitory Station",
    address: "Bldg 7 courtyard, North Dormitories, 866 Yuhangtang Rd, Hangzhou",
    latitude: 30.3112,
    longitude: 120.0855,
    openingHours: "Open 24 hours",
    lockers: [
      { code: "A", layout: layoutByRow(ROWS_8, 4) },
      { code: "B", layout: layoutByRow(ROWS_8, 4) },
    ],
    broken: ["A-05", "B-12"],
  },
  {
    code: "ZJG-L",
    name: "Library Plaza Station",
    address: "West side of the Main Library, 866 Yuhangtang Rd, Hangzhou",
    latitude: 30.3057,
    longitude: 120.0893,
    openingHours: "07:00–23:00 daily",
    lockers: [
      { code: "A", layout: layoutByRow(ROWS_8, 3) },
      { code: "B", layout: layoutByRow(ROWS_6, 3) },
      { code: "C", layout: layoutByRow(["M", "L", "L", "XL"], 2) },
    ],
    broken: ["B-03"],
  },
  {
    code: "ZJG-E",
    name: "East Teaching Station",
    address: "Between East Teaching Buildings 1 and 2, 866 Yuhangtang Rd, Hangzhou",
    latitude: 30.3009,
    longitude: 120.0961,
    openingHours: "06:30–22:30 daily",
    lockers: [
      { code: "A", layout: layoutByRow(ROWS_8, 4) },
      { code: "B", layout: layoutByRow(ROWS_6, 4) },
      { code: "C", layout: layoutByRow(["L", "L", "XL"], 4) },
    ],
    broken: ["C-04", "A-17", "B-02"],
  },
];

const CARRIERS = [
  { code: "ZTO", name: "ZTO Express", contactPhone: "95311", trackingUrl: "https://www.zto.com/?num={waybill}" },
  { code: "STO", name: "STO Express", contactPhone: "95543", trackingUrl: "https://www.sto.cn/pc/service-page/query?num={waybill}" },
  { code: "YUNDA", name: "Yunda Express", contactPhone: "95546", trackingUrl: "https://www.yundaex.com/cn/query?num={waybill}" },
  { code: "SF", name: "SF Express", contactPhone: "95338", trackingUrl: "https://www.sf-express.com/chn/sc/waybill/waybill-detail/{waybill}" },
];

/** Fills an empty database with the demo network. Does nothing if it is already there. */
export async function seedDemoData(db: Db, keys: PickupCodeKeys, now = Date.now()): Promise<boolean> {
  const existing = db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, DEMO_ORG_SLUG)).get();
  if (existing) return false;

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const built = writeTransaction(db, () => buildNetwork(db, passwordHash, now));
  await fillParcels(db, keys, now, built);
  return true;
}

function buildNetwork(db: Db, passwordHash: string, now: number) {
  const campus = db.insert(organizations).values({ name: "Zijingang Campus", slug: DEMO_ORG_SLUG, createdAt: now }).returning().get();
  const other = db
    .insert(organizations)
    .values({ name: "West Lake Residences", slug: "westlake-residences", createdAt: now })
    .returning()
    .get();

  const siteIds: number[] = [];
  const kioskIds: number[] = [];
  for (const spec of CAMPUS_SITES) {
    const site = insertSite(db, { organizationId: campus.id, ...spec }, now);
    for (const locker of spec.lockers) insertLocker(db, { siteId: site.id, code: locker.code, layout: locker.layout }, now);
    for (const label of spec.broken) {
      db.update(slots)
        .set({ inService: false, outOfServiceReason: "Lock does not engage — repair ordered" })
        .where(and(eq(slots.siteId, site.id), eq(slots.label, label)))
        .run();
    }
    siteIds.push(site.id);
    kioskIds.push(db.insert(kiosks).values({ siteId: site.id, name: "Kiosk 1", createdAt: now }).returning().get().id);
  }
  const westlake = insertSite(
    db,
    {
      organizationId: other.id,
      code: "WLR-1",
      name: "West Lake Residences Gate",
      address: "1 Beishan St, Hangzhou",
      latitude: 30.2592,
      longitude: 120.1446,
      openingHours: "Open 24 hours",
    },
    now,
  );
  insertLocker(db, { siteId: westlake.id, code: "A", layout: layoutByRow(ROWS_6, 4) }, now);
  db.insert(kiosks).values({ siteId: westlake.id, name: "Kiosk 1", createdAt: now }).run();

  const carrierIds = Object.fromEntries(
    CARRIERS.map((c) => [c.code, db.insert(carriers).values({ ...c, createdAt: now }).returning().get().id]),
  ) as Record<string, number>;

  const person = (values: Omit<typeof users.$inferInsert, "passwordHash" | "createdAt">) =>
    db.insert(users).values({ ...values, passwordHash, createdAt: now }).returning().get();

  const admin = person({ name: "Lin Wei (campus admin)", email: DEMO_ACCOUNTS.admin, role: "admin", organizationId: campus.id });
  person({ name: "Zhao Min (West Lake admin)", email: DEMO_ACCOUNTS.otherAdmin, role: "admin", organizationId: other.id });
  // Couriers belong to the organization that registered them: its admins manage them.
  const zto = person({
    name: "Wang Jun",
    email: DEMO_ACCOUNTS.ztoCourier,
    phone: "13700000011",
    role: "courier",
    carrierId: carrierIds.ZTO,
    organizationId: campus.id,
  });
  const sf = person({
    name: "Chen Hao",
    email: DEMO_ACCOUNTS.sfCourier,
    phone: "13700000022",
    role: "courier",
    carrierId: carrierIds.SF,
    organizationId: campus.id,
  });
  for (const siteId of siteIds) db.insert(courierSites).values({ userId: zto.id, siteId }).run();
  for (const siteId of siteIds.slice(0, 2)) db.insert(courierSites).values({ userId: sf.id, siteId }).run();
  const alice = person({ name: "Alice Zhang", email: DEMO_ACCOUNTS.alice, phone: "13800000001", phoneVerifiedAt: now, role: "customer" });
  const bob = person({ name: "Bob Li", email: DEMO_ACCOUNTS.bob, phone: "13900000002", phoneVerifiedAt: now, role: "customer" });
  // The demo customers said lockers are fine (issue 16): the quick start's deposits go ahead
  // as before, and their consent is recorded as standing consent.
  for (const customer of [alice, bob]) {
    storeConsentPreference({ db, now: () => now }, customer.phone!, { standing: "allow", exceptions: [], awayUntil: null }, customer.id);
  }

  return { siteIds, kioskIds, admin, zto, sf, alice, bob };
}

function actorOf(user: typeof users.$inferSelect): UserActor {
  return {
    kind: "user",
    userId: user.id,
    role: user.role,
    organizationId: user.organizationId,
    carrierId: user.carrierId,
    verifiedPhone: user.phoneVerifiedAt != null ? user.phone : null,
  };
}

async function fillParcels(db: Db, keys: PickupCodeKeys, now: number, built: ReturnType<typeof buildNetwork>) {
  const clock = { now };
  const doors = new SimulatedDoorController();
  const as = <A extends Actor>(actor: A): Ctx<A> => ({ db, actor, now: () => clock.now, doors, keys });
  const zto = as(actorOf(built.zto));
  const sf = as(actorOf(built.sf));
  const [north, library, east] = built.siteIds;
  const alice = { recipientPhone: built.alice.phone!, recipientName: built.alice.name, recipientEmail: built.alice.email! };
  const bob = { recipientPhone: built.bob.phone!, recipientName: built.bob.name, recipientEmail: built.bob.email! };

  // The outbox is delivered (to the development mailbox) as the story's clock moves, so
  // each message carries the time it would have been sent — and a deposit message tells
  // the code as it was then, like the text on the customer's phone.
  const system = as({ kind: "system" });
  const deliver = async () => {
    // One batch at a time until nothing more is due at this point of the story.
    for (;;) {
      const report = await deliverDueNotifications(system, createMailboxTransport(system));
      if (report.sent + report.retrying + report.failed + report.skipped === 0) return;
    }
  };

  const deposit = async (ctx: Ctx, siteId: number, trackingNumber: string, size: SlotSize, recipient: typeof alice) => {
    const reserved = await reserveParcel(ctx, { siteId, trackingNumber, size, ...recipient });
    return confirmDeposit(ctx, { parcelId: reserved.parcel.id }).parcel;
  };

  // Two weeks of ordinary traffic first, all of it finished before the story below.
  await fillHistory(
    {
      db,
      keys,
      clock,
      zto,
      sf,
      system,
      kiosk: (kiosk) => as(kiosk),
      sites: [
        { siteId: north, kioskId: built.kioskIds[0], perDay: 9, sfServes: true },
        { siteId: library, kioskId: built.kioskIds[1], perDay: 7, sfServes: true },
        { siteId: east, kioskId: built.kioskIds[2], perDay: 5, sfServes: false },
      ],
      settle: deliver,
    },
    now,
  );

  // Four days ago: one parcel collected, one left to expire and taken back, one expired and waiting.
  clock.now = now - 4 * 24 * HOUR;
  const collected = await deposit(zto, north, "ZT7730012401", "M", alice);
  const returned = await deposit(sf, library, "SF1402938855", "L", bob);
  await deposit(zto, east, "ZT7730012455", "S", bob);
  await deliver();
  clock.now = now - 3.5 * 24 * HOUR;
  const row = db.select().from(parcels).where(eq(parcels.id, collected.id)).get()!;
  await collectParcel(as({ kind: "kiosk", kioskId: built.kioskIds[0], siteId: north }), {
    code: decryptPickupCode(keys, row.pickupCodeCipher!),
    phoneLast4: alice.recipientPhone.slice(-4),
  });
  await deliver();
  // A day before their deadline, the two parcels still waiting get their reminders.
  clock.now = now - 2 * 24 * HOUR;
  queueReminders(system);
  await deliver();

  clock.now = now - 2 * HOUR;
  expireOverdueParcels(as({ kind: "system" }));
  await deliver();
  await takeBackParcel(sf, { parcelId: returned.id });
  confirmTakeBack(sf, { parcelId: returned.id });

  // Today: parcels waiting for Alice and Bob, a cancelled reservation, an open one, a pre-advice.
  clock.now = now - 90 * 60_000;
  await deposit(zto, north, "ZT7730019001", "S", alice);
  await deposit(sf, north, "SF1402990012", "XL", alice);
  await deposit(zto, library, "ZT7730019002", "M", bob);
  await deposit(sf, library, "SF1402990020", "L", bob);
  await deposit(zto, east, "ZT7730019003", "M", alice);
  const mistaken = await reserveParcel(zto, { siteId: east, trackingNumber: "ZT7730019004", size: "S", ...bob });
  cancelParcel(zto, { parcelId: mistaken.parcel.id, reason: "Wrong site — recipient moved" });
  await deliver();
  clock.now = now - 2 * 60_000;
  await reserveParcel(zto, { siteId: north, trackingNumber: "ZT7730019010", size: "M", ...bob });
  announceParcel(sf, { siteId: north, trackingNumber: "SF1402990031", size: "S", ...alice });

  // Fill the rest of the campus to a realistic level so occupancy is worth looking at.
  // These recipients have no account yet: someone who signs up with one of these numbers
  // (13500001001 …, serial order) and confirms it finds their parcel and its text waiting —
  // the e2e customer and kiosk journeys do exactly that, each with its own number.
  let serial = 0;
  for (const siteId of [north, library, east]) {
    for (const size of ["S", "M", "M", "L", "S", "M"] as SlotSize[]) {
      serial += 1;
      const recipient = { recipientPhone: `1350000${String(1000 + serial)}`, recipientName: "", recipientEmail: "" };
      await deposit(zto, siteId, `ZT77300${String(30000 + serial)}`, size, recipient);
    }
  }
  await deliver();

  // Term start at the North Dormitories in two days, marked on the forecast's calendar:
  // the dashboard's forecast of North lifts those days (lib/forecast).
  clock.now = now;
  markCalendarDays(as(actorOf(built.admin)), { place: north, day: dayKey(DEFAULT_TIME_ZONE, now + 2 * 24 * HOUR), days: 2, kind: "term_start" });
}

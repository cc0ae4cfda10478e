import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { openDatabase, type Db } from "@/db/client";
import { carriers, courierSites, kiosks, organizations, parcels, users, type Role } from "@/db/schema";
import type { Actor, Ctx, KioskActor, UserActor } from "@/lib/context";
import { SimulatedDoorController } from "@/lib/cabinet/door-controller";
import { decryptPickupCode, keysFromHex, type PickupCodeKeys } from "@/lib/pickup-codes/code";
import { insertLocker, insertSite, layoutByRow, type LockerLayout } from "@/lib/sites/layout";

/*
 * Small factories for tests: each test file gets a fresh SQLite file migrated by the real
 * migrations and builds exactly the data it needs.
 */

export type TestWorld = {
  db: Db;
  file: string;
  keys: PickupCodeKeys;
  doors: SimulatedDoorController;
  clock: { now: number };
  ctx<A extends Actor>(actor: A): Ctx<A>;
  close(): void;
};

export function createTestWorld(): TestWorld {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locker-test-"));
  const file = path.join(dir, "test.db");
  const db = openDatabase(file, { synchronous: "NORMAL" });
  const keys = keysFromHex(crypto.randomBytes(32).toString("hex"), crypto.randomBytes(32).toString("hex"));
  const doors = new SimulatedDoorController();
  const clock = { now: Date.UTC(2026, 10, 26, 9, 0, 0) };
  return {
    db,
    file,
    keys,
    doors,
    clock,
    ctx: (actor) => ({ db, actor, now: () => clock.now, doors, keys }),
    close: () => {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}${crypto.randomBytes(2).toString("hex")}`;

export function createOrganization(db: Db, name = "Test Campus") {
  return db.insert(organizations).values({ name, slug: unique("org-"), createdAt: Date.now() }).returning().get();
}

export function createSite(
  db: Db,
  organizationId: number,
  options: { name?: string; latitude?: number; longitude?: number; holdPeriodHours?: number; status?: "open" | "closed"; timeZone?: string } = {},
) {
  const code = unique("S").toUpperCase();
  return insertSite(db, {
    organizationId,
    code,
    name: options.name ?? `Site ${code}`,
    address: "1 Test Road",
    latitude: options.latitude ?? 30.26,
    longitude: options.longitude ?? 120.12,
    holdPeriodHours: options.holdPeriodHours,
    status: options.status,
    timeZone: options.timeZone,
  });
}

export function createLocker(db: Db, siteId: number, layout: LockerLayout = layoutByRow(["S", "M", "M", "L", "XL"], 2), code?: string) {
  return insertLocker(db, { siteId, code: code ?? unique("L").toUpperCase(), layout });
}

export function createCarrier(db: Db, name = "Test Express") {
  return db
    .insert(carriers)
    .values({ code: unique("C").toUpperCase(), name, contactPhone: "400-000-0000", createdAt: Date.now() })
    .returning()
    .get();
}

type NewUser = { role: Role; organizationId?: number; carrierId?: number; phone?: string; email?: string; name?: string };

export function createUser(db: Db, user: NewUser) {
  return db
    .insert(users)
    .values({
      name: user.name ?? `${user.role} ${counter}`,
      email: user.email ?? `${unique(user.role)}@test.example`,
      phone: user.phone ?? null,
      phoneVerifiedAt: user.phone ? Date.now() : null,
      passwordHash: "not-a-real-hash",
      role: user.role,
      organizationId: user.organizationId ?? null,
      carrierId: user.carrierId ?? null,
      createdAt: Date.now(),
    })
    .returning()
    .get();
}

export function asActor(user: typeof users.$inferSelect): UserActor {
  return {
    kind: "user",
    userId: user.id,
    role: user.role,
    organizationId: user.organizationId,
    carrierId: user.carrierId,
    verifiedPhone: user.phoneVerifiedAt ? user.phone : null,
  };
}

/** A courier of `carrierId` assigned to `siteIds`, as an actor. */
export function createCourier(db: Db, carrierId: number, siteIds: number[]): UserActor {
  const user = createUser(db, { role: "courier", carrierId });
  for (const siteId of siteIds) db.insert(courierSites).values({ userId: user.id, siteId }).run();
  return asActor(user);
}

export function createAdmin(db: Db, organizationId: number): UserActor {
  return asActor(createUser(db, { role: "admin", organizationId }));
}

export function createCustomer(db: Db, phone: string): UserActor {
  return asActor(createUser(db, { role: "customer", phone }));
}

export function createKiosk(db: Db, siteId: number): KioskActor {
  const kiosk = db.insert(kiosks).values({ siteId, name: unique("kiosk-"), createdAt: Date.now() }).returning().get();
  return { kind: "kiosk", kioskId: kiosk.id, siteId };
}

/** Reads a parcel's pickup code the way its owner's screen would. */
export function pickupCodeOf(world: TestWorld, parcelId: number): string {
  const row = world.db.select().from(parcels).where(eq(parcels.id, parcelId)).get()!;
  return decryptPickupCode(world.keys, row.pickupCodeCipher!);
}

let tracking = 0;
export function trackingNumber(): string {
  return `TN${Date.now().toString(36).toUpperCase()}${++tracking}`;
}

import { eq, or } from "drizzle-orm";
import { openDatabase, type Db } from "@/db/client";
import { sites, users } from "@/db/schema";
import { appContext } from "@/lib/app-context";
import { loadUserActor } from "@/lib/auth/accounts";
import { SimulatedDoorController } from "@/lib/cabinet/door-controller";
import { now } from "@/lib/clock";
import type { Actor, Ctx, UserActor } from "@/lib/context";
import { env } from "@/lib/env";
import { keysFromHex, type PickupCodeKeys } from "@/lib/pickup-codes/code";

/*
 * What the test-data verbs work in: the database of the server under test (DATABASE_PATH),
 * its keys, and its clock with the test offset (TEST_CLOCK, lib/clock.ts), through the
 * same contexts the app builds for a request.
 */

export type World = {
  db: Db;
  keys: PickupCodeKeys;
  /** A context for `actor`; `at` replaces the server's clock (a parcel deposited in the past). */
  as<A extends Actor>(actor: A, at?: () => number): Ctx<A>;
  /** An active account by email or phone, as its actor; throws when there is none. */
  account(identifier: string): UserActor & { name: string };
  site(code: string): typeof sites.$inferSelect;
};

export function openWorld(): World {
  const config = env();
  // The server migrated it; a second migrator here could only race it.
  const db = openDatabase(config.DATABASE_PATH, { migrate: false });
  const keys = keysFromHex(config.PICKUP_CODE_HMAC_KEY, config.PICKUP_CODE_ENCRYPTION_KEY);
  const doors = new SimulatedDoorController();
  return {
    db,
    keys,
    as: (actor, at = now) => appContext(actor, { db, now: at, doors, keys }),
    account(identifier) {
      const user = db.select().from(users).where(or(eq(users.email, identifier), eq(users.phone, identifier))).get();
      const actor = user ? loadUserActor(db, user.id) : null;
      if (!actor) throw new Error(`no active account ${identifier}`);
      return actor;
    },
    site(code) {
      const site = db.select().from(sites).where(eq(sites.code, code)).get();
      if (!site) throw new Error(`no site ${code}`);
      return site;
    },
  };
}

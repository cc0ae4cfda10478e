import "server-only";
import { now as clockNow } from "@/lib/clock";
import type { Actor, Ctx } from "@/lib/context";
import { db } from "@/lib/db";
import { doorController } from "@/lib/doors";
import { env } from "@/lib/env";
import { keysFromHex, type PickupCodeKeys } from "@/lib/pickup-codes/code";

/*
 * The one way to build a context: an actor in a world. The server's world is its database,
 * clock, door controller and pickup-code keys; the API's idempotent writes, scripts and
 * tests pass their own (a transaction's db, a test clock, a simulated controller). Loads no
 * Auth.js, so the background timer and scripts may use it.
 */

export type World = Pick<Ctx, "db" | "now" | "doors" | "keys">;

let keys: PickupCodeKeys | undefined;
function pickupCodeKeys(): PickupCodeKeys {
  keys ??= keysFromHex(env().PICKUP_CODE_HMAC_KEY, env().PICKUP_CODE_ENCRYPTION_KEY);
  return keys;
}

/** This server's world. */
export function appWorld(): World {
  return { db: db(), now: clockNow, doors: doorController(), keys: pickupCodeKeys() };
}

export function appContext<A extends Actor>(actor: A, world: World = appWorld()): Ctx<A> {
  return { db: world.db, actor, now: world.now, doors: world.doors, keys: world.keys };
}

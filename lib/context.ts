import "server-only";
import type { Db } from "@/db/client";
import type { Role } from "@/db/schema";
import type { DoorController } from "./cabinet/door-controller";
import type { PickupCodeKeys } from "./pickup-codes/code";

export type UserActor = {
  kind: "user";
  userId: number;
  role: Role;
  organizationId: number | null;
  carrierId: number | null;
  /** The customer's phone once verified; customers see the parcels addressed to it. */
  verifiedPhone: string | null;
  /** Set when the courier acts through an API token (a handheld or a carrier's system). */
  viaTokenId?: number;
  /** The signed-in session (user_sessions) the request came with, when it came from a browser. */
  sessionId?: string;
};
export type KioskActor = { kind: "kiosk"; kioskId: number; siteId: number; viaTokenId?: number };
export type SystemActor = { kind: "system" };
/** Nobody signed in: every verb that needs a person refuses it. */
export type AnonymousActor = { kind: "anonymous" };
export type Actor = UserActor | KioskActor | SystemActor | AnonymousActor;

/** Everything a domain verb needs from the world: the database, who asks, and the clock. */
export type Ctx<A extends Actor = Actor> = {
  db: Db;
  actor: A;
  now: () => number;
  doors: DoorController;
  keys: PickupCodeKeys;
};

export function actorUserId(actor: Actor): number | null {
  return actor.kind === "user" ? actor.userId : null;
}

export type ActorKind = "user" | "kiosk" | "system" | "device";

/** How an event row names who acted. */
export function actorKind(actor: Actor): ActorKind {
  // Anonymous callers are refused before they can change anything; "system" is a safe label.
  if (actor.kind === "anonymous") return "system";
  if (actor.kind === "user" && actor.viaTokenId !== undefined) return "device";
  return actor.kind;
}

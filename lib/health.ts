import "server-only";
import { MqttDoorController } from "@/lib/cabinet/mqtt-door-controller";
import { db } from "@/lib/db";
import type { Db } from "@/db/client";
import type { DoorController } from "@/lib/cabinet/door-controller";
import { doorController } from "@/lib/doors";

/**
 * Whether the app's database opens and answers, for the health probe (app/api/health). A
 * failure is logged here with its cause; the probe answers only yes or no.
 */
export function databaseAnswers(database: () => Db = db): boolean {
  try {
    database().$client.prepare("select 1").get();
    return true;
  } catch (error) {
    console.error("health: the database does not answer", error);
    return false;
  }
}

export type Health = {
  /** The process answers and its database does: what the probe's HTTP status says (503 when not). */
  ok: boolean;
  database: "ok" | "unavailable";
  /** Messages due and not sent yet: a gateway that is down shows here long before a message fails for good. */
  outbox?: { due: number; retrying: number; oldestDueSeconds: number };
  /** The link to the cabinets' broker (DOOR_CONTROLLER=mqtt), or simulated doors. */
  cabinets?: "connected" | "disconnected" | "simulated";
};

/**
 * What an operator's monitor reads at /api/health: the database, the outbox's backlog and
 * the cabinets' broker. Only the database decides the status code (a load balancer takes a
 * server without one out of service); alert on the rest from the body, e.g. on
 * `outbox.oldestDueSeconds` over a few minutes or `cabinets` "disconnected".
 */
export function health(database: () => Db, doors: DoorController, now: number): Health {
  if (!databaseAnswers(database)) return { ok: false, database: "unavailable" };
  const due = database()
    .$client.prepare(
      "select count(*) as due, coalesce(sum(attempts > 0), 0) as retrying, min(next_attempt_at) as oldest from notifications where status = 'queued' and next_attempt_at <= ?",
    )
    .get(now) as { due: number; retrying: number; oldest: number | null };
  return {
    ok: true,
    database: "ok",
    outbox: { due: due.due, retrying: due.retrying, oldestDueSeconds: due.oldest === null ? 0 : Math.max(0, Math.round((now - due.oldest) / 1000)) },
    cabinets: doors instanceof MqttDoorController ? (doors.brokerConnected ? "connected" : "disconnected") : "simulated",
  };
}

/** The app's own health (its connection and door controller), for the probe's route. */
export function appHealth(now: number): Health {
  return health(db, doorController(), now);
}

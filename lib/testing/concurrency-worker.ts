/*
 * One OS process of the concurrency tests (lib/parcels/concurrency.test.ts). It opens its
 * own connection to the test's database file, waits at the barrier until the test says
 * "go", runs its job and reports every outcome — an acknowledged deposit, a refusal, or
 * any other error — back to the test. Run by lib/testing/workers.ts under
 * `node --conditions=react-server --import tsx`, like the app's own scripts.
 */
import { openDatabase } from "@/db/client";
import type { Ctx, UserActor } from "@/lib/context";
import { SimulatedDoorController } from "@/lib/cabinet/door-controller";
import { isDomainError } from "@/lib/errors";
import { confirmDeposit } from "@/lib/parcels/deposit";
import { reserveParcel } from "@/lib/parcels/reserve";
import { keysFromHex } from "@/lib/pickup-codes/code";
import { insertParcelRow } from "./consent";
import type { WorkerJob, WorkerMessage, WorkerOutcome } from "./workers";

function describeError(error: unknown): WorkerOutcome {
  if (isDomainError(error)) return { outcome: "refused", code: error.code, message: error.message };
  const inner = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = inner instanceof Error && "code" in inner ? String(inner.code) : undefined;
  return { outcome: "error", code, message: inner instanceof Error ? inner.message : String(inner) };
}

async function run(job: WorkerJob, ctx: Ctx): Promise<WorkerOutcome[]> {
  const outcomes: WorkerOutcome[] = [];
  switch (job.kind) {
    case "deposit":
      for (const trackingNumber of job.trackingNumbers) {
        try {
          const reserved = await reserveParcel(ctx, { ...job.input, trackingNumber });
          const { parcel } = confirmDeposit(ctx, { parcelId: reserved.parcel.id });
          outcomes.push({ outcome: "ok", trackingNumber, parcelId: parcel.id, slotId: parcel.slot!.id, state: parcel.state });
        } catch (error) {
          outcomes.push({ ...describeError(error), trackingNumber });
        }
      }
      break;
    case "reserve":
      for (const trackingNumber of job.trackingNumbers) {
        try {
          const reserved = await reserveParcel(ctx, { ...job.input, trackingNumber });
          outcomes.push({
            outcome: "ok",
            trackingNumber,
            parcelId: reserved.parcel.id,
            slotId: reserved.parcel.slot!.id,
            state: reserved.parcel.state,
            replayed: reserved.replayed,
          });
        } catch (error) {
          outcomes.push({ ...describeError(error), trackingNumber });
        }
      }
      break;
    case "raw-insert":
      // Deliberately no check first and no domain verb: only the database stands in the way.
      for (const row of job.rows) {
        try {
          const inserted = insertParcelRow(ctx.db, row);
          outcomes.push({ outcome: "ok", trackingNumber: row.trackingNumber, parcelId: inserted.id, slotId: inserted.slotId });
        } catch (error) {
          outcomes.push({ ...describeError(error), trackingNumber: row.trackingNumber });
        }
      }
      break;
  }
  return outcomes;
}

function send(message: WorkerMessage) {
  process.send!(message);
}

process.once("message", (job: WorkerJob) => {
  const db = openDatabase(job.file, { migrate: false, synchronous: "NORMAL", busyTimeoutMs: job.busyTimeoutMs });
  const actor: UserActor = job.actor;
  const ctx: Ctx = {
    db,
    actor,
    now: () => job.now,
    doors: new SimulatedDoorController(),
    keys: keysFromHex(job.hmacKeyHex, job.encryptionKeyHex),
  };
  process.once("message", async () => {
    const outcomes = await run(job, ctx);
    db.$client.close();
    send({ type: "done", outcomes });
    process.disconnect();
  });
  send({ type: "ready" });
});

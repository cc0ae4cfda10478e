import "server-only";
import { appContext } from "@/lib/app-context";
import { pruneIdempotencyKeys } from "@/lib/api/idempotency";
import { pruneSessions } from "@/lib/auth/sessions";
import { pruneExpiredPairings } from "@/lib/kiosk/pairing-codes";
import type { Ctx, SystemActor } from "@/lib/context";
import { runOutboundSweep } from "@/lib/outbound/sweep";
import { runParcelSweep } from "@/lib/parcels/sweep";
import { appTransport } from "@/lib/notifications/delivery";
import type { MessageTransport } from "@/lib/notifications/transport";
import { DELIVERY_POLICY, deliverDueNotifications, deliveryTurns, nothingDelivered, type DeliveryReport } from "@/lib/notifications/worker";
import { refreshStaleForecasts } from "@/lib/forecast/store";
import { yieldToRequests } from "@/lib/yield";

/*
 * The server's two timers, started once per process by instrumentation.ts. The housekeeping
 * round, every 10 s: the parcel sweep (lapsed reservations, expiries, reminders), pruning
 * Idempotency-Keys past their day, kiosk pairing codes past their time and sign-in sessions
 * that ended, the stale forecasts, and then the outbox, so a reminder queued by the sweep
 * goes out in the same round. And the outbox every second: each deposit queues the message
 * that carries its pickup code, and it should not wait for the next round.
 */

const BACKGROUND_INTERVAL_MS = 10_000;
const OUTBOX_INTERVAL_MS = 1_000;

const holder = globalThis as unknown as {
  lockerBackgroundTimer?: ReturnType<typeof setInterval>;
  lockerOutboxTimer?: ReturnType<typeof setInterval>;
};

/**
 * How long one run may keep delivering before it leaves the rest to the next one. Under load
 * delivery takes only its share of the event loop (DeliveryPolicy.shareUnderLoad), so the
 * run costs requests no more for being long.
 */
const DELIVERY_BUDGET_MS = 8_000;

export async function runBackgroundJobsOnce(ctx: Ctx<SystemActor> = appContext({ kind: "system" })) {
  // Requests waiting meanwhile run between the steps: a round that held the event loop
  // from start to end cost every request that came during it its whole length (issue 19).
  const sweep = runParcelSweep(ctx);
  await yieldToRequests();
  const outbound = runOutboundSweep(ctx);
  await yieldToRequests();
  const idempotencyKeysPruned = pruneIdempotencyKeys(ctx.db, ctx.now());
  const pairingCodesPruned = pruneExpiredPairings(ctx.db, ctx.now());
  const sessionsPruned = pruneSessions(ctx.db, ctx.now());
  await yieldToRequests();
  await refreshStaleForecasts(ctx); // lib/forecast: stale site forecasts, and the collect-today reminders a crunch calls for
  const delivery = (await deliverOutbox(ctx)) ?? nothingDelivered();
  return { sweep, outbound, delivery, idempotencyKeysPruned, pairingCodesPruned, sessionsPruned };
}

// The run in progress on each database: the round and the outbox's timer never send side by
// side, each taking batches and turns of the event loop from the other.
const deliveries = new WeakMap<Ctx["db"], Promise<DeliveryReport>>();

/**
 * Sends the outbox's due messages, batch after batch, until it is empty or the budget is
 * spent (one batch per run would fall further behind every run at a busy network's rate).
 * Null when a run is already in progress on the same database: that run goes on until the
 * outbox is empty, so it sends what the caller queued too (or, queued after its last look,
 * the timer's next run a second later), and the caller does not wait for it (the round
 * waiting for the outbox under load came every 20 s instead of 10).
 */
export function deliverOutbox(ctx: Ctx<SystemActor>, transport: MessageTransport = appTransport(ctx)): Promise<DeliveryReport> | null {
  if (deliveries.has(ctx.db)) return null;
  const run = (async () => {
    const delivery = nothingDelivered();
    const started = Date.now();
    const turns = deliveryTurns();
    for (;;) {
      const batch = await deliverDueNotifications(ctx, transport, DELIVERY_POLICY, turns);
      for (const key of Object.keys(delivery) as (keyof DeliveryReport)[]) delivery[key] += batch[key];
      if (batch.sent + batch.retrying + batch.failed + batch.skipped === 0 || Date.now() - started > DELIVERY_BUDGET_MS) return delivery;
    }
  })().finally(() => deliveries.delete(ctx.db));
  deliveries.set(ctx.db, run);
  return run;
}

/** Starts the timers unless this process already has them (dev reloads re-run instrumentation). */
export function startBackgroundJobs(intervalMs = BACKGROUND_INTERVAL_MS): void {
  if (holder.lockerBackgroundTimer) return;
  let running = false;
  const tick = async () => {
    // A slow SMTP server must not stack rounds on top of each other.
    if (running) return;
    running = true;
    try {
      await runBackgroundJobsOnce();
    } catch (error) {
      console.error("background jobs: round failed; trying again next round:", error);
    } finally {
      running = false;
    }
  };
  holder.lockerBackgroundTimer = setInterval(tick, intervalMs);
  // The timers never keep a process alive on their own (a build, a test, a shutdown).
  holder.lockerBackgroundTimer.unref();
  holder.lockerOutboxTimer = setInterval(() => {
    deliverOutbox(appContext({ kind: "system" }))?.catch((error: unknown) => console.error("outbox: delivery failed; trying again in a second:", error));
  }, OUTBOX_INTERVAL_MS);
  holder.lockerOutboxTimer.unref();
  void tick();
}

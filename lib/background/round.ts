import "server-only";
import { appContext } from "@/lib/app-context";
import { pruneIdempotencyKeys } from "@/lib/api/idempotency";
import { pruneSessions } from "@/lib/auth/sessions";
import { pruneExpiredPairings } from "@/lib/kiosk/pairing-codes";
import type { Ctx, SystemActor } from "@/lib/context";
import { runOutboundSweep } from "@/lib/outbound/sweep";
import { runParcelSweep } from "@/lib/parcels/sweep";
import { appTransport } from "@/lib/notifications/delivery";
import { deliverDueNotifications } from "@/lib/notifications/worker";
import { refreshStaleForecasts } from "@/lib/forecast/store";
import { yieldToRequests } from "@/lib/yield";

/*
 * The server's housekeeping timer, started once per process by instrumentation.ts: the
 * parcel sweep (lapsed reservations, expiries, reminders), pruning Idempotency-Keys past
 * their day, kiosk pairing codes past their time and sign-in sessions that ended, and then the outbox delivery, so a reminder queued by the sweep goes out in
 * the same round.
 */

const BACKGROUND_INTERVAL_MS = 10_000;

const holder = globalThis as unknown as { lockerBackgroundTimer?: ReturnType<typeof setInterval> };

/** How long one round may keep delivering before it leaves the rest to the next round. */
const DELIVERY_BUDGET_MS = 5_000;

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
  const transport = appTransport(ctx);
  const delivery = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
  // Batch after batch until the outbox is drained or the budget is spent: at a busy
  // network's rate one batch per round would fall further behind every round.
  const started = Date.now();
  for (;;) {
    const batch = await deliverDueNotifications(ctx, transport);
    for (const key of Object.keys(delivery) as (keyof typeof delivery)[]) delivery[key] += batch[key];
    if (batch.sent + batch.retrying + batch.failed + batch.skipped === 0 || Date.now() - started > DELIVERY_BUDGET_MS) break;
  }
  return { sweep, outbound, delivery, idempotencyKeysPruned, pairingCodesPruned, sessionsPruned };
}

/** Starts the timer unless this process already has one (dev reloads re-run instrumentation). */
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
  // The timer never keeps a process alive on its own (a build, a test, a shutdown).
  holder.lockerBackgroundTimer.unref();
  void tick();
}

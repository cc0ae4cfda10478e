import "server-only";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { notifications } from "@/db/schema";
import { durable, inCommitGroup } from "@/db/group-commit";
import { preparedQuery } from "@/db/prepared";
import { writeTransaction } from "@/db/transaction";
import type { Ctx } from "@/lib/context";
import { renderNotification, type NotificationRow } from "./templates";
import type { MessageTransport } from "./transport";
import { FairShare } from "@/lib/yield";

/*
 * The outbox's delivery worker. Messages are queued in the same transaction as the change
 * they announce; this sends them afterwards, at least once: a message is marked sent only
 * after its transport accepted it, so a crash between the two sends it again rather than
 * never.
 */

export type DeliveryPolicy = {
  /** Tries before a message is given up as failed. */
  maxAttempts: number;
  /** Wait after the first failure; doubles with each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Messages claimed per run. */
  batchSize: number;
  /**
   * A claimed message is due again after this long, so a worker that died mid-send does
   * not strand it; longer than `sendTimeoutMs`, so two workers never send it at once.
   */
  leaseMs: number;
  sendTimeoutMs: number;
  /** How long delivery holds the event loop before it lets waiting requests run, when they are few. */
  yieldAfterMs: number;
  /**
   * Its part of the event loop while requests keep the loop busy (lib/yield.ts FairShare):
   * every deposit queues a message with its pickup code, so delivery must keep up with the
   * deposits rather than wait for a quiet moment that a peak hour never has.
   */
  shareUnderLoad: number;
  /** Its longest turn under load: what a request arriving meanwhile may wait. */
  maxTurnMs: number;
  /**
   * Messages sent at once. A gateway or SMTP server answers in tens or hundreds of
   * milliseconds, and one at a time that caps the outbox at a few dozen messages a second:
   * less than a busy network's deposits queue at its peak.
   */
  sendsInFlight: number;
};

export const DELIVERY_POLICY: DeliveryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 30_000,
  maxDelayMs: 3_600_000,
  batchSize: 100,
  leaseMs: 5 * 60_000,
  sendTimeoutMs: 60_000,
  yieldAfterMs: 4,
  shareUnderLoad: 0.2,
  maxTurnMs: 10,
  sendsInFlight: 8,
};

/** The turn-taking of one delivery run; the background round passes one to every batch it sends. */
export function deliveryTurns(policy: DeliveryPolicy = DELIVERY_POLICY): FairShare {
  return new FairShare({ share: policy.shareUnderLoad, minSliceMs: policy.yieldAfterMs, maxSliceMs: policy.maxTurnMs });
}

/** The wait before try `attempts + 1`: 30 s, 1 min, 2 min, 4 min, 8 min … capped. */
export function retryDelayMs(attempts: number, policy: DeliveryPolicy = DELIVERY_POLICY): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

export type DeliveryReport = { sent: number; retrying: number; failed: number; skipped: number };

/** A report of nothing sent yet, to count into. */
export function nothingDelivered(): DeliveryReport {
  return { sent: 0, retrying: 0, failed: 0, skipped: 0 };
}

/**
 * Sends the queued messages that are due, through `transport`. System only (it runs
 * unattended, from the background timer or a script). Never throws for a message that
 * fails: that message is retried with backoff and, after `maxAttempts`, marked failed.
 */
export async function deliverDueNotifications(
  ctx: Ctx,
  transport: MessageTransport,
  policy: DeliveryPolicy = DELIVERY_POLICY,
  turns: FairShare = deliveryTurns(policy),
): Promise<DeliveryReport> {
  const report = nothingDelivered();
  // A plain read first: the outbox runs every second, and on an idle server an empty claim
  // was a write transaction and a sync of the WAL every second for nothing.
  if (ctx.db.$client.prepare(ANY_DUE).get(ctx.now()) === undefined) return report;
  // The batch's writes (its claim, each outcome, the mailbox's copies) share commits with
  // the API's requests (db/group-commit.ts) instead of each syncing on the event loop, which
  // held delivery to about 90 messages a second under load while deposits queued 600.
  await inCommitGroup(async () => {
    const claimed = claimDue(ctx, policy);
    // The attempt is on disk before the message leaves, as when the claim committed alone.
    await turns.waitFor(() => durable(ctx.db));
    // A few senders share the batch, each taking the next message when its last one is done.
    const next = claimed.values();
    const sender = async () => {
      for (const notification of next) {
        const outcome = await deliverOne(ctx, transport, notification, policy);
        report[outcome] += 1;
        // Waiting requests run between messages once the turn is used up (the mailbox
        // transport never awaits I/O), but not after every message: under load a turn of the
        // event loop is long, and one message a turn is all the outbox then sends.
        await turns.pause();
      }
    };
    await Promise.all(Array.from({ length: Math.min(policy.sendsInFlight, claimed.length) }, sender));
    await turns.waitFor(() => durable(ctx.db));
  });
  return report;
}

// Plain SQL text, compiled once per connection (db/client.ts); the status is a literal so
// that the read is a seek into notifications_due.
const ANY_DUE = "select 1 from notifications where status = 'queued' and next_attempt_at <= ? limit 1";

/** Takes due messages and pushes their next try past the lease, in one commit. */
function claimDue(ctx: Ctx, policy: DeliveryPolicy): NotificationRow[] {
  const now = ctx.now();
  // The attempt is counted when it starts: a message whose sending kills the process
  // still runs out of tries instead of looping forever.
  return writeTransaction(ctx.db, () => claimDueBatch(ctx.db).all({ now, leaseUntil: now + policy.leaseMs, limit: policy.batchSize })).sort(
    (a, b) => a.id - b.id,
  );
}

// Every batch runs it: one statement, built once per connection (db/prepared.ts).
const claimDueBatch = preparedQuery((db) =>
  db
    .update(notifications)
    .set({ attempts: sql`${notifications.attempts} + 1`, nextAttemptAt: sql`${sql.placeholder("leaseUntil")}` })
    // The ids alone, with no second test of the status: SQLite would then walk every queued
    // message by the status index instead of looking the few up by id. The subquery runs
    // first, in the same statement and transaction, so the rows it chose are still queued.
    .where(
      inArray(
        notifications.id,
        db
          .select({ id: notifications.id })
          .from(notifications)
          .where(and(eq(notifications.status, "queued"), lte(notifications.nextAttemptAt, sql.placeholder("now"))))
          .orderBy(asc(notifications.nextAttemptAt), asc(notifications.id))
          .limit(sql.placeholder("limit")),
      ),
    )
    .returning()
    .prepare(),
);

async function deliverOne(
  ctx: Ctx,
  transport: MessageTransport,
  notification: NotificationRow,
  policy: DeliveryPolicy,
): Promise<keyof DeliveryReport> {
  try {
    const rendering = renderNotification(ctx, notification);
    if (rendering.action === "skip") {
      finish(ctx, notification.id, { status: "skipped", lastError: rendering.reason });
      return "skipped";
    }
    await withTimeout(
      transport.send({
        notificationId: notification.id,
        kind: notification.kind,
        channel: notification.channel,
        to: notification.recipient,
        subject: rendering.message.subject,
        text: rendering.message.text,
        parcelId: notification.parcelId,
        userId: notification.userId,
      }),
      policy.sendTimeoutMs,
    );
  } catch (error) {
    const lastError = describe(error);
    if (notification.attempts >= policy.maxAttempts) {
      console.error(`notification ${notification.id} failed for good after ${notification.attempts} tries: ${lastError}`);
      finish(ctx, notification.id, { status: "failed", lastError });
      return "failed";
    }
    finish(ctx, notification.id, {
      status: "queued",
      lastError,
      nextAttemptAt: ctx.now() + retryDelayMs(notification.attempts, policy),
    });
    return "retrying";
  }
  finish(ctx, notification.id, { status: "sent", sentAt: ctx.now(), lastError: null });
  return "sent";
}

type Outcome = { status: "sent" | "skipped" | "failed" | "queued"; lastError: string | null; sentAt?: number; nextAttemptAt?: number };

function finish(ctx: Ctx, id: number, outcome: Outcome): void {
  // Guarded by status: an outcome already recorded (by a worker whose lease ran out while
  // this one was still sending) is never overwritten.
  writeTransaction(ctx.db, () =>
    recordOutcome(ctx.db).run({
      id,
      status: outcome.status,
      lastError: outcome.lastError,
      sentAt: outcome.sentAt ?? null,
      nextAttemptAt: outcome.nextAttemptAt ?? null,
    }),
  );
}

// Every message runs it: built once per connection (db/prepared.ts).
const recordOutcome = preparedQuery((db) =>
  db
    .update(notifications)
    .set({
      status: sql`${sql.placeholder("status")}`,
      lastError: sql`${sql.placeholder("lastError")}`,
      sentAt: sql`coalesce(${sql.placeholder("sentAt")}, ${notifications.sentAt})`,
      nextAttemptAt: sql`coalesce(${sql.placeholder("nextAttemptAt")}, ${notifications.nextAttemptAt})`,
    })
    .where(and(eq(notifications.id, sql.placeholder("id")), eq(notifications.status, "queued")))
    .prepare(),
);

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`transport did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 500);
}

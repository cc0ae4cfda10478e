import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { kiosks, pickupAttempts } from "@/db/schema";
import { preparedQuery } from "@/db/prepared";
import { requireKiosk } from "@/lib/auth/authorize";
import type { Ctx, KioskActor } from "@/lib/context";
import type { ErrorKey, MessageParams } from "@/lib/errors";
import { delayAfter, GUESS_LIMITS } from "@/lib/pickup-codes/limits";

/*
 * A kiosk that took wrong codes slows itself down (decision 0001): the wait it owes, what it
 * says while it waits, and the refusal's details. Collecting (lib/parcels/collect.ts) applies
 * it; the kiosk screen and the admin's view of guessing read it.
 */

export type LockedOutDetails = { retryAfterMs: number };

/** What a slowed-down kiosk says, however the customer arrived at it. */
export function slowDownWording(retryAfterMs: number): { key: ErrorKey; params: MessageParams } {
  const seconds = Math.ceil(retryAfterMs / 1000);
  return seconds > 90
    ? { key: "kioskSlowDownMinutes", params: { minutes: Math.ceil(seconds / 60) } }
    : { key: "kioskSlowDownSeconds", params: { seconds } };
}

/**
 * Milliseconds this kiosk must wait before it takes the next typed code, 0 if none
 * (GUESS_LIMITS): the wrong codes it took in the last window — since an admin last lifted
 * its slow-down — and the latest of them. Only this kiosk: a guesser never slows another
 * screen, let alone the site. A wrong row that names a parcel is one of our own QRs out of
 * date, not a guess, and does not count.
 */
export function lockoutWait(ctx: Ctx, kiosk: KioskActor, now: number): number {
  const wrong = wrongAtKiosk(ctx.db).get({ kioskId: kiosk.kioskId, since: now - GUESS_LIMITS.windowMs })!;
  if (wrong.latest === null) return 0;
  return Math.max(0, wrong.latest + delayAfter(wrong.count) - now);
}

/** How long the kiosk acting in `ctx` takes no typed code, for its screen to show on load. Kiosks only. */
export function kioskSlowDown(ctx: Ctx): { retryAfterMs: number } {
  const kiosk = requireKiosk(ctx);
  return { retryAfterMs: lockoutWait(ctx, kiosk, ctx.now()) };
}

const wrongAtKiosk = preparedQuery((db) =>
  db
    .select({ count: sql<number>`count(*)`, latest: sql<number | null>`max(${pickupAttempts.at})` })
    .from(pickupAttempts)
    .where(
      and(
        eq(pickupAttempts.kioskId, sql.placeholder("kioskId")),
        eq(pickupAttempts.outcome, "wrong"),
        isNull(pickupAttempts.parcelId),
        gt(pickupAttempts.at, sql.placeholder("since")),
        // An admin's lift: wrong codes up to that moment no longer count.
        sql`${pickupAttempts.at} > coalesce((select ${kiosks.attemptsClearedAt} from ${kiosks} where ${kiosks.id} = ${sql.placeholder("kioskId")}), 0)`,
      ),
    )
    .prepare(),
);

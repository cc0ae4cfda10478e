import "server-only";
import { LIVE_STATES_SQL } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { requireCourier, requireKiosk } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { releaseHeldDoor } from "@/lib/doors/hold";
import { loadDoor, recordOpenCommand, sendOpen } from "@/lib/doors/open";
import { DomainError, isDomainError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { loadVisibleParcel } from "./access";
import { recordDoorOpened } from "./door-opened";
import { ParcelRef } from "./schemas";
import { takeBackProgress } from "./take-back";

/**
 * A collection or a take-back commits before its door is commanded open (the code is spent
 * once, the parcel is returned once, even if the process dies mid-way), so a lock board that
 * does not answer leaves the parcel behind a closed door. The person standing there may try
 * the door again, briefly.
 */
export const DOOR_RETRY = { windowMs: 2 * 60_000, maxOpens: 3 } as const;

export type RetryDoorResult = { slot: { label: string; lockerCode: string }; doorOpened: boolean; canRetry: boolean };


/**
 * Opens the door of a parcel just collected at this very kiosk whose last open command
 * failed: within DOOR_RETRY.windowMs of the collection, at most DOOR_RETRY.maxOpens opens
 * in all, and never once another parcel is in that door. Only the kiosk that collected it
 * (its pickup_attempts row says which): the customer stands there, and another screen of
 * the site could otherwise open a door across the hall with nobody in front of it. Kiosks
 * only. Anything else is NOT_FOUND with one message.
 */
export async function retryCollectedDoor(ctx: Ctx, raw: unknown): Promise<RetryDoorResult> {
  const kiosk = requireKiosk(ctx);
  const { parcelId } = parseInput(ParcelRef, raw);
  return retryDoor(ctx, "pickup_retry", () =>
    ctx.db.$client
      .prepare(
        `select p.id, p.slot_id as slotId from parcels p
         where p.id = ? and p.site_id = ? and p.state = 'collected' and p.closed_at >= ?
           and exists (select 1 from pickup_attempts a where a.parcel_id = p.id and a.kiosk_id = ? and a.outcome = 'opened')`,
      )
      .get(parcelId, kiosk.siteId, ctx.now() - DOOR_RETRY.windowMs, kiosk.kioskId) as { id: number; slotId: number } | undefined,
  );
}

/**
 * The same for a courier who just opened an expired parcel's door to take it back and whose
 * door did not open: a parcel of their carrier at a site they serve, whose take-back started
 * in the last DOOR_RETRY.windowMs and is not confirmed yet.
 * Couriers only. Anything else is NOT_FOUND with one message.
 */
export async function retryTakeBackDoor(ctx: Ctx, raw: unknown): Promise<RetryDoorResult> {
  requireCourier(ctx);
  const { parcelId } = parseInput(ParcelRef, raw);
  return retryDoor(ctx, "take_back_retry", () => {
    let parcel;
    try {
      parcel = loadVisibleParcel(ctx, parcelId);
    } catch (error) {
      // Another carrier's parcel, or none: the same one answer as any other refusal.
      if (isDomainError(error) && error.code === "NOT_FOUND") return undefined;
      throw error;
    }
    // The parcel stays expired until the courier confirms it is out (take-back.ts).
    const progress = takeBackProgress(ctx, parcel);
    const recent = progress !== null && progress.startedAt >= ctx.now() - DOOR_RETRY.windowMs;
    return recent && parcel.slotId !== null ? { id: parcel.id, slotId: parcel.slotId } : undefined;
  });
}

async function retryDoor(ctx: Ctx, purpose: "pickup_retry" | "take_back_retry", find: () => { id: number; slotId: number } | undefined): Promise<RetryDoorResult> {
  const { command, opens } = writeTransaction(ctx.db, () => {
    const sqlite = ctx.db.$client;
    const parcel = find();
    if (!parcel) throw new DomainError("NOT_FOUND", "doorNoRetry");
    // The door's story since the courier closed it: the open command that failed, and retries.
    const sinceDeposit: string[] = [];
    for (const event of sqlite.prepare("select kind from door_events where parcel_id = ? order by id desc").all(parcel.id) as { kind: string }[]) {
      if (event.kind === "closed") break;
      sinceDeposit.push(event.kind);
    }
    const opens = sinceDeposit.filter((kind) => kind === "open_command").length;
    if (sinceDeposit[0] !== "open_failed" || opens >= DOOR_RETRY.maxOpens) throw new DomainError("NOT_FOUND", "doorNoRetry");
    // Another parcel in the door (a take-back's own expired parcel is still in it).
    const taken = sqlite
      .prepare(`select 1 from parcels where slot_id = ? and id <> ? and state in ${LIVE_STATES_SQL}`)
      .get(parcel.slotId, parcel.id);
    if (taken) throw new DomainError("NOT_FOUND", "doorNoRetry");
    return { command: recordOpenCommand(ctx, loadDoor(ctx, parcel.slotId), parcel.id, purpose), opens: opens + 1 };
  });
  const doorOpened = await sendOpen(ctx, command, {
    opened: () => {
      releaseHeldDoor(ctx, command);
      recordDoorOpened(ctx, command);
    },
  });
  return { slot: { label: command.slotLabel, lockerCode: command.lockerCode }, doorOpened, canRetry: !doorOpened && opens < DOOR_RETRY.maxOpens };
}

import "server-only";
import { notifications } from "@/db/schema";
import type { Ctx } from "@/lib/context";

export const PARCEL_MESSAGES = ["parcel_deposited", "pickup_reminder", "parcel_expired", "parcel_collected"] as const;
export type ParcelMessage = (typeof PARCEL_MESSAGES)[number];

type Recipient = { id: number; recipientPhone: string; recipientEmail: string | null };

/**
 * Queues a message to a parcel's recipient, by SMS and (when known) by email. Call inside
 * the transaction that caused it: the message exists exactly when the change does. The
 * row names the parcel, not the code; the sender renders the text at send time.
 */
export function queueParcelMessage(ctx: Ctx, parcel: Recipient, kind: ParcelMessage): void {
  const now = ctx.now();
  const rows: (typeof notifications.$inferInsert)[] = [
    { kind, parcelId: parcel.id, channel: "sms", recipient: parcel.recipientPhone, nextAttemptAt: now, createdAt: now },
  ];
  if (parcel.recipientEmail) {
    rows.push({ kind, parcelId: parcel.id, channel: "email", recipient: parcel.recipientEmail, nextAttemptAt: now, createdAt: now });
  }
  ctx.db.insert(notifications).values(rows).run();
}

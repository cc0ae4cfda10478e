import "server-only";
import { sql } from "drizzle-orm";
import { preparedQuery } from "@/db/prepared";
import { notifications } from "@/db/schema";
import type { Ctx } from "@/lib/context";

export const PARCEL_MESSAGES = ["parcel_deposited", "pickup_reminder", "parcel_expired", "parcel_collected", "crunch_reminder"] as const;
export type ParcelMessage = (typeof PARCEL_MESSAGES)[number];

type Recipient = { id: number; recipientPhone: string; recipientEmail: string | null };

/**
 * Queues a message to a parcel's recipient, by SMS and (when known) by email. Call inside
 * the transaction that caused it: the message exists exactly when the change does. The
 * row names the parcel, not the code; the sender renders the text at send time.
 */
export function queueParcelMessage(ctx: Ctx, parcel: Recipient, kind: ParcelMessage): void {
  const now = ctx.now();
  const insert = insertParcelMessage(ctx.db);
  insert.run({ kind, parcelId: parcel.id, channel: "sms", recipient: parcel.recipientPhone, now });
  if (parcel.recipientEmail) insert.run({ kind, parcelId: parcel.id, channel: "email", recipient: parcel.recipientEmail, now });
}

// Every deposit and collection queues one: built once per connection.
const insertParcelMessage = preparedQuery((db) =>
  db
    .insert(notifications)
    .values({
      kind: sql.placeholder("kind"),
      parcelId: sql.placeholder("parcelId"),
      channel: sql.placeholder("channel"),
      recipient: sql.placeholder("recipient"),
      nextAttemptAt: sql.placeholder("now"),
      createdAt: sql.placeholder("now"),
    })
    .prepare(),
);

export const ACCOUNT_MESSAGES = ["phone_verification"] as const;
export type AccountMessage = (typeof ACCOUNT_MESSAGES)[number];

/**
 * Queues a message about a user's account (not about a parcel), by SMS to `phone`. Like
 * parcel messages, the row holds references only — `payload` names the record the text is
 * rendered from — never the secret itself.
 */
export function queueAccountMessage(
  ctx: Ctx,
  message: { userId: number; phone: string; kind: AccountMessage; payload: Record<string, number> },
): void {
  const now = ctx.now();
  ctx.db
    .insert(notifications)
    .values({
      kind: message.kind,
      userId: message.userId,
      channel: "sms",
      recipient: message.phone,
      payload: JSON.stringify(message.payload),
      nextAttemptAt: now,
      createdAt: now,
    })
    .run();
}

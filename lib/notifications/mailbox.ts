import "server-only";
import { and, desc, eq, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import { mailboxMessages, parcels, sites } from "@/db/schema";
import { preparedQuery } from "@/db/prepared";
import { writeTransaction } from "@/db/transaction";
import type { Ctx } from "@/lib/context";
import { env } from "@/lib/env";
import { decryptPickupCode, encryptPickupCode } from "@/lib/pickup-codes/code";
import { normalizePhone } from "@/lib/phone";
import type { MessageTransport } from "./transport";

/*
 * The development mailbox: the transport every SMS takes while no SMS gateway is set, and
 * every email while no SMTP server is; with them, it keeps a copy of each message about a
 * parcel (lib/notifications/delivery.ts). It stands in for the customer's phone and feeds
 * their Messages page, so what it holds is as secret as the messages themselves.
 */

// Every delivered message runs it: built once per connection (db/prepared.ts).
const insertCopy = preparedQuery((db) =>
  db
    .insert(mailboxMessages)
    .values({
      notificationId: sql.placeholder("notificationId"),
      channel: sql.placeholder("channel"),
      recipient: sql.placeholder("recipient"),
      parcelId: sql.placeholder("parcelId"),
      userId: sql.placeholder("userId"),
      kind: sql.placeholder("kind"),
      subject: sql.placeholder("subject"),
      bodyCipher: sql.placeholder("bodyCipher"),
      deliveredAt: sql.placeholder("deliveredAt"),
    })
    .onConflictDoNothing({ target: mailboxMessages.notificationId })
    .prepare(),
);

/** Delivers into the mailbox table. Idempotent per message: a re-send keeps one copy. */
export function createMailboxTransport(ctx: Ctx): MessageTransport {
  return {
    name: "mailbox",
    async send(message) {
      // A transaction of its own, so a delivery batch's copies join its commits (worker.ts).
      writeTransaction(ctx.db, () =>
        insertCopy(ctx.db).run({
          notificationId: message.notificationId,
          channel: message.channel,
          recipient: message.to,
          parcelId: message.parcelId,
          userId: message.userId,
          kind: message.kind,
          subject: message.subject,
          bodyCipher: encryptPickupCode(ctx.keys, message.text),
          deliveredAt: ctx.now(),
        }),
      );
    },
  };
}

export type MailboxEntry = {
  id: number;
  kind: string;
  channel: "sms" | "email";
  recipient: string;
  subject: string;
  text: string;
  parcelId: number | null;
  deliveredAt: number;
};

/**
 * Who may read the mailbox (the stand-in for an SMS gateway's console):
 *
 * - "everything": anybody while developing (`next dev`), and anybody signed in where the
 *   operator opened the mailbox on purpose (DEV_MAILBOX=open: a demo, the e2e server). Then
 *   every phone code is readable by everybody, so no real deployment may set it.
 * - "organization": otherwise, an admin, who sees only the messages about their own
 *   organization's parcels. A message about no parcel (a code proving a phone) concerns no
 *   organization, so no admin reads it: an admin who could would read the code that
 *   hands anyone's parcels to whoever signed up with that phone number.
 * - "none": everybody else. A customer reads their own messages in their inbox.
 */
export type MailboxAccess = "everything" | "organization" | "none";

export function mailboxAccess(ctx: Ctx): MailboxAccess {
  const actor = ctx.actor;
  if (env().NODE_ENV === "development") return "everything";
  if (env().DEV_MAILBOX === "open" && actor.kind === "user") return "everything";
  return actor.kind === "user" && actor.role === "admin" && actor.organizationId != null ? "organization" : "none";
}

/**
 * The mailbox, newest first, optionally for one recipient (phone or email, any spelling).
 * Refuses (NOT_FOUND, as if there were no such page) whoever `mailboxAccess` says no to.
 */
export function listMailbox(ctx: Ctx, filter: { to?: string } = {}): MailboxEntry[] | null {
  const access = mailboxAccess(ctx);
  if (access === "none") return null;
  const conditions: (SQL | undefined)[] = [];
  if (access === "organization" && ctx.actor.kind === "user") {
    const organizationParcels = ctx.db
      .select({ id: parcels.id })
      .from(parcels)
      .innerJoin(sites, eq(sites.id, parcels.siteId))
      .where(eq(sites.organizationId, ctx.actor.organizationId!));
    // A null parcel id is never "in" the list: account messages stay out.
    conditions.push(inArray(mailboxMessages.parcelId, organizationParcels));
  }
  const to = filter.to?.trim();
  if (to) conditions.push(eq(mailboxMessages.recipient, to.includes("@") ? to.toLowerCase() : normalizePhone(to)));
  return read(ctx, and(...conditions), 200);
}

/**
 * The messages sent to a customer: every SMS to their verified phone, and every message
 * about a parcel addressed to it (emails included — the email on a parcel is whatever the
 * sender typed, so it is the phone that proves the parcel is theirs). Nothing before the
 * phone is verified: the text of a code sent to prove it must not be readable here.
 */
export function listMyMessages(ctx: Ctx): MailboxEntry[] {
  const actor = ctx.actor;
  if (actor.kind !== "user" || actor.role !== "customer" || !actor.verifiedPhone) return [];
  const theirParcels = ctx.db.select({ id: parcels.id }).from(parcels).where(eq(parcels.recipientPhone, actor.verifiedPhone));
  return read(
    ctx,
    or(
      and(eq(mailboxMessages.channel, "sms"), eq(mailboxMessages.recipient, actor.verifiedPhone)),
      // A trusted person's code is theirs, not the recipient's (it opens with their phone's digits).
      and(inArray(mailboxMessages.parcelId, theirParcels), ne(mailboxMessages.kind, "trusted_pickup_code")),
    ),
    100,
  );
}

function read(ctx: Ctx, where: SQL | undefined, limit: number): MailboxEntry[] {
  return ctx.db
    .select()
    .from(mailboxMessages)
    .where(where)
    .orderBy(desc(mailboxMessages.deliveredAt), desc(mailboxMessages.id))
    .limit(limit)
    .all()
    .map((row) => ({
      id: row.id,
      kind: row.kind,
      channel: row.channel,
      recipient: row.recipient,
      subject: row.subject,
      text: readBody(ctx, row.bodyCipher),
      parcelId: row.parcelId,
      deliveredAt: row.deliveredAt,
    }));
}

function readBody(ctx: Ctx, cipher: string): string {
  try {
    return decryptPickupCode(ctx.keys, cipher);
  } catch {
    return "(This message can no longer be read: the key it was stored with has been changed.)";
  }
}

import "server-only";
import { eq, sql } from "drizzle-orm";
import { notifications, phoneVerifications } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { formatDateTime, formatDuration } from "@/lib/format";
import { renderReturnDropOffCode } from "./return-drop-off";
import { decryptPickupCode } from "@/lib/pickup-codes/code";
import { renderConsentRequest } from "./consent-request";

/*
 * The words of every message, rendered when the message is sent — not when it is queued —
 * so the outbox never stores a working code, and a message that waited (a slow gateway,
 * an extended hold) tells the deadline and door as they are now.
 */

const BRAND = "Parcel Lockers";

export type NotificationRow = typeof notifications.$inferSelect;

export type RenderedMessage = { subject: string; text: string };

/** What to do with a queued message: send these words, or nothing because it is no longer true. */
export type Rendering = { action: "send"; message: RenderedMessage } | { action: "skip"; reason: string };

type ParcelFacts = {
  state: string;
  trackingNumber: string;
  pickupCodeCipher: string | null;
  expiresAt: number | null;
  closedAt: number | null;
  carrierName: string;
  carrierPhone: string | null;
  siteName: string;
  siteAddress: string;
  openingHours: string;
  slotLabel: string | null;
};

function parcelFacts(ctx: Ctx, parcelId: number): ParcelFacts | undefined {
  return ctx.db.get<ParcelFacts>(sql`
    select p.state, p.tracking_number as trackingNumber, p.pickup_code_cipher as pickupCodeCipher,
           p.expires_at as expiresAt, p.closed_at as closedAt,
           c.name as carrierName, c.contact_phone as carrierPhone,
           st.name as siteName, st.address as siteAddress, st.opening_hours as openingHours,
           sl.label as slotLabel
    from parcels p
    join carriers c on c.id = p.carrier_id
    join sites st on st.id = p.site_id
    left join slots sl on sl.id = p.slot_id
    where p.id = ${parcelId}`);
}

/**
 * Renders a queued message. Raises a plain Error when it cannot be rendered (its parcel or
 * code is gone) — the worker counts that as a failed attempt.
 */
export function renderNotification(ctx: Ctx, notification: NotificationRow): Rendering {
  const sms = notification.channel === "sms";
  if (notification.kind === "phone_verification") return renderPhoneVerification(ctx, notification);
  if (notification.kind === "return_drop_off_code") return renderReturnDropOffCode(ctx, notification.payload, BRAND);

  if (notification.parcelId == null) throw new Error(`message ${notification.id} (${notification.kind}) names no parcel`);
  const parcel = parcelFacts(ctx, notification.parcelId);
  if (!parcel) throw new Error(`message ${notification.id}: parcel ${notification.parcelId} not found`);

  const what = `your ${parcel.carrierName} parcel ${parcel.trackingNumber}`;
  const where = `${parcel.siteName}, ${parcel.siteAddress}`;
  const door = parcel.slotLabel ? `door ${parcel.slotLabel}` : "its door";
  const contact = parcel.carrierPhone ? `call ${parcel.carrierName} on ${parcel.carrierPhone}` : `contact ${parcel.carrierName}`;

  switch (notification.kind) {
    case "parcel_deposited":
    case "pickup_reminder": {
      // Sent late, after the customer already collected it (or it expired): the code in
      // it would open nothing, and the collected/expired notice says what happened.
      if (parcel.state !== "deposited") return { action: "skip", reason: `parcel is ${parcel.state}` };
      if (!parcel.pickupCodeCipher || parcel.expiresAt == null) throw new Error(`parcel ${notification.parcelId} has no code`);
      const code = decryptPickupCode(ctx.keys, parcel.pickupCodeCipher);
      const deadline = formatDateTime(parcel.expiresAt);
      const left = formatDuration(parcel.expiresAt - ctx.now());
      const reminder = notification.kind === "pickup_reminder";
      if (sms) {
        return send(
          reminder ? `Reminder: collect ${what}` : `${capitalize(what)} is waiting`,
          `[${BRAND}] ${reminder ? "Reminder: " : ""}${capitalize(what)} is ${reminder ? "still " : ""}in ${door} at ${where} ` +
            `(${parcel.openingHours}). Pickup code ${code} — enter it with the last 4 digits of your phone. ` +
            `Collect by ${deadline}${reminder ? ` (${left} left)` : ""}.`,
        );
      }
      return send(
        reminder
          ? `Reminder: your parcel at ${parcel.siteName} waits until ${deadline}`
          : `Your ${parcel.carrierName} parcel is waiting at ${parcel.siteName}`,
        [
          reminder ? `A reminder: ${what} is still waiting for you.` : `Good news: ${what} has arrived.`,
          "",
          `Where: ${parcel.siteName}, ${door}`,
          `Address: ${parcel.siteAddress}`,
          `Opening hours: ${parcel.openingHours}`,
          `Pickup code: ${code}`,
          `Collect by: ${deadline} (${left} from now)`,
          "",
          "At the locker's screen, enter the pickup code and then the last 4 digits of your phone number, " +
            "or show the QR code from My parcels. Need more time? You can extend the hold once, by a day, in My parcels.",
          "",
          `— ${BRAND}`,
        ].join("\n"),
      );
    }
    case "crunch_reminder": {
      // Queued because the site is forecast full (lib/forecast/reminders.ts); a parcel
      // collected meanwhile needs no nudge.
      if (parcel.state !== "deposited") return { action: "skip", reason: `parcel is ${parcel.state}` };
      if (!parcel.pickupCodeCipher || parcel.expiresAt == null) throw new Error(`parcel ${notification.parcelId} has no code`);
      const code = decryptPickupCode(ctx.keys, parcel.pickupCodeCipher);
      const ask =
        `${parcel.siteName} expects to be full soon. If you can, please collect ${what} today: ` +
        `it frees a door for someone else's parcel. Thank you!`;
      if (sms) return send(`Could you collect today?`, `[${BRAND}] ${ask} It is in ${door} (${parcel.openingHours}); pickup code ${code}.`);
      return send(
        `Could you collect your parcel at ${parcel.siteName} today?`,
        [
          ask,
          "",
          `Where: ${parcel.siteName}, ${door}`,
          `Address: ${parcel.siteAddress}`,
          `Opening hours: ${parcel.openingHours}`,
          `Pickup code: ${code}`,
          `Your pickup time still ends ${formatDateTime(parcel.expiresAt)}: this is a request, not a new deadline.`,
          "",
          `— ${BRAND}`,
        ].join("\n"),
      );
    }
    case "consent_request":
      return renderConsentRequest(ctx, notification, { what, where, carrierName: parcel.carrierName });
    case "parcel_expired": {
      const ended = parcel.expiresAt != null ? ` on ${formatDateTime(parcel.expiresAt)}` : "";
      const text =
        `The pickup time for ${what} at ${parcel.siteName} ended${ended}. ` +
        `It is waiting for ${parcel.carrierName} to take it back; ${contact} to arrange delivery.`;
      return send(`Pickup time over: ${parcel.trackingNumber}`, sms ? `[${BRAND}] ${text}` : `${text}\n\n— ${BRAND}`);
    }
    case "parcel_collected": {
      const at = parcel.closedAt != null ? ` on ${formatDateTime(parcel.closedAt)}` : "";
      const text = `${capitalize(what)} was collected from ${door} at ${parcel.siteName}${at}. Not you? ${capitalize(contact)}.`;
      return send(`Collected: ${parcel.trackingNumber}`, sms ? `[${BRAND}] ${text}` : `${text}\n\n— ${BRAND}`);
    }
    default:
      throw new Error(`no template for message kind "${notification.kind}"`);
  }
}

function renderPhoneVerification(ctx: Ctx, notification: NotificationRow): Rendering {
  const { verificationId } = JSON.parse(notification.payload) as { verificationId?: number };
  if (typeof verificationId !== "number") throw new Error(`message ${notification.id} names no verification`);
  const verification = ctx.db.select().from(phoneVerifications).where(eq(phoneVerifications.id, verificationId)).get();
  // A newer code replaced it, or it was used or ran out before we could send it.
  if (!verification?.codeCipher || verification.verifiedAt != null) return { action: "skip", reason: "code no longer valid" };
  if (verification.expiresAt <= ctx.now()) return { action: "skip", reason: "code expired before it was sent" };
  const code = decryptPickupCode(ctx.keys, verification.codeCipher);
  const minutes = Math.max(1, Math.round((verification.expiresAt - ctx.now()) / 60_000));
  return send(
    `Your ${BRAND} code`,
    `[${BRAND}] ${code} is your code to confirm this phone number. It expires in ${minutes} min. ` +
      "Never share it: we will never ask you for it.",
  );
}

function send(subject: string, text: string): Rendering {
  return { action: "send", message: { subject, text } };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

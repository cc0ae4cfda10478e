import "server-only";
import { eq } from "drizzle-orm";
import { notifications, phoneVerifications } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { formatAt, formatDuration } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { recipientLocale } from "@/lib/i18n/preferences";
import { translator } from "@/lib/i18n/translate";
import { renderReturnDropOffCode } from "./return-drop-off";
import { renderTrustedPickupCode } from "./trusted-pickup";
import { decryptPickupCode } from "@/lib/pickup-codes/code";
import { storedPickupCode } from "@/lib/pickup-codes/stored";
import { renderConsentRequest } from "./consent-request";

/*
 * The words of every message, rendered when the message is sent — not when it is queued —
 * so the outbox never stores a working code, and a message that waited (a slow gateway,
 * an extended hold) tells the deadline and door as they are now. Each goes out in its
 * recipient's language (their account's choice, else the site's default), with times in
 * the site's time zone.
 */

export type NotificationRow = typeof notifications.$inferSelect;

export type RenderedMessage = { subject: string; text: string };

/** What to do with a queued message: send these words, or nothing because it is no longer true. */
export type Rendering = { action: "send"; message: RenderedMessage } | { action: "skip"; reason: string };

type ParcelFacts = {
  id: number;
  state: string;
  trackingNumber: string;
  pickupCodeHash: string | null;
  pickupCodeCipher: string | null;
  expiresAt: number | null;
  closedAt: number | null;
  carrierName: string;
  carrierPhone: string | null;
  siteName: string;
  siteAddress: string;
  openingHours: string;
  slotLabel: string | null;
  siteId: number;
  timeZone: string;
  recipientPhone: string;
};

// Plain SQL text: compiled once per connection (db/client.ts caches statements by their
// text), as every message about a parcel reads it.
const PARCEL_FACTS = `
    select p.id, p.state, p.tracking_number as trackingNumber,
           p.pickup_code_hash as pickupCodeHash, p.pickup_code_cipher as pickupCodeCipher,
           p.expires_at as expiresAt, p.closed_at as closedAt,
           c.name as carrierName, c.contact_phone as carrierPhone,
           st.name as siteName, st.address as siteAddress, st.opening_hours as openingHours,
           sl.label as slotLabel, st.id as siteId, st.time_zone as timeZone, p.recipient_phone as recipientPhone
    from parcels p
    join carriers c on c.id = p.carrier_id
    join sites st on st.id = p.site_id
    left join slots sl on sl.id = p.slot_id
    where p.id = ?`;

function parcelFacts(ctx: Ctx, parcelId: number): ParcelFacts | undefined {
  return ctx.db.$client.prepare(PARCEL_FACTS).get(parcelId) as ParcelFacts | undefined;
}

/**
 * Renders a queued message. Raises a plain Error when it cannot be rendered (its parcel or
 * code is gone) — the worker counts that as a failed attempt.
 */
export function renderNotification(ctx: Ctx, notification: NotificationRow): Rendering {
  const sms = notification.channel === "sms";
  if (notification.kind === "phone_verification") return renderPhoneVerification(ctx, notification);
  if (notification.kind === "return_drop_off_code") return renderReturnDropOffCode(ctx, notification);
  if (notification.kind === "trusted_pickup_code") return renderTrustedPickupCode(ctx, notification);

  if (notification.parcelId == null) throw new Error(`message ${notification.id} (${notification.kind}) names no parcel`);
  const parcel = parcelFacts(ctx, notification.parcelId);
  if (!parcel) throw new Error(`message ${notification.id}: parcel ${notification.parcelId} not found`);

  // Before any words are built: a message that is no longer true costs a read, not a rendering.
  const stale = staleReason(notification.kind, parcel.state);
  if (stale) return { action: "skip", reason: stale };

  const locale = recipientLocale(ctx.db, { userId: notification.userId, phone: parcel.recipientPhone, siteId: parcel.siteId });
  const t = translator(locale).bind(null) as Words;
  const brand = t("common.brand");
  const at = (ms: number) => formatAt(ms, { locale, timeZone: parcel.timeZone });
  const door = parcel.slotLabel ? t("notifications.door", { door: parcel.slotLabel }) : t("notifications.itsDoor");
  const facts = {
    brand,
    carrier: parcel.carrierName,
    tracking: parcel.trackingNumber,
    site: parcel.siteName,
    address: parcel.siteAddress,
    hours: parcel.openingHours,
    door,
  };
  const contact = (capital: boolean) =>
    parcel.carrierPhone
      ? t(capital ? "notifications.contactCallCapital" : "notifications.contactCall", { carrier: parcel.carrierName, phone: parcel.carrierPhone })
      : t(capital ? "notifications.contactCapital" : "notifications.contact", { carrier: parcel.carrierName });
  const signed = (text: string) => (sms ? t("notifications.smsPrefix", { brand, text }) : `${text}\n\n${t("notifications.signature", { brand })}`);

  switch (notification.kind) {
    case "parcel_deposited":
    case "pickup_reminder": {
      const code = storedPickupCode(ctx.keys, parcel);
      // Retried with backoff, so a key put back in time still lets it go; an admin's "send the code again" issues a new code.
      if (code === null || parcel.expiresAt == null) throw new Error(`parcel ${notification.parcelId} has no code this server can read`);
      const deadline = at(parcel.expiresAt);
      const left = formatDuration(parcel.expiresAt - ctx.now(), locale);
      const reminder = notification.kind === "pickup_reminder";
      const words = { ...facts, code, deadline, left };
      if (sms) {
        return send(
          t(reminder ? "notifications.reminderSmsSubject" : "notifications.depositedSmsSubject", words),
          t(reminder ? "notifications.reminderSms" : "notifications.depositedSms", words),
        );
      }
      return send(
        t(reminder ? "notifications.reminderEmailSubject" : "notifications.depositedEmailSubject", words),
        [
          t(reminder ? "notifications.reminderEmailLead" : "notifications.depositedEmailLead", words),
          "",
          t("notifications.emailWhere", words),
          t("notifications.emailAddress", words),
          t("notifications.emailHours", words),
          t("notifications.emailCode", words),
          t("notifications.emailDeadline", words),
          "",
          t("notifications.emailHowTo"),
          "",
          t("notifications.signature", { brand }),
        ].join("\n"),
      );
    }
    case "crunch_reminder": {
      const code = storedPickupCode(ctx.keys, parcel);
      if (code === null || parcel.expiresAt == null) throw new Error(`parcel ${notification.parcelId} has no code this server can read`);
      const words = { ...facts, code, deadline: at(parcel.expiresAt) };
      if (sms) return send(t("notifications.crunchSmsSubject", words), t("notifications.crunchSms", words));
      return send(
        t("notifications.crunchEmailSubject", words),
        [
          t("notifications.crunchEmailLead", words),
          "",
          t("notifications.emailWhere", words),
          t("notifications.emailAddress", words),
          t("notifications.emailHours", words),
          t("notifications.emailCode", words),
          t("notifications.crunchEmailDeadline", words),
          "",
          t("notifications.signature", { brand }),
        ].join("\n"),
      );
    }
    case "consent_request":
      return renderConsentRequest(ctx, notification, (link, expiresAt) => ({
        subject: t("notifications.consentSubject", facts),
        text: t("notifications.consentText", { ...facts, link, until: at(expiresAt) }),
      }));
    case "parcel_expired": {
      const ended = parcel.expiresAt != null ? t("notifications.endedOn", { date: at(parcel.expiresAt) }) : "";
      const text = t("notifications.expiredText", { ...facts, ended, contact: contact(false) });
      return send(t("notifications.expiredSubject", facts), signed(text));
    }
    case "parcel_collected": {
      const when = parcel.closedAt != null ? t("notifications.endedOn", { date: at(parcel.closedAt) }) : "";
      const text = t("notifications.collectedText", { ...facts, at: when, contact: contact(true) });
      return send(t("notifications.collectedSubject", facts), signed(text));
    }
    default:
      throw new Error(`no template for message kind "${notification.kind}"`);
  }
}

/**
 * Why a message about a parcel waiting in its door is no longer worth sending: sent late,
 * after the customer collected it (or it expired), its code would open nothing, and the
 * collected or expired notice says what happened; a crunch reminder (queued because the
 * site is forecast full, lib/forecast/reminders.ts) needs no nudge once it is collected.
 */
function staleReason(kind: NotificationRow["kind"], state: string): string | null {
  const needsWaitingParcel = kind === "parcel_deposited" || kind === "pickup_reminder" || kind === "crunch_reminder";
  return needsWaitingParcel && state !== "deposited" ? `parcel is ${state}` : null;
}

/** A translator called with keys known at compile time in spirit but built here as strings. */
type Words = (key: string, params?: Record<string, string | number>) => string;

function renderPhoneVerification(ctx: Ctx, notification: NotificationRow): Rendering {
  const { verificationId } = JSON.parse(notification.payload) as { verificationId?: number };
  if (typeof verificationId !== "number") throw new Error(`message ${notification.id} names no verification`);
  const verification = ctx.db.select().from(phoneVerifications).where(eq(phoneVerifications.id, verificationId)).get();
  // A newer code replaced it, or it was used or ran out before we could send it.
  if (!verification?.codeCipher || verification.verifiedAt != null) return { action: "skip", reason: "code no longer valid" };
  if (verification.expiresAt <= ctx.now()) return { action: "skip", reason: "code expired before it was sent" };
  const code = decryptPickupCode(ctx.keys, verification.codeCipher);
  const minutes = Math.max(1, Math.round((verification.expiresAt - ctx.now()) / 60_000));
  const locale: Locale = recipientLocale(ctx.db, { userId: notification.userId, siteId: null });
  const t = translator(locale).bind(null) as Words;
  const brand = t("common.brand");
  return send(t("notifications.phoneCodeSubject", { brand }), t("notifications.phoneCodeText", { brand, code, minutes }));
}

function send(subject: string, text: string): Rendering {
  return { action: "send", message: { subject, text } };
}

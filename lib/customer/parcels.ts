import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import QRCode from "qrcode";
import { notifications, sites } from "@/db/schema";
import { requireRole } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { pickupQrPayload } from "@/lib/kiosk/qr-payload";
import { loadVisibleParcel } from "@/lib/parcels/access";
import { pickupDoorNotOpened, type DoorNotOpened } from "@/lib/parcels/door-status";
import { HOLD_EXTENSION_MS } from "@/lib/parcels/extend-hold";
import { listMyParcels, type CustomerParcel } from "@/lib/customer/my-parcels";
import { parcelTimeline, type TimelineEntry } from "@/lib/parcels/timeline";
import type { ParcelView } from "@/lib/parcels/view";
import { hashPickupCode } from "@/lib/pickup-codes/code";
import { storedPickupCode } from "@/lib/pickup-codes/stored";
import { issuePickupQrToken } from "@/lib/pickup-codes/qr-token";

/*
 * What the customer's screens read, on top of the parcel queries: where the site is on a
 * map, the pickup QR, and the messages sent about a parcel. Authorization is the parcel
 * queries' own (the verified phone); nothing here widens it.
 */

export type SiteLocation = { latitude: number; longitude: number; mapUrl: string };

export type ParcelCard = CustomerParcel & {
  location: SiteLocation;
  /** The pickup QR as SVG markup (drawn inline by the server), while the parcel waits. */
  pickupQr: string | null;
  /** Marked collected, but its door did not open: the parcel is still inside. */
  doorNotOpened: DoorNotOpened | null;
};

export type MyParcels = {
  waiting: ParcelCard[];
  expired: ParcelCard[];
  history: ParcelCard[];
  /** The clock these were read at, for countdowns to start from. */
  asOf: number;
};

export function mapUrl(latitude: number, longitude: number): string {
  return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=18/${latitude}/${longitude}`;
}

function siteLocations(ctx: Ctx, siteIds: number[]): Map<number, SiteLocation> {
  if (siteIds.length === 0) return new Map();
  return new Map(
    ctx.db
      .select({ id: sites.id, latitude: sites.latitude, longitude: sites.longitude })
      .from(sites)
      .where(inArray(sites.id, [...new Set(siteIds)]))
      .all()
      .map((site) => [site.id, { latitude: site.latitude, longitude: site.longitude, mapUrl: mapUrl(site.latitude, site.longitude) }]),
  );
}

/**
 * The QR a kiosk scans: a token signed for this parcel and its current code, good for a
 * while (lib/pickup-codes/qr-token.ts) — never slowed down at the kiosk, as a typed code is.
 * SVG markup of our own making, for the page to inline: it paints with the HTML, with no
 * image to fetch or decode after it.
 */
export async function pickupQrSvg(ctx: Ctx, parcel: { id: number; siteId: number; siteCode: string }, code: string): Promise<string> {
  const token = issuePickupQrToken(ctx.keys, { id: parcel.id, pickupCodeHash: hashPickupCode(ctx.keys, parcel.siteId, code) }, ctx.now());
  const svg = await QRCode.toString(pickupQrPayload({ siteCode: parcel.siteCode, token }), {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 2,
    color: { dark: "#111827", light: "#ffffff" },
  });
  // The element's size is the page's to set: drop the generator's fixed size, keep its viewBox.
  return svg.replace(/<svg /, '<svg width="100%" height="100%" aria-hidden="true" focusable="false" ');
}

/**
 * The signed-in customer's parcels for "My parcels": waiting ones (soonest deadline
 * first) with code and QR, then expired ones, then the newest history (latest ended
 * first). Customers only; an unverified phone sees none (listMyParcels).
 */
export async function listMyParcelCards(ctx: Ctx): Promise<MyParcels> {
  const parcels = listMyParcels(ctx);
  const locations = siteLocations(ctx, parcels.map((p) => p.site.id));
  const cards = await Promise.all(
    parcels.map(async (parcel) => ({
      ...parcel,
      location: locations.get(parcel.site.id)!,
      pickupQr: parcel.pickupCode
        ? await pickupQrSvg(ctx, { id: parcel.id, siteId: parcel.site.id, siteCode: parcel.site.code }, parcel.pickupCode)
        : null,
      doorNotOpened: pickupDoorNotOpened(ctx, { ...parcel, slotId: parcel.slot?.id ?? null }),
    })),
  );
  return {
    waiting: cards.filter((c) => c.state === "deposited"),
    expired: cards.filter((c) => c.state === "expired"),
    // Already latest-ended first, and cut to MY_HISTORY_LIMIT, by listMyParcels.
    history: cards.filter((c) => c.state !== "deposited" && c.state !== "expired"),
    asOf: ctx.now(),
  };
}

export type SentMessage = { kind: string; channel: "sms" | "email"; sentAt: number };

export type ParcelDetail = {
  parcel: ParcelView;
  pickupCode: string | null;
  /** Waiting, but its code cannot be read with this server's keys: an admin must send a new one. */
  pickupCodeLost: boolean;
  pickupQr: string | null;
  location: SiteLocation;
  timeline: TimelineEntry[];
  /** The messages about this parcel that went out, oldest first. */
  messages: SentMessage[];
  /** The deadline a hold extension would give, when one is still possible. */
  extension: { newDeadline: number } | null;
  /** Marked collected, but its door did not open: the parcel is still inside. */
  doorNotOpened: DoorNotOpened | null;
  asOf: number;
};

/**
 * One of the signed-in customer's parcels with its timeline. Customers only; a parcel not
 * addressed to their verified phone is NOT_FOUND, exactly like one that does not exist.
 */
export async function myParcelDetail(ctx: Ctx, parcelId: number): Promise<ParcelDetail> {
  requireRole(ctx, "customer");
  const row = loadVisibleParcel(ctx, parcelId);
  const { parcel, entries } = parcelTimeline(ctx, row.id);
  const waiting = row.state === "deposited" && row.expiresAt != null && row.expiresAt > ctx.now();
  const pickupCode = waiting ? storedPickupCode(ctx.keys, row) : null;
  const messages = ctx.db
    .select({ kind: notifications.kind, channel: notifications.channel, sentAt: notifications.sentAt })
    .from(notifications)
    .where(and(eq(notifications.parcelId, row.id), eq(notifications.status, "sent")))
    .orderBy(asc(notifications.sentAt))
    .all()
    .map((m) => ({ kind: m.kind, channel: m.channel, sentAt: m.sentAt! }));
  return {
    parcel,
    pickupCode,
    pickupCodeLost: waiting && pickupCode === null,
    pickupQr: pickupCode ? await pickupQrSvg(ctx, { id: row.id, siteId: row.siteId, siteCode: parcel.site.code }, pickupCode) : null,
    location: siteLocations(ctx, [row.siteId]).get(row.siteId)!,
    timeline: entries,
    messages,
    extension: waiting && !row.holdExtended ? { newDeadline: row.expiresAt! + HOLD_EXTENSION_MS } : null,
    doorNotOpened: pickupDoorNotOpened(ctx, row),
    asOf: ctx.now(),
  };
}

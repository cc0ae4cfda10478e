import "server-only";
import type { ParcelState, SlotSize } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import type { Door } from "@/lib/doors/open";
import type { ParcelRow } from "./access";

/** What any screen may show about a parcel. No code, hash or cipher ever leaves lib/. */
export type ParcelView = {
  id: number;
  trackingNumber: string;
  state: ParcelState;
  size: SlotSize;
  upsized: boolean;
  /** The recipient asked for doors within reach, and this parcel's door is one (lib/slots/reach.ts). */
  withinReach: boolean;
  carrier: { id: number; code: string; name: string; contactPhone: string | null };
  /** `timeZone` is the one its times are shown in. */
  site: { id: number; code: string; name: string; address: string; openingHours: string; timeZone: string };
  slot: { id: number; label: string; lockerCode: string; row: number; column: number; size: SlotSize } | null;
  recipientPhone: string;
  recipientName: string | null;
  reservedUntil: number | null;
  depositedAt: number | null;
  expiresAt: number | null;
  holdExtended: boolean;
  closedAt: number | null;
  /** The courier handed it to its recipient in person (its state is then cancelled: it never went into a locker). */
  handedOverAt: number | null;
  createdAt: number;
};

type Joined = {
  carrierCode: string;
  carrierName: string;
  carrierPhone: string | null;
  siteCode: string;
  siteName: string;
  siteAddress: string;
  openingHours: string;
  siteTimeZone: string;
  slotLabel: string | null;
  lockerCode: string | null;
  slotRow: number | null;
  slotColumn: number | null;
  slotSize: SlotSize | null;
};

// Plain SQL text: compiled once per connection (db/client.ts caches statements by text).
const VIEW_JOINS = `
  select c.code as carrierCode, c.name as carrierName, c.contact_phone as carrierPhone,
         st.code as siteCode, st.name as siteName, st.address as siteAddress, st.opening_hours as openingHours, st.time_zone as siteTimeZone,
         sl.label as slotLabel, l.code as lockerCode, sl.row as slotRow, sl.column as slotColumn, sl.size as slotSize
  from carriers c, sites st
  left join slots sl on sl.id = :slotId
  left join lockers l on l.id = sl.locker_id
  where c.id = :carrierId and st.id = :siteId`;

/**
 * What screens may show of `parcel`. `door`, when the caller already holds the parcel's
 * door (the assignment's answer), is used as it is instead of being read again.
 */
export function toParcelView(ctx: Ctx, parcel: ParcelRow, door?: Door): ParcelView {
  const known = door !== undefined && door.slotId === parcel.slotId ? door : undefined;
  const joined = ctx.db.$client
    .prepare(VIEW_JOINS)
    .get({ slotId: known ? null : parcel.slotId, carrierId: parcel.carrierId, siteId: parcel.siteId }) as Joined;
  return {
    id: parcel.id,
    trackingNumber: parcel.trackingNumber,
    state: parcel.state,
    size: parcel.size,
    upsized: parcel.upsized,
    withinReach: parcel.withinReach,
    carrier: { id: parcel.carrierId, code: joined.carrierCode, name: joined.carrierName, contactPhone: joined.carrierPhone },
    site: {
      id: parcel.siteId,
      code: joined.siteCode,
      name: joined.siteName,
      address: joined.siteAddress,
      openingHours: joined.openingHours,
      timeZone: joined.siteTimeZone,
    },
    slot: known
      ? { id: known.slotId, label: known.slotLabel, lockerCode: known.lockerCode, row: known.row, column: known.column, size: known.size }
      : parcel.slotId != null && joined.slotLabel != null
        ? {
            id: parcel.slotId,
            label: joined.slotLabel,
            lockerCode: joined.lockerCode!,
            row: joined.slotRow!,
            column: joined.slotColumn!,
            size: joined.slotSize!,
          }
        : null,
    recipientPhone: parcel.recipientPhone,
    recipientName: parcel.recipientName,
    reservedUntil: parcel.reservedUntil,
    depositedAt: parcel.depositedAt,
    expiresAt: parcel.expiresAt,
    holdExtended: parcel.holdExtended,
    closedAt: parcel.closedAt,
    handedOverAt: parcel.handedOverAt,
    createdAt: parcel.createdAt,
  };
}

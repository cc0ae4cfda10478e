import "server-only";
import { sql } from "drizzle-orm";
import type { OutboundKind, OutboundState, SlotSize } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { OUTBOUND_STATE_LABELS } from "./lifecycle";
import type { OutboundRow } from "./transition";

/** What any reader may be shown of an outbound parcel: never its code, hash or cipher. */
export type OutboundView = {
  id: number;
  kind: OutboundKind;
  state: OutboundState;
  stateLabel: string;
  carrierId: number;
  carrierName: string;
  siteId: number;
  siteName: string;
  size: SlotSize;
  slotLabel: string | null;
  recipientName: string | null;
  recipientAddress: string | null;
  orderReference: string | null;
  waybillNumber: string | null;
  /** The carrier's tracking page for the waybill, once there is one and the carrier has a page. */
  trackingLink: string | null;
  quotedPriceCents: number | null;
  codeExpiresAt: number;
  droppedOffAt: number | null;
  takenAt: number | null;
  createdAt: number;
};

export const OUTBOUND_VIEW_COLUMNS = sql.raw(`
  o.id, o.kind, o.state, o.carrier_id as carrierId, c.name as carrierName, o.site_id as siteId, s.name as siteName,
  o.size, sl.label as slotLabel, o.recipient_name as recipientName, o.recipient_address as recipientAddress,
  o.order_reference as orderReference, o.waybill_number as waybillNumber, c.tracking_url as trackingUrl, o.quoted_price_cents as quotedPriceCents,
  o.code_expires_at as codeExpiresAt, o.dropped_off_at as droppedOffAt, o.taken_at as takenAt, o.created_at as createdAt`);
export const OUTBOUND_VIEW_FROM = sql.raw(`
  outbound_parcels o join carriers c on c.id = o.carrier_id join sites s on s.id = o.site_id left join slots sl on sl.id = o.slot_id`);

export type ViewRow = Omit<OutboundView, "stateLabel" | "trackingLink"> & { trackingUrl: string | null };

export function withLabel({ trackingUrl, ...row }: ViewRow): OutboundView {
  const trackingLink = trackingUrl && row.waybillNumber ? trackingUrl.replace("{waybill}", encodeURIComponent(row.waybillNumber)) : null;
  return { ...row, stateLabel: OUTBOUND_STATE_LABELS[row.state], trackingLink };
}

export function toOutboundView(ctx: Ctx, row: Pick<OutboundRow, "id">): OutboundView {
  const view = ctx.db.get<ViewRow>(sql`select ${OUTBOUND_VIEW_COLUMNS} from ${OUTBOUND_VIEW_FROM} where o.id = ${row.id}`)!;
  return withLabel(view);
}

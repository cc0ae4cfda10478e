import "server-only";
import type { ConsentSource } from "@/db/schema";
export { CONSENT_SOURCES } from "@/db/schema";
import type { Ctx } from "@/lib/context";

/** How a parcel's consent to the locker was given, as an admin's page and the CSV show it. */
export type ConsentRecordView = {
  source: ConsentSource;
  /** In words: "Phone call attested by Wang Jun", "Carrier-supplied (reference checkout-42)". */
  description: string;
  recordedAt: number;
};

const SOURCE_WORDS: Record<ConsentSource, string> = {
  standing: "Recipient's standing preference",
  operator_default: "No preference recorded; the organization's default allowed it",
  per_parcel: "Recipient's answer for this parcel",
  phone_attested: "Phone call attested by",
  carrier_supplied: "Carrier-supplied",
  before_recording: "Deposited before consent was recorded",
};

export const CONSENT_SOURCE_LABELS: Record<ConsentSource, string> = {
  standing: "Standing preference",
  operator_default: "Organization default",
  per_parcel: "Answered for the parcel",
  phone_attested: "Phone call, attested",
  carrier_supplied: "Carrier-supplied",
  before_recording: "Before recording",
};

type Row = { source: ConsentSource; reference: string | null; recordedAt: number; attestedBy: string | null; answeredAt: number | null };

/** The parcel's consent record, or null when it never got a door. The caller has authorized the parcel. */
export function consentRecordOf(ctx: Ctx, parcelId: number): ConsentRecordView | null {
  const row = ctx.db.$client
    .prepare(
      `select c.source, c.reference, c.recorded_at as recordedAt, u.name as attestedBy, r.answered_at as answeredAt
       from parcel_consents c
       left join users u on u.id = c.attested_by_user_id
       left join consent_requests r on r.id = c.request_id
       where c.parcel_id = ?`,
    )
    .get(parcelId) as Row | undefined;
  if (!row) return null;
  let description = SOURCE_WORDS[row.source];
  if (row.source === "phone_attested") description = `${description} ${row.attestedBy ?? "a courier"}`;
  if (row.source === "carrier_supplied" && row.reference) description = `${description} (reference ${row.reference})`;
  if (row.source === "standing" && row.reference) description = `${description} (${row.reference})`;
  if (row.source === "per_parcel") description = `${description}: put it in the locker`;
  return { source: row.source, description, recordedAt: row.recordedAt };
}

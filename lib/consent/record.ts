import "server-only";
import type { ConsentSource } from "@/db/schema";
export { CONSENT_SOURCES } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";

/** How a parcel's consent to the locker was given, as an admin's page and the CSV show it. */
export type ConsentRecordView = {
  source: ConsentSource;
  /** In words: "Phone call attested by Wang Jun", "Carrier-supplied (reference checkout-42)". */
  description: string;
  recordedAt: number;
};

type Row = { source: ConsentSource; reference: string | null; recordedAt: number; attestedBy: string | null; answeredAt: number | null };

/**
 * The parcel's consent record, described in `locale` (English by default, as the tests read
 * it), or null when it never got a door. The caller has authorized the parcel.
 */
export function consentRecordOf(ctx: Ctx, parcelId: number, locale: Locale = "en"): ConsentRecordView | null {
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
  return { source: row.source, description: describeConsent(locale, row), recordedAt: row.recordedAt };
}

function describeConsent(locale: Locale, row: Row): string {
  const t = translator(locale);
  switch (row.source) {
    case "phone_attested":
      return row.attestedBy ? t("history.consent.phone_attested", { name: row.attestedBy }) : t("history.consent.phoneAttestedBySomeone");
    case "carrier_supplied":
      return row.reference ? t("history.consent.carrierSuppliedReference", { reference: row.reference }) : t("history.consent.carrier_supplied");
    case "standing":
      return row.reference ? t("history.consent.standingNamed", { reference: row.reference }) : t("history.consent.standing");
    default:
      return t(`history.consent.${row.source}`);
  }
}

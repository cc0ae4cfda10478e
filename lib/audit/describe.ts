import "server-only";
import { formatAt } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { translateKey, translator } from "@/lib/i18n/translate";
import type { AuditAction } from "./record";

/*
 * An audit row in words. Here, below lib/admin and lib/slots, because the audit trail and a
 * door's own history (lib/slots/admin-slots.ts) both tell these rows.
 */

const SITE_FIELDS = ["name", "code", "address", "latitude", "longitude", "openingHours", "holdPeriodHours"] as const;
const CONSENT_DEFAULTS = ["allow", "ask", "refuse"] as const;

const s = (value: unknown) => (value == null ? "" : String(value));

/** An audit row as a sentence in `locale` (messages `history.audit`); people's and places' names as written. */
export function describeAuditAction(locale: Locale, zone: string, action: AuditAction, d: Record<string, unknown>): string {
  const t = translator(locale);
  const list = (value: unknown) => (Array.isArray(value) && value.length > 0 ? value.map(String).join(t("history.audit.listSeparator")) : t("history.audit.none"));
  const consentDefault = (value: unknown) =>
    (CONSENT_DEFAULTS as readonly unknown[]).includes(value) ? t(`admin.consent.default.${value as (typeof CONSENT_DEFAULTS)[number]}.name`) : s(value);
  switch (action) {
    case "site.created":
      return t("history.audit.site.created", { name: s(d.name), code: s(d.code) });
    case "site.updated": {
      const changes = d.changes && typeof d.changes === "object" ? Object.keys(d.changes) : [];
      const fields = changes.map((field) => ((SITE_FIELDS as readonly string[]).includes(field) ? t(`history.audit.fields.${field as (typeof SITE_FIELDS)[number]}`) : field));
      return t("history.audit.site.updated", { name: s(d.name), fields: fields.join(t("history.audit.listSeparator")) });
    }
    case "site.closed":
      return t("history.audit.site.closed", { name: s(d.name), reason: s(d.reason) });
    case "site.reopened":
      return t("history.audit.site.reopened", { name: s(d.name) });
    case "site.kiosk_paired":
      return d.code
        ? t("history.audit.site.kiosk_pairedByCode", { kiosk: s(d.kiosk), name: s(d.name), code: s(d.code) })
        : t("history.audit.site.kiosk_paired", { kiosk: s(d.kiosk), name: s(d.name) });
    case "site.kiosk_unpaired":
      return t("history.audit.site.kiosk_unpaired", { kiosk: s(d.kiosk), name: s(d.name), screens: Number(d.screens) || 0 });
    case "site.kiosk_slowdown_lifted":
      return d.secondsLeft
        ? t("history.audit.site.kiosk_slowdown_liftedLeft", { kiosk: s(d.kiosk), name: s(d.name), seconds: s(d.secondsLeft) })
        : t("history.audit.site.kiosk_slowdown_lifted", { kiosk: s(d.kiosk), name: s(d.name) });
    case "site.outbound_carrier_set":
      return t(d.accepts ? "history.audit.site.outbound_carrier_allowed" : "history.audit.site.outbound_carrier_stopped", { carrier: s(d.carrier), name: s(d.name) });
    case "organization.consent_default_set":
      return t("history.audit.organization.consent_default_set", { from: consentDefault(d.from), to: consentDefault(d.to) });
    case "locker.added":
      return t("history.audit.locker.added", { code: s(d.code), rows: s(d.rows), columns: s(d.columns), doors: s(d.doors) });
    case "locker.removed":
      return t("history.audit.locker.removed", { code: s(d.code) });
    case "locker.retired":
      return t("history.audit.locker.retired", { code: s(d.code), doors: s(d.doors) });
    case "locker.row_heights_set": {
      const height = (mm: unknown) => (typeof mm === "number" ? t("history.audit.locker.heightMm", { mm }) : t("history.audit.locker.notMeasured"));
      const rows = Array.isArray(d.rows) ? (d.rows as { row?: unknown; fromMm?: unknown; toMm?: unknown }[]) : [];
      const changes = rows.map((change) => t("history.audit.locker.rowHeightChange", { row: s(change.row), from: height(change.fromMm), to: height(change.toMm) }));
      return t("history.audit.locker.row_heights_set", { code: s(d.code), changes: changes.join(t("history.audit.listSeparator")) });
    }
    case "slot.out_of_service":
      return t("history.audit.slot.out_of_service", { slot: s(d.slot), reason: s(d.reason) });
    case "slot.in_service":
      return t("history.audit.slot.in_service", { slot: s(d.slot) });
    case "slot.retired":
      return t("history.audit.slot.retired", { slot: s(d.slot), reason: s(d.reason) });
    case "door.opened_remotely":
      return d.trackingNumber
        ? t("history.audit.door.opened_remotelyWithParcel", { slot: s(d.slot), reason: s(d.reason), trackingNumber: s(d.trackingNumber) })
        : t("history.audit.door.opened_remotely", { slot: s(d.slot), reason: s(d.reason) });
    case "parcel.hold_extended":
      return typeof d.expiresAt === "number"
        ? t("history.audit.parcel.hold_extendedTo", { trackingNumber: s(d.trackingNumber), to: formatAt(d.expiresAt, { locale, timeZone: zone }) })
        : t("history.audit.parcel.hold_extended", { trackingNumber: s(d.trackingNumber) });
    case "parcel.cancelled":
      return t("history.audit.parcel.cancelled", { trackingNumber: s(d.trackingNumber), reason: s(d.reason) });
    case "parcel.code_resent":
      return t("history.audit.parcel.code_resent", { trackingNumber: s(d.trackingNumber), to: s(d.to) });
    case "parcel.marked_lost":
      return t("history.audit.parcel.marked_lost", { trackingNumber: s(d.trackingNumber), note: s(d.note) });
    case "parcel.marked_damaged":
      return t("history.audit.parcel.marked_damaged", { trackingNumber: s(d.trackingNumber), note: s(d.note) });
    case "courier.created":
      return t("history.audit.courier.created", { name: s(d.name), carrier: s(d.carrier), sites: list(d.sites) });
    case "courier.sites_changed":
      return t("history.audit.courier.sites_changed", { name: s(d.name), added: list(d.added), removed: list(d.removed) });
    case "courier.deactivated":
      return t("history.audit.courier.deactivated", { name: s(d.name) });
    case "courier.reactivated":
      return t("history.audit.courier.reactivated", { name: s(d.name) });
    case "admin.created":
      return t("history.audit.admin.created", { name: s(d.name), email: s(d.email) });
    case "carrier.created":
      return t("history.audit.carrier.created", { name: s(d.name), code: s(d.code) });
    default:
      return translateKey(locale, "history.audit.other", { action: String(action).replaceAll(/[._]/g, " ") });
  }
}

import type { AuditCategory } from "@/lib/audit/schemas";

export const AUDIT_CATEGORY_LABELS: Record<AuditCategory, string> = {
  site: "Sites",
  locker: "Lockers",
  door: "Doors",
  parcel: "Parcels",
  people: "People",
  carrier: "Carriers",
};

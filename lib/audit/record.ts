import "server-only";
import { auditLog } from "@/db/schema";
import type { AdminActor } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";

/*
 * What the audit trail knows how to tell. The action names are stable strings in the
 * database; the trail (lib/admin/audit-trail.ts) turns each into a sentence.
 */
export const AUDIT_ACTIONS = [
  "site.created",
  "site.updated",
  "site.closed",
  "site.reopened",
  "site.kiosk_paired",
  "site.kiosk_unpaired",
  "site.kiosk_slowdown_lifted",
  "site.outbound_carrier_set",
  "organization.consent_default_set",
  "locker.added",
  "locker.removed",
  "locker.retired",
  "locker.row_heights_set",
  "slot.out_of_service",
  "slot.in_service",
  "slot.retired",
  "door.opened_remotely",
  "parcel.hold_extended",
  "parcel.cancelled",
  "parcel.code_resent",
  "parcel.marked_lost",
  "parcel.marked_damaged",
  "courier.created",
  "courier.sites_changed",
  "courier.deactivated",
  "courier.reactivated",
  "admin.created",
  "carrier.created",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The thing an action was done to, as "kind:id" — enough to link back to it. */
export type AuditSubject = `${"organization" | "site" | "locker" | "slot" | "parcel" | "user" | "carrier"}:${number}`;

export type AuditEntry = {
  action: AuditAction;
  subject: AuditSubject;
  /** The site the action concerns, if any: the trail filters by it. */
  siteId?: number | null;
  /** Names and values as they were, so the entry still reads right after later edits. */
  detail?: Record<string, unknown>;
};

/**
 * Writes one audit row for an admin's action. Call inside the transaction that made the
 * change, so the row exists exactly when the change does.
 */
export function recordAudit(ctx: Ctx, admin: AdminActor, entry: AuditEntry): void {
  ctx.db
    .insert(auditLog)
    .values({
      organizationId: admin.organizationId,
      actorUserId: admin.userId,
      action: entry.action,
      subject: entry.subject,
      detail: JSON.stringify({ ...(entry.detail ?? {}), siteId: entry.siteId ?? null }),
      at: ctx.now(),
    })
    .run();
}

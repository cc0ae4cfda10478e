import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { CONSENT_CHOICES, organizations, type ConsentChoice } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { recordAudit } from "@/lib/audit/record";
import { requireAdmin } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/validation";

/*
 * What couriers may do for a recipient who recorded no preference (lib/consent/rule.ts):
 * the organization's default. "allow" is recorded on each deposit as operator_default, so
 * the compliance view keeps it apart from a recipient's own consent; "ask" sends every such
 * recipient a one-tap question first; "refuse" keeps their parcels out of the lockers.
 */

const ConsentDefaultInput = z.object({ consentDefault: z.enum(CONSENT_CHOICES, "invalid") });

/** The admin's organization's default. Admins only. */
export function organizationConsentDefault(ctx: Ctx): ConsentChoice {
  const admin = requireAdmin(ctx);
  return ctx.db.select({ value: organizations.consentDefault }).from(organizations).where(eq(organizations.id, admin.organizationId)).get()!.value;
}

/**
 * Sets the default for the admin's organization; it applies to the next deposit, never to
 * parcels already in a locker (their consent is recorded and permanent). Admins only; raises
 * INVALID. Audited when it changes; setting what is set changes nothing.
 */
export function setOrganizationConsentDefault(ctx: Ctx, raw: unknown): { consentDefault: ConsentChoice; changed: boolean } {
  const admin = requireAdmin(ctx);
  const { consentDefault } = parseInput(ConsentDefaultInput, raw);
  return writeTransaction(ctx.db, () => {
    const from = organizationConsentDefault(ctx);
    if (from === consentDefault) return { consentDefault, changed: false };
    ctx.db.update(organizations).set({ consentDefault }).where(eq(organizations.id, admin.organizationId)).run();
    recordAudit(ctx, admin, { action: "organization.consent_default_set", subject: `organization:${admin.organizationId}`, detail: { from, to: consentDefault } });
    return { consentDefault, changed: true };
  });
}

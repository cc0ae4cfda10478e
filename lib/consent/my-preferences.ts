import "server-only";
import { asc } from "drizzle-orm";
import { z } from "zod";
import { carriers, CONSENT_CHOICES, type ConsentChoice } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { requireRole } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { loadConsentPreference, storeConsentPreference } from "./preferences";
import type { ConsentException } from "./rule";

/*
 * The customer's own locker preferences (account area): the standing choice, "ask me first"
 * for chosen carriers, "never a locker" on chosen days, and away until a date. The stored
 * model takes any list of exceptions (lib/consent/rule.ts); this form offers the two kinds
 * people ask for, the day exceptions first so "never at weekends" wins over "ask for SF".
 */

export type ConsentSettings = {
  standing: ConsentChoice;
  /** No preference recorded yet: the operator's default applies. */
  recorded: boolean;
  askCarrierIds: number[];
  refuseDays: number[];
  awayUntil: string | null;
  carriers: { id: number; name: string }[];
};

const idList = z.array(z.coerce.number<unknown>().int().positive()).max(50);
const dayList = z.array(z.coerce.number<unknown>().int().min(0).max(6)).max(7);

export const ConsentSettingsInput = z.object({
  standing: z.enum(CONSENT_CHOICES, { message: "Choose what couriers may do." }),
  askCarrierIds: idList.default([]),
  refuseDays: dayList.default([]),
  awayUntil: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : null))
    .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-10.").nullable()),
});
export type ConsentSettingsInput = z.input<typeof ConsentSettingsInput>;

function phoneOf(ctx: Ctx): string {
  const customer = requireRole(ctx, "customer");
  if (!customer.verifiedPhone) throw new DomainError("FORBIDDEN", "Confirm your phone number first: couriers know you by it.");
  return customer.verifiedPhone;
}

/** The signed-in customer's locker preferences, for their form. Customers with a confirmed phone. */
export function myConsentSettings(ctx: Ctx): ConsentSettings {
  const preference = loadConsentPreference(ctx, phoneOf(ctx));
  const exceptions = preference?.exceptions ?? [];
  return {
    standing: preference?.standing ?? "allow",
    recorded: preference !== null,
    askCarrierIds: exceptions.filter((e) => e.choice === "ask" && e.carrierId !== undefined).map((e) => e.carrierId!),
    refuseDays: exceptions.find((e) => e.choice === "refuse" && e.days)?.days ?? [],
    awayUntil: preference?.awayUntil ?? null,
    carriers: ctx.db.select({ id: carriers.id, name: carriers.name }).from(carriers).orderBy(asc(carriers.name)).all(),
  };
}

/** Saves them. Customers with a confirmed phone; raises INVALID, FORBIDDEN. */
export function setMyConsentSettings(ctx: Ctx, raw: unknown): void {
  const phone = phoneOf(ctx);
  const input = parseInput(ConsentSettingsInput, raw);
  const exceptions: ConsentException[] = [];
  if (input.refuseDays.length > 0) exceptions.push({ choice: "refuse", days: [...new Set(input.refuseDays)].sort() });
  for (const carrierId of new Set(input.askCarrierIds)) exceptions.push({ choice: "ask", carrierId });
  const actor = requireRole(ctx, "customer");
  writeTransaction(ctx.db, () => storeConsentPreference(ctx, phone, { standing: input.standing, exceptions, awayUntil: input.awayUntil }, actor.userId));
}

import "server-only";
import { eq, sql } from "drizzle-orm";
import { preparedQuery } from "@/db/prepared";
import { z } from "zod";
import { CONSENT_CHOICES, consentPreferences } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { minutesOfDay, type ConsentPreference } from "./rule";

const TimeOfDay = z.string().refine((text) => minutesOfDay(text) !== null, "timeLike");

export const ConsentExceptionSchema = z.object({
  choice: z.enum(CONSENT_CHOICES),
  carrierId: z.number().int().positive().optional(),
  days: z.array(z.number().int().min(0).max(6)).max(7).optional(),
  from: TimeOfDay.optional(),
  to: TimeOfDay.optional(),
});

const StoredExceptions = z.array(ConsentExceptionSchema).max(20);

/** The recipient's recorded preference, or null when they recorded none. */
export function loadConsentPreference(ctx: Ctx, phone: string): ConsentPreference | null {
  const row = preferenceByPhone(ctx.db).get({ phone });
  if (!row) return null;
  // A row that no longer parses is read as its standing choice alone: never as "allowed" by accident.
  const exceptions = StoredExceptions.safeParse(JSON.parse(row.exceptions));
  return { standing: row.standing, exceptions: exceptions.success ? exceptions.data : [], awayUntil: row.awayUntil };
}

/** Writes a recipient's preference (a verb has authorized who may). Call inside a transaction. */
// Every reservation reads it (lib/consent/settle.ts): built once per connection.
const preferenceByPhone = preparedQuery((db) =>
  db.select().from(consentPreferences).where(eq(consentPreferences.phone, sql.placeholder("phone"))).prepare(),
);

export function storeConsentPreference(ctx: Pick<Ctx, "db" | "now">, phone: string, preference: ConsentPreference, byUserId: number | null): void {
  const values = {
    standing: preference.standing,
    exceptions: JSON.stringify(StoredExceptions.parse(preference.exceptions)),
    awayUntil: preference.awayUntil,
    updatedAt: ctx.now(),
    updatedByUserId: byUserId,
  };
  ctx.db
    .insert(consentPreferences)
    .values({ phone, ...values })
    .onConflictDoUpdate({ target: consentPreferences.phone, set: values })
    .run();
}

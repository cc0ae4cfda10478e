import "server-only";
import { asc } from "drizzle-orm";
import { z } from "zod";
import { carriers, CONSENT_CHOICES, type ConsentChoice } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { requireRole } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { DomainError, field } from "@/lib/errors";
import { dayKey, DEFAULT_TIME_ZONE } from "@/lib/time";
import { parseInput } from "@/lib/validation";
import { loadConsentPreference, storeConsentPreference } from "./preferences";
import { consentRequests } from "@/db/schema";
import { eq } from "drizzle-orm";
import { isConsentTokenFor, readConsentToken } from "@/lib/notifications/consent-token";
import type { ConsentException } from "./rule";

/*
 * The customer's own locker preferences (account area): the standing choice, "ask me first"
 * for chosen carriers, "never a locker" on chosen days, and away until a date. The stored
 * model takes any list of exceptions (lib/consent/rule.ts); this form offers the two kinds
 * people ask for, the day exceptions first so "never at weekends" wins over "ask for SF".
 */

export type ConsentSettings = {
  /**
   * The recorded standing choice; null when none is recorded. Never filled in with a default:
   * a form that showed one preselected would record consent the recipient never gave.
   */
  standing: ConsentChoice | null;
  /** No preference recorded yet: the operator's default applies. */
  recorded: boolean;
  askCarrierIds: number[];
  refuseDays: number[];
  awayUntil: string | null;
  /** The earliest day "away until" may name: today, in the installation's zone (see storeSettings). */
  earliestAwayUntil: string;
  carriers: { id: number; name: string }[];
};

const idList = z.array(z.coerce.number<unknown>().int().positive()).max(50);
const dayList = z.array(z.coerce.number<unknown>().int().min(0).max(6)).max(7);

/** The standing choice is required: saving a date or a day never stands in for the recipient's consent. */
export const ConsentSettingsInput = z.object({
  standing: z.enum(CONSENT_CHOICES, { message: "chooseConsentStanding" }),
  askCarrierIds: idList.default([]),
  refuseDays: dayList.default([]),
  awayUntil: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : null))
    .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "dateLike").nullable()),
});
export type ConsentSettingsInput = z.input<typeof ConsentSettingsInput>;

export function phoneOf(ctx: Ctx): string {
  const customer = requireRole(ctx, "customer");
  if (!customer.verifiedPhone) throw new DomainError("FORBIDDEN", "confirmPhoneForConsent");
  return customer.verifiedPhone;
}

/** The signed-in customer's locker preferences, for their form. Customers with a confirmed phone. */
export function myConsentSettings(ctx: Ctx): ConsentSettings {
  return settingsFor(ctx, phoneOf(ctx));
}

function settingsFor(ctx: Ctx, phone: string): ConsentSettings {
  const preference = loadConsentPreference(ctx, phone);
  const exceptions = preference?.exceptions ?? [];
  return {
    standing: preference?.standing ?? null,
    recorded: preference !== null,
    askCarrierIds: exceptions.filter((e) => e.choice === "ask" && e.carrierId !== undefined).map((e) => e.carrierId!),
    refuseDays: exceptions.find((e) => e.choice === "refuse" && e.days)?.days ?? [],
    awayUntil: preference?.awayUntil ?? null,
    earliestAwayUntil: today(ctx),
    carriers: ctx.db.select({ id: carriers.id, name: carriers.name }).from(carriers).orderBy(asc(carriers.name)).all(),
  };
}

/** Saves them. Customers with a confirmed phone; raises INVALID, FORBIDDEN. */
export function setMyConsentSettings(ctx: Ctx, raw: unknown): void {
  const phone = phoneOf(ctx);
  storeSettings(ctx, phone, parseInput(ConsentSettingsInput, raw), requireRole(ctx, "customer").userId);
}

/*
 * Someone without an account sets their preferences from the link of a consent request's
 * text: the signed token proves they hold the phone the request was texted to, for as long
 * as the link is valid (answered or not). Nothing else of theirs is shown.
 */
export function phoneOfToken(ctx: Ctx, token: string): string | null {
  const claim = readConsentToken(token);
  const request = claim ? ctx.db.select().from(consentRequests).where(eq(consentRequests.id, claim.requestId)).get() : undefined;
  if (!claim || !request || !isConsentTokenFor(ctx.keys, claim, request) || request.expiresAt <= ctx.now()) return null;
  return request.recipientPhone;
}

/** The preferences of the phone a valid consent link was texted to; null when the link is not valid (any more). */
export function consentSettingsByToken(ctx: Ctx, token: string): ConsentSettings | null {
  const phone = phoneOfToken(ctx, token);
  return phone ? settingsFor(ctx, phone) : null;
}

/** Saves them by the link. Raises INVALID (also a link not valid any more). */
export function setConsentSettingsByToken(ctx: Ctx, raw: unknown): void {
  const { token, ...settings } = parseInput(ConsentSettingsInput.extend({ token: z.string().trim().max(80) }), raw);
  const phone = phoneOfToken(ctx, token);
  if (!phone) throw new DomainError("INVALID", "preferencesLinkInvalid");
  storeSettings(ctx, phone, settings, null);
}

function today(ctx: Ctx): string {
  return dayKey(DEFAULT_TIME_ZONE, ctx.now());
}

function storeSettings(ctx: Ctx, phone: string, input: z.output<typeof ConsentSettingsInput>, byUserId: number | null): void {
  // A preference belongs to no site: "today" is the installation's day (as the phone code's), and
  // a day already gone would refuse nothing and only mislead the customer into thinking it does.
  if (input.awayUntil !== null && input.awayUntil < today(ctx)) {
    throw new DomainError("INVALID", "awayUntilPast", { fields: { awayUntil: [field("notBeforeToday")] } });
  }
  const exceptions: ConsentException[] = [];
  if (input.refuseDays.length > 0) exceptions.push({ choice: "refuse", days: [...new Set(input.refuseDays)].sort() });
  for (const carrierId of new Set(input.askCarrierIds)) exceptions.push({ choice: "ask", carrierId });
  writeTransaction(ctx.db, () => storeConsentPreference(ctx, phone, { standing: input.standing, exceptions, awayUntil: input.awayUntil }, byUserId));
}

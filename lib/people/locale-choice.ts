import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { parseInput } from "@/lib/validation";

const LocaleChoice = z.object({ locale: z.enum(LOCALES, "invalid") });

/**
 * The language switch. Anyone may call it; for a signed-in person it is kept on their
 * account too (their texts and emails follow it), for anyone else the edge keeps it in a
 * cookie. Raises INVALID for a language we do not speak.
 */
export function chooseLocale(ctx: Ctx, raw: unknown): { locale: Locale; onAccount: boolean } {
  const { locale } = parseInput(LocaleChoice, raw);
  if (ctx.actor.kind !== "user") return { locale, onAccount: false };
  const changed = ctx.db.update(users).set({ locale }).where(eq(users.id, ctx.actor.userId)).run();
  return { locale, onAccount: changed.changes === 1 };
}

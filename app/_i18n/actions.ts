"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { runAction } from "@/lib/forms/action";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { chooseLocale } from "@/lib/people/locale-choice";

/** A year: the choice outlives a session; signing in keeps it on the account as well. */
const COOKIE_MAX_AGE = 365 * 24 * 3600;

/**
 * The language switch on every page: kept on the account of whoever is signed in (their
 * texts and emails follow it) and in a cookie (so it holds before sign-in and after
 * sign-out). Then every page is drawn again in the new language.
 */
export async function switchLanguageAction(formData: FormData): Promise<void> {
  const outcome = await runAction(formData, (ctx) => chooseLocale(ctx, { locale: formData.get("locale") }));
  // A language we do not speak (a forged form): nothing to switch to, the page stays as it is.
  if (!outcome.ok) return;
  (await cookies()).set(LOCALE_COOKIE, outcome.result.locale, {
    maxAge: COOKIE_MAX_AGE,
    path: "/",
    sameSite: "lax",
    httpOnly: true,
  });
  revalidatePath("/", "layout");
}

"use server";

import { headers } from "next/headers";
import { AuthError } from "next-auth";
import { signUpCustomer } from "@/lib/auth/accounts";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { requestClientAddress } from "@/lib/security/client-address";
import { signIn, SignInLimited, signOut } from "@/lib/auth/next-auth";
import { SignInInput } from "@/lib/auth/schemas";
import { isDomainError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translateKey } from "@/lib/i18n/translate";
import { errorWords } from "@/lib/error-words";
import { runAction } from "@/lib/forms/action";
import { errorState } from "@/lib/forms/errors";
import type { FormState } from "@/lib/forms/state";
import { parseInput } from "@/lib/validation";

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(
    formData,
    // On success Auth.js redirects by throwing; runAction lets that through.
    () => signIn("credentials", { ...parseInput(SignInInput, Object.fromEntries(formData)), redirectTo: safeCallbackPath(formData.get("callbackUrl")) }),
    { onError: signInErrorState },
  );
  if (!outcome.ok) return outcome.state;
  return { status: "idle" };
}

function signInErrorState(error: unknown, values: Record<string, string>, locale: Locale): FormState {
  if (error instanceof SignInLimited) return { status: "error", message: errorWords(error.refusal, locale), fieldErrors: {}, values };
  if (error instanceof AuthError) return { status: "error", message: translateKey(locale, "auth.badCredentials"), fieldErrors: {}, values };
  if (isDomainError(error)) return errorState(error, values, locale);
  throw error;
}

export async function signUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const address = requestClientAddress(await headers());
  const locale = await requestLocale();
  const outcome = await runAction(formData, (ctx) => signUpCustomer(ctx.db, Object.fromEntries(formData), { address, locale }));
  if (!outcome.ok) return outcome.state;
  await signIn("credentials", {
    identifier: String(formData.get("email")),
    password: String(formData.get("password")),
    redirectTo: "/parcels",
  });
  return { status: "idle" };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in?signedOut=1" });
}

"use server";

import { headers } from "next/headers";
import { AuthError } from "next-auth";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { signUpFromRequest } from "@/lib/auth/current";
import { requestClientAddress } from "@/lib/security/client-address";
import { signIn, SignInLimited, signOut } from "@/lib/auth/next-auth";
import { SignInInput } from "@/lib/auth/schemas";
import { errorState } from "@/lib/forms/errors";
import { echoValues, type FormState } from "@/lib/forms/state";
import { parseInput } from "@/lib/validation";

const BAD_CREDENTIALS = "That email or phone and password do not match an account. Check them and try again.";

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = echoValues(formData);
  let input;
  try {
    input = parseInput(SignInInput, Object.fromEntries(formData));
  } catch (error) {
    return errorState(error, values);
  }
  try {
    // On success Auth.js redirects by throwing; that must propagate.
    await signIn("credentials", { ...input, redirectTo: safeCallbackPath(formData.get("callbackUrl")) });
  } catch (error) {
    if (error instanceof SignInLimited) return { status: "error", message: error.sentence, fieldErrors: {}, values };
    if (error instanceof AuthError) return { status: "error", message: BAD_CREDENTIALS, fieldErrors: {}, values };
    throw error;
  }
  return { status: "idle" };
}

export async function signUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = echoValues(formData);
  try {
    await signUpFromRequest(Object.fromEntries(formData), requestClientAddress(await headers()));
  } catch (error) {
    return errorState(error, values);
  }
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

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { changePassword } from "@/lib/auth/accounts";
import { requestContext } from "@/lib/auth/current";
import { requestPhoneVerification, verifyPhone } from "@/lib/auth/phone-verification";
import { setPreferredSite } from "@/lib/customer/preferences";
import { errorState } from "@/lib/forms/errors";
import { echoValues, type FormState } from "@/lib/forms/state";

export async function setPreferredSiteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let site;
  try {
    site = setPreferredSite(await requestContext(), { siteId: formData.get("siteId") ?? "" });
  } catch (error) {
    return errorState(error, echoValues(formData));
  }
  revalidatePath("/account");
  return { status: "success", message: site ? `Saved: ${site.name} is your preferred site.` : "Saved: no preferred site." };
}

export async function requestPhoneCodeAction(_previous: FormState, _formData: FormData): Promise<FormState> {
  let sent;
  try {
    sent = requestPhoneVerification(await requestContext());
  } catch (error) {
    return errorState(error, {});
  }
  revalidatePath("/account/phone");
  return { status: "success", message: `We are texting a 6-digit code to ${sent.sentTo}. It works for 10 minutes.` };
}

export async function verifyPhoneAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    verifyPhone(await requestContext(), { code: String(formData.get("code") ?? "") });
  } catch (error) {
    // The code is a secret: it is never put back into the form.
    return errorState(error, {});
  }
  revalidatePath("/parcels");
  redirect("/parcels?verified=1");
}

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    await changePassword(await requestContext(), Object.fromEntries(formData));
  } catch (error) {
    // Passwords are never put back into the form.
    return errorState(error, {});
  }
  return { status: "success", message: "Your password is changed. Every other device signed in to your account is now signed out." };
}

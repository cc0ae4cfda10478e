"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { changePassword } from "@/lib/auth/accounts";
import { requestPhoneVerification, verifyPhone } from "@/lib/auth/phone-verification";
import { setPreferredSite } from "@/lib/customer/preferences";
import { formInput, runAction } from "@/lib/forms/action";
import { maskPhone } from "@/lib/phone";
import { removeMyTrustedPerson, setMyTrustedPerson } from "@/lib/trusted/trusted-persons";
import type { FormState } from "@/lib/forms/state";

export async function setPreferredSiteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => setPreferredSite(ctx, { siteId: formData.get("siteId") ?? "" }));
  if (!outcome.ok) return outcome.state;
  revalidatePath("/account");
  const site = outcome.result;
  const t = await getTranslations("account");
  return { status: "success", message: site ? t("preferredSiteSaved", { site: site.name }) : t("noPreferredSiteSaved") };
}

export async function requestPhoneCodeAction(_previous: FormState, _formData: FormData): Promise<FormState> {
  const outcome = await runAction(null, (ctx) => requestPhoneVerification(ctx));
  if (!outcome.ok) return outcome.state;
  revalidatePath("/account/phone");
  const words = await getTranslations("customer.phone");
  return { status: "success", message: words("codeSent", { phone: outcome.result.sentTo }) };
}

export async function verifyPhoneAction(_previous: FormState, formData: FormData): Promise<FormState> {
  // The code is a secret: it is never put back into the form.
  const outcome = await runAction(formData, (ctx) => verifyPhone(ctx, { code: String(formData.get("code") ?? "") }), { secret: "all" });
  if (!outcome.ok) {
    // A wrong code spent a try: the page's card must count it too, not keep the count it was rendered with.
    revalidatePath("/account/phone");
    return outcome.state;
  }
  revalidatePath("/parcels");
  redirect("/parcels?verified=1");
}

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  // Passwords are never put back into the form.
  const outcome = await runAction(formData, (ctx) => changePassword(ctx, Object.fromEntries(formData)), { secret: "all" });
  if (!outcome.ok) return outcome.state;
  const t = await getTranslations("account");
  return { status: "success", message: t("passwordChanged") };
}

export async function setTrustedPersonAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => setMyTrustedPerson(ctx, formInput(formData)));
  if (!outcome.ok) return outcome.state;
  revalidatePath("/account");
  const words = await getTranslations("trusted");
  const { name, phone } = outcome.result;
  return { status: "success", message: words("standingSaved", { who: name ? words("whoNamed", { name, phone: maskPhone(phone) }) : maskPhone(phone) }) };
}

export async function removeTrustedPersonAction(_previous: FormState, _formData: FormData): Promise<FormState> {
  const outcome = await runAction(null, (ctx) => removeMyTrustedPerson(ctx));
  if (!outcome.ok) return outcome.state;
  revalidatePath("/account");
  const words = await getTranslations("trusted");
  return { status: "success", message: words("standingRemoved") };
}

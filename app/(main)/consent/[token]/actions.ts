"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { setConsentSettingsByToken } from "@/lib/consent/my-preferences";
import { answerConsentByToken } from "@/lib/parcels/consent-requests";
import { formInput, runAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";

/** The recipient's one tap from the text's link: no sign-in, the signed token is the proof. */
export async function answerConsentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => answerConsentByToken(ctx, Object.fromEntries(formData)), { secret: ["token"] });
  if (!outcome.ok) return outcome.state;
  redirect(`/consent/${encodeURIComponent(String(formData.get("token")))}`);
}

/** Locker preferences set from the text's link, without an account. */
export async function savePreferencesByLinkAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => setConsentSettingsByToken(ctx, formInput(formData, ["askCarrierIds", "refuseDays"])), {
    secret: ["token"],
  });
  if (!outcome.ok) return outcome.state;
  const t = await getTranslations("customer.preferences");
  return { status: "success", message: t("saved") };
}

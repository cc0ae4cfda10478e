"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { setMyConsentSettings } from "@/lib/consent/my-preferences";
import { formInput, runAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";

export async function saveLockerPreferencesAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => setMyConsentSettings(ctx, formInput(formData, ["askCarrierIds", "refuseDays"])));
  if (!outcome.ok) return outcome.state;
  revalidatePath("/account/lockers");
  const t = await getTranslations("customer.preferences");
  return { status: "success", message: t("saved") };
}

"use server";

import { getTranslations } from "next-intl/server";
import { setWithinReachByToken } from "@/lib/consent/within-reach";
import { formInput, runAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";

/** "Doors within reach" set from a consent text's link, without an account. */
export async function saveWithinReachByLinkAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => setWithinReachByToken(ctx, formInput(formData)), { secret: ["token"] });
  if (!outcome.ok) return outcome.state;
  const t = await getTranslations("reach");
  return { status: "success", message: formData.get("withinReach") ? t("savedOn") : t("savedOff") };
}

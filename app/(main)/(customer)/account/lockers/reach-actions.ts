"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { setMyWithinReach } from "@/lib/consent/within-reach";
import { formInput, runAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";

/** "Doors within reach", saved on its own beside the locker preferences. */
export async function saveWithinReachAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => setMyWithinReach(ctx, formInput(formData)));
  if (!outcome.ok) return outcome.state;
  revalidatePath("/account/lockers");
  const t = await getTranslations("reach");
  return { status: "success", message: formData.get("withinReach") ? t("savedOn") : t("savedOff") };
}

"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { formInput, runAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";
import { setCarrierOutbound } from "@/lib/outbound/settings";
import { ADMIN_FORM } from "../admin-context";

/** The admin's per-carrier, per-site outbound switch (decision 0013). */
export async function setCarrierOutboundAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => setCarrierOutbound(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath(`/admin/sites/${String(formData.get("siteId"))}`);
  const t = await getTranslations("admin.sites.outbound");
  return { status: "success", message: outcome.result.accepts ? t("accepts") : t("refuses") };
}

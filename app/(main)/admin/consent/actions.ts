"use server";

import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { setOrganizationConsentDefault } from "@/lib/consent/organization-default";
import { formInput, runAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";
import { ADMIN_FORM } from "../admin-context";

/** The organization's consent default for recipients with no recorded preference (issue 16). */
export async function setConsentDefaultAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => setOrganizationConsentDefault(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin/consent");
  const t = await getTranslations("admin.consent");
  return { status: "success", message: outcome.result.changed ? t("saved") : t("unchanged") };
}

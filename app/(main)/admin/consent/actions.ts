"use server";

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
  return { status: "success", message: outcome.result.changed ? "Saved. It applies from the next deposit." : "That was already the setting." };
}

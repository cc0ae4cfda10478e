"use server";

import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { createCarrier } from "@/lib/carriers/carriers";
import type { FormState } from "@/lib/forms/state";
import { formInput, runAction } from "@/lib/forms/action";
import { ADMIN_FORM } from "../admin-context";

export async function createCarrierAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => createCarrier(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  const t = await getTranslations("admin.carriers");
  return { status: "success", message: t("added", { name: outcome.result.name, code: outcome.result.code }) };
}

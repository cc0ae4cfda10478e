"use server";

import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import type { FormState } from "@/lib/forms/state";
import { runAction } from "@/lib/forms/action";
import { ADMIN_FORM } from "../admin-context";

export type TokenFormState = FormState | { status: "created"; message: string; token: string };

/** The form names its subject "courier:12" or "kiosk:3"; the verb's schema checks the rest. */
function tokenInput(formData: FormData) {
  const [scope, id] = String(formData.get("subject") ?? "").split(":");
  const name = String(formData.get("name") ?? "");
  return scope === "kiosk" ? { scope, name, kioskId: id } : { scope: "carrier" as const, name, courierId: id };
}

export async function createTokenAction(_previous: TokenFormState, formData: FormData): Promise<TokenFormState> {
  const outcome = await runAction(formData, (ctx) => createApiToken(ctx, tokenInput(formData)), ADMIN_FORM);
  if (!outcome.ok) {
    const state = outcome.state;
    // The schema reports courierId/kioskId; the form has one "subject" field.
    if (state.status === "error") {
      const { courierId, kioskId, scope, ...rest } = state.fieldErrors;
      const subject = [...(courierId ?? []), ...(kioskId ?? []), ...(scope ?? [])];
      return { ...state, fieldErrors: subject.length ? { ...rest, subject } : rest };
    }
    return state;
  }
  revalidatePath("/admin/api-tokens");
  // Shown once, in this answer only: the database keeps a hash.
  const t = await getTranslations("admin.apiTokens");
  return { status: "created", message: t("createdMessage", { name: outcome.result.view.name }), token: outcome.result.token };
}

export async function revokeTokenAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => revokeApiToken(ctx, Number(formData.get("tokenId"))), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin/api-tokens");
  const t = await getTranslations("admin.apiTokens");
  return { status: "success", message: t("revoked") };
}

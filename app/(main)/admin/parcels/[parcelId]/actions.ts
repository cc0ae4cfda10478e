"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/forms/state";
import { getTranslations } from "next-intl/server";
import { formatAt } from "@/lib/format";
import { requestLocale } from "@/lib/i18n/request-locale";
import { cancelParcelAsAdmin, extendHoldAsAdmin, reportParcelIncident, resendPickupCode } from "@/lib/parcels/admin-actions";
import { formInput, runAction } from "@/lib/forms/action";
import { ADMIN_FORM } from "../../admin-context";

export async function extendHoldAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => extendHoldAsAdmin(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  const t = await getTranslations("admin.parcels.detail");
  const time = formatAt(outcome.result.expiresAt!, { locale: await requestLocale(), timeZone: outcome.result.site.timeZone });
  return { status: "success", message: t("extended_done", { time }) };
}

export async function cancelParcelAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => cancelParcelAsAdmin(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  const t = await getTranslations("admin.parcels.detail");
  const { trackingNumber: tracking, slot } = outcome.result;
  return { status: "success", message: slot ? t("cancelledFreed", { tracking, door: slot.label }) : t("cancelled", { tracking }) };
}

export async function reportIncidentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => reportParcelIncident(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  const t = await getTranslations("admin.parcels.detail");
  return { status: "success", message: t("incidentDone", { tracking: outcome.result.trackingNumber, kind: outcome.result.kind }) };
}

export async function resendPickupCodeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => resendPickupCode(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  const t = await getTranslations("admin.parcels.detail");
  return { status: "success", message: t(outcome.result.newCode ? "resentNewCode" : "resent", { to: outcome.result.to }) };
}

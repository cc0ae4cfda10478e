"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/forms/state";
import { formatDateTime } from "@/lib/format";
import { cancelParcelAsAdmin, extendHoldAsAdmin, reportParcelIncident, resendPickupCode } from "@/lib/parcels/admin-actions";
import { formInput, runAction } from "@/lib/forms/action";
import { ADMIN_FORM } from "../../admin-context";

export async function extendHoldAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => extendHoldAsAdmin(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  return { status: "success", message: `Extended: the parcel now waits until ${formatDateTime(outcome.result.expiresAt!)}.` };
}

export async function cancelParcelAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => cancelParcelAsAdmin(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  return {
    status: "success",
    message: `${outcome.result.trackingNumber} is cancelled${outcome.result.slot ? `; door ${outcome.result.slot.label} is free again` : ""}.`,
  };
}

export async function reportIncidentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => reportParcelIncident(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  return { status: "success", message: `${outcome.result.trackingNumber} is marked ${outcome.result.kind}. It is on the timeline and the audit trail.` };
}

export async function resendPickupCodeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => resendPickupCode(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  return { status: "success", message: `The pickup code is on its way to ${outcome.result.to}.` };
}

"use server";

import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/forms/state";
import { runAction } from "@/lib/forms/action";
import { keepForInPersonDelivery, markDeliveredInPerson, sendConsentRequest } from "@/lib/parcels/consent-requests";

/** Texts the recipient the one-tap answer link; the screen then waits for the answer. */
export async function sendConsentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => sendConsentRequest(ctx, Object.fromEntries(formData)));
  if (!outcome.ok) return outcome.state;
  const t = await getTranslations("courier.consent");
  return { status: "success", message: t("sent") };
}

/** Keeps the parcel for in-person delivery: it becomes a task in the courier's Today list. */
export async function keepInPersonAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => keepForInPersonDelivery(ctx, Object.fromEntries(formData)));
  if (!outcome.ok) return outcome.state;
  redirect(`/courier/today?kept=${outcome.result.parcel.id}`);
}

/** The courier handed a kept parcel over in person. */
export async function deliveredInPersonAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => markDeliveredInPerson(ctx, Object.fromEntries(formData)));
  if (!outcome.ok) return outcome.state;
  redirect(`/courier/today?delivered=${encodeURIComponent(outcome.result.trackingNumber)}`);
}

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { IDLE, type FormState } from "@/lib/forms/state";
import { runAction } from "@/lib/forms/action";
import { keepForInPersonDelivery, markDeliveredInPerson, sendConsentRequest } from "@/lib/parcels/consent-requests";

/**
 * Texts the recipient the one-tap answer link; the screen then waits for the answer. The
 * page comes back with the action's answer, already saying the text went out: until its next
 * poll it would otherwise still say "not asked yet" and offer to text again.
 */
export async function sendConsentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => sendConsentRequest(ctx, Object.fromEntries(formData)));
  if (!outcome.ok) return outcome.state;
  revalidatePath("/courier/sites/[siteId]/consent/[requestId]", "page");
  // The page's own status line says "Text sent to …, waiting for the answer".
  return IDLE;
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

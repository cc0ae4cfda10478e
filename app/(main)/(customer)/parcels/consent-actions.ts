"use server";

import { redirect } from "next/navigation";
import { answerConsentInApp } from "@/lib/parcels/consent-requests";
import { runAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";

/**
 * The signed-in recipient answers a courier's consent request in the app. The question
 * leaves the page once answered, so the thanks is said by the page (?answered=…).
 */
export async function answerConsentInAppAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => answerConsentInApp(ctx, Object.fromEntries(formData)));
  if (!outcome.ok) return outcome.state;
  redirect(`/parcels?answered=${outcome.result.status}`);
}

"use server";

import { redirect } from "next/navigation";
import { answerConsentByToken } from "@/lib/consent/requests";
import { runAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";

/** The recipient's one tap from the text's link: no sign-in, the signed token is the proof. */
export async function answerConsentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => answerConsentByToken(ctx, Object.fromEntries(formData)), { secret: ["token"] });
  if (!outcome.ok) return outcome.state;
  redirect(`/consent/${encodeURIComponent(String(formData.get("token")))}`);
}

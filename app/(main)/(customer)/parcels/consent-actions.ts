"use server";

import { revalidatePath } from "next/cache";
import { answerConsentInApp } from "@/lib/consent/requests";
import { runAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";

const SAID: Record<string, string> = {
  granted: "Thank you: the courier puts it in the locker now.",
  in_person: "Thank you: the courier will bring it to you.",
  call_me: "Thank you: the courier will call you.",
};

/** The signed-in recipient answers a courier's consent request in the app. */
export async function answerConsentInAppAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => answerConsentInApp(ctx, Object.fromEntries(formData)));
  if (!outcome.ok) return outcome.state;
  revalidatePath("/parcels");
  return { status: "success", message: SAID[outcome.result.status] ?? "Answer saved." };
}

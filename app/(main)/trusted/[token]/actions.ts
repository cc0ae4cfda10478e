"use server";

import { redirect } from "next/navigation";
import { runAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";
import { declineTrustedPickup } from "@/lib/trusted/decline-link";

/** The trusted person's "I can't collect it": no sign-in, the signed token is the proof. */
export async function declineTrustedPickupAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => declineTrustedPickup(ctx, { token: formData.get("token") }), { secret: ["token"] });
  if (!outcome.ok) return outcome.state;
  redirect(`/trusted/${encodeURIComponent(String(formData.get("token")))}`);
}

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";
import { extendHold } from "@/lib/parcels/extend-hold";

export async function extendHoldAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => extendHold(ctx, { parcelId: formData.get("parcelId") }), { secret: "all" });
  if (!outcome.ok) return outcome.state;
  revalidatePath("/parcels");
  redirect(`/parcels/${outcome.result.id}?extended=1`);
}

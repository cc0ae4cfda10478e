"use server";

import { revalidatePath } from "next/cache";
import { createCarrier } from "@/lib/carriers/carriers";
import type { FormState } from "@/lib/forms/state";
import { formInput, runVerb } from "../admin-context";

export async function createCarrierAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runVerb(formData, (ctx) => createCarrier(ctx, formInput(formData)));
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  return { status: "success", message: `${outcome.result.name} (${outcome.result.code}) is added for the whole network.` };
}

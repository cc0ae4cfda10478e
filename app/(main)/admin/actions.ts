"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/forms/state";
import { liftKioskSlowDown } from "@/lib/kiosk/attempts";
import { formInput, runAction } from "@/lib/forms/action";
import { ADMIN_FORM } from "./admin-context";

/** Lifts one kiosk's wrong-code slow-down from the dashboard (audited by the verb). */
export async function liftKioskSlowDownAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => liftKioskSlowDown(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin");
  return { status: "success", message: `${outcome.result.kioskName} takes codes again.` };
}

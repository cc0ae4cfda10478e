"use server";

import { revalidatePath } from "next/cache";
import { formInput, runAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";
import { setCarrierOutbound } from "@/lib/outbound/settings";
import { ADMIN_FORM } from "../admin-context";

/** The admin's per-carrier, per-site outbound switch (decision 0013). */
export async function setCarrierOutboundAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => setCarrierOutbound(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath(`/admin/sites/${String(formData.get("siteId"))}`);
  return { status: "success", message: outcome.result.accepts ? "Customers can now send with this carrier here." : "This carrier no longer takes new outbound parcels here." };
}

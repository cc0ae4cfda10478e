"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/lib/forms/state";
import { openSlotRemotely, retireSlot, returnSlotToService, setSlotOutOfService } from "@/lib/slots/admin-slots";
import { formInput, runAction } from "@/lib/forms/action";
import { ADMIN_FORM } from "../../../../admin-context";

export async function outOfServiceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => setSlotOutOfService(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  const { label, holdsParcel } = outcome.result;
  const t = await getTranslations("admin.doors.done");
  return { status: "success", message: t("outOfService", { door: label, holdsParcel: holdsParcel ? "yes" : "no" }) };
}

export async function backInServiceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => returnSlotToService(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  const t = await getTranslations("admin.doors.done");
  return { status: "success", message: t("backInService", { door: outcome.result.label }) };
}

export async function openRemotelyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => openSlotRemotely(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  const { label, doorOpened } = outcome.result;
  const t = await getTranslations("admin.doors.done");
  return doorOpened
    ? { status: "success", message: t("opened", { door: label }) }
    : {
        status: "error",
        message: t("openFailed", { door: label }),
        fieldErrors: {},
        values: {},
      };
}

export async function retireSlotAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => retireSlot(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  redirect(`/admin/sites/${outcome.result.siteId}/slots/${outcome.result.id}?notice=slot-retired`);
}

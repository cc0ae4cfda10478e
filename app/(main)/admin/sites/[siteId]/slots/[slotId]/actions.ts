"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/forms/state";
import { openSlotRemotely, retireSlot, returnSlotToService, setSlotOutOfService } from "@/lib/slots/admin-slots";
import { formInput, runAction } from "@/lib/forms/action";
import { ADMIN_FORM } from "../../../../admin-context";

export async function outOfServiceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => setSlotOutOfService(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  const { label, holdsParcel } = outcome.result;
  return {
    status: "success",
    message: `Door ${label} is out of service; no parcel will be assigned to it.${holdsParcel ? " The parcel inside can still be collected." : ""}`,
  };
}

export async function backInServiceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => returnSlotToService(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  return { status: "success", message: `Door ${outcome.result.label} is back in service.` };
}

export async function openRemotelyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => openSlotRemotely(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  const { label, doorOpened } = outcome.result;
  return doorOpened
    ? { status: "success", message: `Door ${label} was opened. The opening is on the audit trail.` }
    : {
        status: "error",
        message: `The open command for door ${label} is recorded, but the locker's controller did not answer. Check the cabinet's connection and try again.`,
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

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { DepositState } from "@/components/courier/deposit-state";
import { runAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";
import { cancelParcel } from "@/lib/parcels/cancel";
import { confirmDeposit } from "@/lib/parcels/deposit";
import { reportParcelDoesNotFit, reportSlotFault, type ReassignResult } from "@/lib/parcels/reassign";
import type { ParcelView } from "@/lib/parcels/view";
import { depositErrorState } from "../../../../form-errors";

/*
 * The door screen's four answers. Each redirects to the screen that now holds: the form for
 * the next parcel, or this door screen showing the new door.
 */

function doorPath(parcel: ParcelView, query: Record<string, string>): string {
  return `/courier/sites/${parcel.site.id}/deposit/${parcel.id}?${new URLSearchParams(query)}`;
}

/** Either chosen reason, or the courier's own words when given. */
function reasonOf(formData: FormData): string {
  const own = String(formData.get("reasonOther") ?? "").trim();
  return own || String(formData.get("reason") ?? "");
}

export async function confirmDepositAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => confirmDeposit(ctx, { parcelId: formData.get("parcelId") }), { secret: "all" });
  if (!outcome.ok) return outcome.state;
  const { parcel } = outcome.result;
  redirect(`/courier/sites/${parcel.site.id}?last=${parcel.id}`);
}

export async function reportSlotFaultAction(_previous: DepositState, formData: FormData): Promise<DepositState> {
  const outcome = await runAction(formData, (ctx) => reportSlotFault(ctx, { parcelId: formData.get("parcelId"), reason: reasonOf(formData) }), {
    onError: reassignErrorState,
  });
  if (!outcome.ok) return outcome.state;
  redirect(doorPath(outcome.result.parcel, { moved: "fault", from: String(formData.get("door") ?? ""), ...opened(outcome.result) }));
}

export async function reportDoesNotFitAction(_previous: DepositState, formData: FormData): Promise<DepositState> {
  const outcome = await runAction(formData, (ctx) => reportParcelDoesNotFit(ctx, { parcelId: formData.get("parcelId") }), {
    secret: "all",
    onError: reassignErrorState,
  });
  if (!outcome.ok) return outcome.state;
  redirect(doorPath(outcome.result.parcel, { moved: "bigger", from: String(formData.get("door") ?? ""), ...opened(outcome.result) }));
}

export async function cancelReservationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => cancelParcel(ctx, { parcelId: formData.get("parcelId"), reason: reasonOf(formData) }));
  if (!outcome.ok) return outcome.state;
  const parcel = outcome.result;
  redirect(`/courier/sites/${parcel.site.id}?cancelled=${parcel.id}`);
}

/**
 * With no door left the verb cancelled the reservation: the screen must now show the
 * parcel cancelled, beside the sites that have room.
 */
function reassignErrorState(error: unknown, values: Record<string, string>): DepositState {
  const state = depositErrorState(error, values);
  if (state.siteFull) revalidatePath("/courier/sites/[siteId]/deposit/[parcelId]", "page");
  return state;
}

function opened(result: ReassignResult): Record<string, string> {
  return result.doorOpened ? {} : { door: "unconfirmed" };
}

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { DepositState } from "@/components/courier/deposit-state";
import { requestContext } from "@/lib/auth/current";
import { errorState } from "@/lib/forms/errors";
import { echoValues, type FormState } from "@/lib/forms/state";
import { cancelParcel } from "@/lib/parcels/cancel";
import { confirmDeposit, type DepositResult } from "@/lib/parcels/deposit";
import { reportParcelDoesNotFit, reportSlotFault, siteFullRefusal, type Reassigned, type ReassignResult, type ReassignSiteFull } from "@/lib/parcels/reassign";
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
  let result: DepositResult;
  try {
    result = confirmDeposit(await requestContext(), { parcelId: formData.get("parcelId") });
  } catch (error) {
    return errorState(error, {});
  }
  redirect(`/courier/sites/${result.parcel.site.id}?last=${result.parcel.id}`);
}

export async function reportSlotFaultAction(_previous: DepositState, formData: FormData): Promise<DepositState> {
  const values = echoValues(formData);
  let result: ReassignResult;
  try {
    result = await reportSlotFault(await requestContext(), { parcelId: formData.get("parcelId"), reason: reasonOf(formData) });
  } catch (error) {
    return depositErrorState(error, values);
  }
  if (result.outcome === "site_full") return siteFullState(result, values);
  redirect(doorPath(result.parcel, { moved: "fault", from: String(formData.get("door") ?? ""), ...opened(result) }));
}

export async function reportDoesNotFitAction(_previous: DepositState, formData: FormData): Promise<DepositState> {
  let result: ReassignResult;
  try {
    result = await reportParcelDoesNotFit(await requestContext(), { parcelId: formData.get("parcelId") });
  } catch (error) {
    return depositErrorState(error, {});
  }
  if (result.outcome === "site_full") return siteFullState(result, {});
  redirect(doorPath(result.parcel, { moved: "bigger", from: String(formData.get("door") ?? ""), ...opened(result) }));
}

export async function cancelReservationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = echoValues(formData);
  let parcel: ParcelView;
  try {
    parcel = cancelParcel(await requestContext(), { parcelId: formData.get("parcelId"), reason: reasonOf(formData) });
  } catch (error) {
    return errorState(error, values);
  }
  redirect(`/courier/sites/${parcel.site.id}?cancelled=${parcel.id}`);
}

/**
 * With no door left the verb cancelled the reservation (committed, like any other result):
 * the screen is read again to show the parcel cancelled, and the state carries the sites
 * that have room, worded as every full site is.
 */
function siteFullState(result: ReassignSiteFull, values: Record<string, string>): DepositState {
  revalidatePath("/courier/sites/[siteId]/deposit/[parcelId]", "page");
  return depositErrorState(siteFullRefusal(result), values);
}

function opened(result: Reassigned): Record<string, string> {
  return result.doorOpened ? {} : { door: "unconfirmed" };
}

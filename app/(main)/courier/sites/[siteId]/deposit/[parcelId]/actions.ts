"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { DepositState } from "@/components/courier/deposit-state";
import { nextScanPath } from "@/components/courier/scan/next-scan";
import { runAction } from "@/lib/forms/action";
import type { Locale } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/i18n/request-locale";
import { echoValues, type FormState } from "@/lib/forms/state";
import { cancelParcel } from "@/lib/parcels/cancel";
import { confirmDeposit } from "@/lib/parcels/deposit";
import { reportParcelDoesNotFit, reportSlotFault, siteFullRefusal, type Reassigned, type ReassignSiteFull } from "@/lib/parcels/reassign";
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
  redirect(nextScanPath(parcel.site.id, parcel.id));
}

export async function reportSlotFaultAction(_previous: DepositState, formData: FormData): Promise<DepositState> {
  const outcome = await runAction(formData, (ctx) => reportSlotFault(ctx, { parcelId: formData.get("parcelId"), reason: reasonOf(formData) }), {
    onError: depositErrorState,
  });
  if (!outcome.ok) return outcome.state;
  const result = outcome.result;
  if (result.outcome !== "moved") return siteFullState(result, echoValues(formData), await requestLocale());
  redirect(doorPath(result.parcel, { moved: "fault", from: String(formData.get("door") ?? ""), ...opened(result) }));
}

export async function reportDoesNotFitAction(_previous: DepositState, formData: FormData): Promise<DepositState> {
  const outcome = await runAction(formData, (ctx) => reportParcelDoesNotFit(ctx, { parcelId: formData.get("parcelId") }), {
    secret: "all",
    onError: depositErrorState,
  });
  if (!outcome.ok) return outcome.state;
  const result = outcome.result;
  if (result.outcome !== "moved") return siteFullState(result, {}, await requestLocale());
  redirect(doorPath(result.parcel, { moved: "bigger", from: String(formData.get("door") ?? ""), ...opened(result) }));
}

export async function cancelReservationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => cancelParcel(ctx, { parcelId: formData.get("parcelId"), reason: reasonOf(formData) }));
  if (!outcome.ok) return outcome.state;
  const parcel = outcome.result;
  redirect(`/courier/sites/${parcel.site.id}?cancelled=${parcel.id}`);
}

/**
 * With no door left the verb cancelled the reservation (committed, like any other result):
 * the screen is read again to show the parcel cancelled, and the state carries the sites
 * that have room, worded as a first reservation's SITE_FULL or NO_DOOR_WITHIN_REACH is.
 */
function siteFullState(result: ReassignSiteFull, values: Record<string, string>, locale: Locale): DepositState {
  revalidatePath("/courier/sites/[siteId]/deposit/[parcelId]", "page");
  return depositErrorState(siteFullRefusal(result), values, locale);
}

function opened(result: Reassigned): Record<string, string> {
  return result.doorOpened ? {} : { door: "unconfirmed" };
}

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/forms/state";
import { addLocker, removeLocker } from "@/lib/sites/admin-lockers";
import { closeSite, createSite, reopenSite, updateSite } from "@/lib/sites/admin-sites";
import { formInput, runVerb } from "../admin-context";

export async function createSiteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runVerb(formData, (ctx) => createSite(ctx, formInput(formData)));
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  redirect(`/admin/sites/${outcome.result.id}?notice=site-created`);
}

export async function updateSiteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runVerb(formData, (ctx) => updateSite(ctx, formInput(formData)));
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  redirect(`/admin/sites/${outcome.result.site.id}?notice=site-updated`);
}

export async function closeSiteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runVerb(formData, (ctx) => closeSite(ctx, formInput(formData)));
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  redirect(`/admin/sites/${outcome.result.id}?notice=site-closed`);
}

export async function reopenSiteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runVerb(formData, (ctx) => reopenSite(ctx, formInput(formData)));
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  redirect(`/admin/sites/${outcome.result.id}?notice=site-reopened`);
}

export async function addLockerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runVerb(formData, (ctx) => addLocker(ctx, formInput(formData)));
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  redirect(`/admin/sites/${outcome.result.siteId}?notice=locker-added#locker-${outcome.result.id}`);
}

export async function removeLockerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runVerb(formData, (ctx) => removeLocker(ctx, formInput(formData)));
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  redirect(`/admin/sites/${outcome.result.siteId}?notice=locker-${outcome.result.outcome}`);
}

"use server";

import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/forms/state";
import { createOrganizationAdmin } from "@/lib/people/admins";
import { createCourier, deactivateCourier, reactivateCourier, setCourierSites } from "@/lib/people/couriers";
import { formInput, runAction } from "@/lib/forms/action";
import { ADMIN_FORM } from "../admin-context";

export async function createCourierAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => createCourier(ctx, formInput(formData, ["siteIds"])), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  redirect(`/admin/people/couriers/${outcome.result.id}?notice=courier-created`);
}

export async function courierSitesAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => setCourierSites(ctx, formInput(formData, ["siteIds"])), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  const { name, sites } = outcome.result;
  const t = await getTranslations("admin.people");
  return {
    status: "success",
    message:
      sites.length === 0
        ? t("courier.servesNone", { name })
        : t("courier.serves", { name, sites: sites.map((site) => site.name).join(t("listSeparator")) }),
  };
}

export async function deactivateCourierAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => deactivateCourier(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  redirect(`/admin/people/couriers/${outcome.result.id}?notice=courier-deactivated`);
}

export async function reactivateCourierAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => reactivateCourier(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  redirect(`/admin/people/couriers/${outcome.result.id}?notice=courier-reactivated`);
}

export async function createAdminAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => createOrganizationAdmin(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  const t = await getTranslations("admin.people");
  return { status: "success", message: t("admins.added", { name: outcome.result.name, email: outcome.result.email ?? "" }) };
}

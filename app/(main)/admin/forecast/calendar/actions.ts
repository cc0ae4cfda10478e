"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { markCalendarDays, unmarkCalendarDay } from "@/lib/forecast/calendar";
import type { FormState } from "@/lib/forms/state";
import { formInput, runAction } from "@/lib/forms/action";
import { ADMIN_FORM } from "../../admin-context";

export async function markCalendarDaysAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => markCalendarDays(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  const { marked, first, last } = outcome.result;
  const t = await getTranslations("admin.forecast.calendar.done");
  return { status: "success", message: marked === 1 ? t("markedOne", { day: first }) : t("markedMany", { count: marked, first, last }) };
}

export async function unmarkCalendarDayAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(formData, (ctx) => unmarkCalendarDay(ctx, formInput(formData)), ADMIN_FORM);
  if (!outcome.ok) return outcome.state;
  revalidatePath("/admin", "layout");
  const t = await getTranslations("admin.forecast.calendar.done");
  return { status: "success", message: t("unmarked", { day: outcome.result.day }) };
}

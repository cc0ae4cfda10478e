"use client";

import { useTranslations } from "next-intl";
import { Field, Select } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/** Marks a run of days as sales days or term start, for one site or all of them. */
export function CalendarForm({ action, sites, today }: { action: FormAction; sites: { id: number; name: string }[]; today: string }) {
  const { state, formAction, values, errors } = useFormAction(action);
  const t = useTranslations("admin.forecast.calendar.form");
  // A fresh form for each answer: React resets a form after its action to the defaults it
  // had before, which would drop the site chosen when the answer is an error.
  const key = state.status === "error" ? `error:${JSON.stringify(values)}:${JSON.stringify(errors)}` : state.status === "success" ? `done:${state.message}` : "form";
  return (
    <form key={key} action={formAction} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <Select name="place" label={t("where")} defaultValue={values.place ?? "all"} errors={errors.place}>
        <option value="all">{t("allSites")}</option>
        {sites.map((site) => (
          <option key={site.id} value={site.id}>
            {site.name}
          </option>
        ))}
      </Select>
      <Select name="kind" label={t("what")} defaultValue={values.kind ?? "sales"} errors={errors.kind}>
        <option value="sales">{t("sales")}</option>
        <option value="term_start">{t("termStart")}</option>
      </Select>
      <Field name="day" label={t("firstDay")} type="date" min={today} required defaultValue={values.day ?? today} errors={errors.day} />
      <Field
        name="days"
        label={t("days")}
        type="number"
        min={1}
        max={14}
        required
        defaultValue={values.days ?? "1"}
        errors={errors.days}
        hint={t("daysHint")}
      />
      <div>
        <SubmitButton pendingLabel={t("pending")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}

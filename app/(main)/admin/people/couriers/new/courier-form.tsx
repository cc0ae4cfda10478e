"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { SubmitButton } from "@/components/ui/submit-button";
import { CheckboxGroup, Select } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { createCourierAction } from "../../actions";
import { useFormAction } from "@/components/ui/use-form-action";

type Choice = { id: number; name: string };

export function CourierForm({ carriers, sites }: { carriers: Choice[]; sites: (Choice & { code: string })[] }) {
  const t = useTranslations("admin.people.newCourier");
  const tCourier = useTranslations("admin.people.courier");
  const { state, formAction: action, values, errors } = useFormAction(createCourierAction);
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="name" label={t("name")} autoComplete="off" required maxLength={80} defaultValue={values.name} errors={errors.name} />
        <Select name="carrierId" label={t("carrier")} required defaultValue={values.carrierId ?? ""} errors={errors.carrierId}>
          <option value="" disabled>
            {t("chooseCarrier")}
          </option>
          {carriers.map((carrier) => (
            <option key={carrier.id} value={carrier.id}>
              {carrier.name}
            </option>
          ))}
        </Select>
        <Field
          name="phone"
          label={t("phone")}
          type="tel"
          autoComplete="off"
          required
          defaultValue={values.phone}
          errors={errors.phone}
          hint={t("phoneHint")}
        />
        <Field name="email" label={t("email")} type="email" autoComplete="off" defaultValue={values.email} errors={errors.email} />
        <Field
          name="password"
          label={t("password")}
          type="password"
          autoComplete="new-password"
          required
          errors={errors.password}
          hint={t("passwordHint")}
        />
      </div>
      <CheckboxGroup
        name="siteIds"
        legend={t("sites")}
        hint={t("sitesHint")}
        errors={errors.siteIds}
        options={sites.map((site) => ({ value: String(site.id), label: tCourier("siteOption", { name: site.name, code: site.code }) }))}
        checked={values.siteIds?.split(",") ?? []}
      />
      <div className="flex flex-wrap gap-3">
        <SubmitButton pendingLabel={t("creating")}>{t("submit")}</SubmitButton>
        <Link href="/admin/people" className={buttonClass("secondary")}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}

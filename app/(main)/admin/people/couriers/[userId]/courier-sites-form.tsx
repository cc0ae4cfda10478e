"use client";

import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { CheckboxGroup } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { courierSitesAction } from "../../actions";
import { useFormAction } from "@/components/ui/use-form-action";

export function CourierSitesForm({
  userId,
  sites,
  serving,
}: {
  userId: number;
  sites: { id: number; name: string; code: string; status: "open" | "closed" }[];
  serving: number[];
}) {
  const t = useTranslations("admin.people.courier");
  const { state, formAction: action, errors } = useFormAction(courierSitesAction);
  const checked = state.status === "error" ? (state.values.siteIds?.split(",") ?? []) : serving.map(String);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <CheckboxGroup
        key={checked.join(",")}
        name="siteIds"
        legend={t("sitesLegend")}
        hint={t("sitesHint")}
        errors={errors.siteIds}
        options={sites.map((site) => ({ value: String(site.id), label: t(site.status === "closed" ? "siteClosed" : "siteOption", { name: site.name, code: site.code }) }))}
        checked={checked}
      />
      <div>
        <SubmitButton>{t("saveSites")}</SubmitButton>
      </div>
    </form>
  );
}

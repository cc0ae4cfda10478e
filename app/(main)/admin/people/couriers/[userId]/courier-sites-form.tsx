"use client";

import { useActionState } from "react";
import { AdminSubmit } from "@/components/admin/admin-submit";
import { CheckboxGroup } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/forms/state";
import { courierSitesAction } from "../../actions";

export function CourierSitesForm({
  userId,
  sites,
  serving,
}: {
  userId: number;
  sites: { id: number; name: string; code: string; status: "open" | "closed" }[];
  serving: number[];
}) {
  const [state, action] = useActionState(courierSitesAction, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const checked = state.status === "error" ? (state.values.siteIds?.split(",") ?? []) : serving.map(String);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <CheckboxGroup
        key={checked.join(",")}
        name="siteIds"
        legend="Sites served"
        hint="Untick a site to stop the courier depositing there. Their parcels already inside stay where they are."
        errors={errors.siteIds}
        options={sites.map((site) => ({ value: String(site.id), label: `${site.name} (${site.code})${site.status === "closed" ? " — closed" : ""}` }))}
        checked={checked}
      />
      <div>
        <AdminSubmit pendingLabel="Saving…">Save sites</AdminSubmit>
      </div>
    </form>
  );
}

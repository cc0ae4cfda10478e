"use client";

import Link from "next/link";
import { useState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { LockerLayoutEditor } from "@/components/admin/locker-layout-editor";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { addLockerAction } from "../../../actions";
import { useFormAction } from "@/components/ui/use-form-action";

export function LockerForm({ siteId, suggestedCode }: { siteId: number; suggestedCode: string }) {
  const { state, formAction: action, values, errors } = useFormAction(addLockerAction);
  const [code, setCode] = useState(values.code ?? suggestedCode);
  return (
    <form action={action} className="flex flex-col gap-6" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="siteId" value={siteId} />
      <div className="grid max-w-xl gap-4 sm:grid-cols-2">
        <Field
          name="code"
          label="Locker code"
          required
          maxLength={4}
          autoCapitalize="characters"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          errors={errors.code}
          hint={`Painted on the cabinet; its doors are numbered ${code.trim().toUpperCase() || "A"}-01, ${code.trim().toUpperCase() || "A"}-02, …`}
        />
        <Field
          name="controllerId"
          label="Controller id (optional)"
          maxLength={64}
          defaultValue={values.controllerId}
          errors={errors.controllerId}
          hint="The lock board's id; left empty, the simulated controller is used."
        />
      </div>
      <LockerLayoutEditor key={values.layout ?? "initial"} code={code} defaultText={values.layout} errors={errors.layout} />
      <div className="flex flex-wrap gap-3">
        <SubmitButton pendingLabel="Adding the locker…">Add locker</SubmitButton>
        <Link href={`/admin/sites/${siteId}`} className={buttonClass("secondary")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}

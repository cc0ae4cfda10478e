"use client";

import { Field, Select } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/** Marks a run of days as sales days or term start, for one site or all of them. */
export function CalendarForm({ action, sites, today }: { action: FormAction; sites: { id: number; name: string }[]; today: string }) {
  const { state, formAction, values, errors } = useFormAction(action);
  // A fresh form for each answer: React resets a form after its action to the defaults it
  // had before, which would drop the site chosen when the answer is an error.
  const key = state.status === "error" ? `error:${JSON.stringify(values)}:${JSON.stringify(errors)}` : state.status === "success" ? `done:${state.message}` : "form";
  return (
    <form key={key} action={formAction} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <Select name="place" label="Where" defaultValue={values.place ?? "all"} errors={errors.place}>
        <option value="all">All sites of the organization</option>
        {sites.map((site) => (
          <option key={site.id} value={site.id}>
            {site.name}
          </option>
        ))}
      </Select>
      <Select name="kind" label="What" defaultValue={values.kind ?? "sales"} errors={errors.kind}>
        <option value="sales">Sales days (e.g. 11.11, 618)</option>
        <option value="term_start">Term start</option>
      </Select>
      <Field name="day" label="First day" type="date" min={today} required defaultValue={values.day ?? today} errors={errors.day} />
      <Field
        name="days"
        label="Number of days"
        type="number"
        min={1}
        max={14}
        required
        defaultValue={values.days ?? "1"}
        errors={errors.days}
        hint="1 to 14 days from the first day."
      />
      <div>
        <SubmitButton pendingLabel="Marking…">Mark days</SubmitButton>
      </div>
    </form>
  );
}

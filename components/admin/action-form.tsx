"use client";

import type { ReactNode } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextArea } from "@/components/ui/field";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/**
 * A one-step console action: hidden ids, an optional reason, one button. Its success or
 * error message stays with it after the page is revalidated, as long as the page keeps it
 * in the same place.
 */
export function ActionForm({
  action,
  hidden,
  submitLabel,
  pendingLabel,
  variant = "primary",
  reason,
  intro,
  disabled = false,
}: {
  action: FormAction;
  hidden: Record<string, string | number>;
  submitLabel: string;
  pendingLabel: string;
  variant?: "primary" | "secondary" | "danger";
  /** A reason field; `id` keeps several on one page apart. */
  reason?: { id: string; label: string; hint?: string; placeholder?: string };
  intro?: ReactNode;
  /** The action does not apply now: say why in `intro`; the last message stays. */
  disabled?: boolean;
}) {
  const { state, formAction, values, errors } = useFormAction(action);
  return (
    <form action={formAction} className="flex flex-col gap-3" noValidate>
      <FormMessage state={state} />
      {intro}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {reason ? (
        <TextArea
          id={reason.id}
          name="reason"
          label={reason.label}
          hint={reason.hint}
          placeholder={reason.placeholder}
          rows={2}
          required
          maxLength={200}
          defaultValue={values.reason}
          errors={errors.reason}
        />
      ) : null}
      {disabled ? null : (
        <div>
          <SubmitButton variant={variant} pendingLabel={pendingLabel}>
            {submitLabel}
          </SubmitButton>
        </div>
      )}
    </form>
  );
}

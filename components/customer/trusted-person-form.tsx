"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/*
 * The recipient's trusted person (代收人) forms: naming one — for a parcel, or standing on
 * the account — and revoking. The actions live beside their pages; these forms work before
 * JavaScript loads, put the typed values back after a refusal, and never show a code.
 */

/** "Li Wei (139****0001)", or the masked phone alone. */
export function useTrustedWho() {
  const t = useTranslations("trusted");
  return (person: { name: string | null; maskedPhone: string }) =>
    person.name ? t("whoNamed", { name: person.name, phone: person.maskedPhone }) : person.maskedPhone;
}

/** Phone and optional name of the person to trust; `parcelId` names them for that parcel only. */
export function TrustedPersonForm({
  action,
  parcelId,
  submitLabel,
  current,
}: {
  action: FormAction;
  parcelId?: number;
  submitLabel: string;
  /** The standing person's details, to edit them in place. */
  current?: { phone: string; name: string | null };
}) {
  const t = useTranslations("trusted");
  const { state, formAction, values, errors } = useFormAction(action);
  const prefix = parcelId ? `trusted-${parcelId}` : "trusted-standing";
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <FormMessage state={state} />
      {parcelId ? <input type="hidden" name="parcelId" value={parcelId} /> : null}
      <Field
        id={`${prefix}-phone`}
        name="phone"
        label={t("phone")}
        hint={t("phoneHint")}
        errors={errors.phone}
        type="tel"
        inputMode="tel"
        autoComplete="off"
        required
        defaultValue={values.phone ?? current?.phone ?? ""}
        key={`phone-${state.status}-${values.phone ?? ""}`}
      />
      <Field
        id={`${prefix}-name`}
        name="name"
        label={t("name")}
        hint={t("nameHint")}
        errors={errors.name}
        autoComplete="off"
        maxLength={40}
        defaultValue={values.name ?? current?.name ?? ""}
        key={`name-${state.status}-${values.name ?? ""}`}
      />
      <SubmitButton pendingLabel={t("naming")} className="w-full sm:w-fit">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}

/** Revokes a trusted person: the parcel's (with `parcelId`) or the standing one. */
export function TrustedRevokeForm({
  action,
  parcelId,
  label,
  accessibleLabel,
}: {
  action: FormAction;
  parcelId?: number;
  label: string;
  accessibleLabel: string;
}) {
  const t = useTranslations("trusted");
  const { state, formAction } = useFormAction(action);
  return (
    <form action={formAction} className="flex flex-col gap-2" aria-label={accessibleLabel}>
      <FormMessage state={state} />
      {parcelId ? <input type="hidden" name="parcelId" value={parcelId} /> : null}
      <SubmitButton pendingLabel={t("revoking")} variant="secondary" className="w-full sm:w-fit">
        {label}
      </SubmitButton>
    </form>
  );
}

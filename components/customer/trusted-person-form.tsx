"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { ConfirmPanel } from "@/components/ui/confirm-panel";
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
/**
 * Revoking a trusted person behind a second step (their code stops at once). The answer is
 * shown by the section that holds this form (useFormAction there, `formAction` here): on
 * success the person is gone, and this form with them.
 */
export function TrustedRevokeForm({
  formAction,
  parcelId,
  label,
  accessibleLabel,
  confirmText,
  confirmLabel,
}: {
  formAction: (formData: FormData) => void;
  parcelId?: number;
  label: string;
  accessibleLabel: string;
  confirmText: string;
  confirmLabel: string;
}) {
  const t = useTranslations("trusted");
  return (
    <ConfirmPanel label={label}>
      <form action={formAction} className="flex flex-col gap-2" aria-label={accessibleLabel}>
        <p>{confirmText}</p>
        {parcelId ? <input type="hidden" name="parcelId" value={parcelId} /> : null}
        <SubmitButton pendingLabel={t("revoking")} variant="danger" className="w-full sm:w-fit">
          {confirmLabel}
        </SubmitButton>
      </form>
    </ConfirmPanel>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type { TrustedPerson } from "@/lib/trusted/trusted-persons";
import { TrustedPersonForm, TrustedRevokeForm, useTrustedWho } from "./trusted-person-form";

/** The account's standing trusted person: who it is, the form to name or change them, and removing them. */
export function TrustedPersonStanding({
  current,
  maskedPhone,
  saveAction,
  removeAction,
}: {
  current: TrustedPerson | null;
  maskedPhone: string | null;
  saveAction: FormAction;
  removeAction: FormAction;
}) {
  const t = useTranslations("trusted");
  const who = useTrustedWho();
  const person = current && maskedPhone ? who({ name: current.name, maskedPhone }) : null;
  // Held here, not by the remove form: once removed, the form is gone and its answer stays.
  const remove = useFormAction(removeAction);
  return (
    <section aria-labelledby="trusted-standing-heading" className="flex flex-col gap-3 rounded-xl border border-gray-200 p-4">
      <h2 id="trusted-standing-heading" className="text-lg font-semibold">
        {t("standingHeading")}
      </h2>
      <p className="text-gray-700">{t("standingHelp")}</p>
      <FormMessage state={remove.state} />
      <p className="font-medium">{person ? t("standingNow", { who: person }) : t("standingNone")}</p>
      <TrustedPersonForm action={saveAction} submitLabel={t("saveStanding")} current={current ?? undefined} />
      {person ? (
        <TrustedRevokeForm
          formAction={remove.formAction}
          label={t("remove")}
          accessibleLabel={t("revokeLabel", { who: person })}
          confirmText={t("removeConfirm", { who: person })}
          confirmLabel={t("removeYes")}
        />
      ) : null}
    </section>
  );
}

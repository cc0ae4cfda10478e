"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type { ParcelTrustedPerson } from "@/lib/trusted/trusted-persons";
import { TrustedPersonForm, TrustedRevokeForm, useTrustedWho } from "./trusted-person-form";

/** A parcel's trusted person on its page: who collected it, who may, and the forms to change that. */
export function TrustedPersonSection({
  parcelId,
  trusted,
  nameAction,
  revokeAction,
}: {
  parcelId: number;
  trusted: ParcelTrustedPerson;
  nameAction: FormAction;
  revokeAction: FormAction;
}) {
  const t = useTranslations("trusted");
  const who = useTrustedWho();
  // Held here, not by the revoke form: a revoked person's form is gone with them, its answer stays.
  const revoke = useFormAction(revokeAction);
  const { current, collectedBy, declinedBy, canName } = trusted;
  if (collectedBy) {
    return (
      <p className="rounded-xl border border-gray-200 p-4 font-semibold" data-testid="collected-by">
        {t("collectedBy", { who: who(collectedBy) })}
      </p>
    );
  }
  if (!canName && !current) return null;
  return (
    <section aria-labelledby="trusted-heading" className="flex flex-col gap-3 rounded-xl border border-gray-200 p-4">
      <h2 id="trusted-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <FormMessage state={revoke.state} />
      {current ? (
        <>
          <p>{t(current.source === "standing" ? "currentStanding" : "current", { who: who(current) })}</p>
          <p className="text-sm text-gray-700">{current.hasCode ? t("codeSent") : t("codeLater")}</p>
          <TrustedRevokeForm
            formAction={revoke.formAction}
            parcelId={parcelId}
            label={t("revoke")}
            accessibleLabel={t("revokeLabel", { who: who(current) })}
            confirmText={t("revokeConfirm", { who: who(current) })}
            confirmLabel={t("revokeYes")}
          />
        </>
      ) : (
        <>
          {declinedBy ? (
            <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
              {t("declinedBy", { who: who(declinedBy) })}
            </p>
          ) : null}
          <p className="text-sm text-gray-700">{t("parcelIntro")}</p>
        </>
      )}
      {canName ? (
        <>
          {current ? <p className="text-sm text-gray-700">{t("replaceHint")}</p> : null}
          <TrustedPersonForm action={nameAction} parcelId={parcelId} submitLabel={t("nameForParcel")} />
        </>
      ) : null}
    </section>
  );
}

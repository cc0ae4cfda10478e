"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type { FormState } from "@/lib/forms/state";

const ANSWERS = [
  { answer: "locker", label: "locker", variant: "primary" },
  { answer: "in_person", label: "inPerson", variant: "secondary" },
  { answer: "call_me", label: "callMe", variant: "secondary" },
] as const;

/**
 * The recipient's three one-tap answers. Each is its own form so that it works before
 * JavaScript loads; one state shows a refusal (used or run-out link) for all three.
 */
export function ConsentAnswerForms({
  token,
  requestId,
  action,
}: {
  /** From a text's link: the signed token. */
  token?: string;
  /** In the app: the request, answered as the signed-in recipient. */
  requestId?: number;
  action: FormAction<FormState>;
}) {
  const t = useTranslations("customer.consent.answers");
  const { state, formAction } = useFormAction(action);
  return (
    <div className="flex flex-col gap-3">
      <FormMessage state={state} />
      {ANSWERS.map(({ answer, label, variant }) => (
        <form key={answer} action={formAction} aria-label={t(label)}>
          {token !== undefined ? <input type="hidden" name="token" value={token} /> : null}
          {requestId !== undefined ? <input type="hidden" name="requestId" value={requestId} /> : null}
          <input type="hidden" name="answer" value={answer} />
          <SubmitButton pendingLabel={t("sending")} variant={variant} className="min-h-14 w-full text-lg">
            {t(label)}
          </SubmitButton>
        </form>
      ))}
    </div>
  );
}

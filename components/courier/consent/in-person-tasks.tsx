"use client";

import { useTranslations } from "next-intl";
import { ConfirmPanel } from "@/components/ui/confirm-panel";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type { InPersonTask } from "@/lib/parcels/consent-requests";
import type { FormState } from "@/lib/forms/state";

/**
 * Parcels the courier keeps to hand over in person — the recipient said "bring it to me",
 * or refuses lockers — until the courier says it is done.
 */
export function InPersonTasks({ tasks, deliveredAction }: { tasks: InPersonTask[]; deliveredAction: FormAction<FormState> }) {
  const t = useTranslations("courier.inPerson");
  if (tasks.length === 0) return null;
  return (
    <section aria-labelledby="in-person" className="flex flex-col gap-2 rounded-2xl border-2 border-amber-400 bg-amber-50 p-4">
      <h2 id="in-person" className="text-lg font-bold text-amber-950">
        {t("heading", { count: tasks.length })}
      </h2>
      <p className="text-sm text-amber-950">{t("intro")}</p>
      <ul aria-label={t("listLabel")} className="flex flex-col gap-2">
        {tasks.map((task) => (
          <InPersonTaskRow key={task.parcelId} task={task} deliveredAction={deliveredAction} />
        ))}
      </ul>
    </section>
  );
}

function InPersonTaskRow({ task, deliveredAction }: { task: InPersonTask; deliveredAction: FormAction<FormState> }) {
  const t = useTranslations("courier.inPerson");
  const { state, formAction } = useFormAction(deliveredAction);
  return (
    <li className="flex flex-col gap-2 rounded-xl border border-amber-300 bg-white p-3">
      <p className="break-all font-mono text-lg font-semibold">{task.trackingNumber}</p>
      <p className="text-sm text-gray-800">
        {task.recipientName ? `${task.recipientName} · ` : ""}
        <a className="font-semibold underline" href={`tel:${task.recipientPhone}`}>
          {task.recipientPhone}
        </a>{" "}
        · {t("announcedAt", { site: task.siteName })}
      </p>
      {/* One tap must not close the task for good: the button sits under the recipient's phone link. */}
      <ConfirmPanel label={t("handedOver")} tone="neutral">
        <p className="text-sm text-gray-900">{t("confirm")}</p>
        <form action={formAction} aria-label={t("formLabel", { trackingNumber: task.trackingNumber })}>
          <input type="hidden" name="parcelId" value={task.parcelId} />
          <FormMessage state={state} />
          <SubmitButton pendingLabel={t("saving")} variant="secondary">
            {t("confirmButton")}
            <span className="sr-only">{t("handedOverWhich", { trackingNumber: task.trackingNumber })}</span>
          </SubmitButton>
        </form>
      </ConfirmPanel>
    </li>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormState } from "@/lib/forms/state";

type State = FormState | { status: "opened"; message: string; doorOpened: boolean };
export type OutboundPickupAction = (previous: State, formData: FormData) => Promise<State>;
type Action = OutboundPickupAction;

/**
 * One outbound parcel in a door: one tap opens the door, the next says the courier has it.
 * "I have it" is offered from the start too — a door the courier opened before and never
 * confirmed must not trap the parcel on the list.
 */
export function OutboundPickup({
  outboundParcelId,
  slotLabel,
  open,
  taken,
}: {
  outboundParcelId: number;
  slotLabel: string;
  open: Action;
  taken: Action;
}) {
  const t = useTranslations("courier.outbound");
  const opening = useFormAction<State>(open, { status: "idle" });
  const taking = useFormAction<State>(taken, { status: "idle" });
  if (taking.state.status === "success") return <FormMessage state={taking.state} />;
  return (
    <div className="flex flex-col gap-2">
      {opening.state.status === "opened" ? (
        <p role="status" className={`rounded-lg border px-3 py-2 text-sm ${opening.state.doorOpened ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}>
          {opening.state.message}
        </p>
      ) : (
        <FormMessage state={opening.state as FormState} />
      )}
      <FormMessage state={taking.state as FormState} />
      <div className="flex flex-col gap-2 sm:flex-row">
        <form action={opening.formAction}>
          <input type="hidden" name="outboundParcelId" value={outboundParcelId} />
          <SubmitButton variant={opening.state.status === "opened" && opening.state.doorOpened ? "secondary" : "primary"} pendingLabel={t("opening")} className="w-full sm:w-auto">
            {t(opening.state.status === "opened" ? "openDoorAgain" : "openDoor", { door: slotLabel })}
          </SubmitButton>
        </form>
        <form action={taking.formAction}>
          <input type="hidden" name="outboundParcelId" value={outboundParcelId} />
          <SubmitButton variant={opening.state.status === "opened" && opening.state.doorOpened ? "primary" : "secondary"} pendingLabel={t("saving")} className="w-full sm:w-auto">
            {t("taken")}
          </SubmitButton>
        </form>
      </div>
    </div>
  );
}

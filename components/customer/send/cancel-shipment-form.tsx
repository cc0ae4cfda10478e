"use client";

import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/** The confirmation step of cancelling a shipment: says what will happen, then does it once. */
export function CancelShipmentForm({ action, outboundParcelId, what }: { action: FormAction; outboundParcelId: number; what: string }) {
  const { state, formAction } = useFormAction(action);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <FormMessage state={state} />
      <p>
        Cancel {what}? Its drop-off code stops working at once. You can start a new shipment later.
      </p>
      <input type="hidden" name="outboundParcelId" value={outboundParcelId} />
      <div className="flex flex-col gap-2 sm:flex-row">
        <SubmitButton variant="danger" pendingLabel="Cancelling…">
          Yes, cancel it
        </SubmitButton>
        <Link href="/send" className={buttonClass("secondary")}>
          Keep it
        </Link>
      </div>
    </form>
  );
}

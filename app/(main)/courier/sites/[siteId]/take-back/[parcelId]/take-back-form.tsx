"use client";

import Link from "next/link";
import { useActionState } from "react";
import { PendingButton } from "@/components/courier/pending-button";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/forms/state";
import { confirmTakeBackAction, takeBackAction } from "../actions";

/** Step 1: open the door (or open it again, when it was shut before the parcel came out). */
export function TakeBackForm({
  parcelId,
  doorLabel,
  backHref,
  again = false,
}: {
  parcelId: number;
  doorLabel: string;
  backHref?: string;
  again?: boolean;
}) {
  const [state, action] = useActionState(takeBackAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormMessage state={state} />
      <input type="hidden" name="parcelId" value={parcelId} />
      <PendingButton pendingLabel="Opening the door…" variant={again ? "secondary" : "primary"} className="min-h-14 w-full text-lg">
        {again ? `Open door ${doorLabel} again` : `Open door ${doorLabel}`}
      </PendingButton>
      {backHref ? (
        <Link href={backHref} className={buttonClass("secondary", "min-h-12")}>
          Not now
        </Link>
      ) : null}
    </form>
  );
}

/** Step 2: the courier says the parcel is out; only this marks it returned and frees the door. */
export function ConfirmTakeBackForm({ parcelId, trackingNumber }: { parcelId: number; trackingNumber: string }) {
  const [state, action] = useActionState(confirmTakeBackAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormMessage state={state} />
      <input type="hidden" name="parcelId" value={parcelId} />
      <PendingButton pendingLabel="Saving…" className="min-h-14 w-full text-lg">
        Yes, I took {trackingNumber} out
      </PendingButton>
    </form>
  );
}

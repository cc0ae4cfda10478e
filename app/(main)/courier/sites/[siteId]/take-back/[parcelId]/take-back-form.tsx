"use client";

import Link from "next/link";
import { useActionState } from "react";
import { PendingButton } from "@/components/courier/pending-button";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/forms/state";
import { takeBackAction } from "../actions";

export function TakeBackForm({ parcelId, doorLabel, backHref }: { parcelId: number; doorLabel: string; backHref: string }) {
  const [state, action] = useActionState(takeBackAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormMessage state={state} />
      <input type="hidden" name="parcelId" value={parcelId} />
      <PendingButton pendingLabel="Opening the door…" className="min-h-14 w-full text-lg">
        Open door {doorLabel}
      </PendingButton>
      <Link href={backHref} className={buttonClass("secondary", "min-h-12")}>
        Not now
      </Link>
    </form>
  );
}

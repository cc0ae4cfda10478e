"use client";

import Link from "next/link";
import { errorReference, RouteState } from "@/components/layout/route-state";
import { Button, buttonClass } from "@/components/ui/button";

// Nothing is logged here: the server logged the error under its digest, and a message
// thrown in the browser may carry what was on the screen (a recipient's phone).
export default function CourierError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <RouteState
      title="Something went wrong"
      reference={errorReference(error)}
      actions={
        <>
          <Button onClick={() => retry()}>Try again</Button>
          <Link href="/courier" className={buttonClass("secondary")}>
            Back to your sites
          </Link>
        </>
      }
    >
      <title>Something went wrong · Parcel Lockers</title>
      <p>This page could not be shown. Try again in a moment.</p>
      <p>In the middle of a deposit or a take-back? Look the parcel up under Today before you repeat it.</p>
    </RouteState>
  );
}

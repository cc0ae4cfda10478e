"use client";

import Link from "next/link";
import { errorReference, RouteState } from "@/components/layout/route-state";
import { Button, buttonClass } from "@/components/ui/button";

// Nothing is logged here: a message thrown in the browser may carry what was typed.
export default function AuthError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <RouteState
      title="Signing in is not working just now"
      reference={errorReference(error)}
      actions={
        <>
          <Button onClick={() => retry()}>Try again</Button>
          <Link href="/" className={buttonClass("secondary")}>
            Go to the home page
          </Link>
        </>
      }
    >
      <title>Something went wrong · Parcel Lockers</title>
      <p>Nothing was changed. Please try again in a moment.</p>
    </RouteState>
  );
}

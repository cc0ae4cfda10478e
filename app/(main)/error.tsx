"use client";

import Link from "next/link";
import { errorReference, RouteState } from "@/components/layout/route-state";
import { Button, buttonClass } from "@/components/ui/button";

/** The pages outside the three areas (home, sign-out, the development mailbox). */
export default function MainError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <RouteState
      title="Something went wrong"
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
      <p>This page could not be shown. Please try again in a moment.</p>
    </RouteState>
  );
}

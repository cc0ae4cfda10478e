"use client";

import Link from "next/link";
import { errorReference, RouteState } from "@/components/layout/route-state";
import { Button, buttonClass } from "@/components/ui/button";

// Nothing is logged here: the server logged the error under its digest, and a message
// thrown in the browser may carry what was on the screen.
export default function AdminError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <RouteState
      title="Something went wrong"
      reference={errorReference(error)}
      actions={
        <>
          <Button onClick={() => retry()}>Try again</Button>
          <Link href="/admin" className={buttonClass("secondary")}>
            Back to the dashboard
          </Link>
        </>
      }
    >
      <title>Something went wrong · Parcel Lockers</title>
      <p>This page could not be shown. Try again; if it keeps happening, pass the reference below to whoever runs the system.</p>
    </RouteState>
  );
}

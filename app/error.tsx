"use client";

import Link from "next/link";
import { BrandBar, errorReference, RouteState } from "@/components/layout/route-state";
import { Button, buttonClass } from "@/components/ui/button";

/*
 * A failure of a layout below the root (the site header reads the session): drawn in the
 * root layout alone, so it brings the brand itself.
 */
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <>
      <title>Something went wrong · Parcel Lockers</title>
      <BrandBar />
      <main id="main" className="mx-auto w-full max-w-5xl px-4 py-6">
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
          <p>The service could not show this page. Please try again in a moment.</p>
        </RouteState>
      </main>
    </>
  );
}
